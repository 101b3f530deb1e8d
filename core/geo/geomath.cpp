// SPDX-License-Identifier: GPL-3.0-or-later
#include "geomath.h"

#include <cmath>
#include <limits>

namespace VisitMap::Geo {

namespace {
constexpr double kDeg = 3.14159265358979323846 / 180.0;

double ringSignedArea(const Ring &r)
{
    double a = 0;
    for (qsizetype i = 0, j = r.size() - 1; i < r.size(); j = i++)
        a += r[j].x() * r[i].y() - r[i].x() * r[j].y();
    return a / 2;
}
} // namespace

double haversineM(double lon1, double lat1, double lon2, double lat2)
{
    const double dLat = (lat2 - lat1) * kDeg;
    const double dLon = (lon2 - lon1) * kDeg;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
                     + std::cos(lat1 * kDeg) * std::cos(lat2 * kDeg) * std::sin(dLon / 2)
                           * std::sin(dLon / 2);
    return 2 * earthRadiusM * std::asin(std::min(1.0, std::sqrt(a)));
}

bool ringContains(const Ring &ring, double x, double y)
{
    bool inside = false;
    const qsizetype n = ring.size();
    for (qsizetype i = 0, j = n - 1; i < n; j = i++) {
        const double xi = ring[i].x(), yi = ring[i].y();
        const double xj = ring[j].x(), yj = ring[j].y();
        if ((yi > y) != (yj > y)) {
            const double xCross = xi + (y - yi) * (xj - xi) / (yj - yi);
            if (x < xCross)
                inside = !inside;
        }
    }
    return inside;
}

bool polygonContains(const PolygonRings &polygon, double lon, double lat)
{
    if (polygon.rings.isEmpty() || !ringContains(polygon.rings.first(), lon, lat))
        return false;
    for (qsizetype i = 1; i < polygon.rings.size(); ++i) {
        if (ringContains(polygon.rings[i], lon, lat))
            return false;
    }
    return true;
}

bool multiPolygonContains(const QList<PolygonRings> &parts, double lon, double lat)
{
    for (const PolygonRings &p : parts) {
        if (polygonContains(p, lon, lat))
            return true;
    }
    return false;
}

QRectF boundsOf(const QList<PolygonRings> &parts)
{
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
    for (const PolygonRings &p : parts) {
        for (const Ring &r : p.rings) {
            for (const QPointF &pt : r) {
                minX = std::min(minX, pt.x());
                maxX = std::max(maxX, pt.x());
                minY = std::min(minY, pt.y());
                maxY = std::max(maxY, pt.y());
            }
        }
    }
    if (minX > maxX)
        return {};
    return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

QPointF centroidOf(const QList<PolygonRings> &parts)
{
    double cx = 0, cy = 0, total = 0;
    for (const PolygonRings &p : parts) {
        if (p.rings.isEmpty())
            continue;
        const Ring &r = p.rings.first();
        for (qsizetype i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            const double f = r[j].x() * r[i].y() - r[i].x() * r[j].y();
            cx += (r[j].x() + r[i].x()) * f;
            cy += (r[j].y() + r[i].y()) * f;
        }
        total += ringSignedArea(r);
    }
    if (std::abs(total) < 1e-15)
        return boundsOf(parts).center();
    return QPointF(cx / (6 * total), cy / (6 * total));
}

double areaM2(const QList<PolygonRings> &parts)
{
    double sum = 0;
    for (const PolygonRings &p : parts) {
        for (qsizetype k = 0; k < p.rings.size(); ++k) {
            const Ring &r = p.rings[k];
            if (r.isEmpty())
                continue;
            const double lat0 = r.first().y() * kDeg;
            const double sx = earthRadiusM * kDeg * std::cos(lat0);
            const double sy = earthRadiusM * kDeg;
            const double a = std::abs(ringSignedArea(r)) * sx * sy;
            sum += k == 0 ? a : -a;
        }
    }
    return sum;
}

double distanceToM(const QList<PolygonRings> &parts, double lon, double lat)
{
    if (multiPolygonContains(parts, lon, lat))
        return 0;
    const double sx = earthRadiusM * kDeg * std::cos(lat * kDeg);
    const double sy = earthRadiusM * kDeg;
    double best = std::numeric_limits<double>::max();
    for (const PolygonRings &p : parts) {
        for (const Ring &r : p.rings) {
            for (qsizetype i = 0, j = r.size() - 1; i < r.size(); j = i++) {
                const double ax = (r[j].x() - lon) * sx, ay = (r[j].y() - lat) * sy;
                const double bx = (r[i].x() - lon) * sx, by = (r[i].y() - lat) * sy;
                const double dx = bx - ax, dy = by - ay;
                const double len2 = dx * dx + dy * dy;
                double t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
                t = std::clamp(t, 0.0, 1.0);
                const double px = ax + t * dx, py = ay + t * dy;
                best = std::min(best, std::sqrt(px * px + py * py));
            }
        }
    }
    return best;
}

} // namespace VisitMap::Geo
