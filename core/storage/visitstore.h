// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/visit.h"
#include "risk/visitcycle.h"
#include "util/result.h"

#include <QList>
#include <QSet>
#include <optional>

namespace VisitMap::Storage {

class Database;
class Journal;

struct VisitQuery
{
    QString householdId;  // empty: all
    QStringList offices;  // empty: all
    QDateTime since;
    QDateTime until;
};

// Visit logs: append-only. Logging a visit also moves the household's last-contact and next-due
// dates, in the same transaction as its outbox and access-log rows.
class VisitStore
{
public:
    explicit VisitStore(Database &db) : m_db(db) {}

    Result<QList<Visit>> list(const VisitQuery &query) const;
    // Validates, fills id/created_*, writes, updates the household. One transaction.
    Status add(Visit &visit, Journal &journal, const Risk::VisitCycle &cycle);
    // Many visits (a transcribed paper log) in one transaction: all or none.
    Status addMany(QList<Visit> &visits, Journal &journal, const Risk::VisitCycle &cycle);
    // Voids a logged visit: a void record with the reason; the visit stays, struck through.
    Status voidVisit(const QString &visitId, const QString &reason, Journal &journal,
                     const Risk::VisitCycle &cycle);

    // Recomputes a household's last completed contact and next due date from its visits.
    Status refreshHousehold(const QString &householdId, Journal &journal,
                            const Risk::VisitCycle &cycle);
    // The same for many households (a pulled batch, a transcribed log), reading the pending
    // intake deadlines once for all of them. Skip: a household not in the store is passed over
    // (a pulled change can name one this store does not hold).
    enum class RefreshMissing { Fail, Skip };
    Status refreshHouseholds(const QSet<QString> &householdIds,
                             Journal &journal,
                             const Risk::VisitCycle &cycle,
                             RefreshMissing missing);

    static QString validate(const Visit &visit, const QDateTime &now);

    // Whether the store already holds this visit as a transcribed log would give it again: the
    // same household, time, kind and outcome, not voided. Notes and names are not compared, so a
    // corrected note does not make a second visit.
    Result<bool> isLogged(const Visit &visit) const;

private:
    Status insertOne(Visit &visit, Journal &journal);
    // refreshHousehold with the household's pending intake deadline already read.
    Status refreshWith(const QString &householdId,
                       Journal &journal,
                       const Risk::VisitCycle &cycle,
                       std::optional<QDate> pending);

    Database &m_db;
};

} // namespace VisitMap::Storage
