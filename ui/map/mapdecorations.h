// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/householdstore.h"

#include <QRectF>
#include <QString>

class QPainter;

namespace VisitMap::Geo {
class Viewport;
}

namespace VisitMap::Ui {

// What sits on top of the map: the legend with live counts, the scale bar, the attribution.
namespace MapDecorations {
// Returns the rectangle the legend took.
QRectF paintLegend(QPainter &painter, const QRectF &area, const Storage::TierCounts &counts);
void paintScaleBar(QPainter &painter, const Geo::Viewport &viewport, const QRectF &area);
void paintAttribution(QPainter &painter, const QRectF &area, const QString &text);
// A "nice" scale-bar length in metres for a maximum width: 1, 2 or 5 times a power of ten.
double niceLength(double maxMetres);
} // namespace MapDecorations

} // namespace VisitMap::Ui
