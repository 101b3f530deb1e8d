// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QVariant>

namespace VisitMap::Storage {
class Database;
}

namespace VisitMap::Sync {

struct EntitySpec;

// A field two people changed from the same value: the central store kept theirs; the person
// whose change it refused decides.
struct Conflict
{
    QString id;
    QString entity;
    QString entityId;
    QString officeCode;
    QString field;
    QJsonValue base;   // the value both started from
    QJsonValue mine;   // what this store's account set
    QJsonValue theirs; // what the central store kept
    QString theirsBy;
    QDateTime detectedAt;
    QString householdId;
    QString householdAddress;
};

// A conflict as the central store reports it.
struct CentralConflict
{
    qint64 id = 0;
    QString entity;
    QString entityId;
    QString officeCode;
    QString field;
    QVariant base; // the values as JSON text
    QVariant mine;
    QVariant theirs;
    QVariant theirsBy;
    QDateTime detectedAt;
};

// The conflicts kept in the local store (table conflicts).
class ConflictRecords
{
public:
    explicit ConflictRecords(Storage::Database &db)
        : m_db(db)
    {
    }

    // Kept once (by its central id).
    Status add(const CentralConflict &conflict);
    Result<int> unresolvedCount() const;
    // The unresolved ones, oldest first, without their household.
    Result<QList<Conflict>> unresolved() const;
    // The household's address as a person reads it; empty when unknown.
    QString householdAddress(const QString &householdId) const;
    // Sets the field of the record to the value (as the column holds it).
    Status setField(const EntitySpec &spec,
                    const QString &entityId,
                    const QString &field,
                    const QVariant &value);
    Status markResolved(const QString &conflictId,
                        const QDateTime &at,
                        const QString &by,
                        bool mine,
                        const QJsonValue &chosen);

private:
    Storage::Database &m_db;
};

} // namespace VisitMap::Sync
