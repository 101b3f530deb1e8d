// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingstore.h"

#include "database.h"
#include "util/clock.h"

namespace VisitMap::Storage {

Result<std::optional<QString>> SettingStore::value(const QString &key) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (!v)
        return fail(v.error());
    if (v->isNull())
        return std::optional<QString>();
    return std::optional<QString>(v->toString());
}

Status SettingStore::set(const QString &key, const QString &value, const QDateTime &at, const QString &by)
{
    auto q = m_db.execute(QStringLiteral("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) "
                                         "VALUES (?,?,?,?)"),
                          {key, value, Iso::utc(at), by});
    if (!q)
        return fail(q.error());
    return {};
}

} // namespace VisitMap::Storage
