// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitebulkwriter.h"

#include "storelock.h"

#include <sqlite3.h>

namespace VisitMap::Storage {

SqliteBulkWriter::~SqliteBulkWriter()
{
    for (sqlite3_stmt *s : m_statements)
        sqlite3_finalize(s);
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Error SqliteBulkWriter::error(const std::string &what) const
{
    return Error{ErrorCode::Sql,
                 QString::fromStdString(what) + QStringLiteral(": ")
                     + QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : "cannot open"),
                 {}, 0};
}

Result<std::unique_ptr<SqliteBulkWriter>> SqliteBulkWriter::open(const std::string &path)
{
    std::unique_ptr<SqliteBulkWriter> w(new SqliteBulkWriter());
    auto lock = StoreLock::acquire(QString::fromStdString(path));
    if (!lock)
        return fail(lock.error());
    w->m_lock = std::move(*lock);
    if (sqlite3_open_v2(path.c_str(), &w->m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr)
        != SQLITE_OK)
        return fail(w->error("open " + path));
    for (const char *pragma : {"PRAGMA journal_mode=OFF", "PRAGMA locking_mode=EXCLUSIVE", "PRAGMA synchronous=OFF",
                               "PRAGMA cache_size=-262144", "PRAGMA foreign_keys=OFF",
                               "PRAGMA temp_store=MEMORY", "PRAGMA threads=4"}) {
        if (auto ok = w->exec(pragma); !ok)
            return fail(ok.error());
    }
    return w;
}

Status SqliteBulkWriter::exec(const std::string &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error e{ErrorCode::Sql, QString::fromStdString(sql.substr(0, 60)) + QStringLiteral(": ")
                                    + QString::fromUtf8(message ? message : "error"),
                {}, 0};
        sqlite3_free(message);
        return fail(e);
    }
    return {};
}

Status SqliteBulkWriter::suspend(const std::string &type, const std::string &column,
                                 const std::vector<std::string> &names,
                                 std::vector<std::string> &saved)
{
    std::string list;
    for (const std::string &n : names)
        list += (list.empty() ? "'" : ",'") + n + "'";
    const std::string query = "SELECT name, sql FROM main.sqlite_master WHERE type = '" + type
                              + "' AND sql IS NOT NULL AND " + column + " IN (" + list + ")";
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, query.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
        return fail(error("list " + type + "s"));
    std::vector<std::string> found;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        found.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        saved.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1)));
    }
    sqlite3_finalize(stmt);
    for (const std::string &name : found) {
        if (auto ok = exec("DROP " + type + " main." + name); !ok)
            return ok;
    }
    return {};
}

Status SqliteBulkWriter::suspendIndexes(const std::vector<std::string> &indexes)
{
    return suspend("index", "name", indexes, m_suspendedIndexes);
}

Status SqliteBulkWriter::suspendTriggers(const std::vector<std::string> &tables)
{
    return suspend("trigger", "tbl_name", tables, m_suspendedTriggers);
}

Status SqliteBulkWriter::restoreTriggers()
{
    for (const std::string &sql : m_suspendedTriggers) {
        if (auto ok = exec(sql); !ok)
            return ok;
    }
    m_suspendedTriggers.clear();
    return {};
}

Status SqliteBulkWriter::restoreIndexes()
{
    for (const std::string &sql : m_suspendedIndexes) {
        if (auto ok = exec(sql); !ok)
            return ok;
    }
    m_suspendedIndexes.clear();
    return {};
}

Result<int> SqliteBulkWriter::prepare(const std::string &table, const std::vector<std::string> &columns)
{
    std::string sql = "INSERT INTO " + table + " (";
    std::string marks;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        sql += (i ? "," : "") + columns[i];
        marks += i ? ",?" : "?";
    }
    sql += ") VALUES (" + marks + ")";
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr)
        != SQLITE_OK)
        return fail(error("prepare " + table));
    m_statements.push_back(stmt);
    m_columns.push_back(int(columns.size()));
    return int(m_statements.size()) - 1;
}

Status SqliteBulkWriter::insert(int table, const BulkRows &rows)
{
    sqlite3_stmt *stmt = m_statements.at(std::size_t(table));
    const int n = m_columns.at(std::size_t(table));
    Q_ASSERT(rows.columns() == n);
    const std::size_t count = rows.rows();
    for (std::size_t r = 0; r < count; ++r) {
        for (int c = 0; c < n; ++c) {
            const BulkRows::Value &v = rows.at(r, c);
            switch (v.kind) {
            case BulkRows::Kind::Null:
                sqlite3_bind_null(stmt, c + 1);
                break;
            case BulkRows::Kind::Int:
                sqlite3_bind_int64(stmt, c + 1, v.i);
                break;
            case BulkRows::Kind::Real:
                sqlite3_bind_double(stmt, c + 1, v.d);
                break;
            case BulkRows::Kind::Text:
                sqlite3_bind_text(stmt, c + 1, rows.bytes(v), int(v.size), SQLITE_STATIC);
                break;
            case BulkRows::Kind::Blob:
                sqlite3_bind_blob(stmt, c + 1, rows.bytes(v), int(v.size), SQLITE_STATIC);
                break;
            }
        }
        if (sqlite3_step(stmt) != SQLITE_DONE) {
            Error e = error("insert");
            sqlite3_reset(stmt);
            return fail(e);
        }
        sqlite3_reset(stmt);
    }
    return {};
}

} // namespace VisitMap::Storage
