// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QStringList>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Sync {

class CentralConnection;
struct SyncOptions;
struct SyncReport;

// Sends the outbox to the central store in batches (at most SyncOptions::pushBatch changes and
// about pushBytes of JSON each), only what the signed-in account may send and only for offices it
// is granted. A batch is marked sent only after the server committed it; a change the server
// refused is set aside in quarantine with its reason and not sent again.
class Pusher
{
public:
    Pusher(Workspace &workspace, CentralConnection &connection)
        : m_ws(workspace)
        , m_c(connection)
    {
    }

    Status run(const QStringList &areas, const SyncOptions &options, SyncReport &report);

private:
    Workspace &m_ws;
    CentralConnection &m_c;
};

} // namespace VisitMap::Sync
