// SPDX-License-Identifier: GPL-3.0-or-later
#include "statsstore.h"

#include "database.h"
#include "duerule.h"
#include "util/clock.h"
#include "voidlog.h"

namespace VisitMap::Storage {

Result<DistrictStats> StatsStore::compute(const QDate &today, const QStringList &offices) const
{
    DistrictStats s;
    s.today = today;
    QString filter;
    QVariantList binds{Iso::date(today)};
    if (!offices.isEmpty()) {
        filter
            = QStringLiteral(" AND ") + Database::inList(QStringLiteral("o.code"), offices, binds);
    }
    auto q = m_db.execute(
        QStringLiteral(
            "SELECT o.code, o.name, "
            "SUM(COALESCE(h.risk_override, h.risk_tier) = 'high'), "
            "SUM(COALESCE(h.risk_override, h.risk_tier) = 'medium'), "
            "SUM(COALESCE(h.risk_override, h.risk_tier) = 'low'), "
            "SUM(%1), "
            "SUM(h.flagged_new_at IS NOT NULL) "
            "FROM offices o LEFT JOIN households h ON h.office_code = o.code WHERE 1=1")
                .arg(DueRule::overdue(QStringLiteral("h")))
            + filter + QStringLiteral(" GROUP BY o.code ORDER BY o.code"),
        binds);
    if (!q)
        return fail(q.error());
    while (q->next()) {
        DongStats d{q->value(0).toString(), q->value(1).toString(), q->value(2).toInt(),
                    q->value(3).toInt(), q->value(4).toInt(), q->value(5).toInt(), q->value(6).toInt()};
        s.high += d.high;
        s.medium += d.medium;
        s.low += d.low;
        s.overdue += d.overdue;
        s.fresh += d.fresh;
        s.dongs.append(d);
    }
    s.households = s.high + s.medium + s.low;

    QString officeFilter;
    QVariantList officeBinds;
    if (!offices.isEmpty()) {
        officeFilter = QStringLiteral(" WHERE ")
                       + Database::inList(QStringLiteral("office_code"), offices, officeBinds);
    }
    for (auto [table, target] : {std::pair{QStringLiteral("persons"), &s.persons},
                                 std::pair{QStringLiteral("visits"), &s.visits}}) {
        auto n = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table + officeFilter, officeBinds);
        if (!n)
            return fail(n.error());
        *target = n->toInt();
    }
    // A case opened by mistake and taken back counts nowhere.
    QString caseFilter
        = QStringLiteral(" WHERE ")
          + VoidLog::notVoided(QLatin1StringView("case"), QStringLiteral("cases.id"));
    if (!officeFilter.isEmpty())
        caseFilter += QStringLiteral(" AND ") + officeFilter.mid(7);
    auto stages = m_db.execute(QStringLiteral("SELECT stage, COUNT(*) FROM cases") + caseFilter
                                   + QStringLiteral(" GROUP BY stage"),
                               officeBinds);
    if (!stages)
        return fail(stages.error());
    while (stages->next()) {
        const QString stage = stages->value(0).toString();
        const int n = stages->value(1).toInt();
        s.stages.insert(stage, n);
        if (stage != QLatin1String("closure"))
            s.openCases += n;
    }
    return s;
}

Result<QList<WorkerLoad>> StatsStore::workload(const QDate &today, const QStringList &offices) const
{
    QString filter;
    QVariantList binds{Iso::date(today), Iso::date(today), Iso::date(today.addDays(6))};
    if (!offices.isEmpty()) {
        filter = QStringLiteral(" WHERE ")
                 + Database::inList(QStringLiteral("h.office_code"), offices, binds);
    }
    auto q = m_db.execute(
        QStringLiteral(
            "SELECT COALESCE(h.assigned_worker, ''), "
            "SUM(COALESCE(h.risk_override, h.risk_tier) = 'high'), "
            "SUM(COALESCE(h.risk_override, h.risk_tier) = 'medium'), "
            "SUM(COALESCE(h.risk_override, h.risk_tier) = 'low'), "
            "SUM(%1), "
            "SUM(%2), "
            "(SELECT COUNT(*) FROM cases c WHERE c.stage <> 'closure' AND COALESCE(c.worker, '') = "
            "COALESCE(h.assigned_worker, '') AND %3) "
            "FROM households h")
                .arg(DueRule::overdue(QStringLiteral("h")),
                     DueRule::dueBetween(QStringLiteral("h")),
                     VoidLog::notVoided(QLatin1StringView("case"), QStringLiteral("c.id")))
            + filter + QStringLiteral(" GROUP BY 1 ORDER BY 1"),
        binds);
    if (!q)
        return fail(q.error());
    QList<WorkerLoad> out;
    while (q->next()) {
        WorkerLoad w;
        w.worker = q->value(0).toString();
        w.high = q->value(1).toInt();
        w.medium = q->value(2).toInt();
        w.low = q->value(3).toInt();
        w.overdue = q->value(4).toInt();
        w.dueThisWeek = q->value(5).toInt() + w.overdue;
        w.openCases = q->value(6).toInt();
        out.append(w);
    }
    return out;
}

} // namespace VisitMap::Storage
