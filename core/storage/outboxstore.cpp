// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboxstore.h"

#include "database.h"

#include <QJsonDocument>

namespace VisitMap::Sync {

namespace {

QJsonObject parseObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

} // namespace

Result<qint64> OutboxStore::unsentCount() const
{
    auto n = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"));
    if (!n)
        return fail(n.error());
    return n->toLongLong();
}

Result<qint64> OutboxStore::lastSeq() const
{
    auto n = m_db.scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM outbox"));
    if (!n)
        return fail(n.error());
    return n->toLongLong();
}

Result<QList<OutboxRow>> OutboxStore::unsentAfter(qint64 seq, int limit) const
{
    auto q = m_db.execute(
        QStringLiteral("SELECT seq, change_id, entity, entity_id, op, office_code, payload, base "
                       "FROM outbox WHERE sent_at IS NULL AND seq > ? ORDER BY seq LIMIT ?"),
        {seq, limit});
    if (!q)
        return fail(q.error());
    QList<OutboxRow> rows;
    while (q->next()) {
        rows.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                     q->value(3).toString(), q->value(4).toString(), q->value(5).toString(),
                     parseObject(q->value(6)), parseObject(q->value(7))});
    }
    return rows;
}

Status OutboxStore::markSent(const QStringList &seqs, const QString &now)
{
    auto m = m_db.execute(
        QStringLiteral("UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE seq IN (%1)")
            .arg(seqs.join(u',')),
        {now});
    if (!m)
        return fail(m.error());
    return {};
}

Status OutboxStore::moveBehindNewest(qint64 seq)
{
    auto moved = m_db.execute(
        QStringLiteral("UPDATE outbox SET seq = seq + (SELECT MAX(seq) FROM outbox) WHERE "
                       "sent_at IS NULL AND seq <= ?"),
        {seq});
    if (!moved)
        return fail(moved.error());
    return {};
}

Result<bool> OutboxStore::holds(const QString &changeId)
{
    if (!m_holds) {
        // Asked once per pulled change: prepared once.
        auto q = m_db.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE change_id = ?"));
        if (!q)
            return fail(q.error());
        m_holds = std::move(*q);
    }
    Storage::Database::bind(*m_holds, 0, changeId);
    if (auto ok = Storage::Database::run(*m_holds); !ok)
        return fail(ok.error());
    const bool found = m_holds->next();
    m_holds->finish();
    return found;
}

Result<QList<QJsonObject>> OutboxStore::unsentPayloads(const QString &entity,
                                                       const QString &entityId)
{
    if (!m_payloads) {
        auto q = m_db.prepare(QStringLiteral(
            "SELECT payload FROM outbox WHERE sent_at IS NULL AND entity = ? AND entity_id = ?"));
        if (!q)
            return fail(q.error());
        m_payloads = std::move(*q);
    }
    Storage::Database::bind(*m_payloads, 0, entity);
    Storage::Database::bind(*m_payloads, 1, entityId);
    if (auto ok = Storage::Database::run(*m_payloads); !ok)
        return fail(ok.error());
    QList<QJsonObject> out;
    while (m_payloads->next())
        out.append(parseObject(m_payloads->value(0)));
    m_payloads->finish();
    return out;
}

} // namespace VisitMap::Sync
