// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace VisitMap::Storage {

class StoreLock;

// Rows for one table, built row by row with the add* calls (columns values per row). Text is
// UTF-8 already and all text and blob bytes share one buffer, so a batch of a hundred thousand
// values is a handful of allocations, made on the thread that builds it and freed in one go.
class BulkRows
{
public:
    enum class Kind : std::uint8_t { Null, Int, Real, Text, Blob };
    struct Value
    {
        Kind kind = Kind::Null;
        std::uint32_t size = 0;
        std::uint64_t offset = 0;
        std::int64_t i = 0;
        double d = 0;
    };

    explicit BulkRows(int columns = 0) : m_columns(columns) {}

    void addNull() { m_values.push_back({}); }
    void addInt(std::int64_t i) { m_values.push_back({Kind::Int, 0, 0, i, 0}); }
    void addReal(double d) { m_values.push_back({Kind::Real, 0, 0, 0, d}); }
    void addText(std::string_view utf8) { addBytes(Kind::Text, utf8); }
    void addBlob(std::string_view bytes) { addBytes(Kind::Blob, bytes); }

    int columns() const { return m_columns; }
    std::size_t rows() const { return m_columns ? m_values.size() / std::size_t(m_columns) : 0; }
    const Value &at(std::size_t row, int column) const { return m_values[row * std::size_t(m_columns) + std::size_t(column)]; }
    const char *bytes(const Value &v) const { return m_bytes.data() + v.offset; }

private:
    void addBytes(Kind kind, std::string_view b)
    {
        m_values.push_back({kind, std::uint32_t(b.size()), m_bytes.size(), 0, 0});
        m_bytes.append(b.data(), b.size());
    }

    int m_columns = 0;
    std::vector<Value> m_values;
    std::string m_bytes;
};

// Loads large batches into a store file through SQLite's own API with prepared statements and
// UTF-8 binds. It exists for one job: filling a brand-new store (the demo district) with
// millions of rows in seconds, which Qt Sql's per-value QVariant binding makes several times
// slower. It must be the only connection to the file while it is open, and it makes sure it is:
// it owns the file's StoreLock (so no other process has it open) and runs without a journal in
// SQLite's exclusive locking mode (so no other connection of this process can read a half-loaded
// file; a crash leaves a broken file, which is why it is only ever used on a new working file
// that replaces the store when complete). Everything else in the product goes through Qt Sql.
// Foreign keys are not checked during the load: the caller generates consistent rows and its tests
// run PRAGMA foreign_key_check on the result.
class SqliteBulkWriter
{
public:
    ~SqliteBulkWriter();
    static Result<std::unique_ptr<SqliteBulkWriter>> open(const std::string &path);

    // Registers a table's insert statement; returns its handle.
    Result<int> prepare(const std::string &table, const std::vector<std::string> &columns);
    Status insert(int table, const BulkRows &rows);
    Status exec(const std::string &sql);
    // Drops the named indexes, remembering their SQL, and recreates them later in one sorted
    // pass each: far cheaper than updating them row by row when the load's keys arrive in random
    // order. (Indexes whose keys arrive in order are cheaper kept live.)
    Status suspendIndexes(const std::vector<std::string> &indexes);
    Status restoreIndexes();
    // Likewise for the triggers of the given tables (main schema).
    Status suspendTriggers(const std::vector<std::string> &tables);
    Status restoreTriggers();
    Status begin() { return exec("BEGIN"); }
    Status commit() { return exec("COMMIT"); }

private:
    SqliteBulkWriter() = default;
    Error error(const std::string &what) const;

    std::shared_ptr<StoreLock> m_lock; // released after the connection closed
    sqlite3 *m_db = nullptr;
    std::vector<sqlite3_stmt *> m_statements;
    std::vector<int> m_columns;
    Status suspend(const std::string &type, const std::string &column,
                   const std::vector<std::string> &names, std::vector<std::string> &saved);
    std::vector<std::string> m_suspendedIndexes;
    std::vector<std::string> m_suspendedTriggers;
};

} // namespace VisitMap::Storage
