// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "columnmap.h"
#include "importservice.h"
#include "util/result.h"
#include "util/textdecoder.h"

#include <QList>
#include <QStringList>

namespace VisitMap::Import {

// The first rows of a file someone is about to import, read the way the import will read it
// (the same size cap, encoding detection and CSV rules), and which of the file's columns fill
// which of the importer's fields. Nothing is checked or written.
struct ImportPreview
{
    TextEncoding encoding = TextEncoding::Utf8;
    QStringList header;            // CSV header, or the JSON properties shown
    QList<QStringList> rows;       // at most the rows asked for
    qint64 totalRows = 0;          // rows (CSV) or features / reports (JSON) in the whole file
    QList<ColumnMap::Use> columns; // empty for kinds whose fields are not columns

    static Result<ImportPreview> read(ImportKind kind, const QString &path, int maxRows = 20);
};

} // namespace VisitMap::Import
