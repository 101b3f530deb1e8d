// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/facility.h"
#include "util/result.h"

#include <QList>
#include <QStringList>

namespace VisitMap::Storage {

class Database;
class Journal;

// A place where households live, as the households table knows it (for placing a facility by
// its address): the road address as written, its 행정동 and position.
struct HouseholdAddress
{
    QString roadAddress;
    QString officeCode;
    double lon = 0;
    double lat = 0;
};

class FacilityStore
{
public:
    explicit FacilityStore(Database &db) : m_db(db) {}

    Result<QList<Facility>> all() const;
    Result<Facility> get(const QString &id) const;
    Result<int> count() const;
    // Inserts facilities; one already listed under the same source and code is reported back
    // (not doubled). Returns how many were new.
    Result<int> add(QList<Facility> &facilities, Journal &journal);
    // Places a facility listed by address only (a user dropping it on the map).
    Status place(const QString &id, double lon, double lat, const QString &officeCode,
                 const QString &placedBy, Journal &journal);
    // Writes a facility's details and place as given (the caller validated them), with its
    // access-log row and, once it lies in an office, the change for the central store: the whole
    // row, as an insert the first time it leaves this store, with the edited fields' old values as
    // the base a colleague's concurrent edit is compared with.
    Status update(const Facility &changed, Journal &journal);
    // Households whose road address contains this text (a road name), with a position.
    Result<QList<HouseholdAddress>> householdAddressesOn(const QString &road) const;
    Result<QStringList> existingCodes(const QString &source) const;

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
