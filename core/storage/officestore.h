// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/office.h"
#include "util/result.h"

#include <QList>

namespace VisitMap::Storage {

class Database;
class Journal;

// 행정동 boundaries and their offices.
class OfficeStore
{
public:
    explicit OfficeStore(Database &db) : m_db(db) {}

    Result<QList<Office>> all() const;
    Result<Office> get(const QString &code) const;
    Result<int> count() const;
    // Inserts or replaces offices (a boundary import), keeping an office location already set.
    Status upsert(const QList<Office> &offices, Journal &journal);
    Status setOfficeLocation(const QString &code, double lon, double lat, const QString &address,
                             Journal &journal);

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
