// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QStringList>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Sync {

class CentralConnection;
struct SyncReport;

// The office keys between a workstation and the central store, for the signed-in account:
// 1. stores the account's key pair (wrapped under its password) so its other workstations open
//    what is sealed to it; replacePair replaces another pair the server holds;
// 2. opens the office keys sealed to the account that this store lacks; one that does not open
//    (not sealed to this pair, or not the office's key) is given back and reported, so that a
//    colleague who holds the key seals it again;
// 3. offers the keys this store holds as the offices' keys and seals them to every colleague who
//    lacks one.
class KeyExchange
{
public:
    KeyExchange(Workspace &workspace, CentralConnection &connection)
        : m_ws(workspace)
        , m_c(connection)
    {
    }

    struct Outcome
    {
        bool pairStored = false;    // the server holds this store's key pair for the account
        QStringList refusedOffices; // offices whose key on the server is another one
    };
    Result<Outcome> run(const QStringList &areas, bool replacePair, SyncReport &report);

private:
    Workspace &m_ws;
    CentralConnection &m_c;
};

} // namespace VisitMap::Sync
