// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/office.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace VisitMap::Geo {

// A feature of a boundary file: its geometry and its properties.
struct BoundaryFeature
{
    QList<PolygonRings> geometry;
    QJsonObject properties;
    int index = 0; // position in the file (0-based)
};

// Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features in WGS84 lon/lat (or in
// the projected CRS its legacy "crs" member names, converted to WGS84). Errors
// name the line (for JSON syntax) or the feature number and the reason.
Result<QList<BoundaryFeature>> parseBoundaries(const QByteArray &json, const QString &fileName);

class CrsTransform;

// Parses and writes a bare GeoJSON geometry (as the offices table stores it); coordinates are
// converted to WGS84 when a transform is given.
Result<QList<PolygonRings>> parseGeometry(const QJsonObject &geometry, const CrsTransform *crs = nullptr);
QByteArray geometryToJson(const QList<PolygonRings> &parts);

// The 행정동 described by one feature of vuski/admdongkor-style boundary files (adm_cd2,
// adm_nm, sgg, sggnm, sidonm), or an error naming what is missing.
Result<Office> officeFromFeature(const BoundaryFeature &feature);

} // namespace VisitMap::Geo
