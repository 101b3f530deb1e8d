// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayplanner.h"

#include "routing/vrpsolver.h"
#include "security/permissions.h"
#include "security/session.h"
#include "storage/householdstore.h"
#include "storage/officestore.h"
#include "storage/stores.h"
#include "util/clock.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <cmath>
#include <limits>
#include <numeric>

namespace VisitMap::Routing {

QString DayPlanner::clock(int minutes)
{
    return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
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
    auto list = m_ws.stores().households().list(q);
    if (!list)
        return fail(list.error());
    QStringList ids;
    for (const Household &h : *list)
        ids << h.id;
    return ids;
}

QString DayPlanner::buildingKey(const Household &h)
{
    QString road = h.roadAddress;
    // "서울특별시 서대문구 연희로 123 (연희동, 한빛빌라)": the bracket names the building, not the
    // door.
    static const QRegularExpression bracket(QStringLiteral("\\([^)]*\\)"));
    road.remove(bracket);
    road.remove(QRegularExpression(QStringLiteral("\\s+")));
    if (!road.isEmpty())
        return QStringLiteral("a:") + road;
    return QStringLiteral("p:%1,%2").arg(h.lon, 0, 'f', 5).arg(h.lat, 0, 'f', 5);
}

namespace {

int minutesOf(QTime t)
{
    return t.hour() * 60 + t.minute();
}

int serviceOf(const Household &h, const DayPlanRequest &req)
{
    const RiskTier tier = h.tier();
    return tier == RiskTier::High     ? req.serviceHigh
           : tier == RiskTier::Medium ? req.serviceMedium
                                      : req.serviceLow;
}

// Households at one building (one road address, or one spot on the map) go together: a team
// rings at a door once a day, not twice. Groups keep the order the households came in.
QList<QList<Household>> byBuilding(const QList<Household> &households)
{
    QList<int> parent(households.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&parent](int i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    QHash<QString, int> seen;
    for (int i = 0; i < households.size(); ++i) {
        const Household &h = households[i];
        const QString spot = QStringLiteral("p:%1,%2").arg(h.lon, 0, 'f', 5).arg(h.lat, 0, 'f', 5);
        for (const QString &key : {DayPlanner::buildingKey(h), spot}) {
            auto it = seen.constFind(key);
            if (it == seen.constEnd())
                seen.insert(key, i);
            else if (root(*it) != root(i))
                parent[std::max(root(*it), root(i))] = std::min(root(*it), root(i));
        }
    }
    QList<QList<Household>> groups;
    QHash<int, int> groupOf;
    for (int i = 0; i < households.size(); ++i) {
        const int r = root(i);
        if (!groupOf.contains(r)) {
            groupOf.insert(r, int(groups.size()));
            groups.append(QList<Household>());
        }
        groups[groupOf.value(r)] << households[i];
    }
    return groups;
}

QStringList idsOf(const QList<Household> &group)
{
    QStringList ids;
    for (const Household &h : group)
        ids << h.id;
    return ids;
}

// Node 0 the office, then one node per stop: its place, and the minutes at all its households.
void buildNodes(DayPlan &plan, const QList<QList<Household>> &stops)
{
    std::vector<TravelPoint> points{{plan.officeLon, plan.officeLat}};
    for (const QList<Household> &stop : stops)
        points.push_back({stop.first().lon, stop.first().lat});
    plan.matrix = Travel::build(points, plan.request.travel);
    plan.travelSource = plan.matrix.source;
    plan.notice = plan.matrix.notice;
    plan.nodeIds = {QString()};
    plan.serviceMinutes = {0};
    for (const QList<Household> &stop : stops) {
        int minutes = 0;
        for (const Household &h : stop)
            minutes += serviceOf(h, plan.request);
        plan.nodeIds << stop.first().id;
        plan.serviceMinutes << minutes;
    }
}

} // namespace

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
    if (req.recentDays < 0)
        return fail(ErrorCode::Usage,
                    QStringLiteral("the days of recent visits to leave out cannot be negative"));

    QElapsedTimer timer;
    timer.start();
    Storage::HouseholdStore &store = m_ws.stores().households();
    DayPlan plan;
    plan.date = req.date.isValid() ? req.date : m_ws.clock().today();
    plan.request = req;
    QList<Household> households;
    QHash<QString, int> byOffice;
    QSet<QString> asked;
    for (const QString &id : req.householdIds) {
        if (asked.contains(id))
            continue; // named twice: one visit
        asked.insert(id);
        auto h = store.get(id);
        if (!h)
            return fail(h.error());
        if (!m_ws.session()->offices.contains(h->officeCode))
            return fail(ErrorCode::PermissionDenied, QStringLiteral("household %1 belongs to another office").arg(id));
        if (h->lon == 0 && h->lat == 0) {
            Unplanned u{id, QStringLiteral("no place on the map")};
            u.why = Unplanned::Why::NoLocation;
            plan.unassigned.append(u);
            continue;
        }
        if (req.recentDays > 0 && h->lastVisitAt.isValid()) {
            const QDate visited = h->lastVisitAt.toTimeZone(Clock::seoul()).date();
            const qint64 ago = visited.daysTo(plan.date);
            if (ago >= 0 && ago < req.recentDays) {
                Unplanned u{id, QStringLiteral("visited in the last %1 days (%2)")
                                    .arg(req.recentDays)
                                    .arg(visited.toString(Qt::ISODate))};
                u.why = Unplanned::Why::RecentlyVisited;
                u.lastVisit = visited;
                u.days = req.recentDays;
                plan.unassigned.append(u);
                continue;
            }
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
    auto offices = m_ws.stores().offices().all();
    if (!offices)
        return fail(offices.error());
    for (const Office &o : *offices) {
        if (o.code == plan.officeCode) {
            const QGeoCoordinate at = o.officeLocation.isValid() ? o.officeLocation : o.centroid;
            plan.officeLon = at.longitude();
            plan.officeLat = at.latitude();
        }
    }

    // The solver sees stops (buildings), not households.
    const QList<QList<Household>> stops = byBuilding(households);
    buildNodes(plan, stops);
    const TravelMatrix &matrix = plan.matrix;

    VrpProblem p;
    p.distance = matrix.metres;
    p.travelTime = matrix.minutes;
    p.nodes.resize(stops.size() + 1);
    const int dayStart = minutesOf(req.start);
    const int dayEnd = minutesOf(req.end);
    double largest = 0;
    for (int i = 0; i < stops.size(); ++i) {
        VrpProblem::Node &n = p.nodes[std::size_t(i + 1)];
        n.service = plan.serviceMinutes[i + 1];
        n.demand = double(stops[i].size());
        largest = std::max(largest, n.demand);
        // High risk must be seen; a visit to anyone else is worth some kilometres of walking,
        // more the higher the score and when the visit is overdue.
        double penalty = 0;
        for (const Household &h : stops[i]) {
            if (h.tier() == RiskTier::High)
                penalty = std::numeric_limits<double>::infinity();
            else
                penalty += 3000 + 60 * h.riskScore + (h.isOverdue(plan.date) ? 3000 : 0);
        }
        n.penalty = penalty;
    }
    // Each team takes its share of the households (at most one more than an even split), so that
    // the day is spread over the teams rather than one walking all of it.
    const double share = std::max(largest, std::ceil(double(households.size()) / req.teams));
    for (int t = 0; t < req.teams; ++t) {
        VrpProblem::Vehicle v;
        v.capacity = share;
        v.start = v.end = 0;
        v.shiftStart = dayStart;
        v.shiftEnd = dayEnd;
        if (req.lunchMinutes > 0 && req.lunch.isValid()) {
            v.breakStart = minutesOf(req.lunch);
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
            if (stops[node - 1].size() > 1)
                stop.households = idsOf(stops[node - 1]);
            route.stops << stop;
        }
        plan.routes << route;
    }
    retime(plan);
    plan.seconds = timer.nsecsElapsed() / 1e9; // reading, travel matrix and search
    for (int node : s.unassigned) {
        const double alone = p.time(0, node) + p.nodes[std::size_t(node)].service + p.time(node, 0);
        Unplanned u{plan.nodeIds[node], QString()};
        if (stops[node - 1].size() > 1)
            u.households = idsOf(stops[node - 1]);
        u.why = alone > dayEnd - dayStart ? Unplanned::Why::TooFar : Unplanned::Why::NoTime;
        u.reason = u.why == Unplanned::Why::TooFar
                       ? QStringLiteral("too far from the office to go and come back in a day")
                       : QStringLiteral("no time left in the teams' day");
        plan.unassigned.append(u);
    }
    return plan;
}

Result<DayPlan> DayPlanner::reopen(const DayPlan &saved)
{
    if (auto ok = m_ws.require(Security::Permission::PlanRoutes); !ok)
        return fail(ok.error());
    if (!saved.officeCode.isEmpty() && !m_ws.session()->offices.contains(saved.officeCode))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("the plan belongs to 행정동 %1, outside your offices")
                        .arg(saved.officeCode));
    DayPlan plan = saved;
    Storage::HouseholdStore &store = m_ws.stores().households();
    auto read = [&](const QStringList &ids) -> Result<QList<Household>> {
        QList<Household> group;
        for (const QString &id : ids) {
            auto h = store.get(id);
            if (!h)
                return fail(h.error());
            if (!m_ws.session()->offices.contains(h->officeCode))
                return fail(ErrorCode::PermissionDenied,
                            QStringLiteral("household %1 belongs to another office").arg(id));
            group << *h;
        }
        return group;
    };
    // Every stop of a route, then every one left out that a team could still be sent to.
    QList<QList<Household>> stops;
    for (const TeamRoute &r : plan.routes) {
        for (const PlannedStop &s : r.stops) {
            auto group = read(s.all());
            if (!group)
                return fail(group.error());
            stops << *group;
        }
    }
    for (const Unplanned &u : plan.unassigned) {
        if (u.why == Unplanned::Why::NoLocation || u.why == Unplanned::Why::RecentlyVisited)
            continue;
        auto group = read(u.all());
        if (!group)
            return fail(group.error());
        if (group->first().lon != 0 || group->first().lat != 0)
            stops << *group;
    }
    buildNodes(plan, stops);
    retime(plan);
    return plan;
}

} // namespace VisitMap::Routing
