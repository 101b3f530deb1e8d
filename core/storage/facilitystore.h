// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/facility.h"
#include "util/result.h"

#include <QList>

namespace VisitMap::Storage {

class Database;
class Journal;

class FacilityStore
{
public:
    explicit FacilityStore(Database &db) : m_db(db) {}

    Result<QList<Facility>> all() const;
    Result<int> count() const;
    // Inserts facilities; one already listed under the same source and code is reported back
    // (not doubled). Returns how many were new.
    Result<int> add(QList<Facility> &facilities, Journal &journal);
    // Places a facility listed by address only (a user dropping it on the map).
    Status place(const QString &id, double lon, double lat, const QString &officeCode,
                 const QString &placedBy, Journal &journal);
    Result<QStringList> existingCodes(const QString &source) const;

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
