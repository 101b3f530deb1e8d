// SPDX-License-Identifier: GPL-3.0-or-later
#include "pullapplier.h"

#include "entitymap.h"
#include "quarantinestore.h"
#include "storage/database.h"
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

Result<PullApplier::Outcome> PullApplier::apply(QList<PulledChange> changes)
{
    Storage::Database &db = m_ws.db();
    RowCodec codec(db);
    QuarantineStore quarantine(db);
    auto pending = db.prepare(QStringLiteral(
        "SELECT payload FROM outbox WHERE sent_at IS NULL AND entity = ? AND entity_id = ?"));
    if (!pending)
        return fail(pending.error());
    std::stable_sort(changes.begin(), changes.end(),
                     [](const PulledChange &a, const PulledChange &b) {
                         return (a.spec ? a.spec->rank : 0) < (b.spec ? b.spec->rank : 0);
                     });
    Outcome outcome;
    QSet<QString> refresh;
    for (const PulledChange &it : changes) {
        auto one
            = !it.spec ? Status(fail(
                  ErrorCode::Validation,
                  QStringLiteral("%1 is not a kind of record this version knows").arg(it.entity)))
                       : db.transaction([&]() -> Status {
                             QSet<QString> skip;
                             Storage::Database::bind(*pending, 0, it.spec->entity);
                             Storage::Database::bind(*pending, 1, it.id);
                             if (auto ok = Storage::Database::run(*pending); !ok)
                                 return ok;
                             while (pending->next()) {
                                 const QJsonObject p = QJsonDocument::fromJson(
                                                           pending->value(0).toString().toUtf8())
                                                           .object();
                                 for (auto k = p.begin(); k != p.end(); ++k)
                                     skip.insert(k.key());
                             }
                             if (auto ok = codec.upsert(*it.spec, it.id, it.data, skip); !ok)
                                 return ok;
                             if (it.spec->entity == QLatin1String("household")) {
                                 auto m = db.execute(
                                     QStringLiteral(
                                         "UPDATE households SET published = 1, revision = ? "
                                         "WHERE id = ?"),
                                     {it.rev, it.id});
                                 if (!m)
                                     return fail(m.error());
                             }
                             return quarantine.clearPulled(it.entity, it.id);
                         });
        if (!one) {
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
        if (it.spec->entity == QLatin1String("household")) {
            refresh.insert(it.id);
        } else if (it.spec->entity == QLatin1String("visit")) {
            refresh.insert(it.data.value(QStringLiteral("household_id")).toString());
        } else if (it.spec->entity == QLatin1String("void")
                   && it.data.value(QStringLiteral("entity")).toString()
                          == QLatin1String("visit")) {
            auto h = db.scalar(QStringLiteral("SELECT household_id FROM visits WHERE id = ?"),
                               {it.data.value(QStringLiteral("entity_id")).toString()});
            if (h && !h->isNull())
                refresh.insert(h->toString());
        }
    }
    // Last visit and next due date are worked out here from the visits, as for local ones.
    const auto cycle = m_ws.visitCycle();
    Storage::VisitStore visits(db);
    for (const QString &h : refresh) {
        if (h.isEmpty())
            continue;
        if (auto ok = visits.refreshHousehold(h, m_ws.journal(), cycle);
            !ok && ok.error().code != ErrorCode::NotFound)
            return fail(ok.error());
    }
    return outcome;
}

} // namespace VisitMap::Sync
