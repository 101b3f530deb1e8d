// SPDX-License-Identifier: GPL-3.0-or-later
#include "crisisstore.h"

#include "database.h"

namespace VisitMap::Storage {

Result<QString> CrisisStore::currentVersion() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT MAX(version) FROM crisis_item_codes"));
    if (!v)
        return fail(v.error());
    return v->toString();
}

Result<QList<CrisisItem>> CrisisStore::items(const QString &version) const
{
    auto q = m_db.execute(QStringLiteral("SELECT version, code, name, category, unit, weight FROM "
                                         "crisis_item_codes WHERE version = ? ORDER BY code"),
                          {version});
    if (!q)
        return fail(q.error());
    QList<CrisisItem> out;
    while (q->next()) {
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    q->value(3).toString(), q->value(4).toString(), q->value(5).toDouble()});
    }
    return out;
}

Result<QList<CrisisSignal>> CrisisStore::signalsFor(const QString &householdId) const
{
    auto q = m_db.execute(
        QStringLiteral("SELECT id, office_code, household_id, person_id, round_id, item_version, "
                       "item_code, amount, months, received_date FROM crisis_signals "
                       "WHERE household_id = ? ORDER BY received_date"),
        {householdId});
    if (!q)
        return fail(q.error());
    QList<CrisisSignal> out;
    while (q->next()) {
        CrisisSignal s;
        s.id = q->value(0).toString();
        s.officeCode = q->value(1).toString();
        s.householdId = q->value(2).toString();
        s.personId = q->value(3).toString();
        s.roundId = q->value(4).toString();
        s.itemVersion = q->value(5).toString();
        s.itemCode = q->value(6).toString();
        if (!q->value(7).isNull())
            s.amount = q->value(7).toLongLong();
        if (!q->value(8).isNull())
            s.months = q->value(8).toInt();
        s.receivedDate = QDate::fromString(q->value(9).toString(), Qt::ISODate);
        out.append(s);
    }
    return out;
}

} // namespace VisitMap::Storage
