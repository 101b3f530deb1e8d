// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importreport.h"
#include "util/csv.h"

namespace VisitMap::Import {

// Finds an importer's columns in a CSV header by any of their accepted names. A column named
// twice (the same header twice, or two spellings of one column such as lon and 경도) is an error
// on line 1 naming both columns: which one holds the value is never guessed.
class ColumnMap
{
public:
    ColumnMap(const CsvTable &table, const QString &fileName, ImportReport &report)
        : m_table(table)
        , m_file(fileName)
        , m_report(report)
    {
    }

    enum class Need { Optional, Required };
    // The column's index, or -1 when no header matches. A Required column is one the importer
    // cannot do without: checkRequired() tells when the file lacks it.
    int find(std::initializer_list<QStringView> names, Need need = Need::Optional);
    // Adds, for each Required column the file lacks, an error on line 1 naming it
    // (RowProblem::MissingColumn, args: its accepted names, the canonical one first); true when
    // none is missing. Every importer states a missing column the same way through this.
    bool checkRequired();

    // What find() was asked and found, in the order asked: an importer's fields and the file's
    // columns that fill them (the import dialog shows it before anything is imported).
    struct Use
    {
        QStringList names; // the accepted headers, the canonical (English) one first
        int column = -1;   // -1: the file has no such column
        bool required = false;
    };
    const QList<Use> &uses() const { return m_uses; }

private:
    const CsvTable &m_table;
    QString m_file;
    ImportReport &m_report;
    QList<Use> m_uses;
};

} // namespace VisitMap::Import
