// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QStringList>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Sync {

class CentralConnection;

// Anchors the store's access log outside the workstation: sends its keyed head (the newest
// entry under the audit key, its MAC, the entries the key covers, what authorised purges
// removed) and the MAC the entry anchored last time has now, to visitmap.anchor_audit. The
// server keeps the head per store and refuses (and flags for the administrator) one that goes
// backwards or rewrites an anchored entry, so cutting or rewriting the log on the workstation
// shows at the next sync even when the local file was made to agree with itself.
class AuditAnchor
{
public:
    explicit AuditAnchor(Workspace &workspace)
        : m_ws(workspace)
    {
    }

    struct Outcome
    {
        bool sent = false; // false: the store has no keyed head yet
        QString problem;   // what the server found wrong; empty when it took the head
    };
    Result<Outcome> send(CentralConnection &connection);
    // As send(); a refused head goes into notices (the sync goes on: the flag is the server's).
    Status send(CentralConnection &connection, QStringList &notices);

private:
    Workspace &m_ws;
};

} // namespace VisitMap::Sync
