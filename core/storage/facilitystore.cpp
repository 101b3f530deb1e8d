// SPDX-License-Identifier: GPL-3.0-or-later
#include "facilitystore.h"
#include "security/auditdetail.h"

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

const QString kColumns = QStringLiteral(
    "SELECT id, code, name, category, category_detail, sgg_code, address, phone, lon, lat, "
    "office_code, placed_by, source FROM facilities ");

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// The fields an edit may change, as they travel (the base of an update).
QJsonObject editable(const Facility &f)
{
    return {{QStringLiteral("name"), f.name},
            {QStringLiteral("category"), f.category},
            {QStringLiteral("category_detail"), f.categoryDetail},
            {QStringLiteral("address"), f.address},
            {QStringLiteral("phone"), f.phone},
            {QStringLiteral("lon"), f.lon ? QJsonValue(*f.lon) : QJsonValue()},
            {QStringLiteral("lat"), f.lat ? QJsonValue(*f.lat) : QJsonValue()},
            {QStringLiteral("office_code"), f.officeCode.isEmpty() ? QJsonValue() : QJsonValue(f.officeCode)},
            {QStringLiteral("placed_by"), f.placedBy.isEmpty() ? QJsonValue() : QJsonValue(f.placedBy)}};
}

Result<QList<Facility>> readFacilities(Result<QSqlQuery> q)
{
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

} // namespace

Result<QList<Facility>> FacilityStore::all() const
{
    return readFacilities(m_db.execute(kColumns + QStringLiteral("ORDER BY name, id")));
}

Result<Facility> FacilityStore::get(const QString &id) const
{
    auto found = readFacilities(m_db.execute(kColumns + QStringLiteral("WHERE id = ?"), {id}));
    if (!found)
        return fail(found.error());
    if (found->isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("no facility with id %1").arg(id));
    return found->first();
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
        return journal.audit({Security::AuditAction::Create,
                              QStringLiteral("facilities"),
                              QString::number(added),
                              {},
                              Security::AuditDetail(Security::AuditDetailCode::FacilityImport)
                                  .with(u"count", added)
                                  .encode(),
                              {}});
    });
    if (!ok)
        return fail(ok.error());
    return added;
}

Status FacilityStore::place(const QString &id, double lon, double lat, const QString &officeCode,
                            const QString &placedBy, Journal &journal)
{
    auto f = get(id);
    if (!f)
        return fail(f.error());
    f->lon = lon;
    f->lat = lat;
    f->officeCode = officeCode;
    f->placedBy = placedBy;
    return update(*f, journal);
}

Status FacilityStore::update(const Facility &changed, Journal &journal)
{
    return m_db.transaction([&]() -> Status {
        auto before = get(changed.id);
        if (!before)
            return fail(before.error());
        const QJsonObject was = editable(*before), now = editable(changed);
        QJsonObject base;
        QStringList fields;
        for (auto it = now.begin(); it != now.end(); ++it) {
            if (was.value(it.key()) != it.value()) {
                base.insert(it.key(), was.value(it.key()));
                fields << it.key();
            }
        }
        if (fields.isEmpty())
            return {};
        auto q = m_db.execute(QStringLiteral("UPDATE facilities SET name = ?, category = ?, category_detail = ?, "
                                             "address = ?, phone = ?, lon = ?, lat = ?, office_code = ?, "
                                             "placed_by = ?, updated_at = ? WHERE id = ?"),
                              {changed.name, changed.category, changed.categoryDetail, changed.address,
                               changed.phone, changed.lon ? QVariant(*changed.lon) : QVariant(),
                               changed.lat ? QVariant(*changed.lat) : QVariant(), orNull(changed.officeCode),
                               orNull(changed.placedBy), Iso::utc(journal.now()), changed.id});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() == 0)
            return fail(ErrorCode::NotFound, QStringLiteral("no facility with id %1").arg(changed.id));
        if (auto r
            = journal.audit({Security::AuditAction::Update,
                             QStringLiteral("facility"),
                             changed.id,
                             changed.officeCode,
                             Security::AuditDetail(Security::AuditDetailCode::FacilityChanged)
                                 .with(u"fields", fields.join(u','))
                                 .encode(),
                             {}});
            !r)
            return r;
        // Not placed in an office yet: it stays in this store until it is (then the whole row goes).
        if (changed.officeCode.isEmpty())
            return {};
        auto sent = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'facility' AND entity_id = ?"),
                                {changed.id});
        if (!sent)
            return fail(sent.error());
        auto payload = syncPayload(m_db, changed.id);
        if (!payload)
            return fail(payload.error());
        // The central store takes an update only of a record it holds; one this store never sent
        // goes as an insert (which merges into the record when a colleague sent it meanwhile).
        return journal.recordChange(QStringLiteral("facility"), changed.id,
                                    sent->toInt() > 0 ? ChangeOp::Update : ChangeOp::Insert, changed.officeCode,
                                    *payload, base);
    });
}

Result<QList<HouseholdAddress>> FacilityStore::householdAddressesOn(const QString &road) const
{
    QString pattern = road;
    pattern.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    auto q = m_db.execute(QStringLiteral("SELECT road_address, office_code, lon, lat FROM households "
                                         "WHERE road_address LIKE ? ESCAPE '\\' ORDER BY road_address, id"),
                          {QStringLiteral("%") + pattern + QStringLiteral("%")});
    if (!q)
        return fail(q.error());
    QList<HouseholdAddress> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toDouble(), q->value(3).toDouble()});
    return out;
}

} // namespace VisitMap::Storage
