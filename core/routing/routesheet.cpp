// SPDX-License-Identifier: GPL-3.0-or-later
#include "routesheet.h"

#include "model/enums.h"
#include "security/masking.h"
#include "security/permissions.h"
#include "security/session.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
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
    if (auto offices = Storage::OfficeStore(ws.db()).all()) {
        for (const Office &o : *offices) {
            if (o.code == plan.officeCode)
                out.officeName = o.name;
        }
    }
    Storage::HouseholdStore store(ws.db());
    int households = 0;
    for (const TeamRoute &r : plan.routes) {
        SheetTeam team;
        team.team = r.team;
        team.leave = DayPlanner::clock(r.leaveOffice);
        team.back = DayPlanner::clock(r.backAtOffice);
        team.km = r.metres / 1000.0;
        int k = 0;
        for (const PlannedStop &s : r.stops) {
            auto h = store.get(s.householdId);
            if (!h)
                return fail(h.error());
            SheetStop line;
            line.order = ++k;
            line.eta = DayPlanner::clock(s.start);
            line.address = h->roadAddress + (h->addressDetail.isEmpty() ? QString() : QStringLiteral(" ") + h->addressDetail);
            line.name = unmasked ? h->headName : Security::Mask::name(h->headName);
            line.phone = h->phone.isEmpty() ? QString() : unmasked ? h->phone : Security::Mask::phone(h->phone);
            line.tier = label(h->tier());
            line.lastVisit = h->lastVisitAt.isValid() ? h->lastVisitAt.toTimeZone(Clock::seoul()).date().toString(Qt::ISODate)
                                                      : QStringLiteral("방문 기록 없음");
            QStringList why;
            if (h->isOverdue(plan.date))
                why << QStringLiteral("방문 주기 지남 (%1일)").arg(h->nextVisitDue.daysTo(plan.date));
            if (h->isNew())
                why << QStringLiteral("신규 발굴 확인");
            if (why.isEmpty())
                why << (h->tier() == RiskTier::High ? QStringLiteral("고위험 정기 방문") : QStringLiteral("정기 방문"));
            line.purpose = why.join(QStringLiteral(", "));
            line.lon = h->lon;
            line.lat = h->lat;
            team.stops << line;
            ++households;
        }
        out.teams << team;
    }
    if (auto ok = ws.journal().audit({Security::AuditAction::Print, QStringLiteral("route_sheet"), QString::number(households),
                                      plan.officeCode,
                                      QStringLiteral("방문 경로표 %1 (%2팀, %3가구%4)")
                                          .arg(plan.date.toString(Qt::ISODate))
                                          .arg(plan.routes.size())
                                          .arg(households)
                                          .arg(unmasked ? QStringLiteral(", 마스킹 없음") : QString()),
                                      reason.trimmed()});
        !ok)
        return fail(ok.error());
    return out;
}

} // namespace RouteSheet

namespace PlanArchive {

Result<QString> save(Workspace &ws, const DayPlan &plan)
{
    if (auto ok = ws.require(Security::Permission::PlanRoutes); !ok)
        return fail(ok.error());
    const QByteArray json = QJsonDocument(plan.toJson()).toJson(QJsonDocument::Compact);
    QString id;
    auto ok = ws.db().transaction([&]() -> Status {
        id = ws.journal().newId();
        auto q = ws.db().execute(QStringLiteral("INSERT INTO route_plans (id, office_code, plan_date, teams, plan_json, created_at, "
                                                "created_by) VALUES (?,?,?,?,?,?,?)"),
                                 {id, plan.officeCode, plan.date.toString(Qt::ISODate), int(plan.routes.size()), QString::fromUtf8(json),
                                  Iso::utc(ws.journal().now()), ws.journal().actor().account});
        if (!q)
            return fail(q.error());
        return ws.journal().audit({Security::AuditAction::Create, QStringLiteral("route_plan"), id, plan.officeCode,
                                   QStringLiteral("방문 경로 계획 저장 %1").arg(plan.date.toString(Qt::ISODate)), {}});
    });
    if (!ok)
        return fail(ok.error());
    return id;
}

Result<int> count(Workspace &ws, const QDate &date)
{
    auto v = ws.db().scalar(QStringLiteral("SELECT count(*) FROM route_plans WHERE plan_date = ?"), {date.toString(Qt::ISODate)});
    if (!v)
        return fail(v.error());
    return v->toInt();
}

} // namespace PlanArchive

} // namespace VisitMap::Routing
