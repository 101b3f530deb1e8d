// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QStringList>

namespace VisitMap::Storage {
class Database;
}

namespace VisitMap::Sync {

// The households' published flag, and the records of an office not yet offered to the central
// store (made before the store had accounts, or before it synced). Publishing an office stages
// its unpublished households, offers them and what hangs off them, then marks them published.
class PublishStore
{
public:
    explicit PublishStore(Storage::Database &db)
        : m_db(db)
    {
    }

    // Every office of the store, by code.
    Result<QStringList> officeCodes() const;
    // The office's households that are neither published nor in the outbox.
    Result<int> unpublishedHouseholds(const QString &officeCode) const;
    // Stages those households (a temporary table) for unoffered() and markStagedPublished().
    Status stageHouseholds(const QString &officeCode);
    // The ids of records of the entity that the staged households hold (for "office": the office
    // itself; for "void": the office's voids) and that are not in the outbox yet. withLoose: also
    // the office's crisis reports and signals that belong to no household.
    Result<QStringList>
    unoffered(const QString &entity, const QString &officeCode, bool withLoose) const;
    Status markStagedPublished();
    Status markPublished(const QString &householdId);
    // A household as it arrived from the central store, at its revision there.
    Status markPulled(const QString &householdId, qint64 revision);

private:
    Storage::Database &m_db;
};

} // namespace VisitMap::Sync
