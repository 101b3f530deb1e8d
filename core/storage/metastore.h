// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>

namespace VisitMap::Storage {

class Database;

// Facts about the store itself: its id, whether it is a synthetic demo, its demo area.
class MetaStore
{
public:
    explicit MetaStore(Database &db) : m_db(db) {}

    Result<QString> get(const QString &key) const; // empty when unset
    Status set(const QString &key, const QString &value);
    Status remove(const QString &key);

    bool isDemo() const;
    QString storeId() const;

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
