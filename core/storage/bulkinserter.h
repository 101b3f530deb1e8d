// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

namespace VisitMap::Storage {

class Database;

// Inserts many rows with multi-row INSERT statements (rowsPerStatement rows per round trip into
// SQLite). For generating and loading large stores; the caller owns the transaction.
class BulkInserter
{
public:
    BulkInserter(Database &db, const QString &table, const QStringList &columns,
                 int rowsPerStatement = 50);

    Status add(const QVariantList &row);
    Status flush();
    qint64 count() const { return m_count; }

private:
    Status prepareFull();
    QString sqlFor(int rows) const;

    Database &m_db;
    QString m_table;
    QStringList m_columns;
    int m_rowsPerStatement;
    QVariantList m_pending;
    int m_pendingRows = 0;
    qint64 m_count = 0;
    bool m_prepared = false;
    QSqlQuery m_full;
};

} // namespace VisitMap::Storage
