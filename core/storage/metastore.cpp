// SPDX-License-Identifier: GPL-3.0-or-later
#include "metastore.h"

#include "database.h"

namespace VisitMap::Storage {

Result<QString> MetaStore::get(const QString &key) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT value FROM store_meta WHERE key = ?"), {key});
    if (!v)
        return fail(v.error());
    return v->toString();
}

Status MetaStore::set(const QString &key, const QString &value)
{
    auto q = m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)"));
    if (!q)
        return fail(q.error());
    Storage::Database::bind(*q, 0, key);
    Storage::Database::bind(*q, 1, value);
    return Database::run(*q);
}

Status MetaStore::remove(const QString &key)
{
    auto q = m_db.execute(QStringLiteral("DELETE FROM store_meta WHERE key = ?"), {key});
    if (!q)
        return fail(q.error());
    return {};
}

bool MetaStore::isDemo() const
{
    auto v = get(QStringLiteral("synthetic"));
    return v && *v == QLatin1String("1");
}

QString MetaStore::storeId() const
{
    auto v = get(QStringLiteral("store_id"));
    return v ? *v : QString();
}

} // namespace VisitMap::Storage
