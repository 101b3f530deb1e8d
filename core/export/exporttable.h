// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace VisitMap::Export {

enum class ExportFormat { Csv, Xlsx };

// A table ready to leave the workstation: a header and rows of text, some columns numbers.
struct ExportTable
{
    QString sheetName; // the worksheet's name in a workbook
    QStringList header;
    QList<QStringList> rows;
    QSet<int> numberColumns; // written as numbers in a workbook (a number or empty in each row)
};

// Writes an export table, whole or not at all (the file appears only when complete): CSV as
// UTF-8 with a BOM and formula-like cells as text (CsvWriter), or an Excel workbook (.xlsx, one
// worksheet, header row bold and frozen, text cells as text so nothing runs as a formula).
class ExportTableWriter
{
public:
    static Status write(const ExportTable &table, const QString &path, ExportFormat format);

    // The format a file name asks for: .xlsx is a workbook, anything else CSV.
    static ExportFormat formatFor(const QString &path);

private:
    static Status writeCsv(const ExportTable &table, const QString &path);
    static Status writeXlsx(const ExportTable &table, const QString &path);
};

} // namespace VisitMap::Export
