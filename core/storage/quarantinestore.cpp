// SPDX-License-Identifier: GPL-3.0-or-later
#include "quarantinestore.h"

#include "database.h"
#include "util/clock.h"

#include <QJsonDocument>

namespace VisitMap::Sync {

namespace {

QString directionCode(QuarantinedChange::Direction d)
{
    return d == QuarantinedChange::Direction::Push ? QStringLiteral("push")
                                                   : QStringLiteral("pull");
}

} // namespace

Status QuarantineStore::add(const QuarantinedChange &c)
{
    auto q = m_db.execute(
        QStringLiteral("INSERT INTO sync_quarantine (direction, change_id, entity, entity_id, "
                       "office_code, revision, reason, data, at) VALUES (?,?,?,?,?,?,?,?,?)"),
        {directionCode(c.direction), c.changeId, c.entity, c.entityId, c.officeCode,
         c.revision > 0 ? QVariant(c.revision) : QVariant(), c.reason,
         QString::fromUtf8(QJsonDocument(c.data).toJson(QJsonDocument::Compact)), Iso::utc(c.at)});
    if (!q)
        return fail(q.error());
    return {};
}

Status QuarantineStore::clearPulled(const QString &entity, const QString &entityId)
{
    auto q = m_db.execute(
        QStringLiteral("DELETE FROM sync_quarantine WHERE direction = 'pull' AND entity = ? "
                       "AND entity_id = ?"),
        {entity, entityId});
    if (!q)
        return fail(q.error());
    return {};
}

Result<int> QuarantineStore::count() const
{
    auto n = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_quarantine"));
    if (!n)
        return fail(n.error());
    return n->toInt();
}

Status QuarantineStore::remove(qint64 id)
{
    auto q = m_db.execute(QStringLiteral("DELETE FROM sync_quarantine WHERE id = ?"), {id});
    if (!q)
        return fail(q.error());
    return {};
}

Result<QList<QuarantinedChange>> QuarantineStore::list() const
{
    return read(QString(), {});
}

Result<QList<QuarantinedChange>> QuarantineStore::list(QuarantinedChange::Direction direction) const
{
    return read(QStringLiteral("WHERE direction = ?"), {directionCode(direction)});
}

Result<QList<QuarantinedChange>> QuarantineStore::read(const QString &where,
                                                       const QVariantList &binds) const
{
    auto q = m_db.execute(
        QStringLiteral("SELECT direction, change_id, entity, entity_id, office_code, revision, "
                       "reason, data, at, id FROM sync_quarantine %1 ORDER BY id")
            .arg(where),
        binds);
    if (!q)
        return fail(q.error());
    QList<QuarantinedChange> out;
    while (q->next()) {
        QuarantinedChange c;
        c.id = q->value(9).toLongLong();
        c.direction = q->value(0).toString() == QLatin1String("push")
                          ? QuarantinedChange::Direction::Push
                          : QuarantinedChange::Direction::Pull;
        c.changeId = q->value(1).toString();
        c.entity = q->value(2).toString();
        c.entityId = q->value(3).toString();
        c.officeCode = q->value(4).toString();
        c.revision = q->value(5).toLongLong();
        c.reason = q->value(6).toString();
        c.data = QJsonDocument::fromJson(q->value(7).toString().toUtf8()).object();
        c.at = Iso::parse(q->value(8).toString());
        out.append(c);
    }
    return out;
}

} // namespace VisitMap::Sync
