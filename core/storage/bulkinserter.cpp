// SPDX-License-Identifier: GPL-3.0-or-later
#include "bulkinserter.h"

#include "database.h"

namespace VisitMap::Storage {

BulkInserter::BulkInserter(Database &db, const QString &table, const QStringList &columns,
                           int rowsPerStatement)
    : m_db(db)
    , m_table(table)
    , m_columns(columns)
    // SQLite allows 32766 bound values per statement.
    , m_rowsPerStatement(std::max(1, std::min(rowsPerStatement, 32000 / int(columns.size()))))
{}

QString BulkInserter::sqlFor(int rows) const
{
    QString one = QStringLiteral("(") + QStringLiteral("?,").repeated(m_columns.size());
    one.chop(1);
    one += QLatin1Char(')');
    QString values;
    values.reserve((one.size() + 1) * rows);
    for (int i = 0; i < rows; ++i) {
        if (i)
            values += QLatin1Char(',');
        values += one;
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(m_table, m_columns.join(u',')) + values;
}

Status BulkInserter::prepareFull()
{
    auto q = m_db.prepare(sqlFor(m_rowsPerStatement));
    if (!q)
        return fail(q.error());
    m_full = std::move(*q);
    m_prepared = true;
    return {};
}

Status BulkInserter::add(const QVariantList &row)
{
    Q_ASSERT(row.size() == m_columns.size());
    m_pending.append(row);
    if (++m_pendingRows < m_rowsPerStatement)
        return {};
    if (!m_prepared) {
        if (auto ok = prepareFull(); !ok)
            return ok;
    }
    for (int i = 0; i < m_pending.size(); ++i)
        Storage::Database::bind(m_full, i, m_pending.at(i));
    if (auto ok = Database::run(m_full); !ok)
        return ok;
    m_count += m_pendingRows;
    m_pending.clear();
    m_pendingRows = 0;
    return {};
}

Status BulkInserter::flush()
{
    if (m_pendingRows == 0)
        return {};
    auto q = m_db.execute(sqlFor(m_pendingRows), m_pending);
    if (!q)
        return fail(q.error());
    m_count += m_pendingRows;
    m_pending.clear();
    m_pendingRows = 0;
    return {};
}

} // namespace VisitMap::Storage
