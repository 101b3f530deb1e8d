// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QList>
#include <QPointF>
#include <QString>

namespace VisitMap {

// A ring of lon/lat points (x = lon, y = lat).
using Ring = QList<QPointF>;

// A polygon with holes: the first ring is the outline.
struct PolygonRings
{
    QList<Ring> rings;
};

// A 행정동 and its 행정복지센터.
struct Office
{
    QString code;     // 10-digit 행정기관코드
    QString name;     // 천연동
    QString fullName; // 서울특별시 서대문구 천연동
    QString sggCode;  // 11410
    QString sggName;  // 서대문구
    QString sidoName; // 서울특별시
    QList<PolygonRings> boundary; // multipolygon
    QGeoRectangle bounds;
    QGeoCoordinate centroid;
    QGeoCoordinate officeLocation; // where teams start; the centroid until set
    QString officeAddress;
};

} // namespace VisitMap
