// SPDX-License-Identifier: GPL-3.0-or-later
#include "facilitylayer.h"

#include "geo/viewport.h"
#include "geo/webmercator.h"

#include <QPainter>

namespace VisitMap::Ui {

void FacilityLayer::setFacilities(const QList<Facility> &facilities)
{
    m_items.clear();
    for (const Facility &f : facilities) {
        if (f.lon && f.lat)
            m_items.append({Geo::WebMercator::project(*f.lon, *f.lat), f});
    }
}

void FacilityLayer::drawMark(QPainter &p, QPointF c, double size)
{
    const double h = size / 2;
    p.setPen(QPen(Qt::white, 1.2));
    p.setBrush(QColor(0x00, 0x7A, 0x73));
    p.drawRoundedRect(QRectF(c.x() - h, c.y() - h, size, size), 2.5, 2.5);
    p.setPen(QPen(Qt::white, std::max(1.4, size / 6), Qt::SolidLine, Qt::FlatCap));
    p.drawLine(QPointF(c.x() - h * 0.55, c.y()), QPointF(c.x() + h * 0.55, c.y()));
    p.drawLine(QPointF(c.x(), c.y() - h * 0.55), QPointF(c.x(), c.y() + h * 0.55));
}

void FacilityLayer::paint(QPainter &painter, const Geo::Viewport &vp) const
{
    if (m_items.isEmpty() || vp.zoom() < 12)
        return;
    const double size = vp.zoom() >= 15 ? 13 : 10;
    const QRectF visible = vp.worldRect();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const Item &it : m_items) {
        if (visible.contains(it.world))
            drawMark(painter, vp.worldToScreen(it.world), size);
    }
    painter.restore();
}

std::optional<Facility> FacilityLayer::hit(const Geo::Viewport &vp, QPointF screen, double radius) const
{
    if (vp.zoom() < 12)
        return std::nullopt;
    const Item *best = nullptr;
    double bestD = radius;
    for (const Item &it : m_items) {
        const QPointF d = vp.worldToScreen(it.world) - screen;
        const double dist = std::hypot(d.x(), d.y());
        if (dist <= bestD) {
            bestD = dist;
            best = &it;
        }
    }
    return best ? std::optional<Facility>(best->facility) : std::nullopt;
}

} // namespace VisitMap::Ui
