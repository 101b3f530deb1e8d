// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictstore.h"
#include "security/auditdetail.h"

#include "storage/database.h"
#include "storage/entitymap.h"
#include "storage/journal.h"
#include "storage/stores.h"
#include "util/clock.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VisitMap::Sync {

Result<QList<Conflict>> ConflictStore::open() const
{
    Storage::Database &db = m_ws.db();
    auto all = m_ws.stores().conflictRecords().unresolved();
    if (!all)
        return fail(all.error());
    QList<Conflict> out;
    const auto *session = m_ws.session();
    for (const Conflict &c : *all) {
        if (!session || session->covers(c.officeCode))
            out.append(c);
    }
    RowCodec codec(db);
    for (Conflict &c : out) {
        if (c.entity == QLatin1String("household")) {
            c.householdId = c.entityId;
        } else if (const EntitySpec *spec = entitySpec(c.entity)) {
            if (auto h = codec.householdOf(*spec, c.entityId))
                c.householdId = *h;
        }
        if (!c.householdId.isEmpty())
            c.householdAddress = m_ws.stores().conflictRecords().householdAddress(c.householdId);
    }
    return out;
}

Status ConflictStore::resolve(const QString &conflictId, Resolution resolution)
{
    const auto *session = m_ws.session();
    if (!session)
        return fail(ErrorCode::AuthFailed, QStringLiteral("sign in to resolve conflicts"));
    auto all = open();
    if (!all)
        return fail(all.error());
    const Conflict *found = nullptr;
    for (const Conflict &c : *all) {
        if (c.id == conflictId)
            found = &c;
    }
    if (!found)
        return fail(ErrorCode::NotFound, QStringLiteral("no open conflict %1").arg(conflictId));
    const Conflict c = *found;
    const EntitySpec *spec = entitySpec(c.entity);
    if (!spec)
        return fail(ErrorCode::Internal, QStringLiteral("records of kind %1 are not synced").arg(c.entity));
    Storage::Database &db = m_ws.db();
    Storage::Journal &journal = m_ws.journal();
    return db.transaction([&]() -> Status {
        RowCodec codec(db);
        Sync::ConflictRecords &records = m_ws.stores().conflictRecords();
        const bool mine = resolution == Resolution::Mine;
        const QJsonValue chosen = mine ? c.mine : c.theirs;
        auto value = codec.toSql(spec->table, c.field, chosen);
        if (!value)
            return fail(value.error());
        if (auto ok = records.setField(*spec, c.entityId, c.field, *value); !ok)
            return ok;
        if (mine) {
            // Sent from the value the central store holds, so it applies there.
            if (auto ok = journal.recordChange(c.entity, c.entityId, Storage::ChangeOp::Update, c.officeCode,
                                               QJsonObject{{c.field, c.mine}}, QJsonObject{{c.field, c.theirs}});
                !ok)
                return ok;
        }
        if (auto ok = records.markResolved(c.id, journal.now(), session->name(), mine, chosen); !ok)
            return ok;
        return journal.audit(
            {Security::AuditAction::Update,
             c.entity == QLatin1String("household") ? QStringLiteral("household") : c.entity,
             c.householdId.isEmpty() ? c.entityId : c.householdId,
             c.officeCode,
             Security::AuditDetail(Security::AuditDetailCode::ConflictResolved)
                 .with(u"entity", c.entity)
                 .with(u"field", c.field)
                 .with(u"kept", mine ? QStringLiteral("mine") : QStringLiteral("theirs"))
                 .encode(),
             {}});
    });
}

} // namespace VisitMap::Sync
