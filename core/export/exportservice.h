// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Export {

enum class ExportKind { Households, Visits };

struct ExportOptions
{
    ExportKind kind = ExportKind::Households;
    QString outPath;
    QString reason;        // required: why the data leaves the workstation (logged)
    bool unmasked = false; // only a role allowed to (team lead)
};

struct ExportResult
{
    int rows = 0;
    bool masked = true;
};

// Writes CSV (UTF-8 with a BOM, for Excel) of what the signed-in account may see. Names,
// 주민등록번호, phone numbers and house numbers are masked unless an allowed role asks for them
// unmasked; every export asks for a reason and is written to the access log. The file appears
// only when complete.
class ExportService
{
public:
    explicit ExportService(Workspace &workspace) : m_ws(workspace) {}

    Result<ExportResult> run(const ExportOptions &options);

    // Logs a map picture (PNG/PDF) the account saved or printed: it shows where households are,
    // so it needs the right to export and a reason, like any export. Call it once the file is
    // written; on an error the caller removes the file.
    Status logMapExport(const QString &outPath, int householdsShown, const QString &reason);

    static QStringList householdColumns();
    static QStringList visitColumns();

private:
    Result<ExportResult> households(const ExportOptions &options);
    Result<ExportResult> visits(const ExportOptions &options);

    Workspace &m_ws;
};

} // namespace VisitMap::Export
