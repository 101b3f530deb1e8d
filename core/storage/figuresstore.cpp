// SPDX-License-Identifier: GPL-3.0-or-later
#include "figuresstore.h"

#include "database.h"
#include "duerule.h"
#include "util/clock.h"
#include "voidlog.h"

#include <QSqlQuery>

namespace VisitMap::Storage {

namespace {

// The households of the scope, alias h: active, of its offices, of its worker if one is given.
QString householdsOf(const FigureScope &scope, QVariantList &binds)
{
    QString sql = QStringLiteral("h.status = 'active' AND ")
                  + Database::inList(QStringLiteral("h.office_code"), scope.offices, binds);
    if (!scope.worker.isEmpty()) {
        sql += QStringLiteral(" AND h.assigned_worker = ?");
        binds << scope.worker;
    }
    return sql;
}

// The period's bounds as stored times (UTC ISO): from the first day's Seoul midnight to the
// midnight after the last day.
QString periodStart(const FigureScope &scope)
{
    return Iso::utc(QDateTime(scope.from, QTime(0, 0), Clock::seoul()));
}

QString periodEnd(const FigureScope &scope)
{
    return Iso::utc(QDateTime(scope.to.addDays(1), QTime(0, 0), Clock::seoul()));
}

// A reaching contact (any outcome but 부재, not taken back) on the household in column
// `household` at or after the time in column `since`: the earliest one's time.
QString firstContact(const char *household, const char *since)
{
    return QStringLiteral("(SELECT MIN(v.at) FROM visits v WHERE v.household_id = %1 AND "
                          "v.at >= %2 AND v.outcome <> 'absent' AND %3)")
        .arg(QLatin1String(household), QLatin1String(since),
             VoidLog::notVoided(QLatin1StringView("visit"), QStringLiteral("v.id")));
}

} // namespace

Result<QList<TierCount>> FiguresStore::tiersByOffice(const FigureScope &scope) const
{
    QVariantList binds;
    const QString where = householdsOf(scope, binds);
    auto q = m_db.execute(
        QStringLiteral(
            "SELECT h.office_code, SUM(COALESCE(h.risk_override, h.risk_tier) = 'high'), "
            "SUM(COALESCE(h.risk_override, h.risk_tier) = 'medium'), "
            "SUM(COALESCE(h.risk_override, h.risk_tier) = 'low') FROM households h "
            "WHERE %1 GROUP BY h.office_code ORDER BY h.office_code")
            .arg(where),
        binds);
    if (!q)
        return fail(q.error());
    QList<TierCount> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toInt(), q->value(2).toInt(),
                    q->value(3).toInt()});
    return out;
}

Result<QList<TypeCount>> FiguresStore::byHouseholdType(const FigureScope &scope) const
{
    QVariantList binds;
    const QString where = householdsOf(scope, binds);
    auto q = m_db.execute(QStringLiteral("SELECT h.household_type, COUNT(*) FROM households h "
                                         "WHERE %1 GROUP BY 1 ORDER BY 2 DESC, 1")
                              .arg(where),
                          binds);
    if (!q)
        return fail(q.error());
    QList<TypeCount> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toInt()});
    return out;
}

Result<QList<OverdueCount>> FiguresStore::overdueByWorker(const FigureScope &scope) const
{
    QVariantList binds{Iso::date(scope.today), Iso::date(scope.today), Iso::date(scope.today),
                       Iso::date(scope.today)};
    const QString where = householdsOf(scope, binds);
    auto q = m_db.execute(
        QStringLiteral("SELECT COALESCE(h.assigned_worker, ''), "
                       "SUM(julianday(?) - julianday(h.next_visit_due) <= 7), "
                       "SUM(julianday(?) - julianday(h.next_visit_due) BETWEEN 8 AND 30), "
                       "SUM(julianday(?) - julianday(h.next_visit_due) > 30) "
                       "FROM households h WHERE %1 AND %2 GROUP BY 1 ORDER BY 1")
            .arg(DueRule::overdue(QStringLiteral("h")), where),
        binds);
    if (!q)
        return fail(q.error());
    QList<OverdueCount> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toInt(), q->value(2).toInt(),
                    q->value(3).toInt()});
    return out;
}

Result<QList<WeekContacts>> FiguresStore::contactsByWeek(const FigureScope &scope) const
{
    QVariantList binds{periodStart(scope), periodEnd(scope)};
    const QString where = householdsOf(scope, binds);
    // The Monday of the contact's Seoul week.
    auto q = m_db.execute(
        QStringLiteral("SELECT date(v.at, '+9 hours', '-6 days', 'weekday 1') AS monday, v.kind, "
                       "COUNT(*) FROM visits v JOIN households h ON h.id = v.household_id "
                       "WHERE v.at >= ? AND v.at < ? AND %1 AND %2 GROUP BY 1, 2 ORDER BY 1")
            .arg(VoidLog::notVoided(QLatin1StringView("visit"), QStringLiteral("v.id")), where),
        binds);
    if (!q)
        return fail(q.error());
    QList<WeekContacts> out;
    while (q->next()) {
        const QDate monday = QDate::fromString(q->value(0).toString(), Qt::ISODate);
        if (out.isEmpty() || out.last().monday != monday)
            out.append({monday});
        WeekContacts &w = out.last();
        const int n = q->value(2).toInt();
        switch (visitKindFromCode(q->value(1).toString()).value_or(VisitKind::Visit)) {
        case VisitKind::Visit:
            w.visits += n;
            break;
        case VisitKind::Phone:
            w.calls += n;
            break;
        case VisitKind::Office:
            w.officeVisits += n;
            break;
        case VisitKind::Check:
            w.checks += n;
            break;
        }
    }
    return out;
}

Result<QList<NeedCount>> FiguresStore::needs(const FigureScope &scope) const
{
    QVariantList binds;
    const QString where = householdsOf(scope, binds);
    // Each household's latest assessment not taken back (the latest by when it was made, then
    // by when it was written).
    auto q = m_db.execute(
        QStringLiteral(
            "WITH live AS (SELECT a.id, a.household_id, a.assessed_at, a.created_at FROM "
            "need_assessments a WHERE %1), "
            "latest AS (SELECT l.id, l.household_id FROM live l WHERE NOT EXISTS (SELECT 1 FROM "
            "live m WHERE m.household_id = l.household_id AND (m.assessed_at > l.assessed_at OR "
            "(m.assessed_at = l.assessed_at AND m.created_at > l.created_at) OR (m.assessed_at = "
            "l.assessed_at AND m.created_at = l.created_at AND m.id > l.id)))) "
            "SELECT h.office_code, i.domain, i.level, COUNT(*) FROM latest t "
            "JOIN households h ON h.id = t.household_id "
            "JOIN need_assessment_items i ON i.assessment_id = t.id "
            "WHERE i.level >= 1 AND %2 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
            .arg(VoidLog::notVoided(QLatin1StringView("assessment"), QStringLiteral("a.id")),
                 where),
        binds);
    if (!q)
        return fail(q.error());
    QList<NeedCount> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toInt(),
                    q->value(3).toInt()});
    return out;
}

Result<QList<StageCount>> FiguresStore::casesByStage(const FigureScope &scope) const
{
    QVariantList binds;
    const QString where = householdsOf(scope, binds);
    auto q = m_db.execute(
        QStringLiteral("SELECT c.stage, COUNT(*) FROM cases c JOIN households h ON h.id = "
                       "c.household_id WHERE %1 AND %2 GROUP BY 1")
            .arg(VoidLog::notVoided(QLatin1StringView("case"), QStringLiteral("c.id")), where),
        binds);
    if (!q)
        return fail(q.error());
    QList<StageCount> out;
    while (q->next()) {
        if (auto stage = caseStageFromCode(q->value(0).toString()))
            out.append({*stage, q->value(1).toInt()});
    }
    std::sort(out.begin(), out.end(),
              [](const StageCount &a, const StageCount &b) { return a.stage < b.stage; });
    return out;
}

Result<QList<ServiceCount>> FiguresStore::services(const FigureScope &scope) const
{
    QVariantList binds;
    const QString where = householdsOf(scope, binds);
    auto q = m_db.execute(
        QStringLiteral("SELECT r.kind, l.status, COUNT(*) FROM service_links l "
                       "JOIN resources r ON r.id = l.resource_id "
                       "JOIN households h ON h.id = l.household_id "
                       "WHERE %1 AND %2 GROUP BY 1, 2 ORDER BY 1, 2")
            .arg(VoidLog::notVoided(QLatin1StringView("service_link"), QStringLiteral("l.id")),
                 where),
        binds);
    if (!q)
        return fail(q.error());
    QList<ServiceCount> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toInt()});
    return out;
}

Result<QList<DiscoveryItem>> FiguresStore::discoveries(const FigureScope &scope) const
{
    QList<DiscoveryItem> out;
    // Citizens' reports received in the period at these offices (a report not yet tied to a
    // household has had no contact). With a worker, only reports tied to their households.
    {
        QVariantList binds{periodStart(scope), periodEnd(scope)};
        QString sql = QStringLiteral("SELECT r.channel, r.received_at, %1 FROM crisis_reports r "
                                     "LEFT JOIN households h ON h.id = r.household_id "
                                     "WHERE r.received_at >= ? AND r.received_at < ? "
                                     "AND r.status NOT IN ('duplicate', 'dismissed') AND ")
                          .arg(firstContact("r.household_id", "r.received_at"))
                      + Database::inList(QStringLiteral("r.office_code"), scope.offices, binds);
        if (!scope.worker.isEmpty()) {
            sql += QStringLiteral(" AND h.assigned_worker = ?");
            binds << scope.worker;
        }
        auto q = m_db.execute(sql, binds);
        if (!q)
            return fail(q.error());
        while (q->next()) {
            DiscoveryItem d{q->value(0).toString(), Iso::parse(q->value(1).toString()), {}};
            if (!q->value(2).isNull())
                d.firstContact = Iso::parse(q->value(2).toString());
            out.append(d);
        }
    }
    // People listed in a 발굴 round received in the period: one per person and round (a person
    // listed for several items counts once), not taken back.
    {
        QVariantList binds{Iso::date(scope.from), Iso::date(scope.to)};
        QString sql
            = QStringLiteral("SELECT MIN(s.received_date), MIN(%1) FROM crisis_signals s "
                             "LEFT JOIN households h ON h.id = s.household_id "
                             "WHERE s.received_date >= ? AND s.received_date <= ? AND %2 AND ")
                  .arg(firstContact("s.household_id", "s.received_date"),
                       VoidLog::notVoided(QLatin1StringView("signal"), QStringLiteral("s.id")))
              + Database::inList(QStringLiteral("s.office_code"), scope.offices, binds);
        if (!scope.worker.isEmpty()) {
            sql += QStringLiteral(" AND h.assigned_worker = ?");
            binds << scope.worker;
        }
        sql += QStringLiteral(" GROUP BY s.round_id, COALESCE(s.household_id, '') || '|' || "
                              "COALESCE(s.person_id, COALESCE(s.subject_name, '') || '|' || "
                              "COALESCE(s.subject_birth, ''))");
        auto q = m_db.execute(sql, binds);
        if (!q)
            return fail(q.error());
        while (q->next()) {
            const QDate day = QDate::fromString(q->value(0).toString(), Qt::ISODate);
            DiscoveryItem d{
                QStringLiteral("round"), QDateTime(day, QTime(0, 0), Clock::seoul()), {}};
            if (!q->value(1).isNull())
                d.firstContact = Iso::parse(q->value(1).toString());
            out.append(d);
        }
    }
    return out;
}

} // namespace VisitMap::Storage
