// SPDX-License-Identifier: GPL-3.0-or-later
#include "routesheet.h"
#include "security/auditdetail.h"

#include "model/enums.h"
#include "security/masking.h"
#include "security/permissions.h"
#include "security/session.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/routeplanstore.h"
#include "storage/stores.h"
#include "util/clock.h"
#include "workspace.h"

#include <QJsonDocument>

namespace VisitMap::Routing {

namespace RouteSheet {

Result<RouteSheetData> prepare(Workspace &ws, const DayPlan &plan, bool unmasked, const QString &reason)
{
    if (auto ok = ws.require(Security::Permission::ExportMasked); !ok)
        return fail(ok.error());
    if (unmasked) {
        if (auto ok = ws.require(Security::Permission::ExportUnmasked); !ok)
            return fail(ok.error());
    }
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("give a reason for printing (it is kept in the access log)"));
    RouteSheetData out;
    out.date = plan.date;
    out.travel = plan.travelSource;
    out.unmasked = unmasked;
    out.preparedBy = ws.session()->name();
    out.officeLon = plan.officeLon;
    out.officeLat = plan.officeLat;
    out.officeName = plan.officeCode;
    if (auto offices = ws.stores().offices().all()) {
        for (const Office &o : *offices) {
            if (o.code == plan.officeCode)
                out.officeName = o.name;
        }
    }
    Storage::HouseholdStore &store = ws.stores().households();
    int households = 0;
    for (const TeamRoute &r : plan.routes) {
        SheetTeam team;
        team.team = r.team;
        team.leave = DayPlanner::clock(r.leaveOffice);
        team.back = DayPlanner::clock(r.backAtOffice);
        team.km = r.metres / 1000.0;
        int k = 0;
        for (const PlannedStop &s : r.stops) {
            SheetStop line;
            line.order = ++k;
            line.eta = DayPlanner::clock(s.start);
            for (const QString &id : s.all()) {
                auto h = store.get(id);
                if (!h)
                    return fail(h.error());
                if (line.households.isEmpty()) {
                    line.address = h->roadAddress;
                    line.lon = h->lon;
                    line.lat = h->lat;
                }
                SheetHousehold one;
                one.detail = h->addressDetail;
                one.name = unmasked ? h->headName : Security::Mask::name(h->headName);
                one.phone = h->phone.isEmpty() ? QString()
                            : unmasked         ? h->phone
                                               : Security::Mask::phone(h->phone);
                one.tier = label(h->tier());
                one.high = h->tier() == RiskTier::High;
                if (h->lastVisitAt.isValid())
                    one.lastVisit = h->lastVisitAt.toTimeZone(Clock::seoul()).date();
                if (h->isOverdue(plan.date))
                    one.overdueDays = int(h->nextVisitDue.daysTo(plan.date));
                one.isNew = h->isNew();
                line.households << one;
                ++households;
            }
            team.stops << line;
        }
        out.teams << team;
    }
    if (auto ok = ws.journal().audit({Security::AuditAction::Print, QStringLiteral("route_sheet"),
                                      QString::number(households), plan.officeCode,
                                      Security::AuditDetail(Security::AuditDetailCode::RouteSheet)
                                          .with(u"date", plan.date.toString(Qt::ISODate))
                                          .with(u"teams", plan.routes.size())
                                          .with(u"households", households)
                                          .with(u"unmasked", unmasked ? 1 : 0)
                                          .encode(),
                                      reason.trimmed()});
        !ok)
        return fail(ok.error());
    return out;
}

} // namespace RouteSheet

namespace PlanArchive {

Result<QString> save(Workspace &ws, DayPlan &plan)
{
    if (auto ok = ws.require(Security::Permission::PlanRoutes); !ok)
        return fail(ok.error());
    Storage::RoutePlanRecord record;
    record.officeCode = plan.officeCode;
    record.date = plan.date;
    record.teams = int(plan.routes.size());
    record.json = QJsonDocument(plan.toJson()).toJson(QJsonDocument::Compact);
    record.supersedes = plan.savedId;
    auto ok = ws.db().transaction([&]() -> Status {
        record.id = ws.journal().newId();
        record.createdAt = ws.journal().now();
        record.createdBy = ws.journal().actor().account;
        if (auto done = ws.stores().routePlans().insert(record); !done)
            return fail(done.error());
        if (record.supersedes.isEmpty())
            return ws.journal().audit(
                {Security::AuditAction::Create,
                 QStringLiteral("route_plan"),
                 record.id,
                 plan.officeCode,
                 Security::AuditDetail(Security::AuditDetailCode::RoutePlanSaved)
                     .with(u"date", plan.date.toString(Qt::ISODate))
                     .encode(),
                 {}});
        return ws.journal().audit(
            {Security::AuditAction::Update,
             QStringLiteral("route_plan"),
             record.id,
             plan.officeCode,
             Security::AuditDetail(Security::AuditDetailCode::RoutePlanChanged)
                 .with(u"date", plan.date.toString(Qt::ISODate))
                 .with(u"previous", record.supersedes)
                 .encode(),
             {}});
    });
    if (!ok)
        return fail(ok.error());
    plan.savedId = record.id;
    return record.id;
}

Result<int> count(Workspace &ws, const QDate &date)
{
    return ws.stores().routePlans().countOn(date);
}

Result<QList<SavedPlan>> list(Workspace &ws)
{
    if (auto ok = ws.require(Security::Permission::PlanRoutes); !ok)
        return fail(ok.error());
    Storage::RoutePlanStore &store = ws.stores().routePlans();
    auto records = store.latest(ws.session()->offices);
    if (!records)
        return fail(records.error());
    QList<SavedPlan> out;
    for (const Storage::RoutePlanRecord &r : *records) {
        SavedPlan p;
        p.id = r.id;
        p.date = r.date;
        p.officeCode = r.officeCode;
        p.teams = r.teams;
        p.savedAt = r.createdAt;
        p.savedBy = r.createdBy;
        if (auto plan = DayPlan::fromJson(QJsonDocument::fromJson(r.json).object())) {
            p.stops = plan->planned();
            p.households = plan->households();
        }
        auto history = store.history(r.id);
        p.version = history ? int(history->size()) : 1;
        out << p;
    }
    return out;
}

Result<DayPlan> open(Workspace &ws, const QString &id)
{
    if (auto ok = ws.require(Security::Permission::PlanRoutes); !ok)
        return fail(ok.error());
    auto record = ws.stores().routePlans().get(id);
    if (!record)
        return fail(record.error());
    if (!ws.session()->offices.contains(record->officeCode))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("the plan belongs to 행정동 %1, outside your offices")
                        .arg(record->officeCode));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(record->json, &error);
    if (!doc.isObject())
        return fail(ErrorCode::Parse,
                    QStringLiteral("saved route plan %1: %2").arg(id, error.errorString()));
    auto saved = DayPlan::fromJson(doc.object());
    if (!saved)
        return fail(saved.error());
    saved->savedId = record->id;
    return DayPlanner(ws).reopen(*saved);
}

} // namespace PlanArchive

} // namespace VisitMap::Routing
