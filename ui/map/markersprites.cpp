// SPDX-License-Identifier: GPL-3.0-or-later
#include "markersprites.h"

#include "geo/clusterindex.h"
#include "theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QSet>
#include <cmath>

namespace VisitMap::Ui {

namespace {

// A transparent image of a square extent (in device-independent pixels) at a pixel ratio.
QImage blank(double extent, double dpr)
{
    const int px = int(std::ceil(extent * dpr));
    QImage img(px, px, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    img.fill(Qt::transparent);
    return img;
}

void drawCentred(QPainter &painter, QPointF centre, const QImage &img)
{
    const QSizeF s = img.deviceIndependentSize();
    painter.drawImage(centre - QPointF(s.width() / 2, s.height() / 2), img);
}

// Beyond this many rings a district is drawn with the rest made on first use.
constexpr qsizetype maxPrerendered = 6000;

} // namespace

void MarkerSprites::reset(double dpr)
{
    if (dpr == m_dpr)
        return;
    m_dpr = dpr;
    m_households.clear();
    m_rings.clear();
    m_arcs.clear();
    m_star = {};
    m_glyphs.clear();
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

MarkerSprites::RingKey MarkerSprites::ringKey(const Badge &b)
{
    // The ring is quantised to 1/48 of a turn (7.5°) and the overdue arc to 1/24, which no eye
    // can tell from exact.
    RingKey k;
    k.radius = int(std::round(clusterRadius(b.count)));
    k.high = int(std::lround(48.0 * b.high / b.count));
    k.medium = std::min(48 - k.high, int(std::lround(48.0 * b.medium / b.count)));
    k.overdue = b.overdue ? std::max(1, int(std::lround(24.0 * b.overdue / b.count))) : 0;
    return k;
}

QImage MarkerSprites::renderRing(const RingKey &k, double dpr)
{
    const double r = k.radius;
    const double extent = 2 * r + 6;
    QImage img = blank(extent, dpr);
    QPainter p(&img);
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
    } arcs[] = {{k.high, RiskTier::High}, {k.medium, RiskTier::Medium}, {48 - k.high - k.medium, RiskTier::Low}};
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
    return img;
}

QImage MarkerSprites::renderArc(const RingKey &k, double dpr)
{
    // An outer arc as long as the share of households past their visit cycle.
    const double r = k.radius;
    const double extent = 2 * r + 10;
    QImage img = blank(extent, dpr);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QPointF c(extent / 2, extent / 2);
    p.setPen(QPen(QColor(0x1E, 0x21, 0x24), 2.2, Qt::SolidLine, Qt::FlatCap));
    const QRectF outer(c.x() - r - 2.6, c.y() - r - 2.6, 2 * r + 5.2, 2 * r + 5.2);
    p.drawArc(outer, 90 * 16, k.overdue * 15 * 16);
    return img;
}

std::shared_ptr<const MarkerSprites::Rings> MarkerSprites::prerender(const Geo::ClusterIndex &index, double dpr)
{
    auto out = std::make_shared<Rings>();
    out->dpr = dpr;
    if (index.isEmpty())
        return out;
    QSet<quint32> seen;
    for (int level = index.options().minZoom; level < index.leafLevel(); ++level) {
        for (std::uint32_t i = 0; i < index.itemCount(level); ++i) {
            const auto it = index.item(level, i);
            if (!it.isCluster())
                continue;
            const RingKey k = ringKey({it.count, it.high, it.medium, it.overdue, it.fresh});
            if (seen.size() >= maxPrerendered)
                return out;
            if (!seen.contains(k.ring())) {
                seen.insert(k.ring());
                out->images.insert(k.ring(), renderRing(k, dpr));
            }
        }
    }
    return out;
}

void MarkerSprites::adopt(const std::shared_ptr<const Rings> &rings)
{
    if (!rings)
        return;
    reset(rings->dpr);
    for (auto it = rings->images.constBegin(); it != rings->images.constEnd(); ++it)
        m_rings.insert(it.key(), it.value());
}

void MarkerSprites::drawCluster(QPainter &painter, QPointF centre, const Badge &b, double dpr)
{
    reset(dpr);
    const RingKey k = ringKey(b);
    auto ring = m_rings.constFind(k.ring());
    if (ring == m_rings.constEnd())
        ring = m_rings.insert(k.ring(), renderRing(k, dpr));
    drawCentred(painter, centre, *ring);
    if (k.overdue) {
        auto arc = m_arcs.constFind(k.arc());
        if (arc == m_arcs.constEnd())
            arc = m_arcs.insert(k.arc(), renderArc(k, dpr));
        drawCentred(painter, centre, *arc);
    }
    if (b.fresh) {
        // A star on the badge's upper left: some households in it are new discoveries.
        if (m_star.isNull()) {
            m_star = blank(16, dpr);
            QPainter p(&m_star);
            p.setRenderHint(QPainter::Antialiasing, true);
            // Theme::drawNewBadge puts the star 0.7 × size up and right of the point it is given.
            Theme::drawNewBadge(p, QPointF(8 - 7, 8 + 7), 10);
        }
        drawCentred(painter, centre + QPointF(-0.72 * k.radius, -0.72 * k.radius), m_star);
    }
    drawCount(painter, centre, b.count);
}

void MarkerSprites::drawCount(QPainter &painter, QPointF centre, std::uint32_t count)
{
    // The count is set from one image per character (digits, separators and 만): a badge's text
    // is a handful of blits, and a new zoom level with hundreds of new counts costs nothing
    // extra. Text shaping is not needed for these characters.
    const QString text = countText(count);
    const int pointSize = text.size() > 4 ? 7 : 8;
    double width = 0;
    const Glyph *glyphs[16];
    const qsizetype n = std::min<qsizetype>(text.size(), 16);
    for (qsizetype i = 0; i < n; ++i) {
        const quint32 key = quint32(text[i].unicode()) | quint32(pointSize) << 16;
        auto g = m_glyphs.constFind(key);
        if (g == m_glyphs.constEnd()) {
            QFont font = Theme::uiFont(pointSize);
            font.setWeight(QFont::Bold);
            const QFontMetricsF fm(font);
            Glyph glyph;
            glyph.advance = fm.horizontalAdvance(text[i]);
            // One pixel of room either side for anti-aliased edges.
            const QSizeF size(glyph.advance + 2, fm.height());
            glyph.image = QImage((size * m_dpr).toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
            glyph.image.setDevicePixelRatio(m_dpr);
            glyph.image.fill(Qt::transparent);
            QPainter p(&glyph.image);
            p.setFont(font);
            p.setPen(Theme::text());
            p.drawText(QPointF(1, fm.ascent()), QString(text[i]));
            p.end();
            g = m_glyphs.insert(key, glyph);
        }
        glyphs[i] = &*g;
        width += g->advance;
    }
    if (n == 0)
        return;
    const double height = glyphs[0]->image.deviceIndependentSize().height();
    // Whole device pixels, so every badge's digits are equally crisp.
    double x = std::round((centre.x() - width / 2) * m_dpr) / m_dpr - 1;
    const double y = std::round((centre.y() - height / 2) * m_dpr) / m_dpr;
    for (qsizetype i = 0; i < n; ++i) {
        painter.drawImage(QPointF(x, y), glyphs[i]->image);
        x += glyphs[i]->advance;
    }
}

} // namespace VisitMap::Ui
