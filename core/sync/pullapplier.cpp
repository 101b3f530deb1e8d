// SPDX-License-Identifier: GPL-3.0-or-later
#include "pullapplier.h"

#include "storage/database.h"
#include "storage/entitymap.h"
#include "storage/outboxstore.h"
#include "storage/publishstore.h"
#include "storage/quarantinestore.h"
#include "storage/stores.h"
#include "storage/visitstore.h"
#include "util/clock.h"
#include "workspace.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace VisitMap::Sync {

namespace {

constexpr int kNoticesShown = 20;

} // namespace

// One record in its own savepoint. Fields this store changed and has not sent yet stay as they
// are here.
Status PullApplier::applyOne(const PulledChange &it, RowCodec &codec, OutboxStore &outbox)
{
    if (!it.spec)
        return fail(ErrorCode::Validation,
                    QStringLiteral("%1 is not a kind of record this version knows").arg(it.entity));
    Storage::Database &db = m_ws.db();
    return db.transaction([&]() -> Status {
        QSet<QString> skip;
        auto pending = outbox.unsentPayloads(it.spec->entity, it.id);
        if (!pending)
            return fail(pending.error());
        for (const QJsonObject &p : *pending) {
            for (auto k = p.begin(); k != p.end(); ++k)
                skip.insert(k.key());
        }
        if (auto ok = codec.upsert(*it.spec, it.id, it.data, skip); !ok)
            return ok;
        if (it.spec->entity == QLatin1String("household")) {
            if (auto ok = m_ws.stores().published().markPulled(it.id, it.rev); !ok)
                return ok;
        }
        return m_ws.stores().quarantine().clearPulled(it.entity, it.id);
    });
}

// The household whose last visit and next due date the record moves.
void PullApplier::noteRefresh(const PulledChange &it, QSet<QString> &refresh)
{
    if (it.spec->entity == QLatin1String("household")) {
        refresh.insert(it.id);
    } else if (it.spec->entity == QLatin1String("visit")) {
        refresh.insert(it.data.value(QStringLiteral("household_id")).toString());
    } else if (it.spec->entity == QLatin1String("void")
               && it.data.value(QStringLiteral("entity")).toString() == QLatin1String("visit")) {
        RowCodec codec(m_ws.db());
        auto h = codec.householdOf(*entitySpec(QStringLiteral("visit")),
                                   it.data.value(QStringLiteral("entity_id")).toString());
        if (h && !h->isEmpty())
            refresh.insert(*h);
    }
}

Status PullApplier::refreshHouseholds(const QSet<QString> &households)
{
    // Last visit and next due date are worked out here from the visits, as for local ones.
    return m_ws.stores().visits().refreshHouseholds(households, m_ws.journal(), m_ws.visitCycle(),
                                                    Storage::VisitStore::RefreshMissing::Skip);
}

Result<PullApplier::Outcome> PullApplier::apply(QList<PulledChange> changes)
{
    Storage::Database &db = m_ws.db();
    RowCodec codec(db);
    QuarantineStore &quarantine = m_ws.stores().quarantine();
    OutboxStore outbox(db);
    std::stable_sort(changes.begin(), changes.end(),
                     [](const PulledChange &a, const PulledChange &b) {
                         return (a.spec ? a.spec->rank : 0) < (b.spec ? b.spec->rank : 0);
                     });
    Outcome outcome;
    QSet<QString> refresh;
    for (const PulledChange &it : changes) {
        if (auto one = applyOne(it, codec, outbox); !one) {
            QuarantinedChange qc;
            qc.direction = QuarantinedChange::Direction::Pull;
            qc.changeId = it.changeId;
            qc.entity = it.entity;
            qc.entityId = it.id;
            qc.officeCode = it.data.value(QStringLiteral("office_code")).toString();
            qc.revision = it.rev;
            qc.reason = one.error().message;
            qc.data = it.data;
            qc.at = m_ws.clock().now();
            if (auto ok = quarantine.add(qc); !ok)
                return fail(ok.error());
            if (++outcome.quarantined <= kNoticesShown)
                outcome.notices << QStringLiteral("set aside %1 %2 from the central store: %3")
                                       .arg(it.entity, it.id, qc.reason);
            continue;
        }
        noteRefresh(it, refresh);
    }
    if (auto ok = refreshHouseholds(refresh); !ok)
        return fail(ok.error());
    return outcome;
}

Result<int> PullApplier::retryQuarantined()
{
    Storage::Database &db = m_ws.db();
    QuarantineStore &quarantine = m_ws.stores().quarantine();
    auto waiting = quarantine.list(QuarantinedChange::Direction::Pull);
    if (!waiting)
        return fail(waiting.error());
    if (waiting->isEmpty())
        return 0;
    RowCodec codec(db);
    OutboxStore outbox(db);
    QList<PulledChange> changes;
    for (const QuarantinedChange &q : *waiting)
        changes.append(
            {entitySpec(q.entity), q.entity, q.entityId, q.data, q.revision, q.changeId});
    std::stable_sort(changes.begin(), changes.end(),
                     [](const PulledChange &a, const PulledChange &b) {
                         return (a.spec ? a.spec->rank : 0) < (b.spec ? b.spec->rank : 0);
                     });
    int applied = 0;
    QSet<QString> refresh;
    for (const PulledChange &it : changes) {
        if (!it.spec || !applyOne(it, codec, outbox))
            continue; // still waiting, with its first reason
        noteRefresh(it, refresh);
        ++applied;
    }
    if (auto ok = refreshHouseholds(refresh); !ok)
        return fail(ok.error());
    return applied;
}

} // namespace VisitMap::Sync
