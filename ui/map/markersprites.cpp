// SPDX-License-Identifier: GPL-3.0-or-later
#include "markersprites.h"

#include "theme.h"

#include <QPainter>
#include <QStaticText>
#include <cmath>

namespace VisitMap::Ui {

void MarkerSprites::reset(double dpr)
{
    if (dpr == m_dpr)
        return;
    m_dpr = dpr;
    m_households.clear();
    m_rings.clear();
}

const QPixmap &MarkerSprites::household(RiskTier tier, bool overdue, bool fresh, double size, bool selected,
                                        double dpr)
{
    reset(dpr);
    const int halfSteps = std::clamp(int(std::lround(size * 2)), 4, 64);
    const quint32 key = quint32(tier) | (overdue ? 4u : 0u) | (fresh ? 8u : 0u) | (selected ? 16u : 0u)
                        | quint32(halfSteps) << 8;
    auto it = m_households.constFind(key);
    if (it != m_households.constEnd())
        return *it;
    const double s = halfSteps / 2.0;
    const double extent = s * 2 + 10; // room for the ring, the star and the selection halo
    QPixmap pm(QSize(int(std::ceil(extent * dpr)), int(std::ceil(extent * dpr))));
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    {
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing, true);
        const QPointF c(extent / 2, extent / 2);
        if (selected) {
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(QColor(255, 255, 255, 235), 5));
            p.drawEllipse(c, s * 0.95 + 3, s * 0.95 + 3);
            p.setPen(QPen(Theme::primary(), 2.5));
            p.drawEllipse(c, s * 0.95 + 3, s * 0.95 + 3);
        }
        p.setPen(QPen(QColor(255, 255, 255, 220), s > 7 ? 1.2 : 0.7));
        Theme::drawTierMark(p, c, tier, s);
        if (s >= 6) {
            if (overdue)
                Theme::drawOverdueRing(p, c, s);
            if (fresh)
                Theme::drawNewBadge(p, c, s);
        }
    }
    return *m_households.insert(key, pm);
}

double MarkerSprites::clusterRadius(std::uint32_t count)
{
    return 11 + 4.2 * std::log10(std::max<std::uint32_t>(count, 2));
}

QString MarkerSprites::countText(std::uint32_t count)
{
    if (count < 10000)
        return QStringLiteral("%L1").arg(count);
    if (count < 100000)
        return QStringLiteral("%1만").arg(std::floor(count / 1000.0) / 10.0, 0, 'f', 1);
    return QStringLiteral("%1만").arg(count / 10000);
}

void MarkerSprites::drawCluster(QPainter &painter, QPointF centre, const Badge &b, double dpr)
{
    reset(dpr);
    // The ring is quantised to 1/48 of a turn (7.5°), which no eye can tell from exact, so a
    // few hundred sprites serve a whole district; the count is drawn on top as cached text.
    const int hi = int(std::lround(48.0 * b.high / b.count));
    const int med = std::min(48 - hi, int(std::lround(48.0 * b.medium / b.count)));
    const int od = b.overdue ? std::max(1, int(std::lround(24.0 * b.overdue / b.count))) : 0;
    const double r = std::round(clusterRadius(b.count));
    const quint32 key = quint32(r) | quint32(hi) << 6 | quint32(med) << 12 | quint32(od) << 18 | (b.fresh ? 1u << 24 : 0u);
    auto it = m_rings.constFind(key);
    if (it == m_rings.constEnd()) {
        const double extent = 2 * r + 14;
        QPixmap pm(QSize(int(std::ceil(extent * dpr)), int(std::ceil(extent * dpr))));
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing, true);
        const QPointF c(extent / 2, extent / 2);
        // A soft shadow, the tier ring (12 o'clock, clockwise: high, medium, low), the face.
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 40));
        p.drawEllipse(c + QPointF(0, 1.2), r + 1, r + 1);
        const QRectF ring(c.x() - r, c.y() - r, 2 * r, 2 * r);
        int start = 90 * 16;
        const struct
        {
            int steps;
            RiskTier tier;
        } arcs[] = {{hi, RiskTier::High}, {med, RiskTier::Medium}, {48 - hi - med, RiskTier::Low}};
        for (const auto &a : arcs) {
            if (a.steps <= 0)
                continue;
            const int span = -a.steps * 120; // 7.5° per step, in 1/16 degrees
            p.setBrush(Theme::tierColor(a.tier));
            p.drawPie(ring, start, span);
            start += span;
        }
        const double face = r - std::max(3.5, r * 0.24);
        p.setBrush(QColor(255, 255, 255, 245));
        p.drawEllipse(c, face, face);
        if (od) {
            // An outer arc as long as the share of households past their visit cycle.
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(QColor(0x1E, 0x21, 0x24), 2.2, Qt::SolidLine, Qt::FlatCap));
            const QRectF outer(c.x() - r - 2.6, c.y() - r - 2.6, 2 * r + 5.2, 2 * r + 5.2);
            p.drawArc(outer, 90 * 16, od * 15 * 16);
        }
        if (b.fresh) {
            p.setPen(QPen(Qt::white, 0.8));
            Theme::drawNewBadge(p, c + QPointF(-r * 1.3, 0), 6);
        }
        p.end();
        it = m_rings.insert(key, pm);
    }
    const QSizeF s = it->deviceIndependentSize();
    painter.drawPixmap(centre - QPointF(s.width() / 2, s.height() / 2), *it);

    const QString text = countText(b.count);
    auto st = m_texts.find(text);
    if (st == m_texts.end()) {
        if (m_texts.size() > 8192)
            m_texts.clear();
        QStaticText t(text);
        t.setTextFormat(Qt::PlainText);
        QFont font = Theme::uiFont(text.size() > 4 ? 7 : 8);
        font.setWeight(QFont::Bold);
        t.prepare(QTransform(), font);
        st = m_texts.insert(text, {t, font});
    }
    const QSizeF ts = st->first.size();
    painter.setFont(st->second);
    painter.setPen(Theme::text());
    painter.drawStaticText(centre - QPointF(ts.width() / 2, ts.height() / 2), st->first);
}

} // namespace VisitMap::Ui
