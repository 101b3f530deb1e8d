// SPDX-License-Identifier: GPL-3.0-or-later
#include "routelayer.h"

#include "geo/viewport.h"
#include "geo/webmercator.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace VisitMap::Ui {

bool RouteOverlay::isEmpty() const
{
    for (const Team &t : teams) {
        if (!t.stops.isEmpty())
            return false;
    }
    return true;
}

void RouteLayer::setOverlay(const RouteOverlay &overlay)
{
    m_overlay = overlay;
}

QColor RouteLayer::teamColour(int team)
{
    static const QColor colours[] = {QColor(0x00, 0x79, 0x6B), QColor(0x8E, 0x24, 0xAA), QColor(0x6D, 0x4C, 0x41),
                                     QColor(0x2E, 0x7D, 0x32), QColor(0xC2, 0x18, 0x5B), QColor(0x37, 0x47, 0x4F),
                                     QColor(0x00, 0x83, 0x8F), QColor(0x9E, 0x9D, 0x24)};
    return colours[(std::max(team, 1) - 1) % 8];
}

QRectF RouteLayer::worldBounds() const
{
    QRectF r;
    auto add = [&r](double lon, double lat) {
        const QPointF p = Geo::WebMercator::project(lon, lat);
        r = r.isNull() ? QRectF(p, QSizeF(1e-9, 1e-9)) : r.united(QRectF(p, QSizeF(1e-9, 1e-9)));
    };
    if (m_overlay.isEmpty())
        return r;
    add(m_overlay.officeLon, m_overlay.officeLat);
    for (const RouteOverlay::Team &t : m_overlay.teams) {
        for (const RouteOverlay::Stop &s : t.stops)
            add(s.lon, s.lat);
    }
    return r;
}

void RouteLayer::drawStop(QPainter &p, QPointF c, int number, const QColor &colour, bool late, double size)
{
    p.setPen(QPen(late ? QColor(0xB1, 0x12, 0x1B) : Qt::white, late ? 2.5 : 1.5));
    p.setBrush(colour);
    p.drawEllipse(c, size / 2, size / 2);
    QFont f = Theme::uiFont(8);
    f.setPixelSize(int(size * 0.58));
    f.setWeight(QFont::Bold);
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(QRectF(c.x() - size / 2, c.y() - size / 2, size, size), Qt::AlignCenter, QString::number(number));
}

QList<QRectF> RouteLayer::placeLabels(const QList<LabelSpot> &spots, double markerSize)
{
    QList<QRectF> out(spots.size());
    QList<QRectF> taken;
    // Every stop's marker is in the way of every label.
    for (const LabelSpot &s : spots)
        taken << QRectF(s.stop.x() - markerSize / 2, s.stop.y() - markerSize / 2, markerSize,
                        markerSize);
    QList<int> order(spots.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&spots](int a, int b) { return spots[a].late && !spots[b].late; });
    const double gap = markerSize / 2 + 3;
    for (const int i : order) {
        const LabelSpot &s = spots[i];
        const double w = s.size.width(), h = s.size.height();
        const QRectF candidates[] = {
            QRectF(s.stop.x() + gap, s.stop.y() - h / 2, w, h),     // right
            QRectF(s.stop.x() - gap - w, s.stop.y() - h / 2, w, h), // left
            QRectF(s.stop.x() - w / 2, s.stop.y() - gap - h, w, h), // above
            QRectF(s.stop.x() - w / 2, s.stop.y() + gap, w, h),     // below
            QRectF(s.stop.x() + gap, s.stop.y() - gap - h, w, h),   // above right
            QRectF(s.stop.x() + gap, s.stop.y() + gap, w, h),       // below right
        };
        for (const QRectF &c : candidates) {
            const bool free = std::none_of(taken.cbegin(), taken.cend(),
                                           [&c](const QRectF &t) { return t.intersects(c); });
            if (free) {
                out[i] = c;
                taken << c;
                break;
            }
        }
    }
    return out;
}

RouteLayer::StopHit RouteLayer::hit(const Geo::Viewport &vp, QPointF screen) const
{
    const double size = vp.zoom() >= 15 ? 20 : 16;
    StopHit best;
    double nearest = size / 2 + 2;
    for (const RouteOverlay::Team &t : m_overlay.teams) {
        for (int i = 0; i < t.stops.size(); ++i) {
            const QPointF c
                = vp.worldToScreen(Geo::WebMercator::project(t.stops[i].lon, t.stops[i].lat));
            const double d = std::hypot(c.x() - screen.x(), c.y() - screen.y());
            if (d <= nearest) {
                nearest = d;
                best = {t.team, i + 1, t.stops[i].eta};
            }
        }
    }
    return best;
}

void RouteLayer::paint(QPainter &p, const Geo::Viewport &vp) const
{
    if (m_overlay.isEmpty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    const QPointF office = vp.worldToScreen(Geo::WebMercator::project(m_overlay.officeLon, m_overlay.officeLat));
    const double size = vp.zoom() >= 15 ? 20 : 16;
    for (const RouteOverlay::Team &t : m_overlay.teams) {
        if (t.stops.isEmpty())
            continue;
        const QColor colour = teamColour(t.team);
        QPolygonF line;
        line << office;
        for (const RouteOverlay::Stop &s : t.stops)
            line << vp.worldToScreen(Geo::WebMercator::project(s.lon, s.lat));
        line << office;
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(255, 255, 255, 220), 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(line);
        p.setPen(QPen(colour, 3.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(line.mid(0, line.size() - 1));
        // The way back to the office, dashed.
        p.setPen(QPen(colour, 2.4, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(line[line.size() - 2], line.last());
    }
    const bool labels = vp.zoom() >= 15;
    QFont lf = Theme::uiFont(8);
    lf.setWeight(QFont::DemiBold);
    struct Label
    {
        QString text;
        QColor colour;
        bool late;
    };
    QList<LabelSpot> spots;
    QList<Label> texts;
    for (const RouteOverlay::Team &t : m_overlay.teams) {
        const QColor colour = teamColour(t.team);
        for (int i = 0; i < t.stops.size(); ++i) {
            const RouteOverlay::Stop &s = t.stops[i];
            const QPointF c = vp.worldToScreen(Geo::WebMercator::project(s.lon, s.lat));
            drawStop(p, c, i + 1, colour, s.late, size);
            if (labels && !s.eta.isEmpty()) {
                const QString text = QStringLiteral("%1팀 %2").arg(t.team).arg(s.eta);
                const QRectF box = QFontMetricsF(lf).boundingRect(text).adjusted(-4, -2, 4, 2);
                spots.append({c, box.size(), s.late});
                texts.append({text, colour, s.late});
            }
        }
    }
    const QList<QRectF> placed = placeLabels(spots, size);
    p.setFont(lf);
    for (int i = 0; i < placed.size(); ++i) {
        if (placed[i].isEmpty())
            continue;
        p.setPen(QPen(texts[i].colour, 1));
        p.setBrush(QColor(255, 255, 255, 235));
        p.drawRoundedRect(placed[i], 3, 3);
        p.setPen(texts[i].late ? QColor(0xB1, 0x12, 0x1B) : Theme::text());
        p.drawText(placed[i], Qt::AlignCenter, texts[i].text);
    }
    // The office: a dark square with 사.
    const double os = size + 2;
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(QColor(0x1D, 0x1D, 0x1D));
    p.drawRoundedRect(QRectF(office.x() - os / 2, office.y() - os / 2, os, os), 3, 3);
    QFont of = Theme::uiFont(8);
    of.setPixelSize(int(os * 0.55));
    of.setWeight(QFont::Bold);
    p.setFont(of);
    p.setPen(Qt::white);
    p.drawText(QRectF(office.x() - os / 2, office.y() - os / 2, os, os), Qt::AlignCenter, QStringLiteral("사"));
    p.restore();
}

} // namespace VisitMap::Ui
