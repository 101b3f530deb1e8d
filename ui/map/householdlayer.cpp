// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdlayer.h"

#include "geo/viewport.h"
#include "geo/webmercator.h"
#include "theme.h"

#include <QPainter>
#include <algorithm>

namespace VisitMap::Ui {

void HouseholdLayer::setPoints(const std::vector<Storage::HouseholdPoint> &points)
{
    m_points.clear();
    m_points.reserve(points.size());
    for (const auto &p : points)
        m_points.push_back({Geo::WebMercator::project(p.lon, p.lat), p.rowId, p.tier, p.overdue, p.fresh});
    // Low first, high last: the most urgent marks are drawn on top.
    std::stable_sort(m_points.begin(), m_points.end(),
                     [](const Item &a, const Item &b) { return int(a.tier) > int(b.tier); });
}

void HouseholdLayer::paint(QPainter &painter, const Geo::Viewport &vp) const
{
    const QRectF visible = vp.worldRect().adjusted(-1e-4, -1e-4, 1e-4, 1e-4);
    const double size = std::clamp(3.0 + (vp.zoom() - 12) * 1.6, 4.0, 13.0);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(QColor(255, 255, 255, 200), size > 7 ? 1.2 : 0.6));
    for (const Item &it : m_points) {
        if (!visible.contains(it.world))
            continue;
        const QPointF s = vp.worldToScreen(it.world);
        Theme::drawTierMark(painter, s, it.tier, size);
        if (size >= 7) {
            if (it.overdue)
                Theme::drawOverdueRing(painter, s, size);
            if (it.fresh)
                Theme::drawNewBadge(painter, s, size);
        }
    }
    painter.restore();
}

void HouseholdLayer::paintSelection(QPainter &painter, const Geo::Viewport &vp, const QList<qint64> &rowIds) const
{
    if (rowIds.isEmpty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double size = std::clamp(3.0 + (vp.zoom() - 12) * 1.6, 4.0, 13.0);
    for (const Item &it : m_points) {
        if (!rowIds.contains(it.rowId))
            continue;
        const QPointF s = vp.worldToScreen(it.world);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(255, 255, 255, 230), 5));
        painter.drawEllipse(s, size + 5, size + 5);
        painter.setPen(QPen(QColor(0x25, 0x6E, 0xF4), 2.5));
        painter.drawEllipse(s, size + 5, size + 5);
        Theme::drawTierMark(painter, s, it.tier, size * 1.4);
    }
    painter.restore();
}

qint64 HouseholdLayer::hit(const Geo::Viewport &vp, QPointF screen, double radius) const
{
    qint64 best = 0;
    double bestD = radius * radius;
    for (const Item &it : m_points) {
        const QPointF d = vp.worldToScreen(it.world) - screen;
        const double d2 = d.x() * d.x() + d.y() * d.y();
        if (d2 <= bestD) {
            bestD = d2;
            best = it.rowId;
        }
    }
    return best;
}

} // namespace VisitMap::Ui
