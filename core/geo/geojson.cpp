// SPDX-License-Identifier: GPL-3.0-or-later
#include "geojson.h"

#include "crs.h"
#include "geomath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cmath>

namespace VisitMap::Geo {

namespace {

Result<Ring> parseRing(const QJsonArray &coords, const CrsTransform *crs)
{
    Ring ring;
    ring.reserve(coords.size());
    for (const QJsonValue &v : coords) {
        const QJsonArray pt = v.toArray();
        if (pt.size() < 2 || !pt.at(0).isDouble() || !pt.at(1).isDouble())
            return fail(ErrorCode::Parse, QStringLiteral("a coordinate is not a [lon, lat] pair"));
        double lon = pt.at(0).toDouble(), lat = pt.at(1).toDouble();
        if (crs && !crs->isIdentity()) {
            const auto p = crs->apply(lon, lat);
            if (!p)
                return fail(ErrorCode::Parse, QStringLiteral("coordinate %1, %2 cannot be converted from %3")
                                                  .arg(lon).arg(lat).arg(crs->name()));
            lon = p->x();
            lat = p->y();
        }
        if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180 || lon > 180 || lat < -90
            || lat > 90)
            return fail(ErrorCode::Parse,
                        QStringLiteral("coordinate %1, %2 is not WGS84 lon/lat").arg(lon).arg(lat));
        ring.append(QPointF(lon, lat));
    }
    if (ring.size() < 4)
        return fail(ErrorCode::Parse, QStringLiteral("a ring has fewer than 4 points"));
    if (ring.first() != ring.last())
        ring.append(ring.first()); // close it, as many tools forget to
    return ring;
}

Result<PolygonRings> parsePolygon(const QJsonArray &rings, const CrsTransform *crs)
{
    PolygonRings polygon;
    if (rings.isEmpty())
        return fail(ErrorCode::Parse, QStringLiteral("a polygon has no rings"));
    for (const QJsonValue &r : rings) {
        auto ring = parseRing(r.toArray(), crs);
        if (!ring)
            return fail(ring.error());
        polygon.rings.append(*ring);
    }
    return polygon;
}

int lineAt(const QByteArray &json, int offset)
{
    return int(QByteArrayView(json.constData(), std::min<qsizetype>(offset, json.size())).count('\n')) + 1;
}

} // namespace

Result<QList<PolygonRings>> parseGeometry(const QJsonObject &geometry, const CrsTransform *crs)
{
    const QString type = geometry.value(QStringLiteral("type")).toString();
    const QJsonArray coords = geometry.value(QStringLiteral("coordinates")).toArray();
    QList<PolygonRings> parts;
    if (type == QLatin1String("Polygon")) {
        auto p = parsePolygon(coords, crs);
        if (!p)
            return fail(p.error());
        parts.append(*p);
    } else if (type == QLatin1String("MultiPolygon")) {
        for (const QJsonValue &v : coords) {
            auto p = parsePolygon(v.toArray(), crs);
            if (!p)
                return fail(p.error());
            parts.append(*p);
        }
        if (parts.isEmpty())
            return fail(ErrorCode::Parse, QStringLiteral("a MultiPolygon has no polygons"));
    } else {
        return fail(ErrorCode::Parse,
                    QStringLiteral("geometry type '%1' is not a Polygon or MultiPolygon").arg(type));
    }
    return parts;
}

QByteArray geometryToJson(const QList<PolygonRings> &parts)
{
    QJsonArray polys;
    for (const PolygonRings &p : parts) {
        QJsonArray rings;
        for (const Ring &r : p.rings) {
            QJsonArray pts;
            for (const QPointF &pt : r)
                pts.append(QJsonArray{pt.x(), pt.y()});
            rings.append(pts);
        }
        polys.append(rings);
    }
    QJsonObject g{{QStringLiteral("type"), QStringLiteral("MultiPolygon")},
                  {QStringLiteral("coordinates"), polys}};
    return QJsonDocument(g).toJson(QJsonDocument::Compact);
}

Result<QList<BoundaryFeature>> parseBoundaries(const QByteArray &json, const QString &fileName)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return failAt(ErrorCode::Parse, fileName, lineAt(json, err.offset),
                      QStringLiteral("not valid JSON: %1").arg(err.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("type")).toString() != QLatin1String("FeatureCollection"))
        return failAt(ErrorCode::Parse, fileName, 1,
                      QStringLiteral("not a GeoJSON FeatureCollection"));
    // GeoJSON is WGS84 lon/lat; older files name another CRS (EPSG:5179 is common for Korean
    // boundaries), which is converted through PROJ.
    const QString crsName = root.value(QStringLiteral("crs")).toObject().value(QStringLiteral("properties"))
                                .toObject().value(QStringLiteral("name")).toString();
    std::optional<CrsTransform> crs;
    if (!CrsTransform::isWgs84(crsName)) {
        auto t = CrsTransform::toWgs84(crsName);
        if (!t)
            return failAt(ErrorCode::Parse, fileName, 1,
                          QStringLiteral("the file's coordinate system: %1").arg(t.error().message));
        crs.emplace(std::move(*t));
    }
    const QJsonArray features = root.value(QStringLiteral("features")).toArray();
    QList<BoundaryFeature> out;
    out.reserve(features.size());
    for (int i = 0; i < features.size(); ++i) {
        const QJsonObject f = features.at(i).toObject();
        auto geometry = parseGeometry(f.value(QStringLiteral("geometry")).toObject(), crs ? &*crs : nullptr);
        if (!geometry)
            return failAt(ErrorCode::Parse, fileName, 0,
                          QStringLiteral("feature %1: %2").arg(i + 1).arg(geometry.error().message));
        out.append({*geometry, f.value(QStringLiteral("properties")).toObject(), i});
    }
    if (out.isEmpty())
        return failAt(ErrorCode::Parse, fileName, 1, QStringLiteral("the file has no features"));
    return out;
}

Result<Office> officeFromFeature(const BoundaryFeature &feature)
{
    const QJsonObject &p = feature.properties;
    auto text = [&](const char *key) {
        const QJsonValue v = p.value(QLatin1String(key));
        return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString().trimmed();
    };
    Office o;
    o.code = text("adm_cd2");
    if (o.code.isEmpty())
        o.code = text("adm_cd");
    static const QRegularExpression tenDigits(QStringLiteral("^\\d{10}$"));
    if (!tenDigits.match(o.code).hasMatch())
        return fail(ErrorCode::Validation,
                    QStringLiteral("feature %1: no 10-digit 행정기관코드 (adm_cd2)").arg(feature.index + 1));
    o.fullName = text("adm_nm");
    if (o.fullName.isEmpty())
        return fail(ErrorCode::Validation,
                    QStringLiteral("feature %1: no dong name (adm_nm)").arg(feature.index + 1));
    o.name = o.fullName.section(QLatin1Char(' '), -1);
    o.sggCode = o.code.left(5);
    o.sggName = text("sggnm");
    o.sidoName = text("sidonm");
    if (o.sggName.isEmpty())
        o.sggName = o.fullName.section(QLatin1Char(' '), 1, 1);
    if (o.sidoName.isEmpty())
        o.sidoName = o.fullName.section(QLatin1Char(' '), 0, 0);
    o.boundary = feature.geometry;
    const QRectF b = boundsOf(o.boundary);
    o.bounds = QGeoRectangle(QGeoCoordinate(b.bottom(), b.left()), QGeoCoordinate(b.top(), b.right()));
    // The representative point must lie inside the dong (a concave dong's centroid may not).
    QPointF c = centroidOf(o.boundary);
    if (!multiPolygonContains(o.boundary, c.x(), c.y())) {
        // Fall back to the middle of the widest inside span on the centroid's latitude.
        const Ring &outer = o.boundary.first().rings.first();
        QList<double> xs;
        for (qsizetype i = 0, j = outer.size() - 1; i < outer.size(); j = i++) {
            const QPointF a = outer[j], bb = outer[i];
            if ((a.y() > c.y()) != (bb.y() > c.y()))
                xs << a.x() + (c.y() - a.y()) * (bb.x() - a.x()) / (bb.y() - a.y());
        }
        std::sort(xs.begin(), xs.end());
        double bestW = -1;
        for (qsizetype i = 0; i + 1 < xs.size(); i += 2) {
            if (xs[i + 1] - xs[i] > bestW) {
                bestW = xs[i + 1] - xs[i];
                c.setX((xs[i] + xs[i + 1]) / 2);
            }
        }
    }
    o.centroid = QGeoCoordinate(c.y(), c.x());
    o.officeLocation = o.centroid;
    return o;
}

} // namespace VisitMap::Geo
