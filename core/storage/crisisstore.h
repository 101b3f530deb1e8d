// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/crisissignal.h"
#include "util/result.h"

#include <QHash>
#include <QList>

namespace VisitMap::Storage {

class Database;

// The versioned crisis-item code table and the signals of 발굴 rounds.
class CrisisStore
{
public:
    explicit CrisisStore(Database &db) : m_db(db) {}

    Result<QString> currentVersion() const;
    Result<QList<CrisisItem>> items(const QString &version) const;
    Result<QList<CrisisSignal>> signalsFor(const QString &householdId) const;

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
