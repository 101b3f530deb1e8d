// SPDX-License-Identifier: GPL-3.0-or-later
#include "intakelayer.h"

#include "geo/viewport.h"
#include "geo/webmercator.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace VisitMap::Ui {

void IntakeLayer::setMarks(const QList<IntakeMark> &marks)
{
    m_marks = marks;
    m_world.clear();
    for (const IntakeMark &m : marks)
        m_world << Geo::WebMercator::project(m.lon, m.lat);
}

void IntakeLayer::drawMark(QPainter &p, QPointF tip, IntakeMark::Kind kind, bool grave, double size)
{
    // A pin: a round head above a point on the place itself.
    const double r = size / 2;
    const QPointF head(tip.x(), tip.y() - size * 0.95);
    QPainterPath pin;
    pin.moveTo(tip);
    pin.cubicTo(QPointF(tip.x() - r * 0.35, tip.y() - r * 0.6), QPointF(head.x() - r, head.y() + r * 0.75),
                QPointF(head.x() - r, head.y()));
    pin.arcTo(QRectF(head.x() - r, head.y() - r, size, size), 180, -180);
    pin.cubicTo(QPointF(head.x() + r, head.y() + r * 0.75), QPointF(tip.x() + r * 0.35, tip.y() - r * 0.6), tip);
    p.setPen(QPen(grave ? QColor(0xB1, 0x12, 0x1B) : Qt::white, grave ? 2.0 : 1.4));
    p.setBrush(kind == IntakeMark::Kind::Report ? QColor(0x6B, 0x2F, 0xB3) : QColor(0x4A, 0x4F, 0xB8));
    p.drawPath(pin);
    QFont f = Theme::uiFont(7);
    f.setPixelSize(int(std::round(size * 0.62)));
    f.setWeight(QFont::Bold);
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(QRectF(head.x() - r, head.y() - r, size, size), Qt::AlignCenter,
               kind == IntakeMark::Kind::Report ? QStringLiteral("!") : QStringLiteral("발"));
}

void IntakeLayer::paint(QPainter &painter, const Geo::Viewport &vp) const
{
    if (m_marks.isEmpty())
        return;
    const double size = vp.zoom() >= 15 ? 20 : 16;
    const QRectF visible = vp.worldRect();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    for (qsizetype i = 0; i < m_marks.size(); ++i) {
        if (visible.contains(m_world[i]))
            drawMark(painter, vp.worldToScreen(m_world[i]), m_marks[i].kind, m_marks[i].grave, size);
    }
    painter.restore();
}

std::optional<IntakeMark> IntakeLayer::hit(const Geo::Viewport &vp, QPointF screen, double radius) const
{
    const double size = vp.zoom() >= 15 ? 20 : 16;
    const IntakeMark *best = nullptr;
    double bestD = radius;
    for (qsizetype i = 0; i < m_marks.size(); ++i) {
        // The pin's head is where people point.
        const QPointF head = vp.worldToScreen(m_world[i]) - QPointF(0, size * 0.95);
        const QPointF d = head - screen;
        const double dist = std::hypot(d.x(), d.y());
        if (dist <= bestD) {
            bestD = dist;
            best = &m_marks[i];
        }
    }
    return best ? std::optional<IntakeMark>(*best) : std::nullopt;
}

} // namespace VisitMap::Ui
