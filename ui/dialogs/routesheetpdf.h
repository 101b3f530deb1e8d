// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "planning/routesheet.h"

#include <QFont>
#include <QList>
#include <QRectF>
#include <functional>

class QImage;
class QPagedPaintDevice;
class QPainter;
class QPrinter;

namespace VisitMap::Ui {

// Writes the route sheets: one A4 page (or more) per team with the map of its way, the ordered
// stops (time, address, who, phone, tier, last visit, purpose) and room for notes at each stop.
// One renderer for both the PDF file and the printer: the same pages either way.
namespace RouteSheetPdf {

using Excerpt = std::function<QImage(const Routing::SheetTeam &team, QSize size)>;

// A text of a stop's row as it is drawn: where, with which font, and the whole text.
struct Cell
{
    QRectF rect;
    QString text;
    QFont font;
    int flags = 0;
};
// A stop's row, from the top of the table's first row (y 0): as tall as its tallest text needs
// wrapped in its column (nothing cut or elided), and never less than the room to write notes.
struct Row
{
    QRectF rect;
    QList<Cell> cells;
};
QList<Row> layoutRows(QPainter &painter, const Routing::SheetTeam &team, double width);

// What a household's line says in the purpose column: "방문 주기 지남 (12일), 신규 발굴 확인".
QString purpose(const Routing::SheetHousehold &household);

// Draws every team's pages on the device (its resolution taken as 96 dots per inch).
void render(QPagedPaintDevice &device, const Routing::RouteSheetData &data, const Excerpt &excerpt);
// excerpt: draws a team's map (size in points); may be empty.
Status write(const QString &path, const Routing::RouteSheetData &data, const Excerpt &excerpt);
// The same pages to a printer the person chose (QPrintDialog).
Status print(QPrinter &printer, const Routing::RouteSheetData &data, const Excerpt &excerpt);

} // namespace RouteSheetPdf

} // namespace VisitMap::Ui
