// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace VisitMap::Geo {

// What the map shows: a centre (in Web Mercator world units), a fractional zoom, the widget size
// in device-independent pixels and the device pixel ratio. A value: copy it, change it, compare
// it. All projection arithmetic of the map lives here, none in paint code.
class Viewport
{
public:
    static constexpr double minZoom = 5.0;
    static constexpr double maxZoom = 20.0;

    Viewport() = default;
    Viewport(QPointF centreWorld, double zoom, QSizeF size, double devicePixelRatio = 1.0);

    static Viewport centredOn(const QGeoCoordinate &centre, double zoom, QSizeF size,
                              double devicePixelRatio = 1.0);
    // The largest zoom at which the rectangle fits, with a margin in pixels.
    static Viewport fitting(const QGeoRectangle &bounds, QSizeF size, double marginPx = 24,
                            double devicePixelRatio = 1.0);

    QPointF centreWorld() const { return m_centre; }
    QGeoCoordinate centre() const;
    double zoom() const { return m_zoom; }
    QSizeF size() const { return m_size; }
    double devicePixelRatio() const { return m_dpr; }
    // Pixels per world unit.
    double scale() const { return m_scale; }

    QPointF worldToScreen(const QPointF &world) const
    {
        return QPointF((world.x() - m_centre.x()) * m_scale + m_size.width() / 2,
                       (world.y() - m_centre.y()) * m_scale + m_size.height() / 2);
    }
    QPointF screenToWorld(const QPointF &screen) const
    {
        return QPointF((screen.x() - m_size.width() / 2) / m_scale + m_centre.x(),
                       (screen.y() - m_size.height() / 2) / m_scale + m_centre.y());
    }
    QPointF geoToScreen(const QGeoCoordinate &c) const;
    QPointF lonLatToScreen(double lon, double lat) const;
    QGeoCoordinate screenToGeo(const QPointF &screen) const;

    // The visible area in world units and as a geographic rectangle.
    QRectF worldRect() const;
    QGeoRectangle geoRect() const;

    // Moved by a screen delta (dragging the map by dx, dy moves its content by dx, dy).
    Viewport panned(QPointF screenDelta) const;
    // Zoomed by delta levels keeping the geographic point under the anchor fixed on screen.
    Viewport zoomedAround(double delta, QPointF anchorScreen) const;
    Viewport withSize(QSizeF size, double devicePixelRatio) const;
    Viewport withZoom(double zoom) const;
    Viewport withCentreWorld(QPointF centre) const;

    double metresPerPixel() const;

    bool operator==(const Viewport &o) const
    {
        return m_centre == o.m_centre && m_zoom == o.m_zoom && m_size == o.m_size && m_dpr == o.m_dpr;
    }

private:
    QPointF m_centre{0.5, 0.5};
    double m_zoom = 10;
    QSizeF m_size{800, 600};
    double m_dpr = 1.0;
    double m_scale = 256.0 * 1024;
};

} // namespace VisitMap::Geo
