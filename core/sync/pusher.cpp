// SPDX-License-Identifier: GPL-3.0-or-later
#include "pusher.h"

#include "centralstore.h"
#include "security/permissions.h"
#include "storage/database.h"
#include "storage/entitymap.h"
#include "storage/outboxstore.h"
#include "storage/publishstore.h"
#include "storage/pushplanner.h"
#include "storage/quarantinestore.h"
#include "storage/stores.h"
#include "syncreport.h"
#include "syncstate.h"
#include "util/clock.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace VisitMap::Sync {

namespace {

QJsonObject parseObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

} // namespace

Status Pusher::run(const QStringList &areas, const SyncOptions &o, SyncReport &report)
{
    Storage::Database &db = m_ws.db();
    RowCodec codec(db);
    // Only what this account may send: other local accounts' changes wait for their own sync.
    const auto *session = m_ws.session();
    auto plan = PushPlanner(db, session->name(), mayPublish(session->role())).plan();
    if (!plan)
        return fail(plan.error());
    report.waitingForOthers = plan->otherAccounts;
    report.heldForOthers = plan->heldBehind;
    report.waitingForPublish = plan->forPublisher;
    OutboxStore outbox(db);
    auto pending = outbox.unsentCount();
    if (!pending)
        return fail(pending.error());
    const qint64 total = *pending - plan->waiting.size();
    qint64 cursor = 0;
    qint64 done = 0;
    int batchIndex = 0;
    const int perCall = std::clamp(o.pushBatch, 1, 1000);
    for (;;) {
        auto unsent = outbox.unsentAfter(cursor, perCall);
        if (!unsent)
            return fail(unsent.error());
        QJsonArray batch;
        QStringList seqs;
        QStringList households;
        QHash<QString, QJsonObject> sent; // by change id, for what the server refuses
        qint64 bytes = 0;
        int rows = 0;
        // A batch ends at perCall rows or once it passes pushBytes (a single change larger than
        // that goes alone).
        for (const OutboxRow &row : *unsent) {
            if (bytes >= o.pushBytes)
                break;
            ++rows;
            cursor = row.seq;
            const QString &entity = row.entity;
            const QString &id = row.entityId;
            const QString &op = row.op;
            const QString &office = row.officeCode;
            if (plan->waiting.contains(cursor))
                continue;
            const EntitySpec *spec = entitySpec(entity);
            if (!spec || !areasCover(areas, office)) {
                ++report.heldBack;
                continue;
            }
            QJsonObject payload = row.payload;
            if (op == QLatin1String("insert") || op == QLatin1String("append")) {
                auto current = codec.snapshot(*spec, id);
                if (!current)
                    return fail(current.error());
                if (*current)
                    payload = **current;
            }
            const QJsonObject change{{QStringLiteral("change_id"), row.changeId},
                                     {QStringLiteral("entity"), entity},
                                     {QStringLiteral("entity_id"), id},
                                     {QStringLiteral("office_code"), office},
                                     {QStringLiteral("op"), op},
                                     {QStringLiteral("payload"), payload},
                                     {QStringLiteral("base"), row.base}};
            bytes += QJsonDocument(change).toJson(QJsonDocument::Compact).size();
            batch.append(change);
            sent.insert(row.changeId.toLower(), change);
            seqs << QString::number(row.seq);
            if (entity == QLatin1String("household"))
                households << id;
        }
        if (rows == 0)
            break;
        if (batch.isEmpty())
            continue;
        auto r = CentralStore(m_c).push(
            QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact)));
        if (!r)
            return fail(r.error());
        QJsonObject result;
        if (r->next())
            result = parseObject(r->value(0));
        if (o.afterPushCommitted) {
            if (auto ok = o.afterPushCommitted(batchIndex); !ok)
                return ok;
        }
        ++batchIndex;
        report.pushed += result.value(QStringLiteral("applied")).toInt();
        report.duplicates += result.value(QStringLiteral("duplicates")).toInt();
        report.conflicts += result.value(QStringLiteral("conflicts")).toInt();
        const QJsonArray refused = result.value(QStringLiteral("refused")).toArray();
        auto marked = db.transaction([&]() -> Status {
            // A change the server refused is not sent again: it is set aside with the server's
            // reason.
            QuarantineStore &quarantine = m_ws.stores().quarantine();
            for (const QJsonValue &r : refused) {
                const QJsonObject why = r.toObject();
                const QJsonObject change
                    = sent.value(why.value(QStringLiteral("change_id")).toString().toLower());
                QuarantinedChange qc;
                qc.direction = QuarantinedChange::Direction::Push;
                qc.changeId = why.value(QStringLiteral("change_id")).toString();
                qc.entity = why.value(QStringLiteral("entity")).toString();
                qc.entityId = why.value(QStringLiteral("entity_id")).toString();
                qc.officeCode = change.value(QStringLiteral("office_code")).toString();
                qc.reason = why.value(QStringLiteral("reason")).toString();
                qc.data = change.value(QStringLiteral("payload")).toObject();
                qc.at = m_ws.clock().now();
                if (auto ok = quarantine.add(qc); !ok)
                    return ok;
                ++report.quarantined;
                if (qc.entity == QLatin1String("household"))
                    households.removeAll(qc.entityId);
                if (report.quarantined <= 20)
                    report.notices << QStringLiteral("the central store refused %1 %2: %3")
                                          .arg(qc.entity, qc.entityId, qc.reason);
            }
            const QString now = Iso::utc(m_ws.clock().now());
            if (auto ok = outbox.markSent(seqs, now); !ok)
                return ok;
            PublishStore &published = m_ws.stores().published();
            for (const QString &h : households) {
                if (auto ok = published.markPublished(h); !ok)
                    return ok;
            }
            return {};
        });
        if (!marked)
            return marked;
        done += seqs.size();
        if (o.progress && !o.progress(QStringLiteral("push"), done, total))
            return fail(ErrorCode::Cancelled, QStringLiteral("the sync was stopped"));
    }
    return {};
}

} // namespace VisitMap::Sync
