// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QSet>
#include <QString>

namespace VisitMap::Storage {
class Database;
}

namespace VisitMap::Sync {

// Which unsent outbox rows this sync sends. Colleagues may share a workstation, each with a local
// account; the central store takes a new record only from the account that made it. So a sync
// sends the rows the signed-in account wrote, and a team lead's also those no local account
// wrote (the store's own records it publishes, made before there were accounts on it). Another
// account's rows wait for that account's sync; a row of this account that needs one of them to
// be there first waits with it: a later change of the same record (the central store compares an
// edit with the value it was made from), a record that refers to one not yet sent, a void of it.
// Nothing is sent out of order, nothing is refused for it.
struct PushPlan
{
    QSet<qint64> waiting;  // outbox seqs this sync leaves for later
    int otherAccounts = 0; // rows other local accounts wrote
    int heldBehind = 0;    // rows of this account that wait until those are sent
    int forPublisher = 0;  // rows no local account wrote (the store's own): a team lead sends them
};

class PushPlanner
{
public:
    // sender: the signed-in account; mayPublish: a team lead or administrator.
    PushPlanner(Storage::Database &db, const QString &sender, bool mayPublish)
        : m_db(db)
        , m_sender(sender)
        , m_mayPublish(mayPublish)
    {
    }

    Result<PushPlan> plan();

private:
    // The records the row refers to (entity/id keys): its references and, for a void, what it
    // voids.
    Result<QStringList> referencedKeys(const QString &entity, const QString &id);

    Storage::Database &m_db;
    QString m_sender;
    bool m_mayPublish;
    QHash<QString, QList<QPair<QString, QString>>> m_references; // table -> (column, entity)
};

} // namespace VisitMap::Sync
