// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "anonymiser.h"
#include "exportscope.h"
#include "exporttable.h"
#include "util/result.h"

#include <QSet>
#include <optional>

namespace VisitMap {
class Workspace;
namespace Security {
class AuditDetail;
}
}

namespace VisitMap::Export {

// Households and visits are records; the summaries are counts only (no personal data).
enum class ExportKind {
    Households,
    Visits,
    DongTierSummary, // 동 × 위험도
    TypeTierSummary, // 가구유형별 위험도
    OverdueByWorker, // 담당자별 방문 지연
};

struct ExportOptions
{
    ExportKind kind = ExportKind::Households;
    QString outPath;
    QString reason;        // required: why the data leaves the workstation (logged)
    bool unmasked = false; // only a role allowed to (team lead)
    ExportScope scope;     // which households (and their visits); the summaries count these
    ExportFormat format = ExportFormat::Csv;
    // Korean headers and values (위험도 고위험, 상태 관리중, dates 2026.12.02) unless the machine
    // columns are asked for: id, adm_cd, lon, lat, risk as high|medium|low, ISO dates.
    bool englishHeaders = false;
};

struct ExportResult
{
    int rows = 0;
    bool masked = true;
    // Households left out of a masked file: their 행정동 has fewer than Anonymiser::minShared
    // households in it, so no position of theirs would be shared by that many.
    int withheld = 0;
};

// Writes CSV (UTF-8 with a BOM, for Excel) or an Excel workbook of what the signed-in account may
// see (all of it, the list's filter or chosen households); every export
// asks for a reason and is written to the access log, and the file appears only when complete.
// Unless an allowed role asks for it unmasked, the file is pseudonymised (docs/privacy.md):
// keyed pseudonyms for ids; no name, 주민등록번호, birth date, house number, 통/반, free text or
// phone digits; positions shared by at least k households (a 500 m cell or the 행정동 point);
// age bands, and age band and sex generalised or left out where fewer than k households of a
// position share them. Cells that a spreadsheet would run as formulas are written as text.
class ExportService
{
public:
    explicit ExportService(Workspace &workspace) : m_ws(workspace) {}

    Result<ExportResult> run(const ExportOptions &options);

    // Logs a map picture (PNG/PDF) the account saved or printed: it shows where households are,
    // so it needs the right to export and a reason, like any export. Call it once the file is
    // written; on an error the caller removes the file.
    Status logMapExport(const QString &outPath, int householdsShown, const QString &reason);

    // How many households a scope covers for this account (before a masked file withholds any).
    Result<int> householdCount(const ExportScope &scope) const;

    static QStringList householdColumns(bool english = false);
    static QStringList visitColumns(bool english = false);
    static bool isSummary(ExportKind kind);

private:
    // The households of the scope, within the account's 행정동, in the store's row order.
    Result<QList<Household>> scoped(const ExportScope &scope) const;
    // The ids of the scope's households; none (no limit) for the whole area.
    Result<std::optional<QSet<QString>>> scopedIds(const ExportScope &scope) const;
    // The household query of a scope cut to the account's 행정동; nothing when none is left.
    std::optional<Storage::HouseholdQuery> scopeQuery(const ExportScope &scope) const;
    Result<ExportResult> households(const ExportOptions &options);
    Result<ExportResult> summary(const ExportOptions &options);
    Status logDownload(const ExportOptions &options,
                       const QString &what,
                       int rows,
                       const Security::AuditDetail &how);
    // Masks rows of householdColumns() in place, dropping those withheld; returns how many were.
    Result<int> maskHouseholds(QList<QStringList> &rows,
                               const QList<QString> &fullNames,
                               const QList<Anonymiser::Point> &points) const;
    Result<QString> pseudonymFor(const QString &officeCode, const QString &id) const;
    Result<ExportResult> visits(const ExportOptions &options);

    Workspace &m_ws;
};

} // namespace VisitMap::Export
