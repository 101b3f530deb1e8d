// SPDX-License-Identifier: GPL-3.0-or-later
#include "puller.h"

#include "centralstore.h"
#include "pullapplier.h"
#include "storage/conflictrecords.h"
#include "storage/database.h"
#include "storage/entitymap.h"
#include "storage/outboxstore.h"
#include "storage/stores.h"
#include "storage/syncstatestore.h"
#include "syncreport.h"
#include "syncstate.h"
#include "workspace.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace VisitMap::Sync {

namespace {

QJsonObject parseObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

} // namespace

Status Puller::fetchConflicts()
{
    auto q = CentralStore(m_c).conflictsAfter(
        m_ws.stores().syncState().value(SyncKeys::conflictCursor).toLongLong());
    if (!q)
        return fail(q.error());
    Storage::Database &db = m_ws.db();
    return db.transaction([&]() -> Status {
        SyncStateStore &state = m_ws.stores().syncState();
        qint64 last = state.value(SyncKeys::conflictCursor).toLongLong();
        Sync::ConflictRecords &records = m_ws.stores().conflictRecords();
        while (q->next()) {
            last = q->value(0).toLongLong();
            const CentralConflict conflict{last,
                                           q->value(1).toString(),
                                           q->value(2).toString(),
                                           q->value(3).toString(),
                                           q->value(4).toString(),
                                           q->value(5),
                                           q->value(6),
                                           q->value(7),
                                           q->value(8),
                                           q->value(9).toDateTime()};
            if (auto ok = records.add(conflict); !ok)
                return ok;
        }
        return state.set(SyncKeys::conflictCursor, QString::number(last));
    });
}

Status Puller::run(const SyncOptions &o, SyncReport &report)
{
    Storage::Database &db = m_ws.db();
    CentralStore central(m_c);
    SyncStateStore &state = m_ws.stores().syncState();
    auto total = central.changesAfterCount(state.value(SyncKeys::revision).toLongLong());
    if (!total)
        return fail(total.error());
    const qint64 expected = *total;
    OutboxStore outbox(db);
    qint64 done = 0;
    for (;;) {
        const qint64 from = state.value(SyncKeys::revision).toLongLong();
        // The entity's state as it stands (merged by the server) for every change after from.
        auto q = central.changesAfter(from, o.pullBatch);
        if (!q)
            return fail(q.error());
        QList<PulledChange> items;
        QSet<QString> seen;
        qint64 last = from;
        int rows = 0;
        int received = 0;
        while (q->next()) {
            ++rows;
            last = q->value(0).toLongLong();
            const EntitySpec *spec = entitySpec(q->value(1).toString());
            const QString key = q->value(1).toString() + u'/' + q->value(2).toString();
            // This store's own changes are here already (a field the server kept instead arrives
            // with the change that set it).
            auto mine = outbox.holds(q->value(5).toString());
            if (!mine)
                return fail(mine.error());
            if (*mine)
                continue;
            ++received;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            items.append({spec, q->value(1).toString(), q->value(2).toString(),
                          parseObject(q->value(3)), q->value(4).toLongLong(),
                          q->value(5).toString()});
        }
        if (rows == 0)
            break;
        auto applied = db.transaction([&]() -> Status {
            auto outcome = PullApplier(m_ws).apply(items);
            if (!outcome)
                return fail(outcome.error());
            report.quarantined += outcome->quarantined;
            report.notices += outcome->notices;
            return state.set(SyncKeys::revision, QString::number(last));
        });
        if (!applied)
            return applied;
        report.pulled += received;
        done += rows;
        if (o.progress && !o.progress(QStringLiteral("pull"), done, std::max(done, expected)))
            return fail(ErrorCode::Cancelled, QStringLiteral("the sync was stopped"));
    }
    // What earlier pulls set aside may apply now that more has arrived.
    auto retried = db.transaction([&]() -> Status {
        auto n = PullApplier(m_ws).retryQuarantined();
        if (!n)
            return fail(n.error());
        report.quarantineCleared = *n;
        return {};
    });
    if (!retried)
        return retried;
    if (report.pulled > 0) {
        // Offices that arrived are covered by the session now.
        return m_ws.refreshOffices();
    }
    return {};
}

} // namespace VisitMap::Sync
