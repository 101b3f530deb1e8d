// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Sync {

struct EntitySpec;
class OutboxStore;
class RowCodec;

// One pulled change: the record's state as the central store holds it.
struct PulledChange
{
    const EntitySpec *spec = nullptr; // null: a kind this version does not know
    QString entity;
    QString id;
    QJsonObject data;
    qint64 rev = 0;
    QString changeId;
};

// Applies a pulled batch to the local store, parents first, inside the caller's transaction. Each
// record goes in its own savepoint: one that does not apply here (a record it needs is missing,
// a constraint refuses it, an unknown kind) is set aside in the quarantine with the reason and
// the rest goes on. Fields this store changed and has not sent yet stay as they are here; the
// households that got visits have their last visit and next due date worked out again.
class PullApplier
{
public:
    explicit PullApplier(Workspace &workspace)
        : m_ws(workspace)
    {
    }

    struct Outcome
    {
        int quarantined = 0;
        QStringList notices; // the first few set aside, in words
    };
    Result<Outcome> apply(QList<PulledChange> changes);
    // Tries again what earlier pulls set aside (what it needed may have arrived since): those that
    // apply now leave the quarantine. How many did.
    Result<int> retryQuarantined();

private:
    Status applyOne(const PulledChange &change, RowCodec &codec, OutboxStore &outbox);
    void noteRefresh(const PulledChange &change, QSet<QString> &households);
    Status refreshHouseholds(const QSet<QString> &households);

    Workspace &m_ws;
};

} // namespace VisitMap::Sync
