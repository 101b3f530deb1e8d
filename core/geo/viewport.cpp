// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewport.h"

#include "webmercator.h"

#include <algorithm>
#include <cmath>

namespace VisitMap::Geo {

namespace {
double scaleFor(double zoom)
{
    return WebMercator::tileSize * std::exp2(zoom);
}
} // namespace

Viewport::Viewport(QPointF centreWorld, double zoom, QSizeF size, double devicePixelRatio)
    : m_centre(centreWorld)
    , m_zoom(std::clamp(zoom, minZoom, maxZoom))
    , m_size(size)
    , m_dpr(devicePixelRatio > 0 ? devicePixelRatio : 1.0)
    , m_scale(scaleFor(m_zoom))
{
    m_centre.setX(std::clamp(m_centre.x(), 0.0, 1.0));
    m_centre.setY(std::clamp(m_centre.y(), 0.0, 1.0));
}

Viewport Viewport::centredOn(const QGeoCoordinate &centre, double zoom, QSizeF size,
                             double devicePixelRatio)
{
    return Viewport(WebMercator::project(centre.longitude(), centre.latitude()), zoom, size,
                    devicePixelRatio);
}

Viewport Viewport::fitting(const QGeoRectangle &bounds, QSizeF size, double marginPx,
                           double devicePixelRatio)
{
    const QPointF a = WebMercator::project(bounds.topLeft().longitude(), bounds.topLeft().latitude());
    const QPointF b = WebMercator::project(bounds.bottomRight().longitude(),
                                           bounds.bottomRight().latitude());
    const double w = std::max(std::abs(b.x() - a.x()), 1e-9);
    const double h = std::max(std::abs(b.y() - a.y()), 1e-9);
    const double availW = std::max(1.0, size.width() - 2 * marginPx);
    const double availH = std::max(1.0, size.height() - 2 * marginPx);
    const double scale = std::min(availW / w, availH / h);
    const double zoom = std::log2(scale / WebMercator::tileSize);
    return Viewport((a + b) / 2, zoom, size, devicePixelRatio);
}

QGeoCoordinate Viewport::centre() const
{
    const QPointF ll = WebMercator::unproject(m_centre);
    return QGeoCoordinate(ll.y(), ll.x());
}

QPointF Viewport::geoToScreen(const QGeoCoordinate &c) const
{
    return worldToScreen(WebMercator::project(c.longitude(), c.latitude()));
}

QPointF Viewport::lonLatToScreen(double lon, double lat) const
{
    return worldToScreen(WebMercator::project(lon, lat));
}

QGeoCoordinate Viewport::screenToGeo(const QPointF &screen) const
{
    const QPointF ll = WebMercator::unproject(screenToWorld(screen));
    return QGeoCoordinate(ll.y(), ll.x());
}

QRectF Viewport::worldRect() const
{
    return QRectF(screenToWorld(QPointF(0, 0)), screenToWorld(QPointF(m_size.width(), m_size.height())));
}

QGeoRectangle Viewport::geoRect() const
{
    const QRectF r = worldRect();
    const QPointF tl = WebMercator::unproject(r.topLeft());
    const QPointF br = WebMercator::unproject(r.bottomRight());
    return QGeoRectangle(QGeoCoordinate(std::min(tl.y(), 90.0), tl.x()),
                         QGeoCoordinate(std::max(br.y(), -90.0), br.x()));
}

Viewport Viewport::panned(QPointF screenDelta) const
{
    return withCentreWorld(m_centre - screenDelta / m_scale);
}

Viewport Viewport::zoomedAround(double delta, QPointF anchorScreen) const
{
    const QPointF anchorWorld = screenToWorld(anchorScreen);
    Viewport v = withZoom(m_zoom + delta);
    // Keep anchorWorld under anchorScreen: solve for the centre.
    const QPointF offset = anchorScreen - QPointF(m_size.width() / 2, m_size.height() / 2);
    return v.withCentreWorld(anchorWorld - offset / v.m_scale);
}

Viewport Viewport::withSize(QSizeF size, double devicePixelRatio) const
{
    return Viewport(m_centre, m_zoom, size, devicePixelRatio);
}

Viewport Viewport::withZoom(double zoom) const
{
    return Viewport(m_centre, zoom, m_size, m_dpr);
}

Viewport Viewport::withCentreWorld(QPointF centre) const
{
    return Viewport(centre, m_zoom, m_size, m_dpr);
}

double Viewport::metresPerPixel() const
{
    return WebMercator::metresPerPixel(centre().latitude(), m_zoom);
}

} // namespace VisitMap::Geo
