// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayplanner.h"

#include "security/permissions.h"
#include "security/session.h"
#include "storage/householdstore.h"
#include "storage/officestore.h"
#include "util/clock.h"
#include "vrpsolver.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <cmath>

namespace VisitMap::Routing {

QString DayPlanner::clock(int minutes)
{
    return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

int DayPlan::planned() const
{
    int n = 0;
    for (const TeamRoute &r : routes)
        n += int(r.stops.size());
    return n;
}

QJsonObject DayPlan::toJson() const
{
    QJsonArray teams;
    for (const TeamRoute &r : routes) {
        QJsonArray stops;
        for (const PlannedStop &s : r.stops)
            stops.append(QJsonObject{{QStringLiteral("household"), s.householdId},
                                     {QStringLiteral("arrive"), DayPlanner::clock(s.arrive)},
                                     {QStringLiteral("start"), DayPlanner::clock(s.start)},
                                     {QStringLiteral("leave"), DayPlanner::clock(s.leave)},
                                     {QStringLiteral("metres_from_previous"), std::round(s.metresFromPrevious)}});
        teams.append(QJsonObject{{QStringLiteral("team"), r.team},
                                 {QStringLiteral("leave_office"), DayPlanner::clock(r.leaveOffice)},
                                 {QStringLiteral("back_at_office"), DayPlanner::clock(r.backAtOffice)},
                                 {QStringLiteral("metres"), std::round(r.metres)},
                                 {QStringLiteral("stops"), stops}});
    }
    QJsonArray left;
    for (const Unplanned &u : unassigned)
        left.append(QJsonObject{{QStringLiteral("household"), u.householdId}, {QStringLiteral("reason"), u.reason}});
    return {{QStringLiteral("date"), date.toString(Qt::ISODate)},
            {QStringLiteral("office"), officeCode},
            {QStringLiteral("office_location"), QJsonArray{officeLon, officeLat}},
            {QStringLiteral("travel"), travelSource},
            {QStringLiteral("notice"), notice.isEmpty() ? QJsonValue() : QJsonValue(notice)},
            {QStringLiteral("teams"), teams},
            {QStringLiteral("unassigned"), left}};
}

bool DayPlan::anyLate() const
{
    for (const TeamRoute &r : routes) {
        for (const PlannedStop &s : r.stops) {
            if (s.late)
                return true;
        }
    }
    return false;
}

void DayPlanner::retime(DayPlan &plan)
{
    const DayPlanRequest &req = plan.request;
    const int dayStart = req.start.hour() * 60 + req.start.minute();
    const int dayEnd = req.end.hour() * 60 + req.end.minute();
    VrpProblem::Vehicle v;
    if (req.lunchMinutes > 0 && req.lunch.isValid()) {
        v.breakStart = req.lunch.hour() * 60 + req.lunch.minute();
        v.breakMinutes = req.lunchMinutes;
    }
    for (TeamRoute &route : plan.routes) {
        route.metres = 0;
        route.leaveOffice = dayStart;
        double time = dayStart;
        int at = 0;
        for (PlannedStop &stop : route.stops) {
            const int node = int(plan.nodeIds.indexOf(stop.householdId));
            if (node <= 0)
                continue;
            VrpProblem::Node n;
            n.service = plan.serviceMinutes.value(node);
            const double arrive = time + plan.matrix.minutesAt(at, node);
            const double begins = VrpProblem::serviceBegins(arrive, n, v);
            stop.arrive = int(std::lround(arrive));
            stop.start = int(std::lround(begins));
            stop.leave = int(std::lround(begins + n.service));
            stop.metresFromPrevious = plan.matrix.metresAt(at, node);
            stop.late = begins + n.service > dayEnd;
            route.metres += stop.metresFromPrevious;
            time = begins + n.service;
            at = node;
        }
        route.metres += plan.matrix.metresAt(at, 0);
        route.backAtOffice = route.stops.isEmpty() ? dayStart : int(std::lround(time + plan.matrix.minutesAt(at, 0)));
        if (!route.stops.isEmpty() && route.backAtOffice > dayEnd)
            route.stops.last().late = true;
    }
}

Result<QStringList> DayPlanner::select(const QString &which, const QString &officeCode)
{
    if (auto ok = m_ws.require(Security::Permission::PlanRoutes); !ok)
        return fail(ok.error());
    if (!officeCode.isEmpty() && !m_ws.session()->offices.contains(officeCode))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("행정동 %1 is outside your offices").arg(officeCode));
    Storage::HouseholdQuery q;
    q.offices = officeCode.isEmpty() ? m_ws.session()->offices : QStringList{officeCode};
    q.today = m_ws.clock().today();
    q.order = Storage::HouseholdOrder::Tier;
    // Several together narrow the choice: "overdue,high" is the overdue high-risk households.
    const QStringList parts = which.split(u',', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("say which households: overdue, high or new"));
    for (const QString &part : parts) {
        const QString w = part.trimmed();
        if (w == QLatin1String("overdue"))
            q.overdueOnly = true;
        else if (w == QLatin1String("high"))
            q.tier = RiskTier::High;
        else if (w == QLatin1String("new"))
            q.newOnly = true;
        else
            return fail(ErrorCode::Usage, QStringLiteral("'%1' is not overdue, high or new").arg(w));
    }
    auto list = Storage::HouseholdStore(m_ws.db()).list(q);
    if (!list)
        return fail(list.error());
    QStringList ids;
    for (const Household &h : *list)
        ids << h.id;
    return ids;
}

Result<DayPlan> DayPlanner::plan(const DayPlanRequest &req)
{
    if (auto ok = m_ws.require(Security::Permission::PlanRoutes); !ok)
        return fail(ok.error());
    if (req.teams < 1 || req.teams > 50)
        return fail(ErrorCode::Usage, QStringLiteral("the number of teams must be 1 to 50"));
    if (!req.start.isValid() || !req.end.isValid() || req.end <= req.start)
        return fail(ErrorCode::Usage, QStringLiteral("the day must end after it starts"));
    if (req.householdIds.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("no households to plan"));
    if (req.householdIds.size() > 900)
        return fail(ErrorCode::Usage, QStringLiteral("%1 households are more than a day's plan takes (900)").arg(req.householdIds.size()));

    QElapsedTimer timer;
    timer.start();
    Storage::HouseholdStore store(m_ws.db());
    DayPlan plan;
    plan.date = req.date.isValid() ? req.date : m_ws.clock().today();
    QList<Household> households;
    QHash<QString, int> byOffice;
    for (const QString &id : req.householdIds) {
        auto h = store.get(id);
        if (!h)
            return fail(h.error());
        if (!m_ws.session()->offices.contains(h->officeCode))
            return fail(ErrorCode::PermissionDenied, QStringLiteral("household %1 belongs to another office").arg(id));
        if (h->lon == 0 && h->lat == 0) {
            plan.unassigned.append({id, QStringLiteral("지도에 위치가 없음")});
            continue;
        }
        households << *h;
        ++byOffice[h->officeCode];
    }
    // The office most of them belong to; its place (or its dong's middle) is where teams start.
    for (auto it = byOffice.constBegin(); it != byOffice.constEnd(); ++it) {
        if (plan.officeCode.isEmpty() || it.value() > byOffice.value(plan.officeCode)
            || (it.value() == byOffice.value(plan.officeCode) && it.key() < plan.officeCode))
            plan.officeCode = it.key();
    }
    if (households.isEmpty())
        return plan;
    auto offices = Storage::OfficeStore(m_ws.db()).all();
    if (!offices)
        return fail(offices.error());
    for (const Office &o : *offices) {
        if (o.code == plan.officeCode) {
            const QGeoCoordinate at = o.officeLocation.isValid() ? o.officeLocation : o.centroid;
            plan.officeLon = at.longitude();
            plan.officeLat = at.latitude();
        }
    }

    // Node 0 is the office; 1..n the households.
    std::vector<TravelPoint> points{{plan.officeLon, plan.officeLat}};
    for (const Household &h : households)
        points.push_back({h.lon, h.lat});
    plan.request = req;
    plan.matrix = Travel::build(points, req.travel);
    const TravelMatrix &matrix = plan.matrix;
    plan.travelSource = matrix.source;
    plan.notice = matrix.notice;
    plan.nodeIds << QString();
    plan.serviceMinutes << 0;
    for (const Household &h : households)
        plan.nodeIds << h.id;

    VrpProblem p;
    p.distance = matrix.metres;
    p.travelTime = matrix.minutes;
    p.nodes.resize(points.size());
    const int dayStart = req.start.hour() * 60 + req.start.minute();
    const int dayEnd = req.end.hour() * 60 + req.end.minute();
    for (int i = 0; i < households.size(); ++i) {
        const Household &h = households[i];
        VrpProblem::Node &n = p.nodes[std::size_t(i + 1)];
        const RiskTier tier = h.tier();
        n.service = tier == RiskTier::High ? req.serviceHigh : tier == RiskTier::Medium ? req.serviceMedium : req.serviceLow;
        plan.serviceMinutes << int(n.service);
        // High risk must be seen; a visit to anyone else is worth some kilometres of walking,
        // more the higher the score and when the visit is overdue.
        if (tier != RiskTier::High)
            n.penalty = 3000 + 60 * h.riskScore + (h.isOverdue(plan.date) ? 3000 : 0);
    }
    // Each team takes its share of the visits (at most one more than an even split), so that the
    // day is spread over the teams rather than one walking all of it.
    const int share = int(std::ceil(double(households.size()) / req.teams));
    for (int i = 1; i <= households.size(); ++i)
        p.nodes[std::size_t(i)].demand = 1;
    for (int t = 0; t < req.teams; ++t) {
        VrpProblem::Vehicle v;
        v.capacity = share;
        v.start = v.end = 0;
        v.shiftStart = dayStart;
        v.shiftEnd = dayEnd;
        if (req.lunchMinutes > 0 && req.lunch.isValid()) {
            v.breakStart = req.lunch.hour() * 60 + req.lunch.minute();
            v.breakMinutes = req.lunchMinutes;
        }
        p.vehicles.push_back(v);
    }
    SolveOptions options;
    options.seconds = req.seconds;
    options.seed = req.seed;
    // A day plan settles long before the budget: a fixed number of rounds (the same plan for the
    // same request), fewer when the search stops finding better; the time budget caps it.
    options.maxIterations = 40000;
    if (req.progress)
        options.progress = [&req](double fraction, double) { return req.progress(fraction); };
    options.stallIterations = 15000;
    const VrpSolution s = VrpSolver::solve(p, options);

    for (int t = 0; t < req.teams; ++t) {
        TeamRoute route;
        route.team = t + 1;
        for (int node : s.routes[std::size_t(t)]) {
            PlannedStop stop;
            stop.householdId = plan.nodeIds[node];
            route.stops << stop;
        }
        plan.routes << route;
    }
    retime(plan);
    plan.seconds = timer.nsecsElapsed() / 1e9; // reading, travel matrix and search
    for (int node : s.unassigned) {
        const Household &h = households[node - 1];
        const double alone = p.time(0, node) + p.nodes[std::size_t(node)].service + p.time(node, 0);
        plan.unassigned.append({h.id, alone > dayEnd - dayStart ? QStringLiteral("사무소에서 너무 멀어 하루 안에 다녀올 수 없음")
                                                               : QStringLiteral("팀들의 하루에 더 넣을 시간이 없음")});
    }
    return plan;
}

} // namespace VisitMap::Routing
