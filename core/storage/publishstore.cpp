// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishstore.h"

#include "database.h"
#include "entitymap.h"

namespace VisitMap::Sync {

Result<QStringList> PublishStore::officeCodes() const
{
    return m_db.strings(QStringLiteral("SELECT code FROM offices ORDER BY code"));
}

Result<int> PublishStore::unpublishedHouseholds(const QString &officeCode) const
{
    auto waiting = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM households h WHERE office_code = ? AND published = "
                       "0 AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'household' "
                       "AND o.entity_id = h.id)"),
        {officeCode});
    if (!waiting)
        return fail(waiting.error());
    return waiting->toInt();
}

Status PublishStore::stageHouseholds(const QString &officeCode)
{
    if (auto r = m_db.exec(QStringLiteral(
            "CREATE TEMP TABLE IF NOT EXISTS publish_households (id TEXT PRIMARY KEY)"));
        !r)
        return r;
    if (auto r = m_db.exec(QStringLiteral("DELETE FROM publish_households")); !r)
        return r;
    auto fill = m_db.execute(
        QStringLiteral("INSERT INTO publish_households SELECT id FROM households h WHERE "
                       "office_code = ? AND published = 0 AND NOT EXISTS (SELECT 1 FROM outbox o "
                       "WHERE o.entity = 'household' AND o.entity_id = h.id)"),
        {officeCode});
    if (!fill)
        return fail(fill.error());
    return {};
}

Result<QStringList>
PublishStore::unoffered(const QString &entity, const QString &officeCode, bool withLoose) const
{
    const EntitySpec *spec = entitySpec(entity);
    if (!spec)
        return fail(ErrorCode::Internal,
                    QStringLiteral("records of kind %1 are not synced").arg(entity));
    QString ids;
    QVariantList binds;
    if (entity == QLatin1String("office")) {
        ids = QStringLiteral("?");
        binds << officeCode;
    } else if (entity == QLatin1String("household")) {
        ids = QStringLiteral("SELECT id FROM publish_households");
    } else if (entity == QLatin1String("stage_change")) {
        ids = QStringLiteral(
            "SELECT id FROM case_stage_changes WHERE case_id IN (SELECT id FROM cases WHERE "
            "household_id IN (SELECT id FROM publish_households))");
    } else if (entity == QLatin1String("void")) {
        ids = QStringLiteral("SELECT id FROM voids WHERE office_code = ?");
        binds << officeCode;
    } else {
        ids = QStringLiteral(
                  "SELECT id FROM %1 WHERE household_id IN (SELECT id FROM publish_households)")
                  .arg(spec->table);
        if (withLoose) {
            ids += QStringLiteral(
                       " UNION SELECT id FROM %1 WHERE household_id IS NULL AND office_code = ?")
                       .arg(spec->table);
            binds << officeCode;
        }
    }
    return m_db.strings(
        QStringLiteral("SELECT t.%1 FROM %2 t WHERE t.%1 IN (%3) AND NOT EXISTS "
                       "(SELECT 1 FROM outbox o WHERE o.entity = '%4' AND o.entity_id = t.%1)")
            .arg(spec->idColumn, spec->table, ids, entity),
        binds);
}

Status PublishStore::markStagedPublished()
{
    auto mark = m_db.execute(QStringLiteral(
        "UPDATE households SET published = 1 WHERE id IN (SELECT id FROM publish_households)"));
    if (!mark)
        return fail(mark.error());
    return {};
}

Status PublishStore::markPublished(const QString &householdId)
{
    auto p = m_db.execute(QStringLiteral("UPDATE households SET published = 1 WHERE id = ?"),
                          {householdId});
    if (!p)
        return fail(p.error());
    return {};
}

Status PublishStore::markPulled(const QString &householdId, qint64 revision)
{
    auto m = m_db.execute(
        QStringLiteral("UPDATE households SET published = 1, revision = ? WHERE id = ?"),
        {revision, householdId});
    if (!m)
        return fail(m.error());
    return {};
}

} // namespace VisitMap::Sync
