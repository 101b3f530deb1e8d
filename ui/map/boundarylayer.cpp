// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundarylayer.h"

#include "geo/viewport.h"
#include "geo/webmercator.h"
#include "theme.h"

#include <QPainter>
#include <QTransform>

namespace VisitMap::Ui {

void BoundaryLayer::setOffices(const QList<Office> &offices)
{
    m_offices = offices;
    m_items.clear();
    m_bounds = {};
    for (const Office &o : offices) {
        Item item;
        item.code = o.code;
        item.name = o.name;
        for (const PolygonRings &poly : o.boundary) {
            for (const Ring &ring : poly.rings) {
                QPolygonF world;
                world.reserve(ring.size());
                for (const QPointF &p : ring)
                    world << Geo::WebMercator::project(p.x(), p.y());
                item.world.addPolygon(world);
                item.world.closeSubpath();
            }
        }
        item.world.setFillRule(Qt::OddEvenFill);
        item.labelWorld = Geo::WebMercator::project(o.centroid.longitude(), o.centroid.latitude());
        item.box = item.world.boundingRect();
        m_bounds = m_bounds.isNull() ? item.box : m_bounds.united(item.box);
        m_items.append(item);
    }
}

QString BoundaryLayer::officeAt(const QPointF &world) const
{
    for (const Item &item : m_items) {
        if (item.box.contains(world) && item.world.contains(world))
            return item.code;
    }
    return {};
}

void BoundaryLayer::paint(QPainter &painter, const Geo::Viewport &vp, bool filled) const
{
    const QRectF visible = vp.worldRect();
    // world -> screen as a transform, so Qt scales the cached outlines.
    QTransform t;
    t.translate(vp.size().width() / 2, vp.size().height() / 2);
    t.scale(vp.scale(), vp.scale());
    t.translate(-vp.centreWorld().x(), -vp.centreWorld().y());

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const Item &item : m_items) {
        if (!item.box.intersects(visible))
            continue;
        const QPainterPath screen = t.map(item.world);
        if (filled)
            painter.fillPath(screen, QColor(0xFA, 0xFA, 0xF7));
        painter.strokePath(screen, QPen(QColor(0x8A, 0x93, 0x9C), 1.2));
    }
    painter.restore();
}

void BoundaryLayer::paintLabels(QPainter &painter, const Geo::Viewport &vp) const
{
    const QRectF visible = vp.worldRect();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Labels once a dong is big enough on screen to hold its name.
    QFont font = Theme::uiFont(9);
    font.setWeight(QFont::DemiBold);
    painter.setFont(font);
    const QFontMetricsF fm(font);
    for (const Item &item : m_items) {
        if (!item.box.intersects(visible))
            continue;
        const double widthPx = item.box.width() * vp.scale();
        if (widthPx < fm.horizontalAdvance(item.name) * 1.4)
            continue;
        const QPointF c = vp.worldToScreen(item.labelWorld);
        // A white halo keeps the name legible over marks and tiles.
        QPainterPath text;
        text.addText(c.x() - fm.horizontalAdvance(item.name) / 2, c.y() + (fm.ascent() - fm.descent()) / 2,
                     font, item.name);
        painter.strokePath(text, QPen(QColor(255, 255, 255, 235), 3.5, Qt::SolidLine, Qt::RoundCap,
                                      Qt::RoundJoin));
        painter.fillPath(text, QColor(0x2A, 0x31, 0x38));
    }
    painter.restore();
}

} // namespace VisitMap::Ui
