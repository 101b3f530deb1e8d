// SPDX-License-Identifier: GPL-3.0-or-later
#include "casedeadlines.h"

#include <QCoreApplication>

#include <optional>

namespace VisitMap::Risk {

namespace {

Deadline make(const QString &label, const QDate &due, const QDate &metOn, const QDate &today)
{
    Deadline d{label, due, metOn};
    d.daysLeft = int(today.daysTo(due));
    if (metOn.isValid())
        d.state = Deadline::State::Met;
    else if (d.daysLeft < 0)
        d.state = Deadline::State::Late;
    else if (d.daysLeft <= CaseDeadlines::dueSoonDays)
        d.state = Deadline::State::DueSoon;
    else
        d.state = Deadline::State::Upcoming;
    return d;
}

// The words a person reads go through Qt's translation, as the enums' labels do.
QString translated(const char *label)
{
    return QCoreApplication::translate("VisitMap::Label", label);
}

} // namespace

QList<Deadline> CaseDeadlines::forCase(const CaseFile &c, const QDate &today)
{
    QList<Deadline> out;
    if (c.intakeAt.isValid()) {
        out << make(
            translated(QT_TRANSLATE_NOOP("VisitMap::Label", "욕구·위기도 조사 (접수 후 %1일)"))
                .arg(assessmentDays),
            c.intakeAt.addDays(assessmentDays), c.assessedAt, today);
        out << make(
            translated(QT_TRANSLATE_NOOP("VisitMap::Label", "서비스 제공계획 (접수 후 %1일)"))
                .arg(planDays),
            c.intakeAt.addDays(planDays), c.plannedAt, today);
    }
    if (c.stage == CaseStage::CaseConference)
        out << make(
            translated(QT_TRANSLATE_NOOP("VisitMap::Label", "대상자 구분·선정 (사례회의 후 %1일)"))
                .arg(selectionDays),
            c.stageSince.addDays(selectionDays), {}, today);
    if (c.stage == CaseStage::Closure) {
        for (Deadline &d : out) {
            if (d.state != Deadline::State::Met)
                d.state = Deadline::State::Met, d.metOn = c.closedAt;
        }
    }
    return out;
}

std::optional<Deadline> CaseDeadlines::mostPressing(const CaseFile &c, const QDate &today)
{
    std::optional<Deadline> best;
    for (const Deadline &d : forCase(c, today)) {
        if (d.state == Deadline::State::Met)
            continue;
        if (!best || d.daysLeft < best->daysLeft)
            best = d;
    }
    return best;
}

QString CaseDeadlines::stateLabel(Deadline::State state)
{
    switch (state) {
    case Deadline::State::Upcoming:
        return translated(QT_TRANSLATE_NOOP("VisitMap::Label", "예정"));
    case Deadline::State::DueSoon:
        return translated(QT_TRANSLATE_NOOP("VisitMap::Label", "임박"));
    case Deadline::State::Late:
        return translated(QT_TRANSLATE_NOOP("VisitMap::Label", "기한 지남"));
    case Deadline::State::Met:
        return translated(QT_TRANSLATE_NOOP("VisitMap::Label", "완료"));
    }
    return {};
}

} // namespace VisitMap::Risk
