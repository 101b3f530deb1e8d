// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushplanner.h"

#include "database.h"
#include "entitymap.h"

#include <QSqlQuery>

namespace VisitMap::Sync {

namespace {

// Whether an outbox row is another account's: written by a different local account, or (unless
// the sender publishes the store) by no account at all. Binds: the sender, whether it publishes.
const QString kForeign
    = QStringLiteral("(created_by <> ? AND (? = 0 OR created_by IN (SELECT name FROM staff)))");

} // namespace

Result<PushPlan> PushPlanner::plan()
{
    PushPlan plan;
    const QVariantList binds{m_sender, m_mayPublish ? 1 : 0};
    auto others = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND ") + kForeign, binds);
    if (!others)
        return fail(others.error());
    if (others->toInt() == 0)
        return plan;
    auto q = m_db.execute(
        QStringLiteral("SELECT seq, entity, entity_id, op IN ('insert', 'append'), ") + kForeign
            + QStringLiteral(", created_by IN (SELECT name FROM staff) FROM outbox WHERE sent_at "
                             "IS NULL ORDER BY seq"),
        binds);
    if (!q)
        return fail(q.error());
    // Records with a change that stays here: a later change of the same record stays too (the
    // central store compares an edit with the value it was made from). Records that stay here
    // before they are ever sent: what refers to them stays too (the central store refuses a
    // reference to a record it does not hold); what refers to one already sent may go.
    QSet<QString> blocked;
    QSet<QString> unsentNew;
    while (q->next()) {
        const qint64 seq = q->value(0).toLongLong();
        const QString entity = q->value(1).toString();
        const QString id = q->value(2).toString();
        const QString key = entity + u'/' + id;
        const bool creates = q->value(3).toBool();
        bool stays = q->value(4).toBool();
        if (stays) {
            if (q->value(5).toBool())
                ++plan.otherAccounts;
            else
                ++plan.forPublisher;
        } else {
            stays = blocked.contains(key);
            if (!stays && !unsentNew.isEmpty()) {
                auto refs = referencedKeys(entity, id);
                if (!refs)
                    return fail(refs.error());
                for (const QString &r : *refs)
                    stays = stays || unsentNew.contains(r);
            }
            if (!stays)
                continue;
            ++plan.heldBehind;
        }
        plan.waiting.insert(seq);
        blocked.insert(key);
        if (creates)
            unsentNew.insert(key);
    }
    return plan;
}

Result<QStringList> PushPlanner::referencedKeys(const QString &entity, const QString &id)
{
    const EntitySpec *spec = entitySpec(entity);
    if (!spec)
        return QStringList{};
    if (!m_references.contains(spec->table)) {
        QList<QPair<QString, QString>> refs;
        auto fk = m_db.execute(
            QStringLiteral("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)"),
            {spec->table});
        if (!fk)
            return fail(fk.error());
        while (fk->next()) {
            for (const EntitySpec &target : entitySpecs()) {
                if (target.table == fk->value(1).toString())
                    refs.append({fk->value(0).toString(), target.entity});
            }
        }
        m_references.insert(spec->table, refs);
    }
    const auto &refs = m_references[spec->table];
    QStringList columns;
    for (const auto &r : refs)
        columns << QStringLiteral("\"%1\"").arg(r.first);
    const bool isVoid = entity == QLatin1String("void");
    if (isVoid)
        columns << QStringLiteral("entity") << QStringLiteral("entity_id");
    if (columns.isEmpty())
        return QStringList{};
    auto row = m_db.execute(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                                .arg(columns.join(u','), spec->table, spec->idColumn),
                            {id});
    if (!row)
        return fail(row.error());
    QStringList keys;
    if (!row->next())
        return keys; // gone: nothing to wait for
    for (int i = 0; i < refs.size(); ++i) {
        if (!row->value(i).isNull() && !row->value(i).toString().isEmpty())
            keys << refs[i].second + u'/' + row->value(i).toString();
    }
    if (isVoid)
        keys << row->value(refs.size()).toString() + u'/' + row->value(refs.size() + 1).toString();
    return keys;
}

} // namespace VisitMap::Sync
