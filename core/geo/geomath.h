// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/office.h"

#include <QPointF>
#include <QRectF>

namespace VisitMap::Geo {

constexpr double earthRadiusM = 6371008.8;

// Great-circle distance in metres between two lon/lat points.
double haversineM(double lon1, double lat1, double lon2, double lat2);

// Even-odd test of a lon/lat point against one ring.
bool ringContains(const Ring &ring, double lon, double lat);
// Against a polygon with holes, and a multipolygon.
bool polygonContains(const PolygonRings &polygon, double lon, double lat);
bool multiPolygonContains(const QList<PolygonRings> &parts, double lon, double lat);

// Bounding box (x = lon, y = lat) of a multipolygon.
QRectF boundsOf(const QList<PolygonRings> &parts);
// Area-weighted centroid of the outer rings (planar in lon/lat, fine at dong scale).
QPointF centroidOf(const QList<PolygonRings> &parts);
// Area in square metres (equirectangular at the ring's latitude; fine at dong scale).
double areaM2(const QList<PolygonRings> &parts);
// Distance in metres from a point to the nearest edge of the multipolygon (0 when inside).
double distanceToM(const QList<PolygonRings> &parts, double lon, double lat);

// Whether a point lies in the rough box of South Korea (lon 124-132, lat 33-39).
inline bool insideKorea(double lon, double lat)
{
    return lon >= 124.0 && lon <= 132.0 && lat >= 33.0 && lat <= 39.0;
}

} // namespace VisitMap::Geo
