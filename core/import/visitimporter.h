// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "columnmap.h"
#include "importcontrol.h"
#include "importreport.h"
#include "model/visit.h"
#include "util/csv.h"

#include <functional>

namespace VisitMap::Import {

// Paper visit logs transcribed into a CSV: household, kind, outcome, at, and optionally met_whom,
// staff, note (Korean headers 가구ID, 구분, 결과, 일시, 만난사람, 방문자, 내용). Kinds and outcomes may be
// written in Korean (방문/전화/내방/안부확인, 만남/부재/거부/이사). Every row is checked first.
class VisitImporter
{
public:
    struct Parsed
    {
        QList<Visit> visits;
        QList<int> lines; // the line of each visit, same order
        ImportReport report;
        bool cancelled = false;
    };
    // householdProblem: why the id names no household the account may log for (empty: it does).
    static Parsed
    parse(const CsvTable &table,
          const QString &fileName,
          const QDateTime &now,
          const std::function<RowReason(const QString &householdId)> &householdProblem,
          const ImportControl *control = nullptr);
    // The fields this importer reads and the file's columns that fill them.
    static QList<ColumnMap::Use> columns(const CsvTable &table);
    // "2026-11-20T14:30:00+09:00", "2026-11-20 14:30", "2026.11.20 14:30", or a date alone (noon).
    static QDateTime parseWhen(const QString &text);
};

} // namespace VisitMap::Import
