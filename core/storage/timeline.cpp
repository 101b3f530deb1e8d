// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline.h"

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

Result<QList<TimelineEntry>> Timeline::forHousehold(Database &db, const QString &householdId,
                                                    const Security::Keyring *counselingKeys)
{
    QList<TimelineEntry> out;
    using K = TimelineEntry::Kind;
    namespace F = TimelineFacts;
    auto dayStart = [](const QDate &d) { return QDateTime(d, QTime(9, 0), Clock::seoul()).toUTC(); };

    auto signals_ = db.execute(QStringLiteral(
                                   "SELECT s.received_date, c.name, c.category, s.amount, s.months, s.round_id, s.created_by "
                                   "FROM crisis_signals s LEFT JOIN crisis_item_codes c ON c.version = s.item_version "
                                   "AND c.code = s.item_code WHERE s.household_id = ?"),
                               {householdId});
    if (!signals_)
        return fail(signals_.error());
    while (signals_->next()) {
        F::Signal f;
        f.item = signals_->value(1).toString();
        f.category = signals_->value(2).toString();
        if (!signals_->value(4).isNull())
            f.months = signals_->value(4).toInt();
        if (!signals_->value(3).isNull())
            f.amount = signals_->value(3).toLongLong();
        f.round = signals_->value(5).toString();
        TimelineEntry e;
        e.kind = K::Signal;
        e.at = dayStart(QDate::fromString(signals_->value(0).toString(), Qt::ISODate));
        e.facts = f;
        e.by = signals_->value(6).toString();
        out.append(e);
    }
    auto reports = db.execute(QStringLiteral("SELECT received_at, categories, description, reporter_type, anonymous "
                                             "FROM crisis_reports WHERE household_id = ?"),
                              {householdId});
    if (!reports)
        return fail(reports.error());
    while (reports->next()) {
        F::Report f;
        for (const QJsonValue &c : QJsonDocument::fromJson(reports->value(1).toByteArray()).array())
            f.categories << c.toString();
        f.description = reports->value(2).toString();
        // Who reported is said only as self / neighbour: the reporter's identity stays with intake.
        const bool self = reports->value(3).toString() == QLatin1String("self");
        f.reporter = self                        ? F::Report::Reporter::Self
                     : reports->value(4).toInt() ? F::Report::Reporter::AnonymousNeighbour
                                                 : F::Report::Reporter::Neighbour;
        TimelineEntry e;
        e.kind = K::Report;
        e.at = Iso::parse(reports->value(0).toString());
        e.facts = f;
        out.append(e);
    }
    VisitQuery vq;
    vq.householdId = householdId;
    auto visits = VisitStore(db).list(vq);
    if (!visits)
        return fail(visits.error());
    QDateTime lastMet;
    for (const Visit &v : *visits) {
        TimelineEntry e{K::Visit,
                        v.at,
                        F::Visit{v.kind, v.outcome, v.metWhom, v.notes},
                        v.staffPresent,
                        QStringLiteral("visit"),
                        v.id,
                        v.voided,
                        v.voidReason};
        out.append(e);
        if (!v.voided && v.outcome == VisitOutcome::Met && (!lastMet.isValid() || v.at > lastMet))
            lastMet = v.at;
    }
    auto assessments = AssessmentStore(db).forHousehold(householdId);
    if (!assessments)
        return fail(assessments.error());
    for (const NeedAssessment &a : *assessments) {
        F::Assessment f;
        for (const NeedItem &i : a.items) {
            if (i.level >= 1)
                ++f.domainsWithNeed;
            if (i.level >= 2)
                f.marked << i;
        }
        out.append({K::Assessment, a.assessedAt, f, a.createdBy, QStringLiteral("assessment"), a.id,
                    a.voided});
    }
    auto notes = CounselingStore(db).forHousehold(householdId, counselingKeys);
    if (!notes)
        return fail(notes.error());
    for (const CounselingNote &n : *notes) {
        out.append({K::Counseling, n.at,
                    F::Counseling{n.topic, counselingKeys ? n.body : QString(), !counselingKeys},
                    n.createdBy, QStringLiteral("counseling"), n.id, n.voided});
    }
    auto links = ServiceStore(db).forHousehold(householdId);
    if (!links)
        return fail(links.error());
    for (const ServiceLink &l : *links) {
        out.append({K::Service, dayStart(l.requestedAt),
                    F::Service{l.resourceName, l.status, l.note}, l.createdBy,
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
            out.append({K::Stage, dayStart(s.at), F::Stage{s.from, s.to, s.note}, s.by,
                        QStringLiteral("stage_change"), s.id, s.voided});
        }
    }
    auto risk = Storage::RiskStore(db).history(householdId);
    if (!risk)
        return fail(risk.error());
    for (const Storage::RiskChange &r : *risk) {
        const auto change = r.kind == QLatin1String("override")  ? F::Risk::Change::Override
                            : r.kind == QLatin1String("cleared") ? F::Risk::Change::Cleared
                                                                 : F::Risk::Change::Computed;
        TimelineEntry e;
        e.kind = K::Risk;
        e.at = r.at;
        e.facts = F::Risk{change, r.from, r.to, r.reason};
        e.by = r.by;
        out.append(e);
    }
    auto files = AttachmentStore(db).forHousehold(householdId);
    if (!files)
        return fail(files.error());
    for (const Attachment &a : *files) {
        out.append({K::Attachment, a.createdAt, F::Attachment{a.fileName, a.size, a.consent},
                    a.createdBy, QStringLiteral("attachment"), a.id, a.voided});
    }
    for (TimelineEntry &e : out) {
        e.isNew = lastMet.isValid() ? e.at > lastMet : true;
        // Why an entry was taken back, for those whose store does not read it (few are).
        if (e.voided && e.voidReason.isEmpty()) {
            auto reason = db.scalar(QStringLiteral("SELECT reason FROM voids WHERE entity = ? AND "
                                                   "entity_id = ? ORDER BY created_at LIMIT 1"),
                                    {e.entity, e.entityId});
            if (!reason)
                return fail(reason.error());
            e.voidReason = reason->toString();
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const TimelineEntry &a, const TimelineEntry &b) { return a.at > b.at; });
    return out;
}

} // namespace VisitMap::Storage
