// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictrecords.h"

#include "database.h"
#include "entitymap.h"
#include "util/clock.h"

namespace VisitMap::Sync {

Status ConflictRecords::add(const CentralConflict &c)
{
    auto ins = m_db.execute(
        QStringLiteral("INSERT OR IGNORE INTO conflicts (id, entity, entity_id, office_code, "
                       "field, base_value, mine_value, theirs_value, theirs_by, detected_at) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?)"),
        {QStringLiteral("central-%1").arg(c.id), c.entity, c.entityId, c.officeCode, c.field,
         c.base, c.mine, c.theirs, c.theirsBy, Iso::utc(c.detectedAt.toUTC())});
    if (!ins)
        return fail(ins.error());
    return {};
}

Result<int> ConflictRecords::unresolvedCount() const
{
    auto n
        = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM conflicts WHERE resolved_at IS NULL"));
    if (!n)
        return fail(n.error());
    return n->toInt();
}

Result<QList<Conflict>> ConflictRecords::unresolved() const
{
    auto q = m_db.execute(
        QStringLiteral("SELECT id, entity, entity_id, office_code, field, base_value, mine_value, "
                       "theirs_value, theirs_by, detected_at FROM conflicts WHERE resolved_at IS "
                       "NULL ORDER BY detected_at, id"));
    if (!q)
        return fail(q.error());
    QList<Conflict> out;
    while (q->next()) {
        Conflict c;
        c.id = q->value(0).toString();
        c.entity = q->value(1).toString();
        c.entityId = q->value(2).toString();
        c.officeCode = q->value(3).toString();
        c.field = q->value(4).toString();
        c.base = jsonFromText(q->value(5));
        c.mine = jsonFromText(q->value(6));
        c.theirs = jsonFromText(q->value(7));
        c.theirsBy = q->value(8).toString();
        c.detectedAt = Iso::parse(q->value(9).toString());
        out.append(c);
    }
    return out;
}

QString ConflictRecords::householdAddress(const QString &householdId) const
{
    auto a = m_db.scalar(
        QStringLiteral("SELECT road_address || CASE WHEN address_detail <> '' THEN ' ' || "
                       "address_detail ELSE '' END FROM households WHERE id = ?"),
        {householdId});
    return a ? a->toString() : QString();
}

Status ConflictRecords::setField(const EntitySpec &spec,
                                 const QString &entityId,
                                 const QString &field,
                                 const QVariant &value)
{
    auto u = m_db.execute(
        QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?").arg(spec.table, field, spec.idColumn),
        {value, entityId});
    if (!u)
        return fail(u.error());
    return {};
}

Status ConflictRecords::markResolved(const QString &conflictId,
                                     const QDateTime &at,
                                     const QString &by,
                                     bool mine,
                                     const QJsonValue &chosen)
{
    auto r = m_db.execute(
        QStringLiteral("UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ?, "
                       "resolved_value = ? WHERE id = ?"),
        {Iso::utc(at), by, mine ? QStringLiteral("mine") : QStringLiteral("theirs"),
         jsonText(chosen), conflictId});
    if (!r)
        return fail(r.error());
    return {};
}

} // namespace VisitMap::Sync
