// SPDX-License-Identifier: GPL-3.0-or-later
#include "casework.h"
#include "security/auditdetail.h"

#include "security/permissions.h"
#include "storage/accountstore.h"
#include "storage/assessmentstore.h"
#include "storage/attachmentstore.h"
#include "storage/casestore.h"
#include "storage/checkinstore.h"
#include "storage/counselingstore.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/riskstore.h"
#include "storage/servicestore.h"
#include "storage/stores.h"
#include "storage/visitstore.h"
#include "storage/voidlog.h"
#include "util/clock.h"
#include "workspace.h"

#include <QSet>

namespace VisitMap {

using Security::Permission;

Status CaseWork::allowedFor(const QString &householdId, int permission) const
{
    if (auto ok = m_ws.require(Permission(permission)); !ok)
        return ok;
    auto office = m_ws.stores().households().officeOf(householdId);
    if (!office)
        return fail(office.error());
    if (!*office)
        return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(householdId));
    if (!m_ws.session()->covers(**office))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("the household belongs to 행정동 %1, outside your offices").arg(**office));
    return {};
}

Result<HouseholdView> CaseWork::open(const QString &householdId, ViewLog log)
{
    if (auto ok = allowedFor(householdId, int(Permission::ViewHouseholds)); !ok)
        return fail(ok.error());
    Storage::Database &db = m_ws.db();
    const Security::Session &session = *m_ws.session();
    HouseholdView view;
    auto h = m_ws.stores().households().get(householdId);
    if (!h)
        return fail(h.error());
    view.household = *h;
    view.keysAvailable = session.keyring.has(h->officeCode);
    auto members = m_ws.stores().households().members(householdId, &session.keyring,
                                                      session.can(Permission::ViewHealthNotes));
    if (!members)
        return fail(members.error());
    view.members = *members;
    auto risk = m_ws.stores().risk().explain(householdId, m_ws.clock().today());
    if (!risk)
        return fail(risk.error());
    view.risk = *risk;
    // Counselling notes are read by the people who write them: caseworkers, nurses, team leads.
    auto timeline = Storage::Timeline::forHousehold(db, householdId, &session.keyring);
    if (!timeline)
        return fail(timeline.error());
    view.timeline = *timeline;
    auto cases = m_ws.stores().cases().forHousehold(householdId);
    if (!cases)
        return fail(cases.error());
    view.cases = *cases;
    for (const CaseFile &c : view.cases) {
        if (c.stage != CaseStage::Closure)
            view.deadlines = Risk::CaseDeadlines::forCase(c, m_ws.clock().today());
    }
    auto services = m_ws.stores().services().forHousehold(householdId);
    if (!services)
        return fail(services.error());
    view.services = *services;
    auto files = m_ws.stores().attachments().forHousehold(householdId);
    if (!files)
        return fail(files.error());
    // A photo taken back stays in the timeline, struck through, and is no longer shown.
    for (const Attachment &a : *files)
        if (!a.voided)
            view.attachments.append(a);
    auto open = m_ws.stores().checkins().open({h->officeCode});
    if (!open)
        return fail(open.error());
    for (const Checkin &c : *open) {
        if (c.householdId == householdId && c.staff == session.name())
            view.openCheckin = c;
    }
    if (log == ViewLog::Log) {
        if (auto ok = m_ws.journal().audit(
                {Security::AuditAction::View,
                 QStringLiteral("household"),
                 householdId,
                 h->officeCode,
                 Security::AuditDetail(Security::AuditDetailCode::HouseholdOpened).encode(),
                 {}});
            !ok)
            return fail(ok.error());
    }
    return view;
}

Result<Visit> CaseWork::logVisit(Visit visit, std::optional<NeedAssessment> assessment,
                                 std::optional<CounselingNote> note)
{
    if (auto ok = allowedFor(visit.householdId, int(Permission::EditHouseholds)); !ok)
        return fail(ok.error());
    Storage::Database &db = m_ws.db();
    Storage::Journal &journal = m_ws.journal();
    const Risk::VisitCycle cycle = m_ws.visitCycle();
    auto ok = db.transaction([&]() -> Status {
        if (auto r = m_ws.stores().visits().add(visit, journal, cycle); !r)
            return r;
        if (assessment) {
            assessment->householdId = visit.householdId;
            assessment->visitId = visit.id;
            if (!assessment->assessedAt.isValid())
                assessment->assessedAt = visit.at;
            if (auto r
                = m_ws.stores().assessments().add(*assessment, journal, m_ws.session()->keyring);
                !r)
                return r;
        }
        if (note) {
            note->householdId = visit.householdId;
            note->visitId = visit.id;
            if (!note->at.isValid())
                note->at = visit.at;
            if (auto r = m_ws.stores().counseling().add(*note, journal, m_ws.session()->keyring);
                !r)
                return r;
        }
        auto changed = m_ws.stores().risk().recompute(visit.householdId, journal, cycle);
        if (!changed)
            return fail(changed.error());
        return {};
    });
    if (!ok)
        return fail(ok.error());
    return visit;
}

Status CaseWork::logVisits(QList<Visit> &visits)
{
    QSet<QString> households;
    for (const Visit &v : visits)
        households.insert(v.householdId);
    for (const QString &h : households) {
        if (auto ok = allowedFor(h, int(Permission::EditHouseholds)); !ok)
            return ok;
    }
    Storage::Database &db = m_ws.db();
    const Risk::VisitCycle cycle = m_ws.visitCycle();
    return db.transaction([&]() -> Status {
        if (auto r = m_ws.stores().visits().addMany(visits, m_ws.journal(), cycle); !r)
            return r;
        for (const QString &h : households) {
            if (auto r = m_ws.stores().risk().recompute(h, m_ws.journal(), cycle); !r)
                return fail(r.error());
        }
        return {};
    });
}

Result<NeedAssessment> CaseWork::assess(NeedAssessment assessment)
{
    if (auto ok = allowedFor(assessment.householdId, int(Permission::EditHouseholds)); !ok)
        return fail(ok.error());
    if (auto ok
        = m_ws.stores().assessments().add(assessment, m_ws.journal(), m_ws.session()->keyring);
        !ok)
        return fail(ok.error());
    return assessment;
}

Result<CounselingNote> CaseWork::addNote(CounselingNote note)
{
    if (auto ok = allowedFor(note.householdId, int(Permission::EditHouseholds)); !ok)
        return fail(ok.error());
    if (auto ok = m_ws.stores().counseling().add(note, m_ws.journal(), m_ws.session()->keyring);
        !ok)
        return fail(ok.error());
    return note;
}

Status CaseWork::takeBack(const QString &entity, const QString &entityId, const QString &householdId,
                          const QString &reason)
{
    if (auto ok = allowedFor(householdId, int(Permission::EditHouseholds)); !ok)
        return ok;
    Storage::Database &db = m_ws.db();
    auto office = Storage::VoidLog::officeOfEntry(db, entity, entityId, householdId);
    if (!office)
        return fail(office.error());
    if (office->isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("no %1 %2 in this household").arg(entity, entityId));
    const Risk::VisitCycle cycle = m_ws.visitCycle();
    return db.transaction([&]() -> Status {
        if (auto r = Storage::VoidLog::add(db, m_ws.journal(), entity, entityId, householdId, *office, reason); !r)
            return r;
        if (entity == QLatin1String("visit")) {
            // What was logged with the visit (its needs assessment, its counselling note) goes
            // with it: undoing a visit leaves none of it standing.
            auto tied = Storage::VoidLog::loggedWithVisit(db, entityId);
            if (!tied)
                return fail(tied.error());
            for (const auto &[kind, id] : *tied) {
                if (auto r = Storage::VoidLog::add(db, m_ws.journal(), kind, id, householdId, *office,
                                                   reason);
                    !r)
                    return r;
            }
            if (auto r
                = m_ws.stores().visits().refreshHousehold(householdId, m_ws.journal(), cycle);
                !r)
                return r;
            if (auto r = m_ws.stores().risk().recompute(householdId, m_ws.journal(), cycle); !r)
                return fail(r.error());
        }
        return {};
    });
}

Status CaseWork::setRiskOverride(const QString &householdId, std::optional<RiskTier> tier, const QString &reason)
{
    if (auto ok = allowedFor(householdId, int(Permission::EditHouseholds)); !ok)
        return ok;
    return m_ws.stores().risk().setOverride(householdId, tier, reason, m_ws.journal(),
                                            m_ws.visitCycle());
}

Result<ServiceLink> CaseWork::linkService(ServiceLink link)
{
    if (auto ok = allowedFor(link.householdId, int(Permission::EditHouseholds)); !ok)
        return fail(ok.error());
    if (auto ok = m_ws.stores().services().link(link, m_ws.journal()); !ok)
        return fail(ok.error());
    return link;
}

Status CaseWork::setServiceStatus(const QString &householdId, const QString &linkId, const QString &status,
                                  const QString &note)
{
    if (auto ok = allowedFor(householdId, int(Permission::EditHouseholds)); !ok)
        return ok;
    return m_ws.stores().services().setStatus(linkId, status, m_ws.clock().today(), note,
                                              m_ws.journal());
}

Result<CaseFile> CaseWork::openCase(const QString &householdId, CaseType caseType)
{
    if (auto ok = allowedFor(householdId, int(Permission::EditHouseholds)); !ok)
        return fail(ok.error());
    return m_ws.stores().cases().openCase(householdId, caseType, m_ws.clock().today(),
                                          m_ws.journal());
}

Status CaseWork::moveCase(const QString &caseId, CaseStage to, const QString &note)
{
    auto c = m_ws.stores().cases().get(caseId);
    if (!c)
        return fail(c.error());
    if (auto ok = allowedFor(c->householdId, int(Permission::EditHouseholds)); !ok)
        return ok;
    return m_ws.stores().cases().moveTo(caseId, to, m_ws.clock().today(), note, m_ws.journal());
}

Result<QHash<QString, QString>> CaseWork::assign(const QStringList &householdIds, const QString &worker)
{
    for (const QString &id : householdIds) {
        if (auto ok = allowedFor(id, int(Permission::AssignHouseholds)); !ok)
            return fail(ok.error());
    }
    if (!worker.isEmpty()) {
        auto account = m_ws.accounts().find(worker);
        if (!account)
            return fail(ErrorCode::NotFound, QStringLiteral("no account named '%1'").arg(worker));
        if (!account->active || account->role == Role::Admin)
            return fail(ErrorCode::Validation, QStringLiteral("'%1' cannot be assigned households").arg(worker));
    }
    return m_ws.stores().households().assign(householdIds, worker, m_ws.journal());
}

Status CaseWork::assignEach(const QHash<QString, QString> &workers)
{
    for (auto it = workers.cbegin(); it != workers.cend(); ++it) {
        if (auto ok = allowedFor(it.key(), int(Permission::AssignHouseholds)); !ok)
            return ok;
    }
    return m_ws.stores().households().assignEach(workers, m_ws.journal());
}

Result<Checkin> CaseWork::checkIn(const QString &householdId, int expectedMinutes)
{
    if (auto ok = allowedFor(householdId, int(Permission::EditHouseholds)); !ok)
        return fail(ok.error());
    return m_ws.stores().checkins().checkIn(householdId, expectedMinutes, m_ws.journal());
}

Status CaseWork::checkOut(const QString &checkinId)
{
    return m_ws.stores().checkins().checkOut(checkinId, {}, m_ws.journal());
}

Result<Attachment> CaseWork::attach(const QString &householdId, const QString &fileName, const QByteArray &data,
                                    bool consent)
{
    if (auto ok = allowedFor(householdId, int(Permission::EditHouseholds)); !ok)
        return fail(ok.error());
    return m_ws.stores().attachments().add(householdId, fileName, data, consent, {}, m_ws.journal(),
                                           m_ws.session()->keyring);
}

} // namespace VisitMap
