// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkinstore.h"
#include "security/auditdetail.h"

#include "database.h"
#include "journal.h"
#include "util/clock.h"

namespace VisitMap::Storage {

Result<Checkin> CheckinStore::checkIn(const QString &householdId, int expectedMinutes, Journal &journal)
{
    if (expectedMinutes < 5 || expectedMinutes > 480)
        return fail(ErrorCode::Validation, QStringLiteral("a home visit is expected to last 5 to 480 minutes"));
    auto office = m_db.scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {householdId});
    if (!office)
        return fail(office.error());
    if (office->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(householdId));
    Checkin c;
    c.id = journal.newId();
    c.householdId = householdId;
    c.officeCode = office->toString();
    c.staff = journal.actor().account;
    c.checkedInAt = journal.now();
    c.expectedMinutes = expectedMinutes;
    auto ok = m_db.transaction([&]() -> Status {
        auto q = m_db.execute(QStringLiteral("INSERT INTO visit_checkins (id, household_id, office_code, staff, "
                                             "checked_in_at, expected_minutes, created_at, created_by) "
                                             "VALUES (?,?,?,?,?,?,?,?)"),
                              {c.id, c.householdId, c.officeCode, c.staff, Iso::utc(c.checkedInAt), expectedMinutes,
                               Iso::utc(c.checkedInAt), c.staff});
        if (!q)
            return fail(q.error());
        if (auto r = journal.recordChange(QStringLiteral("checkin"), c.id, ChangeOp::Insert, c.officeCode,
                                          {{QStringLiteral("id"), c.id},
                                           {QStringLiteral("household_id"), householdId},
                                           {QStringLiteral("staff"), c.staff},
                                           {QStringLiteral("checked_in_at"), Iso::utc(c.checkedInAt)},
                                           {QStringLiteral("expected_minutes"), expectedMinutes}});
            !r)
            return r;
        return journal.audit({Security::AuditAction::Create,
                              QStringLiteral("household"),
                              householdId,
                              c.officeCode,
                              Security::AuditDetail(Security::AuditDetailCode::CheckinStarted)
                                  .with(u"minutes", expectedMinutes)
                                  .encode(),
                              {}});
    });
    if (!ok)
        return fail(ok.error());
    return c;
}

Status CheckinStore::checkOut(const QString &checkinId, const QString &visitId, Journal &journal)
{
    return m_db.transaction([&]() -> Status {
        auto row = m_db.execute(QStringLiteral("SELECT office_code, household_id, checked_out_at FROM visit_checkins "
                                               "WHERE id = ?"),
                                {checkinId});
        if (!row)
            return fail(row.error());
        if (!row->next())
            return fail(ErrorCode::NotFound, QStringLiteral("no check-in %1").arg(checkinId));
        if (!row->value(2).isNull())
            return fail(ErrorCode::Validation, QStringLiteral("already checked out"));
        const QString office = row->value(0).toString(), household = row->value(1).toString();
        auto q = m_db.execute(QStringLiteral("UPDATE visit_checkins SET checked_out_at = ?, visit_id = ? WHERE id = ?"),
                              {Iso::utc(journal.now()), visitId.isEmpty() ? QVariant() : QVariant(visitId), checkinId});
        if (!q)
            return fail(q.error());
        if (auto r = journal.recordChange(QStringLiteral("checkin"), checkinId, ChangeOp::Update, office,
                                          {{QStringLiteral("checked_out_at"), Iso::utc(journal.now())}});
            !r)
            return r;
        return journal.audit(
            {Security::AuditAction::Update,
             QStringLiteral("household"),
             household,
             office,
             Security::AuditDetail(Security::AuditDetailCode::CheckinEnded).encode(),
             {}});
    });
}

Result<QList<Checkin>> CheckinStore::open(const QStringList &offices) const
{
    QString sql = QStringLiteral("SELECT id, household_id, office_code, staff, checked_in_at, expected_minutes "
                                 "FROM visit_checkins WHERE checked_out_at IS NULL");
    QVariantList binds;
    if (!offices.isEmpty()) {
        sql += QStringLiteral(" AND ")
               + Database::inList(QStringLiteral("office_code"), offices, binds);
    }
    auto q = m_db.execute(sql + QStringLiteral(" ORDER BY checked_in_at"), binds);
    if (!q)
        return fail(q.error());
    QList<Checkin> out;
    while (q->next()) {
        Checkin c;
        c.id = q->value(0).toString();
        c.householdId = q->value(1).toString();
        c.officeCode = q->value(2).toString();
        c.staff = q->value(3).toString();
        c.checkedInAt = Iso::parse(q->value(4).toString());
        c.expectedMinutes = q->value(5).toInt();
        out.append(c);
    }
    return out;
}

Result<QList<Checkin>> CheckinStore::overdue(const QStringList &offices, const QDateTime &now) const
{
    auto all = open(offices);
    if (!all)
        return fail(all.error());
    QList<Checkin> out;
    for (const Checkin &c : *all)
        if (c.isOverdue(now))
            out.append(c);
    return out;
}

} // namespace VisitMap::Storage
