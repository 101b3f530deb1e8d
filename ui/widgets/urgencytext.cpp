// SPDX-License-Identifier: GPL-3.0-or-later
#include "urgencytext.h"

#include "model/crisisreport.h"

#include <QTreeWidgetItem>

namespace VisitMap::Ui {

QString UrgencyText::level(Urgency urgency)
{
    switch (urgency) {
    case Urgency::Urgent:
        return tr("긴급");
    case Urgency::Priority:
        return tr("우선");
    case Urgency::Normal:
        return tr("일반");
    }
    return tr("일반");
}

QString UrgencyText::reasons(const QList<Intake::UrgencyReason> &reasons)
{
    using Kind = Intake::UrgencyReason::Kind;
    QStringList out;
    for (const Intake::UrgencyReason &r : reasons) {
        switch (r.kind) {
        case Kind::Category:
            out << CrisisCategories::label(r.value);
            break;
        case Kind::Keyword:
            out << tr("'%1' 언급").arg(r.value);
            break;
        case Kind::AloneUnseen:
            out << tr("혼자 사는 분이 보이지 않음 (%1)").arg(r.value);
            break;
        case Kind::Item:
            out << r.value;
            break;
        }
    }
    out.removeDuplicates();
    return out.join(QStringLiteral(", "));
}

QString UrgencyText::deadline(const QDate &due, const QDate &today)
{
    if (!due.isValid())
        return QString();
    const QString day = due.toString(QStringLiteral("yyyy.MM.dd"));
    if (overdue(due, today))
        return tr("기한 지남 (%1)").arg(day);
    if (due == today)
        return tr("오늘까지");
    return tr("%1까지").arg(day);
}

QColor UrgencyText::colour(Urgency urgency)
{
    switch (urgency) {
    case Urgency::Urgent:
        return QColor(0xB1, 0x12, 0x1B);
    case Urgency::Priority:
        return QColor(0x9E, 0x6A, 0x00);
    case Urgency::Normal:
        return QColor();
    }
    return QColor();
}

void UrgencyText::decorate(QTreeWidgetItem *item,
                           int levelColumn,
                           int dueColumn,
                           Urgency urgency,
                           const QDate &due,
                           const QDate &today)
{
    item->setText(levelColumn, level(urgency));
    if (const QColor c = colour(urgency); c.isValid()) {
        item->setForeground(levelColumn, c);
        QFont f = item->font(levelColumn);
        f.setBold(urgency == Urgency::Urgent);
        item->setFont(levelColumn, f);
    }
    item->setText(dueColumn, deadline(due, today));
    if (overdue(due, today)) {
        item->setForeground(dueColumn, QColor(0xB1, 0x12, 0x1B));
        QFont f = item->font(dueColumn);
        f.setBold(true);
        item->setFont(dueColumn, f);
    }
}

QString
UrgencyText::detailHtml(const Intake::UrgencyAssessment &u, const QDate &due, const QDate &today)
{
    auto esc = [](const QString &s) {
        return s.toHtmlEscaped();
    };
    QString name = esc(level(u.level));
    if (const QColor c = colour(u.level); c.isValid())
        name = QStringLiteral("<span style='color:%1'><b>%2</b></span>").arg(c.name(), name);
    QString line = tr("<br><b>긴급도</b> %1").arg(name);
    if (!u.reasons.isEmpty())
        line += QStringLiteral(" — ") + esc(reasons(u.reasons));
    if (due.isValid()) {
        QString text = esc(deadline(due, today));
        if (overdue(due, today))
            text = QStringLiteral("<span style='color:#B1121B'><b>%1</b></span>").arg(text);
        line += tr(" · <b>응답 기한</b> %1").arg(text);
    }
    if (u.level == Urgency::Urgent)
        line += tr("<br><span style='color:#B1121B'>오늘 안에 연락하세요. 가구에 연결하거나 새 "
                   "가구로 등록하면 "
                   "고위험·오늘 방문 가구가 됩니다.</span>");
    return line;
}

} // namespace VisitMap::Ui
