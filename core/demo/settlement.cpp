// SPDX-License-Identifier: GPL-3.0-or-later
#include "settlement.h"

#include "geo/geomath.h"
#include "util/random.h"

#include <cmath>

namespace VisitMap::Demo {

Settlement::Settlement(const Office &office, Random &random)
    : m_office(office)
    , m_box(Geo::boundsOf(office.boundary))
{
    const double km2 = Geo::areaM2(office.boundary) / 1e6;
    const int clusters = std::clamp(int(std::round(km2 * 7)), 4, 24);
    const double mPerDegLat = 111320.0;
    const double mPerDegLon = 111320.0 * std::cos(m_box.center().y() * 3.14159265358979 / 180);
    for (int i = 0; i < clusters; ++i) {
        Cluster c;
        c.centre = uniformInside(random);
        const double sigmaM = random.uniform(50, 200);
        c.sigmaLon = sigmaM / mPerDegLon;
        c.sigmaLat = sigmaM / mPerDegLat;
        // Log-normal sizes: a few large complexes, many small blocks.
        c.weight = std::exp(random.normal() * 0.8);
        m_clusters.append(c);
        m_weights.append(c.weight);
    }
}

QPointF Settlement::uniformInside(Random &random) const
{
    for (int attempt = 0; attempt < 10000; ++attempt) {
        const QPointF p(random.uniform(m_box.left(), m_box.right()),
                        random.uniform(m_box.top(), m_box.bottom()));
        if (Geo::multiPolygonContains(m_office.boundary, p.x(), p.y()))
            return p;
    }
    return QPointF(m_office.centroid.longitude(), m_office.centroid.latitude());
}

int Settlement::nearestCluster(const QPointF &p) const
{
    int best = 0;
    double bestD = 1e300;
    for (int i = 0; i < m_clusters.size(); ++i) {
        const double dx = (p.x() - m_clusters[i].centre.x()) / m_clusters[i].sigmaLon;
        const double dy = (p.y() - m_clusters[i].centre.y()) / m_clusters[i].sigmaLat;
        const double d = dx * dx + dy * dy;
        if (d < bestD) {
            bestD = d;
            best = i;
        }
    }
    return best;
}

QPointF Settlement::sample(Random &random, int *tong) const
{
    QPointF p;
    if (random.chance(0.8)) {
        const Cluster &c = m_clusters[int(random.weighted(m_weights))];
        bool found = false;
        for (int attempt = 0; attempt < 64 && !found; ++attempt) {
            p = QPointF(c.centre.x() + random.normal() * c.sigmaLon,
                        c.centre.y() + random.normal() * c.sigmaLat);
            found = Geo::multiPolygonContains(m_office.boundary, p.x(), p.y());
        }
        if (!found)
            p = uniformInside(random);
    } else {
        p = uniformInside(random);
    }
    if (tong)
        *tong = nearestCluster(p) + 1;
    return p;
}

} // namespace VisitMap::Demo
