// SPDX-License-Identifier: GPL-3.0-or-later
#include "routeplanstore.h"

#include "database.h"
#include "util/clock.h"

#include <QSqlQuery>
#include <QVariant>

namespace VisitMap::Storage {

namespace {

const char *const columns
    = "id, office_code, plan_date, teams, plan_json, created_at, created_by, supersedes";

RoutePlanRecord fromRow(const QSqlQuery &q)
{
    RoutePlanRecord r;
    r.id = q.value(0).toString();
    r.officeCode = q.value(1).toString();
    r.date = QDate::fromString(q.value(2).toString(), Qt::ISODate);
    r.teams = q.value(3).toInt();
    r.json = q.value(4).toString().toUtf8();
    r.createdAt = Iso::parse(q.value(5).toString());
    r.createdBy = q.value(6).toString();
    r.supersedes = q.value(7).toString();
    return r;
}

} // namespace

Status RoutePlanStore::insert(const RoutePlanRecord &plan)
{
    auto q = m_db.execute(QStringLiteral("INSERT INTO route_plans (%1) VALUES (?,?,?,?,?,?,?,?)")
                              .arg(QLatin1String(columns)),
                          {plan.id, plan.officeCode, plan.date.toString(Qt::ISODate), plan.teams,
                           QString::fromUtf8(plan.json), Iso::utc(plan.createdAt), plan.createdBy,
                           plan.supersedes.isEmpty() ? QVariant() : QVariant(plan.supersedes)});
    if (!q)
        return fail(q.error());
    return {};
}

Result<RoutePlanRecord> RoutePlanStore::get(const QString &id) const
{
    auto q = m_db.execute(
        QStringLiteral("SELECT %1 FROM route_plans WHERE id = ?").arg(QLatin1String(columns)),
        {id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no saved route plan %1").arg(id));
    return fromRow(*q);
}

Result<QList<RoutePlanRecord>> RoutePlanStore::latest(const QStringList &offices) const
{
    auto q = m_db.execute(
        QStringLiteral(
            "SELECT %1 FROM route_plans p WHERE NOT EXISTS (SELECT 1 FROM route_plans n WHERE "
            "n.supersedes = p.id) ORDER BY plan_date DESC, created_at DESC, id DESC")
            .arg(QLatin1String(columns)));
    if (!q)
        return fail(q.error());
    QList<RoutePlanRecord> out;
    while (q->next()) {
        RoutePlanRecord r = fromRow(*q);
        if (offices.contains(r.officeCode))
            out << r;
    }
    return out;
}

Result<QList<RoutePlanRecord>> RoutePlanStore::history(const QString &id) const
{
    QList<RoutePlanRecord> out;
    QString at = id;
    while (!at.isEmpty() && out.size() < 1000) {
        auto r = get(at);
        if (!r)
            return fail(r.error());
        at = r->supersedes;
        out << *r;
    }
    return out;
}

Result<int> RoutePlanStore::countOn(const QDate &date) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT count(*) FROM route_plans WHERE plan_date = ?"),
                         {date.toString(Qt::ISODate)});
    if (!v)
        return fail(v.error());
    return v->toInt();
}

} // namespace VisitMap::Storage
