// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Sync {

class CentralConnection;
struct SyncOptions;
struct SyncReport;

// Takes in what the central store has for this account: the conflicts the server recorded for
// this store's changes, and every change after the revision caught up to, in batches
// (SyncOptions::pullBatch), each applied with its revision in one local transaction. This store's
// own changes are skipped; what does not apply yet waits in quarantine and is retried at the end.
class Puller
{
public:
    Puller(Workspace &workspace, CentralConnection &connection)
        : m_ws(workspace)
        , m_c(connection)
    {
    }

    Status fetchConflicts();
    Status run(const SyncOptions &options, SyncReport &report);

private:
    Workspace &m_ws;
    CentralConnection &m_c;
};

} // namespace VisitMap::Sync
