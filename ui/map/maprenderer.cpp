// SPDX-License-Identifier: GPL-3.0-or-later
#include "maprenderer.h"

#include "geo/viewport.h"
#include "mapdecorations.h"
#include "theme.h"
#include "tilelayer.h"

#include <QCoreApplication>
#include <QPainter>

namespace VisitMap::Ui {

bool MapRenderer::paintMap(QPainter &p, const Geo::Viewport &vp)
{
    const QRectF area(QPointF(0, 0), vp.size());
    const bool tilesShown = layers.tiles && tiles && tiles->isAvailable();
    p.fillRect(area, tilesShown ? QColor(0xF2, 0xEF, 0xE9) : QColor(0xE4, 0xE9, 0xED));
    bool drewTiles = false;
    if (tilesShown)
        drewTiles = tiles->paint(p, vp);
    // The vector base under everything when there are no tiles; outlines over tiles.
    boundaries.paint(p, vp, !drewTiles, layers.choropleth);
    if (layers.facilities)
        facilities.paint(p, vp);
    households.setClustered(layers.clustered);
    households.paint(p, vp);
    boundaries.paintLabels(p, vp);
    households.paintSelection(p, vp, selection);
    routes.paint(p, vp);
    intake.paint(p, vp);
    return drewTiles;
}

QString MapRenderer::attribution(bool tilesShown) const
{
    QString text = QCoreApplication::translate("VisitMap::Ui::MapRenderer", "행정동 경계: vuski/admdongkor (통계청 SGIS)");
    if (tilesShown && tiles && !tiles->source().attribution.isEmpty())
        text = tiles->source().attribution + QStringLiteral(" · ") + text;
    return text;
}

void MapRenderer::paintDecorations(QPainter &p, const Geo::Viewport &vp, const QRectF &area, bool tilesShown,
                                   const QString &printTitle)
{
    if (legend) {
        const QRectF box
            = MapDecorations::paintLegend(p, area, totals, households.countsIn(vp),
                                          int(intake.marks().size()), filtered.value_or(-1));
        if (layers.choropleth)
            MapDecorations::paintChoroplethLegend(
                p, QRectF(box.left(), box.bottom() + 8, box.width(), 0), boundaries.breaks());
    }
    MapDecorations::paintScaleBar(p, vp, area);
    MapDecorations::paintAttribution(p, area, attribution(tilesShown));
    if (!printTitle.isEmpty())
        MapDecorations::paintTitle(p, area, printTitle);
}

} // namespace VisitMap::Ui
