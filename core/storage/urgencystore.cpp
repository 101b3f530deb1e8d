// SPDX-License-Identifier: GPL-3.0-or-later
#include "urgencystore.h"

#include "database.h"
#include "util/clock.h"

#include <QHash>
#include <QSqlQuery>

namespace VisitMap::Storage {

namespace {

// A reaching contact on the item's household since it came in (%1: the household column, %2:
// the column with when the item came in).
QString contactSince(const char *household, const char *since)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM visits v WHERE v.household_id = %1 AND v.at >= %2 "
                          "AND v.outcome <> 'absent' AND NOT EXISTS (SELECT 1 FROM voids x "
                          "WHERE x.entity = 'visit' AND x.entity_id = v.id))")
        .arg(QLatin1String(household), QLatin1String(since));
}

QDate seoulDay(const QString &iso)
{
    const QDateTime t = Iso::parse(iso);
    return t.isValid() ? t.toTimeZone(Clock::seoul()).date() : QDate();
}

} // namespace

Result<QList<UrgencyStore::Waiting>> UrgencyStore::waiting(const QString &householdId,
                                                           const QString &levels) const
{
    // householdId empty: the items of every household (one query for a whole pulled batch).
    const bool all = householdId.isEmpty();
    const QString reportWhere
        = all ? QStringLiteral("r.household_id IS NOT NULL") : QStringLiteral("r.household_id = ?");
    const QString signalWhere
        = all ? QStringLiteral("s.household_id IS NOT NULL") : QStringLiteral("s.household_id = ?");
    auto q = m_db.execute(
        QStringLiteral(
            "SELECT r.household_id, r.response_due, COALESCE(r.resolved_at, r.created_at) "
            "FROM crisis_reports r "
            "WHERE %4 AND r.status IN ('linked', 'opened') "
            "AND r.urgency IN (%3) AND r.response_due IS NOT NULL AND NOT %1 "
            "UNION ALL "
            "SELECT s.household_id, s.response_due, s.created_at FROM crisis_signals s "
            "WHERE %5 AND s.match_status <> 'unmatched' "
            "AND s.urgency IN (%3) AND s.response_due IS NOT NULL AND NOT %2 "
            "AND NOT EXISTS (SELECT 1 FROM voids x WHERE x.entity = 'signal' AND x.entity_id = "
            "s.id)")
            .arg(contactSince("r.household_id", "r.received_at"),
                 contactSince("s.household_id", "s.received_date"), levels, reportWhere,
                 signalWhere),
        all ? QVariantList{} : QVariantList{householdId, householdId});
    if (!q)
        return fail(q.error());
    QList<Waiting> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString()});
    return out;
}

namespace {

// The day an item must be answered by: its deadline, none earlier than the day it was tied to
// the household.
QDate dueDay(const QString &deadline, const QString &tiedAt)
{
    QDate day = QDate::fromString(deadline, Qt::ISODate);
    const QDate tied = seoulDay(tiedAt);
    if (tied.isValid() && tied > day)
        day = tied;
    return day;
}

} // namespace

Result<std::optional<QDate>> UrgencyStore::pendingDue(const QString &householdId) const
{
    if (householdId.isEmpty())
        return std::optional<QDate>();
    auto items = waiting(householdId, QStringLiteral("'urgent', 'priority'"));
    if (!items)
        return fail(items.error());
    std::optional<QDate> due;
    for (const Waiting &w : *items) {
        const QDate day = dueDay(w.deadline, w.tiedAt);
        if (day.isValid() && (!due || day < *due))
            due = day;
    }
    return due;
}

Result<QHash<QString, QDate>> UrgencyStore::pendingDueAll() const
{
    auto items = waiting({}, QStringLiteral("'urgent', 'priority'"));
    if (!items)
        return fail(items.error());
    QHash<QString, QDate> due;
    for (const Waiting &w : *items) {
        const QDate day = dueDay(w.deadline, w.tiedAt);
        if (!day.isValid())
            continue;
        auto it = due.find(w.household);
        if (it == due.end())
            due.insert(w.household, day);
        else if (day < *it)
            *it = day;
    }
    return due;
}

Result<bool> UrgencyStore::awaitsUrgentContact(const QString &householdId) const
{
    if (householdId.isEmpty())
        return false;
    auto items = waiting(householdId, QStringLiteral("'urgent'"));
    if (!items)
        return fail(items.error());
    return !items->isEmpty();
}

Result<int> UrgencyStore::uncontactedUrgent(const QStringList &offices) const
{
    if (offices.isEmpty())
        return 0;
    QStringList marks;
    QVariantList binds;
    for (const QString &o : offices) {
        marks << QStringLiteral("?");
        binds << o;
    }
    const QString in = marks.join(u',');
    auto reports = m_db.scalar(
        QStringLiteral(
            "SELECT COUNT(*) FROM crisis_reports r WHERE r.urgency = 'urgent' AND ("
            "(r.status = 'new' AND (r.office_code IN (%1) OR r.office_code IS NULL OR "
            "r.out_of_area = 1)) "
            "OR (r.status IN ('linked', 'opened') AND r.office_code IN (%1) AND NOT %2))")
            .arg(in, contactSince("r.household_id", "r.received_at")),
        binds + binds);
    if (!reports)
        return fail(reports.error());
    auto listings = m_db.scalar(
        QStringLiteral("SELECT COUNT(DISTINCT s.round_id || '|' || COALESCE(s.household_id, "
                       "COALESCE(s.subject_name, '') || '|' || COALESCE(s.subject_birth, ''))) "
                       "FROM crisis_signals s WHERE s.urgency = 'urgent' AND s.office_code IN (%1) "
                       "AND NOT EXISTS (SELECT 1 FROM voids x WHERE x.entity = 'signal' AND "
                       "x.entity_id = s.id) "
                       "AND (s.match_status = 'unmatched' OR NOT %2)")
            .arg(in, contactSince("s.household_id", "s.received_date")),
        binds);
    if (!listings)
        return fail(listings.error());
    return reports->toInt() + listings->toInt();
}

} // namespace VisitMap::Storage
