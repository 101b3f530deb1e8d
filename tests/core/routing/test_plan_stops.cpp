// SPDX-License-Identifier: GPL-3.0-or-later
#include "planning/dayplanner.h"
#include "planning/routesheet.h"
#include "storage/database.h"
#include "storage/routeplanstore.h"
#include "support/testsupport.h"
#include "workspace.h"

#include <catch2/catch.hpp>

using namespace VisitMap;
using namespace VisitMap::Routing;

namespace {

// A lead on a copy of the demo store and the 12 low- and medium-risk households nearest the
// middle of the busiest 동 (none of them must be visited, so every one can be moved about).
struct Office
{
    Test::TempDir dir;
    std::unique_ptr<Workspace> ws;
    QStringList ids;
    Office()
    {
        ws = Test::openStore(Test::demoStoreCopy(dir));
        REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
        auto centre = ws->db().execute(QStringLiteral(
            "SELECT avg(lon), avg(lat), office_code FROM households WHERE office_code = (SELECT "
            "office_code FROM households GROUP BY office_code ORDER BY count(*) DESC LIMIT 1)"));
        REQUIRE(centre);
        REQUIRE(centre->next());
        auto q = ws->db().execute(QStringLiteral("SELECT id FROM households WHERE office_code = ? "
                                                 "AND lon <> 0 ORDER BY (lon - ?) * (lon - ?) + "
                                                 "(lat - ?) * (lat - ?) LIMIT 12"),
                                  {centre->value(2), centre->value(0), centre->value(0),
                                   centre->value(1), centre->value(1)});
        REQUIRE(q);
        while (q->next())
            ids << q->value(0).toString();
        REQUIRE(ids.size() == 12);
    }
    // The second household moves into the first one's building (another flat of it).
    void sameBuilding(const QString &first, const QString &second, const QString &detail)
    {
        REQUIRE(ws->db().execute(QStringLiteral("UPDATE households SET road_address = (SELECT "
                                                "road_address FROM households WHERE id = ?), "
                                                "lon = (SELECT lon FROM households WHERE id = ?), "
                                                "lat = (SELECT lat FROM households "
                                                "WHERE id = ?), address_detail = ? WHERE id = ?"),
                                 {first, first, first, detail, second}));
    }
    void visited(const QString &id, const QString &at)
    {
        REQUIRE(ws->db().execute(
            QStringLiteral("UPDATE households SET last_visit_at = ? WHERE id = ?"), {at, id}));
    }
    DayPlanRequest request() const
    {
        DayPlanRequest req;
        req.householdIds = ids;
        req.teams = 2;
        req.date = QDate(2026, 12, 3);
        req.seconds = 30; // the round count ends it
        return req;
    }
};

int visitsTo(const DayPlan &plan, const QString &id)
{
    int n = 0;
    for (const TeamRoute &r : plan.routes)
        for (const PlannedStop &s : r.stops)
            n += int(s.all().count(id));
    return n;
}

} // namespace

TEST_CASE("Two households at one address are one stop with both households and their minutes added",
          "[routing][dayplan][stops]")
{
    Office office;
    office.sameBuilding(office.ids[0], office.ids[1], QStringLiteral("302호"));
    // The same building written with other spacing and its name in brackets is still the building.
    REQUIRE(
        office.ws->db().execute(QStringLiteral("UPDATE households SET road_address = "
                                               "replace(road_address, ' ', '  ') || ' (한빛빌라)', "
                                               "lon = lon + 0.003 WHERE id = ?"),
                                {office.ids[1]}));
    auto plan = DayPlanner(*office.ws).plan(office.request());
    REQUIRE(plan);
    CHECK(plan->allHouseholds().size() == 12);
    CHECK(plan->planned() == 11); // 12 households, 11 buildings
    const PlannedStop *shared = nullptr;
    for (const TeamRoute &r : plan->routes)
        for (const PlannedStop &s : r.stops)
            if (s.all().contains(office.ids[0]))
                shared = &s;
    REQUIRE(shared);
    CHECK(shared->all().size() == 2);
    CHECK(shared->all().contains(office.ids[1]));
    // Both households are visited at that stop, one after another.
    const int node = int(plan->nodeIds.indexOf(shared->householdId));
    REQUIRE(node > 0);
    CHECK(shared->leave - shared->start == plan->serviceMinutes[node]);
    CHECK(plan->serviceMinutes[node] >= 2 * 20);
    for (const QString &id : office.ids)
        CHECK(visitsTo(*plan, id) <= 1);
    CHECK(plan->nodeIds.size()
          == 12); // the office and 11 stops: the solver saw buildings, not households
}

TEST_CASE(
    "Households at one spot on the map are one stop even when their addresses are written apart",
    "[routing][dayplan][stops]")
{
    Office office;
    office.sameBuilding(office.ids[2], office.ids[3], QStringLiteral("1층"));
    REQUIRE(office.ws->db().execute(
        QStringLiteral(
            "UPDATE households SET road_address = '서울특별시 서대문구 다른길 9' WHERE id = ?"),
        {office.ids[3]}));
    auto plan = DayPlanner(*office.ws).plan(office.request());
    REQUIRE(plan);
    CHECK(plan->planned() == 11);
    bool together = false;
    for (const TeamRoute &r : plan->routes)
        for (const PlannedStop &s : r.stops)
            together
                = together || (s.all().contains(office.ids[2]) && s.all().contains(office.ids[3]));
    CHECK(together);
}

TEST_CASE(
    "A household visited in the last N days is left out of the plan with the day of that visit",
    "[routing][dayplan][recent]")
{
    Office office;
    office.visited(office.ids[4],
                   QStringLiteral("2026-11-28T01:30:00Z")); // 10:30 in Seoul, five days before
    office.visited(office.ids[5], QStringLiteral("2026-11-20T01:30:00Z")); // 13 days before
    DayPlanRequest req = office.request();
    req.recentDays = 7;
    auto plan = DayPlanner(*office.ws).plan(req);
    REQUIRE(plan);
    CHECK(visitsTo(*plan, office.ids[4]) == 0);
    CHECK(visitsTo(*plan, office.ids[5])
              + int(std::count_if(plan->unassigned.cbegin(), plan->unassigned.cend(),
                                  [&](const Unplanned &u) {
                                      return u.all().contains(office.ids[5])
                                             && u.why != Unplanned::Why::RecentlyVisited;
                                  }))
          == 1);
    const auto left
        = std::find_if(plan->unassigned.cbegin(), plan->unassigned.cend(),
                       [&](const Unplanned &u) { return u.householdId == office.ids[4]; });
    REQUIRE(left != plan->unassigned.cend());
    CHECK(left->why == Unplanned::Why::RecentlyVisited);
    CHECK(left->lastVisit == QDate(2026, 11, 28));
    CHECK(left->days == 7);
    CHECK(left->reason.contains(QStringLiteral("2026-11-28")));

    SECTION("0 days leaves nobody out")
    {
        req.recentDays = 0;
        auto all = DayPlanner(*office.ws).plan(req);
        REQUIRE(all);
        for (const Unplanned &u : all->unassigned)
            CHECK(u.why != Unplanned::Why::RecentlyVisited);
    }
    SECTION("a visit on the day before counts, one exactly N days before does not")
    {
        office.visited(office.ids[4],
                       QStringLiteral("2026-11-26T01:00:00Z")); // 7 days before 12-03
        office.visited(office.ids[6],
                       QStringLiteral("2026-12-02T14:30:00Z")); // 12-02 23:30 in Seoul
        auto again = DayPlanner(*office.ws).plan(req);
        REQUIRE(again);
        auto why = [&](const QString &id) {
            for (const Unplanned &u : again->unassigned)
                if (u.all().contains(id))
                    return int(u.why);
            return -1;
        };
        CHECK(why(office.ids[4]) != int(Unplanned::Why::RecentlyVisited));
        CHECK(why(office.ids[6]) == int(Unplanned::Why::RecentlyVisited));
    }
}

TEST_CASE(
    "A saved plan reopens with its stops in order and a changed plan is saved as its next version",
    "[routing][dayplan][saved]")
{
    Office office;
    office.sameBuilding(office.ids[0], office.ids[1], QStringLiteral("302호"));
    office.visited(office.ids[4], QStringLiteral("2026-11-30T01:30:00Z"));
    DayPlanRequest req = office.request();
    req.recentDays = 7;
    req.start = QTime(9, 30);
    req.lunchMinutes = 50;
    auto plan = DayPlanner(*office.ws).plan(req);
    REQUIRE(plan);
    auto first = PlanArchive::save(*office.ws, *plan);
    REQUIRE(first);
    CHECK(plan->savedId == *first);

    auto listed = PlanArchive::list(*office.ws);
    REQUIRE(listed);
    REQUIRE(listed->size() == 1);
    CHECK(listed->first().date == QDate(2026, 12, 3));
    CHECK(listed->first().teams == 2);
    CHECK(listed->first().stops == plan->planned());
    CHECK(listed->first().households == plan->households());

    auto reopened = PlanArchive::open(*office.ws, *first);
    REQUIRE(reopened);
    CHECK(reopened->savedId == *first);
    REQUIRE(reopened->routes.size() == plan->routes.size());
    for (int t = 0; t < plan->routes.size(); ++t) {
        REQUIRE(reopened->routes[t].stops.size() == plan->routes[t].stops.size());
        for (int k = 0; k < plan->routes[t].stops.size(); ++k) {
            CHECK(reopened->routes[t].stops[k].all() == plan->routes[t].stops[k].all());
            CHECK(reopened->routes[t].stops[k].start == plan->routes[t].stops[k].start);
        }
        CHECK(reopened->routes[t].backAtOffice == plan->routes[t].backAtOffice);
    }
    CHECK(reopened->request.start == QTime(9, 30));
    CHECK(reopened->request.lunchMinutes == 50);
    CHECK(reopened->request.recentDays == 7);
    const auto recent
        = std::find_if(reopened->unassigned.cbegin(), reopened->unassigned.cend(),
                       [&](const Unplanned &u) { return u.householdId == office.ids[4]; });
    REQUIRE(recent != reopened->unassigned.cend());
    CHECK(recent->why == Unplanned::Why::RecentlyVisited);
    CHECK(recent->lastVisit == QDate(2026, 11, 30));

    // Changed (a stop taken out), timed again and saved: a new version, the first one kept.
    int team = 0;
    while (reopened->routes[team].stops.size() < 2)
        ++team;
    const PlannedStop out = reopened->routes[team].stops.takeFirst();
    reopened->unassigned.append({out.householdId,
                                 QStringLiteral("taken out by hand"),
                                 Unplanned::Why::ByHand,
                                 {},
                                 0,
                                 out.households});
    DayPlanner::retime(*reopened);
    CHECK(reopened->routes[team].stops.first().arrive < plan->routes[team].stops[1].arrive);
    auto second = PlanArchive::save(*office.ws, *reopened);
    REQUIRE(second);
    CHECK(*second != *first);
    CHECK(Test::count(*office.ws, QStringLiteral("SELECT count(*) FROM route_plans")) == 2);
    auto history = Storage::RoutePlanStore(office.ws->db()).history(*second);
    REQUIRE(history);
    REQUIRE(history->size() == 2);
    CHECK(history->at(1).id == *first);
    listed = PlanArchive::list(*office.ws);
    REQUIRE(listed);
    REQUIRE(listed->size() == 1); // the latest version only
    CHECK(listed->first().id == *second);
    CHECK(listed->first().version == 2);
    CHECK(listed->first().stops == plan->planned() - 1);
    CHECK(
        Test::count(*office.ws, QStringLiteral("SELECT count(*) FROM audit_log WHERE subject_kind "
                                               "= 'route_plan' AND action = 'update' "
                                               "AND subject = '%1'")
                                    .arg(*second))
        == 1);
    auto again = PlanArchive::open(*office.ws, *second);
    REQUIRE(again);
    CHECK(visitsTo(*again, out.householdId) == 0);
}

TEST_CASE("A saved plan that is not well-formed is refused with a reason and changes nothing",
          "[routing][dayplan][saved]")
{
    Office office;
    Storage::RoutePlanRecord r;
    r.id = QStringLiteral("0192f000-0000-7000-8000-0000000000aa");
    r.officeCode = office.ws->db()
                       .scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"),
                               {office.ids[0]})
                       ->toString();
    r.date = QDate(2026, 12, 3);
    r.teams = 1;
    r.json
        = "{\"date\":\"2026-12-03\",\"teams\":[{\"team\":1,\"stops\":[{\"arrive\":\"09:10\"}]}]}";
    r.createdAt = QDateTime(QDate(2026, 12, 2), QTime(0, 0), Qt::UTC);
    r.createdBy = QStringLiteral("demo-lead");
    REQUIRE_OK(Storage::RoutePlanStore(office.ws->db()).insert(r));
    auto opened = PlanArchive::open(*office.ws, r.id);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == ErrorCode::Parse);
    CHECK_FALSE(PlanArchive::open(*office.ws, QStringLiteral("no-such-plan")));
}
