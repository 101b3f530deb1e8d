// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"

#include <QString>

// What the parts of a sync share: the keys of what it keeps between runs (table sync_state, read
// and written through Sync::SyncStateStore) and who may publish.
namespace VisitMap::Sync::SyncKeys {

inline const QString revision = QStringLiteral("last_revision");
inline const QString lastSync = QStringLiteral("last_sync_at");
inline const QString lastError = QStringLiteral("last_error");
inline const QString lastErrorAt = QStringLiteral("last_error_at");
inline const QString lastFailure = QStringLiteral("last_failure");
inline const QString lastReason = QStringLiteral("last_failure_reason");
inline const QString conflictCursor = QStringLiteral("last_conflict_id");
inline const QString publishedOffices = QStringLiteral("published_offices");
inline const QString server = QStringLiteral("server");
inline const QString replaceAccountKeys = QStringLiteral("replace_account_keys");

} // namespace VisitMap::Sync::SyncKeys

namespace VisitMap::Sync {

// A team lead or administrator publishes the store's own records (made before it had accounts).
inline bool mayPublish(Role role)
{
    return role == Role::TeamLead || role == Role::Admin;
}

} // namespace VisitMap::Sync
