// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QPointF>
#include <QString>
#include <memory>
#include <optional>

namespace VisitMap::Geo {

// A coordinate transformation between a projected or geographic CRS and WGS84 lon/lat, through
// PROJ. Korean public data comes in EPSG:5179 (UTM-K, 도로명주소 and 행정동 data), EPSG:5181 and
// EPSG:5186 (중부원점, GRS80), EPSG:5174 (old Bessel), EPSG:3857; any CRS PROJ knows is accepted.
// Each object owns its PROJ context, so one may be used per thread.
class CrsTransform
{
public:
    // Accepts "EPSG:5179", "5179", "urn:ogc:def:crs:EPSG::5179" and "EPSG:4326"/"CRS84" (identity).
    static Result<CrsTransform> toWgs84(const QString &crs) { return create(crs, true); }
    static Result<CrsTransform> fromWgs84(const QString &crs) { return create(crs, false); }

    CrsTransform(CrsTransform &&) noexcept;
    CrsTransform &operator=(CrsTransform &&) noexcept;
    ~CrsTransform();

    // The canonical name ("EPSG:5179").
    const QString &name() const { return m_name; }
    bool isIdentity() const;
    // (x, y) in the source CRS (east, north order; lon, lat for geographic) to the target.
    std::optional<QPointF> apply(double x, double y) const;

    // The canonical "EPSG:NNNN" for the spellings above, or empty if it is not one of them.
    static QString canonicalName(const QString &crs);
    static bool isWgs84(const QString &crs);

private:
    struct Impl;
    static Result<CrsTransform> create(const QString &crs, bool toWgs84);
    explicit CrsTransform(std::unique_ptr<Impl> impl, QString name);
    std::unique_ptr<Impl> m_impl;
    QString m_name;
};

} // namespace VisitMap::Geo
