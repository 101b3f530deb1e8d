// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exporttable.h"
#include "model/household.h"
#include "model/office.h"

#include <QDate>
#include <QList>

namespace VisitMap::Export {

// The counts a 구청 asks a dong office for, each its own table: no person, address or id in any
// of them, only counts (and the staff who hold the households). Korean headers and labels unless
// english is asked for (the command line's machine columns).
class ExportSummaries
{
public:
    // 동 × 위험도: households per 행정동 (every office given, even with none) and tier, with a
    // total per row and a 합계 row.
    static ExportTable byDongAndTier(const QList<Household> &households,
                                     const QList<Office> &offices,
                                     bool english = false);
    // 가구유형별: households per household type and tier, with totals.
    static ExportTable byTypeAndTier(const QList<Household> &households, bool english = false);
    // 담당자별 방문 지연: per worker (and the unassigned), households held, how many are past their
    // visit date, and how many days the oldest of them is late; with a 합계 row.
    static ExportTable
    overdueByWorker(const QList<Household> &households, const QDate &today, bool english = false);
};

} // namespace VisitMap::Export
