// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/office.h"

#include <QList>
#include <QPointF>
#include <QRectF>

namespace VisitMap {
class Random;
}

namespace VisitMap::Demo {

// Where people live inside one 행정동, as a mixture: most households gather around settlement
// clusters (apartment complexes, villa blocks) of differing size and spread, the rest scatter
// across the dong. Every sample lies inside the dong's polygon. The cluster a household belongs
// to also gives its 통, so 통 numbers are spatially coherent.
class Settlement
{
public:
    Settlement(const Office &office, Random &random);

    // A lon/lat point inside the dong; tong receives the 1-based 통 number.
    QPointF sample(Random &random, int *tong) const;
    QPointF uniformInside(Random &random) const;
    int clusterCount() const { return int(m_clusters.size()); }

private:
    struct Cluster
    {
        QPointF centre;
        double sigmaLon;
        double sigmaLat;
        double weight;
    };
    int nearestCluster(const QPointF &p) const;

    const Office &m_office;
    QRectF m_box;
    QList<Cluster> m_clusters;
    QList<double> m_weights;
};

} // namespace VisitMap::Demo
