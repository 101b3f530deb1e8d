// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dayplanner.h"

namespace VisitMap::Routing {

// One line of a team's printed route sheet.
struct SheetStop
{
    int order = 0;
    QString eta;       // "09:40"
    QString address;   // road address and 동·호, in full: the team has to find the door
    QString name;      // masked unless printed unmasked
    QString phone;     // masked unless printed unmasked
    QString tier;      // 고위험 …
    QString lastVisit; // "2026-09-14" or "방문 기록 없음"
    QString purpose;   // why this visit: "방문 주기 지남 (12일)", "신규 발굴 확인" …
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

// Saved plans (household ids and times only).
namespace PlanArchive {
Result<QString> save(Workspace &workspace, const DayPlan &plan);
Result<int> count(Workspace &workspace, const QDate &date);
}

} // namespace VisitMap::Routing
