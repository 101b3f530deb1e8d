// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boundarylayer.h"
#include "facilitylayer.h"
#include "householdlayer.h"
#include "intakelayer.h"
#include "routelayer.h"

#include <QDate>
#include <QSet>
#include <optional>

class QPainter;

namespace VisitMap::Ui {

class TileLayer;

// Paints a whole map frame from its layers, the same way for the screen, the offscreen
// screenshot, the PNG/PDF export and the render benchmark: base (tiles, or the vector base when
// there are none), choropleth, facilities, households, selection, names, then the legend, the
// scale bar and the attribution.
class MapRenderer
{
public:
    struct Layers
    {
        bool tiles = true;
        bool facilities = true;
        bool choropleth = false;
        bool clustered = true;
    };

    BoundaryLayer boundaries;
    HouseholdLayer households;
    FacilityLayer facilities;
    RouteLayer routes;  // a day plan's teams, above the households
    IntakeLayer intake; // reports and round entries waiting, above everything else
    TileLayer *tiles = nullptr; // optional
    Layers layers;
    QSet<qint64> selection;
    Storage::TierCounts totals; // the whole district, for the legend's title
    std::optional<int> filtered; // while the list is filtered: how many households it shows
    bool legend = true;          // false: the legend (and choropleth classes) collapsed on screen

    // The map itself (no legend): returns whether tiles were drawn.
    bool paintMap(QPainter &painter, const Geo::Viewport &viewport);
    // Legend (live counts in view), choropleth classes, scale bar, attribution; for print also
    // the date and the title.
    void paintDecorations(QPainter &painter, const Geo::Viewport &viewport, const QRectF &area, bool tilesShown,
                          const QString &printTitle = {});
    QString attribution(bool tilesShown) const;
};

} // namespace VisitMap::Ui
