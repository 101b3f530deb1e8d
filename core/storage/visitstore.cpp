// SPDX-License-Identifier: GPL-3.0-or-later
#include "visitstore.h"
#include "security/auditdetail.h"

#include "database.h"
#include "journal.h"
#include "urgencystore.h"
#include "util/clock.h"

#include <QJsonObject>
#include <QSet>

namespace VisitMap::Storage {

QString VisitStore::validate(const Visit &v, const QDateTime &now)
{
    if (v.householdId.isEmpty())
        return QStringLiteral("the visit names no household");
    if (!v.at.isValid())
        return QStringLiteral("the visit has no valid date and time");
    if (v.at > now.addSecs(10 * 60))
        return QStringLiteral("the visit time %1 is in the future").arg(Iso::displayDateTime(v.at));
    if (v.at < now.addYears(-10))
        return QStringLiteral("the visit time %1 is more than ten years ago")
            .arg(Iso::displayDateTime(v.at));
    if (v.notes.size() > 20000)
        return QStringLiteral("the note is longer than 20,000 characters");
    if (v.lon.has_value() != v.lat.has_value())
        return QStringLiteral("a visit location needs both longitude and latitude");
    return {};
}

Result<bool> VisitStore::isLogged(const Visit &v) const
{
    auto n = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM visits v WHERE v.household_id = ? AND v.at = ? "
                       "AND v.kind = ? AND v.outcome = ? AND NOT EXISTS (SELECT 1 FROM voids x "
                       "WHERE x.entity = 'visit' AND x.entity_id = v.id)"),
        {v.householdId, Iso::utc(v.at), toCode(v.kind), toCode(v.outcome)});
    if (!n)
        return fail(n.error());
    return n->toLongLong() > 0;
}

Result<QList<Visit>> VisitStore::list(const VisitQuery &query) const
{
    QString sql = QStringLiteral(
        "SELECT v.id, v.household_id, v.office_code, v.kind, v.at, v.staff_present, v.met_whom, "
        "v.outcome, v.notes, v.lon, v.lat, v.created_at, v.created_by, "
        "(SELECT reason FROM voids x WHERE x.entity = 'visit' AND x.entity_id = v.id LIMIT 1) "
        "FROM visits v WHERE 1=1");
    QVariantList binds;
    if (!query.householdId.isEmpty()) {
        sql += QStringLiteral(" AND v.household_id = ?");
        binds << query.householdId;
    }
    if (!query.offices.isEmpty()) {
        sql += QStringLiteral(" AND ")
               + Database::inList(QStringLiteral("v.office_code"), query.offices, binds);
    }
    if (query.since.isValid()) {
        sql += QStringLiteral(" AND v.at >= ?");
        binds << Iso::utc(query.since);
    }
    if (query.until.isValid()) {
        sql += QStringLiteral(" AND v.at < ?");
        binds << Iso::utc(query.until);
    }
    sql += QStringLiteral(" ORDER BY v.at, v.id");
    auto q = m_db.execute(sql, binds);
    if (!q)
        return fail(q.error());
    QList<Visit> out;
    while (q->next()) {
        Visit v;
        v.id = q->value(0).toString();
        v.householdId = q->value(1).toString();
        v.officeCode = q->value(2).toString();
        v.kind = visitKindFromCode(q->value(3).toString()).value_or(VisitKind::Visit);
        v.at = Iso::parse(q->value(4).toString());
        v.staffPresent = q->value(5).toString();
        v.metWhom = q->value(6).toString();
        v.outcome = visitOutcomeFromCode(q->value(7).toString()).value_or(VisitOutcome::Met);
        v.notes = q->value(8).toString();
        if (!q->value(9).isNull())
            v.lon = q->value(9).toDouble();
        if (!q->value(10).isNull())
            v.lat = q->value(10).toDouble();
        v.createdAt = Iso::parse(q->value(11).toString());
        v.createdBy = q->value(12).toString();
        v.voided = !q->value(13).isNull();
        v.voidReason = q->value(13).toString();
        out.append(v);
    }
    return out;
}

Status VisitStore::insertOne(Visit &v, Journal &journal)
{
    if (const QString why = validate(v, journal.now()); !why.isEmpty())
        return fail(ErrorCode::Validation, why);
    auto office = m_db.scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"),
                              {v.householdId});
    if (!office)
        return fail(office.error());
    if (office->isNull())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("no household with id %1").arg(v.householdId));
    v.officeCode = office->toString();
    if (v.id.isEmpty())
        v.id = journal.newId();
    v.createdAt = journal.now();
    v.createdBy = journal.actor().account;
    if (v.staffPresent.isEmpty())
        v.staffPresent = v.createdBy;
    auto q = m_db.execute(
        QStringLiteral("INSERT INTO visits (id, household_id, office_code, kind, at, "
                       "staff_present, met_whom, outcome, notes, lon, lat, created_at, created_by) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {v.id, v.householdId, v.officeCode, toCode(v.kind), Iso::utc(v.at), v.staffPresent,
         v.metWhom, toCode(v.outcome), v.notes, v.lon ? QVariant(*v.lon) : QVariant(),
         v.lat ? QVariant(*v.lat) : QVariant(), Iso::utc(v.createdAt), v.createdBy});
    if (!q)
        return fail(q.error());
    QJsonObject payload{{QStringLiteral("id"), v.id},
                        {QStringLiteral("household_id"), v.householdId},
                        {QStringLiteral("kind"), toCode(v.kind)},
                        {QStringLiteral("at"), Iso::utc(v.at)},
                        {QStringLiteral("staff_present"), v.staffPresent},
                        {QStringLiteral("met_whom"), v.metWhom},
                        {QStringLiteral("outcome"), toCode(v.outcome)},
                        {QStringLiteral("notes"), v.notes}};
    if (v.lon && v.lat) {
        payload.insert(QStringLiteral("lon"), *v.lon);
        payload.insert(QStringLiteral("lat"), *v.lat);
    }
    if (auto ok = journal.recordChange(QStringLiteral("visit"), v.id, ChangeOp::Append,
                                       v.officeCode, payload);
        !ok)
        return ok;
    return journal.audit({Security::AuditAction::Create,
                          QStringLiteral("household"),
                          v.householdId,
                          v.officeCode,
                          Security::AuditDetail(Security::AuditDetailCode::VisitRecorded)
                              .with(u"kind", toCode(v.kind))
                              .with(u"outcome", toCode(v.outcome))
                              .encode(),
                          {}});
}

Status VisitStore::refreshHousehold(const QString &householdId, Journal &journal,
                                    const Risk::VisitCycle &cycle)
{
    // An urgent or priority intake item tied to the household and not yet answered brings the
    // next contact forward to its deadline.
    auto pending = UrgencyStore(m_db).pendingDue(householdId);
    if (!pending)
        return fail(pending.error());
    return refreshWith(householdId, journal, cycle, *pending);
}

Status VisitStore::refreshHouseholds(const QSet<QString> &householdIds,
                                     Journal &journal,
                                     const Risk::VisitCycle &cycle,
                                     RefreshMissing missing)
{
    if (householdIds.isEmpty())
        return {};
    if (householdIds.size() == 1) {
        auto ok = refreshHousehold(*householdIds.begin(), journal, cycle);
        if (!ok && missing == RefreshMissing::Skip && ok.error().code == ErrorCode::NotFound)
            return {};
        return ok;
    }
    // The pending intake deadlines of every household at once, then each household.
    auto pending = UrgencyStore(m_db).pendingDueAll();
    if (!pending)
        return fail(pending.error());
    for (const QString &id : householdIds) {
        if (id.isEmpty())
            continue;
        const auto it = pending->constFind(id);
        auto ok
            = refreshWith(id, journal, cycle, it == pending->cend() ? std::optional<QDate>() : *it);
        if (!ok && (missing == RefreshMissing::Fail || ok.error().code != ErrorCode::NotFound))
            return ok;
    }
    return {};
}

Status VisitStore::refreshWith(const QString &householdId,
                               Journal &journal,
                               const Risk::VisitCycle &cycle,
                               std::optional<QDate> pending)
{
    auto h = m_db.execute(
        QStringLiteral("SELECT COALESCE(risk_override, risk_tier), created_at, "
                       "visit_cycle_days, next_visit_due, last_visit_at, flagged_new_at "
                       "FROM households WHERE id = ?"),
        {householdId});
    if (!h)
        return fail(h.error());
    if (!h->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(householdId));
    const RiskTier tier = riskTierFromCode(h->value(0).toString()).value_or(RiskTier::Low);
    const QDate registered = Iso::parse(h->value(1).toString()).toTimeZone(Clock::seoul()).date();
    const int overrideDays = h->value(2).toInt();
    const QString oldDue = h->value(3).toString();
    const QString oldLast = h->value(4).toString();
    const QString flagged = h->value(5).toString();

    auto last = m_db.scalar(QStringLiteral(
                                "SELECT MAX(at) FROM visits v WHERE household_id = ? AND outcome = 'met' "
                                "AND NOT EXISTS (SELECT 1 FROM voids x WHERE x.entity = 'visit' "
                                "AND x.entity_id = v.id)"),
                            {householdId});
    if (!last)
        return fail(last.error());
    const QString lastAt = last->toString();
    const QDate lastDate = Iso::parse(lastAt).toTimeZone(Clock::seoul()).date();
    QDate due = cycle.nextDue(tier, lastDate, registered, overrideDays);
    if (pending && (!due.isValid() || *pending < due))
        due = *pending;
    const QString dueText = due.isValid() ? Iso::date(due) : QString();
    // A discovery stays "new" until someone has met the household after it was flagged.
    const bool clearNew = !flagged.isEmpty() && !lastAt.isEmpty()
                          && Iso::parse(lastAt) >= Iso::parse(flagged);
    if (dueText == oldDue && lastAt == oldLast && !clearNew)
        return {};
    auto q = m_db.execute(QStringLiteral("UPDATE households SET last_visit_at = ?, "
                                         "next_visit_due = ?, flagged_new_at = CASE WHEN ? THEN "
                                         "NULL ELSE flagged_new_at END, updated_at = ? WHERE id = ?"),
                          {lastAt.isEmpty() ? QVariant() : QVariant(lastAt),
                           dueText.isEmpty() ? QVariant() : QVariant(dueText), clearNew ? 1 : 0,
                           Iso::utc(journal.now()), householdId});
    if (!q)
        return fail(q.error());
    return {};
}

Status VisitStore::add(Visit &visit, Journal &journal, const Risk::VisitCycle &cycle)
{
    return m_db.transaction([&]() -> Status {
        if (auto ok = insertOne(visit, journal); !ok)
            return ok;
        return refreshHousehold(visit.householdId, journal, cycle);
    });
}

Status VisitStore::addMany(QList<Visit> &visits, Journal &journal, const Risk::VisitCycle &cycle)
{
    return m_db.transaction([&]() -> Status {
        QSet<QString> touched;
        for (Visit &v : visits) {
            if (auto ok = insertOne(v, journal); !ok)
                return ok;
            touched.insert(v.householdId);
        }
        return refreshHouseholds(touched, journal, cycle, RefreshMissing::Fail);
    });
}

Status VisitStore::voidVisit(const QString &visitId, const QString &reason, Journal &journal,
                             const Risk::VisitCycle &cycle)
{
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::Validation, QStringLiteral("voiding a visit needs a reason"));
    return m_db.transaction([&]() -> Status {
        auto v = m_db.execute(QStringLiteral("SELECT household_id, office_code FROM visits WHERE id = ?"),
                              {visitId});
        if (!v)
            return fail(v.error());
        if (!v->next())
            return fail(ErrorCode::NotFound, QStringLiteral("no visit with id %1").arg(visitId));
        const QString household = v->value(0).toString();
        const QString office = v->value(1).toString();
        auto already = m_db.scalar(
            QStringLiteral("SELECT COUNT(*) FROM voids WHERE entity = 'visit' AND entity_id = ?"),
            {visitId});
        if (!already)
            return fail(already.error());
        if (already->toInt() > 0)
            return fail(ErrorCode::Validation, QStringLiteral("the visit is already voided"));
        const QString id = journal.newId();
        const QString now = Iso::utc(journal.now());
        auto q = m_db.execute(QStringLiteral("INSERT INTO voids (id, entity, entity_id, office_code, "
                                             "reason, created_at, created_by) VALUES (?,?,?,?,?,?,?)"),
                              {id, QStringLiteral("visit"), visitId, office, reason, now,
                               journal.actor().account});
        if (!q)
            return fail(q.error());
        if (auto ok = journal.recordChange(QStringLiteral("void"), id, ChangeOp::Append, office,
                                           {{QStringLiteral("id"), id},
                                            {QStringLiteral("entity"), QStringLiteral("visit")},
                                            {QStringLiteral("entity_id"), visitId},
                                            {QStringLiteral("reason"), reason}});
            !ok)
            return ok;
        if (auto ok = journal.audit({Security::AuditAction::Update, QStringLiteral("household"),
                                     household, office,
                                     Security::AuditDetail(Security::AuditDetailCode::VisitVoided)
                                         .with(u"visit", visitId)
                                         .encode(),
                                     reason});
            !ok)
            return ok;
        return refreshHousehold(household, journal, cycle);
    });
}

} // namespace VisitMap::Storage
