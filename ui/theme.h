// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"

#include <QColor>
#include <QFont>
#include <QPointF>

class QPainter;

namespace VisitMap::Ui {

// Colours and marks shared by the map, the list, the legend and printed sheets. Each tier has
// its own colour AND its own shape (high: triangle, medium: square, low: circle), so colour is
// never the only cue (KWCAG 색에 무관한 인식).
namespace Theme {
QColor tierColor(RiskTier tier);
QColor tierFill(RiskTier tier); // a lighter fill for cluster badges and table cells
QString tierShapeName(RiskTier tier);
// Draws the tier's mark centred at p, size = its width in pixels.
void drawTierMark(QPainter &painter, QPointF p, RiskTier tier, double size);
// A ring around a mark: the visit is overdue.
void drawOverdueRing(QPainter &painter, QPointF p, double size);
// A small star at the mark's upper right: a new discovery.
void drawNewBadge(QPainter &painter, QPointF p, double size);

QColor text();        // KRDS gray-90
QColor mutedText();   // KRDS gray-50
QColor primary();     // KRDS primary-60
QColor surface();
QColor border();

QFont uiFont(int pointSize = 10);
void applyApplicationStyle();
} // namespace Theme

} // namespace VisitMap::Ui
