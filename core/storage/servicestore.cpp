// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicestore.h"
#include "security/auditdetail.h"

#include "database.h"
#include "journal.h"
#include "util/clock.h"

namespace VisitMap::Storage {

bool ServiceStore::isStatus(const QString &s)
{
    return s == QLatin1String("requested") || s == QLatin1String("provided") || s == QLatin1String("declined")
           || s == QLatin1String("ended");
}

Result<QList<Resource>> ServiceStore::resources(const ResourceQuery &query) const
{
    QString sql = QStringLiteral("SELECT id, kind, name, provider, life_cycle, household_situation, themes, "
                                 "description, contact FROM resources WHERE 1=1");
    QVariantList binds;
    auto like = [&](const QString &column, const QString &value) {
        if (value.isEmpty())
            return;
        sql += QStringLiteral(" AND %1 LIKE ?").arg(column);
        binds << QLatin1Char('%') + value + QLatin1Char('%');
    };
    if (!query.text.isEmpty()) {
        sql += QStringLiteral(" AND (name LIKE ? OR provider LIKE ? OR description LIKE ?)");
        const QString l = QLatin1Char('%') + query.text + QLatin1Char('%');
        binds << l << l << l;
    }
    like(QStringLiteral("life_cycle"), query.lifeCycle);
    like(QStringLiteral("household_situation"), query.situation);
    like(QStringLiteral("themes"), query.theme);
    if (!query.kind.isEmpty()) {
        sql += QStringLiteral(" AND kind = ?");
        binds << query.kind;
    }
    auto q = m_db.execute(sql + QStringLiteral(" ORDER BY kind, name"), binds);
    if (!q)
        return fail(q.error());
    QList<Resource> out;
    while (q->next()) {
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    q->value(3).toString(), q->value(4).toString(), q->value(5).toString(),
                    q->value(6).toString(), q->value(7).toString(), q->value(8).toString()});
    }
    return out;
}

Result<Resource> ServiceStore::addResource(Resource &r, Journal &journal)
{
    if (r.name.trimmed().isEmpty())
        return fail(ErrorCode::Validation, QStringLiteral("the resource has no name"));
    if (r.kind.isEmpty())
        r.kind = QStringLiteral("private");
    if (r.id.isEmpty())
        r.id = journal.newId();
    const QString now = Iso::utc(journal.now());
    auto q = m_db.execute(QStringLiteral("INSERT INTO resources (id, kind, name, provider, life_cycle, "
                                         "household_situation, themes, description, contact, created_at, "
                                         "updated_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
                          {r.id, r.kind, r.name, r.provider, r.lifeCycle, r.householdSituation, r.themes,
                           r.description, r.contact, now, now, journal.actor().account});
    if (!q)
        return fail(q.error());
    return r;
}

Result<QList<ServiceLink>> ServiceStore::forHousehold(const QString &householdId) const
{
    auto q = m_db.execute(QStringLiteral(
                              "SELECT l.id, l.office_code, l.resource_id, r.name, l.status, l.requested_at, "
                              "l.provided_at, l.ended_at, l.note, l.created_by, "
                              "EXISTS (SELECT 1 FROM voids v WHERE v.entity = 'service_link' AND v.entity_id = l.id) "
                              "FROM service_links l JOIN resources r ON r.id = l.resource_id "
                              "WHERE l.household_id = ? ORDER BY l.requested_at"),
                          {householdId});
    if (!q)
        return fail(q.error());
    QList<ServiceLink> out;
    while (q->next()) {
        ServiceLink l;
        l.id = q->value(0).toString();
        l.householdId = householdId;
        l.officeCode = q->value(1).toString();
        l.resourceId = q->value(2).toString();
        l.resourceName = q->value(3).toString();
        l.status = q->value(4).toString();
        l.requestedAt = QDate::fromString(q->value(5).toString(), Qt::ISODate);
        l.providedAt = QDate::fromString(q->value(6).toString(), Qt::ISODate);
        l.endedAt = QDate::fromString(q->value(7).toString(), Qt::ISODate);
        l.note = q->value(8).toString();
        l.createdBy = q->value(9).toString();
        l.voided = q->value(10).toBool();
        out.append(l);
    }
    return out;
}

Status ServiceStore::link(ServiceLink &l, Journal &journal)
{
    if (!isStatus(l.status))
        return fail(ErrorCode::Validation, QStringLiteral("'%1' is not a service status").arg(l.status));
    auto office = m_db.scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {l.householdId});
    if (!office)
        return fail(office.error());
    if (office->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(l.householdId));
    auto resource = m_db.scalar(QStringLiteral("SELECT name FROM resources WHERE id = ?"), {l.resourceId});
    if (!resource)
        return fail(resource.error());
    if (resource->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("no resource with id %1").arg(l.resourceId));
    l.officeCode = office->toString();
    l.resourceName = resource->toString();
    if (l.id.isEmpty())
        l.id = journal.newId();
    if (!l.requestedAt.isValid())
        l.requestedAt = journal.clock().today();
    if (l.status == QLatin1String("provided") && !l.providedAt.isValid())
        l.providedAt = l.requestedAt;
    l.createdBy = journal.actor().account;
    return m_db.transaction([&]() -> Status {
        const QString now = Iso::utc(journal.now());
        auto date = [](const QDate &d) { return d.isValid() ? QVariant(Iso::date(d)) : QVariant(); };
        auto q = m_db.execute(QStringLiteral("INSERT INTO service_links (id, household_id, office_code, resource_id, "
                                             "status, requested_at, provided_at, ended_at, note, created_at, "
                                             "updated_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
                              {l.id, l.householdId, l.officeCode, l.resourceId, l.status, Iso::date(l.requestedAt),
                               date(l.providedAt), date(l.endedAt), l.note, now, now, l.createdBy});
        if (!q)
            return fail(q.error());
        if (auto r = journal.recordChange(QStringLiteral("service_link"), l.id, ChangeOp::Insert, l.officeCode,
                                          {{QStringLiteral("id"), l.id},
                                           {QStringLiteral("household_id"), l.householdId},
                                           {QStringLiteral("resource_id"), l.resourceId},
                                           {QStringLiteral("status"), l.status},
                                           {QStringLiteral("requested_at"), Iso::date(l.requestedAt)},
                                           {QStringLiteral("note"), l.note}});
            !r)
            return r;
        return journal.audit({Security::AuditAction::Create,
                              QStringLiteral("household"),
                              l.householdId,
                              l.officeCode,
                              Security::AuditDetail(Security::AuditDetailCode::ServiceLinked)
                                  .with(u"name", l.resourceName)
                                  .encode(),
                              {}});
    });
}

Status ServiceStore::setStatus(const QString &linkId, const QString &status, const QDate &on, const QString &note,
                               Journal &journal)
{
    if (!isStatus(status))
        return fail(ErrorCode::Validation, QStringLiteral("'%1' is not a service status").arg(status));
    auto current = m_db.execute(QStringLiteral("SELECT household_id, office_code, status FROM service_links WHERE id = ?"),
                                {linkId});
    if (!current)
        return fail(current.error());
    if (!current->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no service link %1").arg(linkId));
    const QString household = current->value(0).toString(), office = current->value(1).toString(),
                  from = current->value(2).toString();
    return m_db.transaction([&]() -> Status {
        const QString column = status == QLatin1String("provided") ? QStringLiteral("provided_at")
                               : status == QLatin1String("requested") ? QStringLiteral("requested_at")
                                                                      : QStringLiteral("ended_at");
        auto q = m_db.execute(QStringLiteral("UPDATE service_links SET status = ?, %1 = ?, note = CASE WHEN ? = '' "
                                             "THEN note ELSE ? END, updated_at = ? WHERE id = ?")
                                  .arg(column),
                              {status, Iso::date(on), note, note, Iso::utc(journal.now()), linkId});
        if (!q)
            return fail(q.error());
        if (auto r = journal.recordChange(QStringLiteral("service_link"), linkId, ChangeOp::Update, office,
                                          {{QStringLiteral("status"), status}, {column, Iso::date(on)}},
                                          {{QStringLiteral("status"), from}});
            !r)
            return r;
        return journal.audit({Security::AuditAction::Update, QStringLiteral("household"), household,
                              office,
                              Security::AuditDetail(Security::AuditDetailCode::ServiceStatus)
                                  .with(u"from", from)
                                  .with(u"to", status)
                                  .encode(),
                              note});
    });
}

} // namespace VisitMap::Storage
