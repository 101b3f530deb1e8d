// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "travelmatrix.h"
#include "util/result.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>
#include <QTime>
#include <functional>

namespace VisitMap {
class Workspace;
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
    double seconds = 1.0;
    quint64 seed = 1;
    // Called during the search with the fraction done; false stops it (the best plan so far).
    std::function<bool(double fraction)> progress;
};

struct PlannedStop
{
    QString householdId;
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
    QString householdId;
    QString reason;
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

    // What it was made from, so that an edited plan can be timed again.
    DayPlanRequest request;
    TravelMatrix matrix;  // node 0 the office, then the planned households
    QStringList nodeIds;  // household id of each matrix node (node 0: empty)
    QList<int> serviceMinutes; // per node

    int planned() const;
    bool anyLate() const;
    // The plan as `route --db --json` prints it and as it is saved: ids and times, no names.
    QJsonObject toJson() const;
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

    // Times every route again after stops were moved by hand (reordered, moved to another team,
    // taken out to the unassigned list or put back): arrivals, the break, lateness, distances.
    static void retime(DayPlan &plan);

private:
    Workspace &m_ws;
};

} // namespace VisitMap::Routing
