// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importreport.h"
#include "model/office.h"

#include <QByteArray>
#include <QList>

namespace VisitMap::Import {

// 행정동 boundaries from a GeoJSON FeatureCollection (WGS84 lon/lat; properties adm_cd2 or a
// 10-digit adm_cd, adm_nm, and optionally sgg, sggnm, sidonm as in vuski/admdongkor).
class BoundaryImporter
{
public:
    struct Parsed
    {
        QList<Office> offices;
        ImportReport report;
    };
    static Parsed parse(const QByteArray &json, const QString &fileName);
};

} // namespace VisitMap::Import
