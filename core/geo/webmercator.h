// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <cmath>

namespace VisitMap::Geo {

// Web Mercator (EPSG:3857) in "world units": the whole world is the unit square [0, 1) x [0, 1),
// x growing east, y growing south, as XYZ tile schemes count. At zoom z one unit is 256 * 2^z
// pixels.
namespace WebMercator {
constexpr double maxLatitude = 85.0511287798066;
constexpr double tileSize = 256.0;

inline QPointF project(double lon, double lat)
{
    const double clamped = std::clamp(lat, -maxLatitude, maxLatitude);
    const double s = std::sin(clamped * M_PI / 180.0);
    return QPointF(lon / 360.0 + 0.5, 0.5 - std::log((1 + s) / (1 - s)) / (4 * M_PI));
}

inline QPointF unproject(const QPointF &world)
{
    const double lon = (world.x() - 0.5) * 360.0;
    const double n = M_PI - 2.0 * M_PI * world.y();
    const double lat = 180.0 / M_PI * std::atan(std::sinh(n));
    return QPointF(lon, lat);
}

// Metres on the ground per pixel at a latitude and zoom.
inline double metresPerPixel(double lat, double zoom)
{
    return 40075016.686 * std::cos(lat * M_PI / 180.0) / (tileSize * std::exp2(zoom));
}
} // namespace WebMercator

} // namespace VisitMap::Geo
