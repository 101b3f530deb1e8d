// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importreport.h"
#include "model/office.h"

#include <QByteArray>
#include <QList>

namespace VisitMap::Import {

// Checks 행정동 boundaries before they may replace the map: every ring closed (first point ==
// last point) with at least 4 points, no more than maxVerticesPerDong vertices in one 행정동
// and maxVerticesPerFile in the file, and each geometry valid by GEOS (no self-intersection,
// no crossing rings, holes inside their shell), the reason in GEOS's words with the place.
class BoundaryValidator
{
public:
    // A real 행정동 boundary has a few thousand vertices; the largest in the national file some
    // tens of thousands.
    static constexpr qsizetype maxVerticesPerDong = 200000;
    static constexpr qsizetype maxVerticesPerFile = 3000000;

    // The coordinates as the file gives them (before any CRS conversion or ring closing).
    // Errors are added to the report with the line each feature starts on.
    static void checkRings(const QByteArray &json, const QString &fileName, ImportReport &report);

    // Why GEOS finds the geometry invalid ("Self-intersection at 126.95, 37.56"), or empty.
    static QString invalidReason(const QList<PolygonRings> &parts);

    // The 1-based line each element of the top-level "features" array starts on.
    static QList<int> featureLines(const QByteArray &json);
};

} // namespace VisitMap::Import
