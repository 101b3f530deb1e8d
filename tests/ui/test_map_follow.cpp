// SPDX-License-Identifier: GPL-3.0-or-later
// The map follows the household a person opens.
#include "geo/viewport.h"
#include "map/mapwidget.h"
#include "storage/database.h"
#include "support/testsupport.h"
#include "uitestsupport.h"

#include <QGeoCoordinate>

using namespace VisitMap;

TEST_CASE("Opening a household that lies off the map pans the map to it at the same zoom",
          "[ui][map][follow]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoController(dir));
    Workspace &ws = *w.controller->workspace();
    // The westernmost and the easternmost household of the district.
    auto west = ws.db().execute(QStringLiteral(
        "SELECT id, lon, lat FROM households WHERE lon <> 0 ORDER BY lon ASC LIMIT 1"));
    auto east = ws.db().execute(QStringLiteral(
        "SELECT id, lon, lat FROM households WHERE lon <> 0 ORDER BY lon DESC LIMIT 1"));
    REQUIRE(west);
    REQUIRE(east);
    REQUIRE(west->next());
    REQUIRE(east->next());
    const QString farId = east->value(0).toString();
    const double farLon = east->value(1).toDouble(), farLat = east->value(2).toDouble();

    Ui::MapWidget *map = w.window.map();
    // Close in on the west end: the east end is far off screen.
    map->setViewport(Geo::Viewport::centredOn(
        QGeoCoordinate(west->value(2).toDouble(), west->value(1).toDouble()), 17, map->size()));
    QApplication::processEvents();
    const QRectF seen(QPointF(0, 0), QSizeF(map->size()));
    REQUIRE_FALSE(seen.contains(map->viewport().lonLatToScreen(farLon, farLat)));
    const double zoom = map->viewport().zoom();

    REQUIRE(w.window.openHousehold(farId));
    QApplication::processEvents();
    CHECK(QRectF(QPointF(0, 0), QSizeF(map->size()))
              .contains(map->viewport().lonLatToScreen(farLon, farLat)));
    CHECK(map->viewport().zoom() == Approx(zoom));
}
