// SPDX-License-Identifier: GPL-3.0-or-later
#include "bulkload.h"

#include "database.h"
#include "sqlitebulkwriter.h"

namespace VisitMap::Storage::BulkLoad {

// Moves the households, their indexes and the search index from the side file into the store.
// The households go by SQLite's transfer copy (an INSERT ... SELECT * into an empty table of the
// same schema copies records and index entries without decoding them; it needs the target's
// triggers out of the way for the copy). FTS5 keeps an index entirely in its shadow tables, so
// copying their rows moves the index.
Status moveHouseholds(const QString &store, const QString &sideFile)
{
    auto writer = Storage::SqliteBulkWriter::open(store.toStdString());
    if (!writer)
        return fail(writer.error());
    Storage::SqliteBulkWriter &w = **writer;
    std::string quoted = sideFile.toStdString();
    for (std::size_t at = quoted.find('\''); at != std::string::npos; at = quoted.find('\'', at + 2))
        quoted.insert(at, 1, '\'');
    if (auto ok = w.exec("ATTACH DATABASE '" + quoted + "' AS side"); !ok)
        return ok;
    if (auto ok = w.begin(); !ok)
        return ok;
    if (auto ok = w.suspendTriggers({"households"}); !ok)
        return ok;
    if (auto ok = w.exec("INSERT INTO main.households SELECT * FROM side.households"); !ok)
        return ok;
    for (const char *t : {"household_fts_data", "household_fts_idx", "household_fts_docsize",
                          "household_fts_config"}) {
        const std::string table(t);
        if (auto ok = w.exec("DELETE FROM main." + table); !ok)
            return ok;
        if (auto ok = w.exec("INSERT INTO main." + table + " SELECT * FROM side." + table); !ok)
            return ok;
    }
    if (auto ok = w.restoreTriggers(); !ok)
        return ok;
    if (auto ok = w.commit(); !ok)
        return ok;
    return w.exec("DETACH DATABASE side");
}

Status beginSearchIndexLoad(SqliteBulkWriter &writer)
{
    return writer.exec("INSERT INTO household_fts (household_fts, rank) VALUES ('automerge', 0)");
}

Status finishSearchIndexLoad(SqliteBulkWriter &writer)
{
    // One merged segment per level answers queries fastest; then the default merging.
    if (auto ok = writer.exec("INSERT INTO household_fts (household_fts) VALUES ('optimize')"); !ok)
        return ok;
    return writer.exec("INSERT INTO household_fts (household_fts, rank) VALUES ('automerge', 4)");
}

Status settle(Database &db)
{
    for (const char *sql : {"PRAGMA optimize", "PRAGMA wal_checkpoint(TRUNCATE)"}) {
        if (auto ok = db.exec(QString::fromLatin1(sql)); !ok)
            return fail(ok.error());
    }
    return {};
}

} // namespace VisitMap::Storage::BulkLoad
