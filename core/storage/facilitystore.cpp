// SPDX-License-Identifier: GPL-3.0-or-later
#include "facilitystore.h"

#include "database.h"
#include "journal.h"
#include "util/clock.h"

#include <QJsonObject>
#include <QSqlRecord>

namespace VisitMap::Storage {

namespace {

// A facility as it travels to the central store: the whole row, so that a colleague who has
// never seen it gets all of it (a placed facility may be new to the office).
Result<QJsonObject> syncPayload(Database &db, const QString &id)
{
    auto q = db.execute(QStringLiteral("SELECT id, code, name, category, category_detail, sgg_code, address, "
                                       "phone, lon, lat, office_code, placed_by, source, created_at, "
                                       "updated_at, created_by FROM facilities WHERE id = ?"),
                        {id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no facility with id %1").arg(id));
    QJsonObject row;
    const QSqlRecord r = q->record();
    for (int i = 0; i < r.count(); ++i)
        row.insert(r.fieldName(i), QJsonValue::fromVariant(q->value(i)));
    return row;
}

} // namespace

Result<QList<Facility>> FacilityStore::all() const
{
    auto q = m_db.execute(QStringLiteral(
        "SELECT id, code, name, category, category_detail, sgg_code, address, phone, lon, lat, "
        "office_code, placed_by, source FROM facilities ORDER BY name"));
    if (!q)
        return fail(q.error());
    QList<Facility> out;
    while (q->next()) {
        Facility f;
        f.id = q->value(0).toString();
        f.code = q->value(1).toString();
        f.name = q->value(2).toString();
        f.category = q->value(3).toString();
        f.categoryDetail = q->value(4).toString();
        f.sggCode = q->value(5).toString();
        f.address = q->value(6).toString();
        f.phone = q->value(7).toString();
        if (!q->value(8).isNull() && !q->value(9).isNull()) {
            f.lon = q->value(8).toDouble();
            f.lat = q->value(9).toDouble();
        }
        f.officeCode = q->value(10).toString();
        f.placedBy = q->value(11).toString();
        f.source = q->value(12).toString();
        out.append(f);
    }
    return out;
}

Result<int> FacilityStore::count() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM facilities"));
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Result<QStringList> FacilityStore::existingCodes(const QString &source) const
{
    return m_db.strings(QStringLiteral("SELECT code FROM facilities WHERE source = ? AND code IS NOT NULL"), {source});
}

Result<int> FacilityStore::add(QList<Facility> &facilities, Journal &journal)
{
    int added = 0;
    auto ok = m_db.transaction([&]() -> Status {
        const QString now = Iso::utc(journal.now());
        for (Facility &f : facilities) {
            if (f.id.isEmpty())
                f.id = journal.newId();
            auto q = m_db.execute(
                QStringLiteral("INSERT INTO facilities (id, code, name, category, category_detail, "
                               "sgg_code, address, phone, lon, lat, office_code, placed_by, source, "
                               "created_at, updated_at, created_by) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                {f.id, f.code.isEmpty() ? QVariant() : QVariant(f.code), f.name, f.category,
                 f.categoryDetail, f.sggCode.isEmpty() ? QVariant() : QVariant(f.sggCode), f.address,
                 f.phone, f.lon ? QVariant(*f.lon) : QVariant(), f.lat ? QVariant(*f.lat) : QVariant(),
                 f.officeCode.isEmpty() ? QVariant() : QVariant(f.officeCode),
                 f.placedBy.isEmpty() ? QVariant() : QVariant(f.placedBy), f.source, now, now,
                 journal.actor().account});
            if (!q)
                return fail(q.error());
            ++added;
            // Placed in an office: it goes to the office's colleagues (unplaced ones when placed).
            if (!f.officeCode.isEmpty()) {
                auto payload = syncPayload(m_db, f.id);
                if (!payload)
                    return fail(payload.error());
                if (auto r = journal.recordChange(QStringLiteral("facility"), f.id, ChangeOp::Insert,
                                                  f.officeCode, *payload);
                    !r)
                    return r;
            }
        }
        return journal.audit({Security::AuditAction::Create, QStringLiteral("facilities"),
                              QString::number(added), {},
                              QStringLiteral("%1 welfare facilities imported").arg(added), {}});
    });
    if (!ok)
        return fail(ok.error());
    return added;
}

Status FacilityStore::place(const QString &id, double lon, double lat, const QString &officeCode,
                            const QString &placedBy, Journal &journal)
{
    return m_db.transaction([&]() -> Status {
        auto q = m_db.execute(QStringLiteral("UPDATE facilities SET lon = ?, lat = ?, office_code = ?, "
                                             "placed_by = ?, updated_at = ? WHERE id = ?"),
                              {lon, lat, officeCode.isEmpty() ? QVariant() : QVariant(officeCode),
                               placedBy, Iso::utc(journal.now()), id});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() == 0)
            return fail(ErrorCode::NotFound, QStringLiteral("no facility with id %1").arg(id));
        if (officeCode.isEmpty())
            return {};
        auto payload = syncPayload(m_db, id);
        if (!payload)
            return fail(payload.error());
        return journal.recordChange(QStringLiteral("facility"), id, ChangeOp::Update, officeCode,
                                    *payload);
    });
}

} // namespace VisitMap::Storage
