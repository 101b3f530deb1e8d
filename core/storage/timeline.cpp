// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline.h"

#include "model/crisisreport.h"

#include "assessmentstore.h"
#include "attachmentstore.h"
#include "casestore.h"
#include "counselingstore.h"
#include "database.h"
#include "model/logentries.h"
#include "storage/riskstore.h"
#include "servicestore.h"
#include "util/clock.h"
#include "visitstore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace VisitMap::Storage {

QString Timeline::kindLabel(TimelineEntry::Kind kind)
{
    switch (kind) {
    case TimelineEntry::Kind::Signal:
        return QStringLiteral("발굴 위기정보");
    case TimelineEntry::Kind::Report:
        return QStringLiteral("복지위기 알림");
    case TimelineEntry::Kind::Visit:
        return QStringLiteral("방문·상담");
    case TimelineEntry::Kind::Assessment:
        return QStringLiteral("욕구 조사");
    case TimelineEntry::Kind::Counseling:
        return QStringLiteral("상담 기록");
    case TimelineEntry::Kind::Service:
        return QStringLiteral("서비스 연계");
    case TimelineEntry::Kind::Stage:
        return QStringLiteral("사례관리 단계");
    case TimelineEntry::Kind::Risk:
        return QStringLiteral("위험도");
    case TimelineEntry::Kind::Attachment:
        return QStringLiteral("사진·문서");
    case TimelineEntry::Kind::Checkin:
        return QStringLiteral("안전 체크인");
    }
    return {};
}

Result<QList<TimelineEntry>> Timeline::forHousehold(Database &db, const QString &householdId,
                                                    const Security::Keyring *counselingKeys)
{    QList<TimelineEntry> out;
    using K = TimelineEntry::Kind;
    auto dayStart = [](const QDate &d) { return QDateTime(d, QTime(9, 0), Clock::seoul()).toUTC(); };

    auto signals_ = db.execute(QStringLiteral(
                                   "SELECT s.received_date, c.name, c.category, s.amount, s.months, s.round_id, s.created_by "
                                   "FROM crisis_signals s LEFT JOIN crisis_item_codes c ON c.version = s.item_version "
                                   "AND c.code = s.item_code WHERE s.household_id = ?"),
                               {householdId});
    if (!signals_)
        return fail(signals_.error());
    while (signals_->next()) {
        QString detail = signals_->value(2).toString();
        if (!signals_->value(4).isNull())
            detail += QStringLiteral(" · %1개월").arg(signals_->value(4).toInt());
        if (!signals_->value(3).isNull())
            detail += QStringLiteral(" · %L1원").arg(signals_->value(3).toLongLong());
        detail += QStringLiteral(" · %1차").arg(signals_->value(5).toString());
        out.append({K::Signal, dayStart(QDate::fromString(signals_->value(0).toString(), Qt::ISODate)),
                    signals_->value(1).toString(), detail, signals_->value(6).toString()});
    }
    auto reports = db.execute(QStringLiteral("SELECT received_at, categories, description, reporter_type, anonymous "
                                             "FROM crisis_reports WHERE household_id = ?"),
                              {householdId});
    if (!reports)
        return fail(reports.error());
    while (reports->next()) {
        QStringList cats;
        for (const QJsonValue &c : QJsonDocument::fromJson(reports->value(1).toByteArray()).array())
            cats << CrisisCategories::label(c.toString());
        // Who reported is said only as self / neighbour: the reporter's identity stays with intake.
        const bool self = reports->value(3).toString() == QLatin1String("self");
        const QString who = self ? QStringLiteral("본인 신고")
                            : reports->value(4).toInt() ? QStringLiteral("이웃 신고 (익명)")
                                                        : QStringLiteral("이웃 신고");
        out.append({K::Report, Iso::parse(reports->value(0).toString()),
                    QStringLiteral("복지위기 알림 신고 (%1)").arg(cats.join(QStringLiteral(", "))),
                    reports->value(2).toString(), who});
    }
    VisitQuery vq;
    vq.householdId = householdId;
    auto visits = VisitStore(db).list(vq);
    if (!visits)
        return fail(visits.error());
    QDateTime lastMet;
    for (const Visit &v : *visits) {
        TimelineEntry e{K::Visit, v.at, QStringLiteral("%1 · %2").arg(label(v.kind), label(v.outcome)), v.notes,
                        v.staffPresent, QStringLiteral("visit"), v.id, v.voided, v.voidReason};
        if (!v.metWhom.isEmpty())
            e.detail = QStringLiteral("만난 사람: %1\n").arg(v.metWhom) + e.detail;
        out.append(e);
        if (!v.voided && v.outcome == VisitOutcome::Met && (!lastMet.isValid() || v.at > lastMet))
            lastMet = v.at;
    }
    auto assessments = AssessmentStore(db).forHousehold(householdId);
    if (!assessments)
        return fail(assessments.error());
    QHash<QString, QString> domainNames;
    for (const NeedDomain &d : needDomains())
        domainNames.insert(d.code, d.name);
    for (const NeedAssessment &a : *assessments) {
        QStringList high;
        int withNeed = 0; // domains rated above 없음: the others were looked at and had none
        for (const NeedItem &i : a.items) {
            if (i.level >= 1)
                ++withNeed;
            if (i.level >= 2)
                high << QStringLiteral("%1 %2").arg(domainNames.value(i.domain), needLevelLabel(i.level));
        }
        const QString title = withNeed == 0
                                  ? QStringLiteral("욕구 조사 (욕구 없음)")
                                  : QStringLiteral("욕구 조사 (욕구 있는 영역 %1개)").arg(withNeed);
        out.append({K::Assessment, a.assessedAt, title,
                    high.isEmpty() ? QStringLiteral("두드러진 욕구 없음") : high.join(QStringLiteral(", ")),
                    a.createdBy, QStringLiteral("assessment"), a.id, a.voided});
    }
    auto notes = CounselingStore(db).forHousehold(householdId, counselingKeys);
    if (!notes)
        return fail(notes.error());
    for (const CounselingNote &n : *notes) {
        out.append({K::Counseling, n.at, n.topic.isEmpty() ? QStringLiteral("상담") : n.topic,
                    counselingKeys ? n.body : QStringLiteral("(내용은 암호화되어 있습니다)"), n.createdBy,
                    QStringLiteral("counseling"), n.id, n.voided});
    }
    auto links = ServiceStore(db).forHousehold(householdId);
    if (!links)
        return fail(links.error());
    for (const ServiceLink &l : *links) {
        out.append({K::Service, dayStart(l.requestedAt),
                    QStringLiteral("%1 — %2").arg(l.resourceName, serviceStatusLabel(l.status)), l.note, l.createdBy,
                    QStringLiteral("service_link"), l.id, l.voided});
    }
    auto cases = CaseStore(db).forHousehold(householdId);
    if (!cases)
        return fail(cases.error());
    for (const CaseFile &c : *cases) {
        auto history = CaseStore(db).history(c.id);
        if (!history)
            return fail(history.error());
        for (const StageChange &s : *history) {
            out.append({K::Stage, dayStart(s.at), QStringLiteral("%1 → %2").arg(label(s.from), label(s.to)), s.note,
                        s.by, QStringLiteral("stage_change"), s.id, s.voided});
        }
    }
    auto risk = Storage::RiskStore(db).history(householdId);
    if (!risk)
        return fail(risk.error());
    for (const Storage::RiskChange &r : *risk) {
        const QString what = r.kind == QLatin1String("override") ? QStringLiteral("위험도 조정")
                             : r.kind == QLatin1String("cleared") ? QStringLiteral("위험도 조정 해제")
                                                                  : QStringLiteral("위험도 변경");
        out.append({K::Risk, r.at,
                    QStringLiteral("%1: %2 → %3").arg(what, r.from ? label(*r.from) : QStringLiteral("-"), label(r.to)),
                    r.reason, r.by});
    }
    auto files = AttachmentStore(db).forHousehold(householdId);
    if (!files)
        return fail(files.error());
    for (const Attachment &a : *files) {
        out.append({K::Attachment, a.createdAt, a.fileName,
                    QStringLiteral("%1 KB · %2")
                        .arg(std::max<qint64>(1, a.size / 1024))
                        .arg(a.consent ? QStringLiteral("동의 있음") : QStringLiteral("동의 기록 없음")), a.createdBy});
    }
    for (TimelineEntry &e : out)
        e.isNew = lastMet.isValid() ? e.at > lastMet : true;
    std::stable_sort(out.begin(), out.end(), [](const TimelineEntry &a, const TimelineEntry &b) { return a.at > b.at; });
    return out;
}

} // namespace VisitMap::Storage
