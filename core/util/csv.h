// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace VisitMap {

struct CsvRecord
{
    int line = 0; // the physical line where the record starts (1-based)
    QStringList fields;
};

struct CsvTable
{
    QStringList header;
    QList<CsvRecord> rows;

    // Column index by any of the given names (case-insensitive, trimmed), or -1.
    int column(std::initializer_list<QStringView> names) const;
};

// RFC 4180 CSV as Excel writes it: comma separated, double quotes around fields that hold commas,
// quotes or line breaks; CRLF or LF. Blank lines are skipped. An unterminated quote or text after
// a closing quote is an error naming the line.
class CsvReader
{
public:
    static Result<CsvTable> parse(const QString &text, const QString &fileName);
    // Reads, decodes (UTF-8 / BOM / CP949) and parses a file.
    static Result<CsvTable> readFile(const QString &path);
};

// Writes CSV that Excel opens in Korean: UTF-8 with a BOM, CRLF line ends, quoted when needed.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device);
    void writeRow(const QStringList &fields);
    bool ok() const { return m_ok; }

    static QString escape(const QString &field);
    // Whether a spreadsheet would read the cell as a formula: it starts with = + - @, a tab or a
    // carriage return, and is not a plain number such as -12.5. Such cells are written with a
    // leading apostrophe, so they open as text.
    static bool startsFormula(const QString &field);

private:
    QIODevice *m_device;
    bool m_ok = true;
};

} // namespace VisitMap
