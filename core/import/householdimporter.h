// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "columnmap.h"
#include "importcontrol.h"
#include "importreport.h"
#include "risk/riskscorer.h"
#include "risk/visitcycle.h"
#include "storage/householdstore.h"
#include "util/csv.h"

#include <functional>

namespace VisitMap::Geo {
class CrsTransform;
class DongLocator;
}

namespace VisitMap::Import {

// Households CSV (the columns are documented in README.md; Korean headers are accepted too).
// The whole file is validated first; records come back only when every row is good.
class HouseholdImporter
{
public:
    struct Context
    {
        const Geo::DongLocator *locator = nullptr; // the store's and the bundled 행정동
        const Geo::CrsTransform *crs = nullptr;      // the coordinates' CRS when not WGS84
        QDate today;
        QDateTime now;
        Risk::RiskScorer scorer;
        Risk::VisitCycle cycle;
        QString actor;
        std::function<bool(const QString &officeCode)> covers; // the importing account's grants
        std::function<bool(const QString &id)> idExists;        // already in the store
        // Why this account name cannot be the household's worker (empty: it can).
        std::function<RowReason(const QString &worker, const QString &officeCode)> workerProblem;
        const ImportControl *control = nullptr; // progress and cancel, when someone follows
    };

    struct Parsed
    {
        QList<Storage::HouseholdRecord> records;
        QStringList officeCodes; // the 행정동 the records fall in
        ImportReport report;
        bool cancelled = false; // stopped by the control; nothing else holds
    };

    static Parsed parse(const CsvTable &table, const QString &fileName, const Context &context);

    // The fields this importer reads and the file's columns that fill them.
    static QList<ColumnMap::Use> columns(const CsvTable &table);

    // Accepted spellings of household types, mapped to ours (독거노인 -> 노인단독 ...).
    static QString normaliseType(const QString &text);

    // Metres a point may lie outside the polygon of the 행정동 its adm_cd names: the bundled
    // boundaries are generalised, and a geocoded entrance may sit on the boundary street.
    static constexpr double boundaryToleranceM = 300;
};

} // namespace VisitMap::Import
