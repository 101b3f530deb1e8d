// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/viewport.h"
#include "geo/webmercator.h"

#include <catch2/catch.hpp>

using namespace VisitMap;

TEST_CASE("Screen and geographic positions round-trip at every zoom and latitude", "[core][geo]")
{
    for (double lat : {-60.0, -33.9, 0.0, 33.2, 37.56, 38.6, 60.0}) {
        for (double zoom : {5.0, 8.5, 11.0, 13.25, 16.0, 18.7, 20.0}) {
            const auto vp = Geo::Viewport::centredOn(QGeoCoordinate(lat, 126.97), zoom, QSizeF(1200, 800), 2.0);
            CHECK(vp.centre().latitude() == Approx(lat).margin(1e-9));
            for (QPointF s : {QPointF(0, 0), QPointF(600, 400), QPointF(1199, 17), QPointF(3.5, 799.25)}) {
                const QGeoCoordinate g = vp.screenToGeo(s);
                const QPointF back = vp.geoToScreen(g);
                INFO("lat " << lat << " zoom " << zoom);
                CHECK(back.x() == Approx(s.x()).margin(1e-6));
                CHECK(back.y() == Approx(s.y()).margin(1e-6));
            }
        }
    }
}

TEST_CASE("Zooming around the cursor keeps the place under it still", "[core][geo]")
{
    const auto vp = Geo::Viewport::centredOn(QGeoCoordinate(37.5791, 126.9368), 14, QSizeF(900, 700));
    const QPointF cursor(700, 120);
    const QGeoCoordinate under = vp.screenToGeo(cursor);
    for (double d : {1.0, -1.0, 0.25, 3.0}) {
        const auto z = vp.zoomedAround(d, cursor);
        CHECK(z.zoom() == Approx(vp.zoom() + d));
        const QPointF s = z.geoToScreen(under);
        CHECK(s.x() == Approx(cursor.x()).margin(1e-6));
        CHECK(s.y() == Approx(cursor.y()).margin(1e-6));
    }
    // Dragging by (dx, dy) moves the map content by the same amount.
    const auto p = vp.panned(QPointF(40, -25));
    const QPointF s = p.geoToScreen(under);
    CHECK(s.x() == Approx(cursor.x() + 40).margin(1e-6));
    CHECK(s.y() == Approx(cursor.y() - 25).margin(1e-6));
    // Zoom is clamped to what the map can draw.
    CHECK(vp.zoomedAround(40, cursor).zoom() == Geo::Viewport::maxZoom);
    CHECK(vp.zoomedAround(-40, cursor).zoom() == Geo::Viewport::minZoom);
}

TEST_CASE("Fitting a rectangle shows all of it and the scale matches the ground", "[core][geo]")
{
    const QGeoRectangle seodaemun(QGeoCoordinate(37.60, 126.90), QGeoCoordinate(37.55, 126.97));
    const auto vp = Geo::Viewport::fitting(seodaemun, QSizeF(1000, 700));
    const QGeoRectangle shown = vp.geoRect();
    CHECK(shown.contains(seodaemun.topLeft()));
    CHECK(shown.contains(seodaemun.bottomRight()));
    // Not absurdly zoomed out either: the rectangle fills at least a quarter of the width.
    const double w = vp.geoToScreen(seodaemun.bottomRight()).x() - vp.geoToScreen(seodaemun.topLeft()).x();
    CHECK(w > 250);
    // One pixel is as many metres as Web Mercator says at this latitude (about 0.35% off across
    // the height of the view at most).
    const double mpp = vp.metresPerPixel();
    CHECK(mpp == Approx(Geo::WebMercator::metresPerPixel(vp.centre().latitude(), vp.zoom())).epsilon(0.005));
    const QGeoCoordinate a = vp.screenToGeo(QPointF(100, 350)), b = vp.screenToGeo(QPointF(900, 350));
    CHECK(a.distanceTo(b) == Approx(800 * mpp).epsilon(0.01));
}
