// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "routing/travelmatrix.h"
#include "util/result.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>
#include <QTime>
#include <functional>

namespace VisitMap {
class Workspace;
struct Household;
}

namespace VisitMap::Routing {

// What a team lead asks for: these households, on this day, by this many teams from the dong
// office, within the working hours, with a lunch break.
struct DayPlanRequest
{
    QStringList householdIds;
    QDate date;
    int teams = 2;
    QTime start = QTime(9, 0);
    QTime end = QTime(18, 0);
    QTime lunch = QTime(12, 0);
    int lunchMinutes = 60; // 0: no break
    TravelSettings travel;
    // Minutes at a household by risk tier (high, medium, low).
    int serviceHigh = 40, serviceMedium = 30, serviceLow = 20;
    // Households with a visit in the last this many days (before the plan's date) are left out of
    // the plan, with the day of that visit as the reason; 0: none are left out (the planner's
    // screen asks 7 unless the lead changes it).
    int recentDays = 0;
    double seconds = 1.0;
    quint64 seed = 1;
    // Called during the search with the fraction done; false stops it (the best plan so far).
    std::function<bool(double fraction)> progress;
};

// One place a team goes to: a building (one road address, or one spot on the map) with every
// household of the plan that lives there, visited one after another.
struct PlannedStop
{
    QString householdId; // the stop's first household: the stop is known by it
    QStringList
        households; // every household at the stop, the first one first (empty: householdId alone)
    QStringList all() const { return households.isEmpty() ? QStringList{householdId} : households; }
    int arrive = 0; // minutes after midnight
    int start = 0;  // service begins (after waiting, or after the break)
    int leave = 0;
    double metresFromPrevious = 0;
    bool late = false; // after an edit: starts after the end of the day, or the team is back late
};

struct TeamRoute
{
    int team = 0; // 1-based
    QList<PlannedStop> stops;
    double metres = 0;
    int leaveOffice = 0; // minutes after midnight
    int backAtOffice = 0;
};

struct Unplanned
{
    // Why a household is not in the plan; the words for a person come from the screen that shows
    // it.
    enum class Why { NoLocation, TooFar, NoTime, RecentlyVisited, ByHand };
    QString householdId;
    QString reason; // for the command line and the saved plan
    Why why = Why::ByHand;
    QDate lastVisit;        // RecentlyVisited: the day of that visit (Seoul)
    int days = 0;           // RecentlyVisited: the N of "in the last N days"
    QStringList households; // a stop taken out of the plan keeps its households together (empty:
                            // householdId alone)
    QStringList all() const { return households.isEmpty() ? QStringList{householdId} : households; }
};

struct DayPlan
{
    QDate date;
    QString officeCode; // where the teams set out and come back
    double officeLon = 0, officeLat = 0;
    QList<TeamRoute> routes; // one per team, possibly empty
    QList<Unplanned> unassigned;
    QString travelSource;
    QString notice; // e.g. the routing service was down and the straight line was used
    double seconds = 0; // to make it: reading the households, the travel matrix and the search
    QString savedId;    // the saved plan it was opened from or last saved as (empty: not saved)

    // What it was made from, so that an edited plan can be timed again.
    DayPlanRequest request;
    TravelMatrix matrix; // node 0 the office, then the stops
    QStringList nodeIds; // the id of each stop's first household per matrix node (node 0: empty)
    QList<int> serviceMinutes; // per node: the minutes at every household of the stop

    int planned() const;    // stops
    int households() const; // households the stops visit
    // Every household of the plan: at its stops, then those left out.
    QStringList allHouseholds() const;
    bool anyLate() const;
    // The plan as `route --db --json` prints it and as it is saved: ids and times, no names.
    QJsonObject toJson() const;
    // A saved plan read back: its stops in order, what was left out and the request's settings;
    // the travel matrix is not saved (DayPlanner::reopen builds it again).
    static Result<DayPlan> fromJson(const QJsonObject &json);
};

// Plans a day's visits: high-risk households must be visited, the others are worth visiting in
// proportion to their risk; every visit fits its team's day, the lunch break and the trip back to
// the office. Teams set out from the office most of the households belong to.
class DayPlanner
{
public:
    explicit DayPlanner(Workspace &workspace) : m_ws(workspace) {}

    Result<DayPlan> plan(const DayPlanRequest &request);

    // The households "overdue" (visit cycle passed), "high" (high risk) or "new" (new this
    // round) of the account's offices, or of one office; "overdue,high" for both at once.
    Result<QStringList> select(const QString &which, const QString &officeCode = {});

    static QString clock(int minutes); // "09:40"
    // The key households share when they live in one building: the road address without spaces
    // and brackets (the building's name), or the spot on the map (about a metre) without one.
    static QString buildingKey(const Household &household);

    // A saved plan made live again: its households read, the travel between its stops worked out
    // again and every route timed in the order saved, so that it can be changed and printed.
    Result<DayPlan> reopen(const DayPlan &saved);

    // Times every route again after stops were moved by hand (reordered, moved to another team,
    // taken out to the unassigned list or put back): arrivals, the break, lateness, distances.
    static void retime(DayPlan &plan);

private:
    Workspace &m_ws;
};

} // namespace VisitMap::Routing
