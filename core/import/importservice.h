// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importreport.h"
#include "util/result.h"

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Import {

enum class ImportKind { Households, Boundaries, Facilities };

// Runs an import for the signed-in account: checks the right to import, validates the whole file
// and writes it in one transaction, or writes nothing and reports every bad row. An Error (not a
// report) means the import could not be attempted (no right, a demo store, an unreadable file).
class ImportService
{
public:
    explicit ImportService(Workspace &workspace) : m_ws(workspace) {}

    Result<ImportReport> run(ImportKind kind, const QString &path);
    Result<ImportReport> households(const QString &path);
    Result<ImportReport> boundaries(const QString &path);
    Result<ImportReport> facilities(const QString &path);

private:
    Workspace &m_ws;
};

} // namespace VisitMap::Import
