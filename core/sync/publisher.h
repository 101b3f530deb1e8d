// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QStringList>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Sync {

struct SyncReport;

// Offers a team lead's store to the central store: for each office the account is granted (and
// whose key the server did not refuse), the households not yet published and everything hanging
// off them are put in the outbox as inserts, ahead of the edits made to them before publishing.
// An office's first publication also offers the office itself and the reports and signals that
// belong to no household yet. Each office is one local transaction.
class Publisher
{
public:
    explicit Publisher(Workspace &workspace)
        : m_ws(workspace)
    {
    }

    Status run(const QStringList &areas, const QStringList &refusedOffices, SyncReport &report);

private:
    Status publishOffice(const QString &office, bool firstTime, SyncReport &report);

    Workspace &m_ws;
};

} // namespace VisitMap::Sync
