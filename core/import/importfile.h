// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/csv.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace VisitMap::Import {

// Opens a file someone chose to import: it must be a regular file (not a pipe, device or folder)
// and no larger than the cap, judged from its size on disk before a byte is read, so a huge or
// endless file is refused at once instead of filling memory.
class ImportFile
{
public:
    // The cap for every import file (households, facilities, visits, 발굴 round CSV, boundary
    // GeoJSON, report JSON): a district's files are a few MB; split anything larger.
    static constexpr qint64 maxBytes = 64ll * 1024 * 1024;

    // The bytes, or an Io / Validation error naming the file.
    static Result<QByteArray> read(const QString &path, qint64 maxBytes = ImportFile::maxBytes);
    // Read as above, decoded (UTF-8, BOM, UTF-16, CP949) and parsed as CSV.
    static Result<CsvTable> readCsv(const QString &path, qint64 maxBytes = ImportFile::maxBytes);
};

} // namespace VisitMap::Import
