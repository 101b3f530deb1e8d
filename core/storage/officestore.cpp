// SPDX-License-Identifier: GPL-3.0-or-later
#include "officestore.h"
#include "security/auditdetail.h"

#include "database.h"
#include "geo/geojson.h"
#include "journal.h"
#include "util/clock.h"

#include <QJsonDocument>

namespace VisitMap::Storage {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT code, name, full_name, sgg_code, sgg_name, sido_name, boundary, min_lon, min_lat, "
    "max_lon, max_lat, centroid_lon, centroid_lat, office_lon, office_lat, office_address "
    "FROM offices");

Office readOffice(const QSqlQuery &q)
{
    Office o;
    o.code = q.value(0).toString();
    o.name = q.value(1).toString();
    o.fullName = q.value(2).toString();
    o.sggCode = q.value(3).toString();
    o.sggName = q.value(4).toString();
    o.sidoName = q.value(5).toString();
    const QByteArray geometry = q.value(6).toByteArray();
    if (!geometry.isEmpty()) {
        if (auto parts = Geo::parseGeometry(QJsonDocument::fromJson(geometry).object()))
            o.boundary = *parts;
    }
    o.bounds = QGeoRectangle(QGeoCoordinate(q.value(10).toDouble(), q.value(7).toDouble()),
                             QGeoCoordinate(q.value(8).toDouble(), q.value(9).toDouble()));
    o.centroid = QGeoCoordinate(q.value(12).toDouble(), q.value(11).toDouble());
    o.officeLocation = q.value(13).isNull()
                           ? o.centroid
                           : QGeoCoordinate(q.value(14).toDouble(), q.value(13).toDouble());
    o.officeAddress = q.value(15).toString();
    return o;
}

} // namespace

Result<QList<Office>> OfficeStore::all() const
{
    auto q = m_db.execute(kSelect + QStringLiteral(" ORDER BY code"));
    if (!q)
        return fail(q.error());
    QList<Office> out;
    while (q->next())
        out.append(readOffice(*q));
    return out;
}

Result<Office> OfficeStore::get(const QString &code) const
{
    auto q = m_db.execute(kSelect + QStringLiteral(" WHERE code = ?"), {code});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no 행정동 with code %1").arg(code));
    return readOffice(*q);
}

Result<int> OfficeStore::count() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM offices"));
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Status OfficeStore::upsert(const QList<Office> &offices, Journal &journal)
{
    return m_db.transaction([&]() -> Status {
        const QString now = Iso::utc(journal.now());
        for (const Office &o : offices) {
            auto q = m_db.execute(
                QStringLiteral(
                    "INSERT INTO offices (code, name, full_name, sgg_code, sgg_name, sido_name, "
                    "boundary, min_lon, min_lat, max_lon, max_lat, centroid_lon, centroid_lat, "
                    "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                    "ON CONFLICT(code) DO UPDATE SET name = excluded.name, full_name = "
                    "excluded.full_name, sgg_name = excluded.sgg_name, sido_name = "
                    "excluded.sido_name, boundary = excluded.boundary, min_lon = excluded.min_lon, "
                    "min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = "
                    "excluded.max_lat, centroid_lon = excluded.centroid_lon, centroid_lat = "
                    "excluded.centroid_lat, updated_at = excluded.updated_at"),
                {o.code, o.name, o.fullName, o.sggCode, o.sggName, o.sidoName,
                 QString::fromUtf8(Geo::geometryToJson(o.boundary)),
                 o.bounds.topLeft().longitude(), o.bounds.bottomLeft().latitude(),
                 o.bounds.bottomRight().longitude(), o.bounds.topLeft().latitude(),
                 o.centroid.longitude(), o.centroid.latitude(), now, now});
            if (!q)
                return fail(q.error());
        }
        return journal.audit({Security::AuditAction::Create,
                              QStringLiteral("offices"),
                              QString::number(offices.size()),
                              {},
                              Security::AuditDetail(Security::AuditDetailCode::OfficeImport)
                                  .with(u"count", offices.size())
                                  .encode(),
                              {}});
    });
}

Status OfficeStore::setOfficeLocation(const QString &code, double lon, double lat,
                                      const QString &address, Journal &journal)
{
    return m_db.transaction([&]() -> Status {
        auto q = m_db.execute(QStringLiteral("UPDATE offices SET office_lon = ?, office_lat = ?, "
                                             "office_address = ?, updated_at = ? WHERE code = ?"),
                              {lon, lat, address, Iso::utc(journal.now()), code});
        if (!q)
            return fail(q.error());
        return journal.recordChange(QStringLiteral("office"), code, ChangeOp::Update, code,
                                    {{QStringLiteral("office_lon"), lon},
                                     {QStringLiteral("office_lat"), lat},
                                     {QStringLiteral("office_address"), address}});
    });
}

} // namespace VisitMap::Storage
