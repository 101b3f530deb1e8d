// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/logentries.h"
#include "util/result.h"

namespace VisitMap::Storage {

class Database;
class Journal;

// Safety check-in and check-out for home visits. A visit left checked in past its expected
// length shows to the team lead.
class CheckinStore
{
public:
    explicit CheckinStore(Database &db) : m_db(db) {}
    Result<Checkin> checkIn(const QString &householdId, int expectedMinutes, Journal &journal);
    Status checkOut(const QString &checkinId, const QString &visitId, Journal &journal);
    Result<QList<Checkin>> open(const QStringList &offices) const;
    Result<QList<Checkin>> overdue(const QStringList &offices, const QDateTime &now) const;

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
