// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace VisitMap::Storage {

class Database;

// The store-wide settings an admin changes (visit cycles per tier, the idle-lock minutes), each
// with when and by whom it was last set.
class SettingStore
{
public:
    explicit SettingStore(Database &db) : m_db(db) {}

    // nullopt when the setting was never set (or set to NULL).
    Result<std::optional<QString>> value(const QString &key) const;
    Status set(const QString &key, const QString &value, const QDateTime &at, const QString &by);

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
