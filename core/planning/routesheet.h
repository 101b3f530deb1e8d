// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dayplanner.h"

namespace VisitMap::Routing {

// A household at a stop of a team's printed route sheet.
struct SheetHousehold
{
    QString detail;    // 동·호 ("102동 1304호"), empty when the address has none
    QString name;      // masked unless printed unmasked
    QString phone;     // masked unless printed unmasked
    QString tier;      // 고위험 …
    QDate lastVisit;   // invalid: never visited
    int overdueDays = -1; // days past its visit cycle on the plan's day (-1: not overdue)
    bool isNew = false;   // new this round (to be confirmed)
    bool high = false;    // high risk
};

// One line of a team's printed route sheet: a building and the households visited there.
struct SheetStop
{
    int order = 0;
    QString eta;     // "09:40"
    QString address; // the road address in full: the team has to find the door
    QList<SheetHousehold> households;
    double lon = 0, lat = 0;
};

struct SheetTeam
{
    int team = 0;
    QString leave, back;
    double km = 0;
    QList<SheetStop> stops;
};

struct RouteSheetData
{
    QDate date;
    QString officeName;
    QString travel;
    QString preparedBy;
    bool unmasked = false;
    double officeLon = 0, officeLat = 0;
    QList<SheetTeam> teams;
};

// What the printed sheets say, read for the signed-in account and logged as a print with its
// reason (the access log's 출력). Names and phones print masked unless the account may export
// unmasked and asks to.
namespace RouteSheet {
Result<RouteSheetData> prepare(Workspace &workspace, const DayPlan &plan, bool unmasked, const QString &reason);
}

// A saved plan as a lead picks it from the list.
struct SavedPlan
{
    QString id;
    QDate date;
    QString officeCode;
    int teams = 0;
    int stops = 0;
    int households = 0;
    QDateTime savedAt;
    QString savedBy;
    int version = 1; // 2: changed once after it was first saved …
};

// Saved plans (household ids and times only). A plan opened from the list and changed is saved as
// a new version naming the one it replaces; the earlier version stays as it was.
namespace PlanArchive {
// Saves the plan: a first version, or (plan.savedId set) the next version of that plan. The
// plan's savedId becomes the new id.
Result<QString> save(Workspace &workspace, DayPlan &plan);
Result<int> count(Workspace &workspace, const QDate &date);
// The latest version of each saved plan of the account's offices, the newest day first.
Result<QList<SavedPlan>> list(Workspace &workspace);
// A saved plan made live again (DayPlanner::reopen): to change, save again and print again.
Result<DayPlan> open(Workspace &workspace, const QString &id);
}

} // namespace VisitMap::Routing
