// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncreport.h"
#include "util/result.h"

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Sync {

class CentralConnection;

// Synchronises a local store with the central store: publishes a team lead's records, pushes the
// outbox in batches, takes in conflicts, exchanges office keys (sealed per account) and pulls what
// the account may see. Every step is safe to cut off: a batch is marked sent only after the
// server applied it (and a resent one applies once), a pulled batch and its revision land in one
// local transaction.
class SyncService
{
public:
    explicit SyncService(Workspace &workspace) : m_ws(workspace) {}

    // Connects as the account, creates the local account on its first sync to this store (same
    // password; offline sign-in from then on), signs it in if nobody is, and syncs. Wrong
    // password or no server: a clear message, nothing local changed; the error is kept for the
    // status bar.
    Result<SyncReport> syncAs(const QString &conninfo, const QString &user, const QString &password,
                              const SyncOptions &options = {});
    // Syncs the signed-in account over an open connection.
    Result<SyncReport> run(CentralConnection &connection, const SyncOptions &options = {});

    Result<SyncStatus> status() const;
    Status setServer(const QString &conninfo);
    QString server() const;

private:
    Status enrol(CentralConnection &c, const QString &name, const QString &password, SyncReport &report);
    Status exchangeKeys(CentralConnection &c,
                        const QStringList &areas,
                        SyncReport &report,
                        QStringList &refusedOffices);
    Status adoptGrants(const QStringList &areas);
    QString state(const QString &key) const;
    Status setState(const QString &key, const QString &value);
    void recordFailure(const Error &e, bool unreachable = false);

    Workspace &m_ws;
};

} // namespace VisitMap::Sync
