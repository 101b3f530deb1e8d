// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>

namespace VisitMap::Storage {
class Database;
}

namespace VisitMap::Sync {

// What the sync keeps between runs (table sync_state): the central revision caught up to, the
// conflict cursor, the server, the last failure, the offices published.
class SyncStateStore
{
public:
    explicit SyncStateStore(Storage::Database &db)
        : m_db(db)
    {
    }

    // Empty when the key was never set (or cannot be read).
    QString value(const QString &key) const;
    Status set(const QString &key, const QString &value);

private:
    Storage::Database &m_db;
};

} // namespace VisitMap::Sync
