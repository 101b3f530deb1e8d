// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importreport.h"
#include "util/result.h"

#include <QString>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Import {

enum class ImportKind { Households, Boundaries, Facilities };

struct ImportOptions
{
    QString crs; // coordinates of a households CSV when not WGS84 lon/lat ("EPSG:5179")
};

// Runs an import for the signed-in account: checks the right to import, validates the whole file
// and writes it in one transaction, or writes nothing and reports every bad row. An Error (not a
// report) means the import could not be attempted (no right, a demo store, an unreadable file).
class ImportService
{
public:
    explicit ImportService(Workspace &workspace) : m_ws(workspace) {}

    Result<ImportReport> run(ImportKind kind, const QString &path, const ImportOptions &options = {});
    Result<ImportReport> households(const QString &path, const ImportOptions &options = {});
    Result<ImportReport> boundaries(const QString &path);
    Result<ImportReport> facilities(const QString &path);
    // Transcribed paper visit logs (CSV). A row the store already holds (same household, time,
    // kind and outcome), or a row repeating an earlier row of the file, is skipped and named in
    // the notes, so importing the same file twice does not double any visit.
    Result<ImportReport> visits(const QString &path);

private:
    Workspace &m_ws;
};

} // namespace VisitMap::Import
