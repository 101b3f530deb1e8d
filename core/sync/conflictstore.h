// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/conflictrecords.h"
#include "util/result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Sync {

enum class Resolution { Mine, Theirs };

// The open conflicts of the signed-in account's offices, and their resolution. Choosing "mine"
// is an edit like any other: it goes through the outbox (from their value) and syncs.
class ConflictStore
{
public:
    explicit ConflictStore(Workspace &workspace) : m_ws(workspace) {}

    Result<QList<Conflict>> open() const;
    Status resolve(const QString &conflictId, Resolution resolution);

private:
    Workspace &m_ws;
};

} // namespace VisitMap::Sync
