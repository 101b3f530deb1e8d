// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncstatestore.h"

#include "database.h"

namespace VisitMap::Sync {

QString SyncStateStore::value(const QString &key) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key});
    return v ? v->toString() : QString();
}

Status SyncStateStore::set(const QString &key, const QString &value)
{
    auto q = m_db.execute(
        QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"),
        {key, value});
    if (!q)
        return fail(q.error());
    return {};
}

} // namespace VisitMap::Sync
