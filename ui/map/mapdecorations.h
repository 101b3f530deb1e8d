// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/householdstore.h"

#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace VisitMap::Geo {
class Viewport;
}

namespace VisitMap::Ui {

// What sits on top of the map: the legend with live counts, the scale bar, the attribution.
namespace MapDecorations {
// The legend's width; it stands this wide (plus a 12 px margin) in the map's top-right corner.
constexpr double legendWidth = 210;
// Returns the rectangle the legend took.
// Rows count the households in view; the title the whole district.
// intakeWaiting: reports and round entries on the map waiting for a decision (a row when > 0).
// filtered: while the list is filtered, how many households it shows (the title says so).
QRectF paintLegend(QPainter &painter,
                   const QRectF &area,
                   const Storage::TierCounts &total,
                   const Storage::TierCounts &inView,
                   int intakeWaiting = 0,
                   int filtered = -1);
// Where the legend's 접기 button sits (a control of this size): at the right of the legend's second
// row ("화면 안 N가구"), which leaves that short text its room.
QRectF legendToggleRect(const QRectF &area, QSizeF button);
// Where the collapsed legend's one button sits: the legend's top-right corner.
QRectF collapsedLegendRect(const QRectF &area, QSizeF button);
// The choropleth's classes below the legend (top-left of `at`).
QRectF paintChoroplethLegend(QPainter &painter, const QRectF &at, const QList<double> &breaks);
// A title band with the date, for prints and exports.
void paintTitle(QPainter &painter, const QRectF &area, const QString &title);
void paintScaleBar(QPainter &painter, const Geo::Viewport &viewport, const QRectF &area);
void paintAttribution(QPainter &painter, const QRectF &area, const QString &text);
// A "nice" scale-bar length in metres for a maximum width: 1, 2 or 5 times a power of ten.
double niceLength(double maxMetres);
} // namespace MapDecorations

} // namespace VisitMap::Ui
