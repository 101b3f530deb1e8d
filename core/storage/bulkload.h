// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>

namespace VisitMap::Storage {

class Database;
class SqliteBulkWriter;

// The steps of writing a whole store at once (the demo district): moving households written in a
// side file into the store, loading the search index without merging on every insert, and
// settling the finished file.
namespace BulkLoad {

// Moves the households, their indexes and the search index from the side file into the store.
Status moveHouseholds(const QString &store, const QString &sideFile);
// Before the households' search rows go in: no incremental merging while they do.
Status beginSearchIndexLoad(SqliteBulkWriter &writer);
// After: one merged segment per level, then the default merging again.
Status finishSearchIndexLoad(SqliteBulkWriter &writer);
// Updates the query planner's statistics and folds the write-ahead log into the store file.
Status settle(Database &db);

} // namespace BulkLoad

} // namespace VisitMap::Storage
