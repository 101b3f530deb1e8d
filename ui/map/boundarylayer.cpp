// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundarylayer.h"

#include "geo/geomath.h"
#include "geo/viewport.h"
#include "geo/webmercator.h"
#include "theme.h"

#include <QPainter>
#include <QTransform>
#include <algorithm>
#include <cmath>

namespace VisitMap::Ui {

namespace {

constexpr int lodMin = 8, lodMax = 17;

// Douglas-Peucker: the ring with every vertex kept that lies farther than the tolerance from the
// simplified line. Written here because Qt has no polyline simplification.
QPolygonF simplify(const QPolygonF &ring, double tolerance)
{
    const qsizetype n = ring.size();
    if (n < 5)
        return ring;
    std::vector<char> keep(std::size_t(n), 0);
    keep.front() = keep.back() = 1;
    std::vector<std::pair<qsizetype, qsizetype>> stack{{0, n - 1}};
    const double t2 = tolerance * tolerance;
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        const QPointF pa = ring[a], pb = ring[b];
        const double dx = pb.x() - pa.x(), dy = pb.y() - pa.y();
        const double len2 = dx * dx + dy * dy;
        double best = -1;
        qsizetype at = -1;
        for (qsizetype i = a + 1; i < b; ++i) {
            const QPointF p = ring[i];
            double d2;
            if (len2 == 0) {
                d2 = (p.x() - pa.x()) * (p.x() - pa.x()) + (p.y() - pa.y()) * (p.y() - pa.y());
            } else {
                const double cross = dx * (p.y() - pa.y()) - dy * (p.x() - pa.x());
                d2 = cross * cross / len2;
            }
            if (d2 > best) {
                best = d2;
                at = i;
            }
        }
        if (at >= 0 && best > t2) {
            keep[std::size_t(at)] = 1;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
    QPolygonF out;
    for (qsizetype i = 0; i < n; ++i) {
        if (keep[std::size_t(i)])
            out << ring[i];
    }
    return out.size() >= 4 ? out : ring;
}

} // namespace

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
        for (int z = lodMin; z <= lodMax; ++z) {
            const double tolerance = 0.5 / (256.0 * std::exp2(z));
            QPainterPath simple;
            simple.setFillRule(Qt::OddEvenFill);
            for (const QPolygonF &ring : item.world.toSubpathPolygons())
                simple.addPolygon(simplify(ring, tolerance));
            item.lod.append(simple);
        }
        item.areaKm2 = Geo::areaM2(o.boundary) / 1e6;
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

void BoundaryLayer::setHighRisk(const QHash<QString, int> &highByOffice)
{
    QList<double> densities;
    for (Item &item : m_items) {
        item.density = item.areaKm2 > 0 ? highByOffice.value(item.code) / item.areaKm2 : 0;
        if (item.density > 0)
            densities << item.density;
    }
    // Five classes at the quintiles of the dongs that have any, rounded to read well.
    m_breaks.clear();
    if (densities.isEmpty())
        return;
    std::sort(densities.begin(), densities.end());
    for (int k = 1; k < 5; ++k) {
        const double q = densities[qsizetype(std::floor(k * (densities.size() - 1) / 5.0))];
        const double rounded = q >= 10 ? std::round(q) : std::round(q * 10) / 10;
        if (m_breaks.isEmpty() || rounded > m_breaks.last())
            m_breaks << rounded;
    }
}

QColor BoundaryLayer::classColour(int k)
{
    // A sequential red ramp (ColorBrewer Reds), light to dark.
    static const QColor ramp[5] = {QColor(0xFE, 0xE5, 0xD9), QColor(0xFC, 0xAE, 0x91), QColor(0xFB, 0x6A, 0x4A),
                                   QColor(0xDE, 0x2D, 0x26), QColor(0xA5, 0x0F, 0x15)};
    return ramp[std::clamp(k, 0, 4)];
}

void BoundaryLayer::paint(QPainter &painter, const Geo::Viewport &vp, bool filled, bool choropleth) const
{
    const QRectF visible = vp.worldRect();
    // world -> screen as the painter's transform, so Qt scales the cached outlines; the pen is
    // cosmetic (its width in pixels).
    QTransform t;
    t.translate(vp.size().width() / 2, vp.size().height() / 2);
    t.scale(vp.scale(), vp.scale());
    t.translate(-vp.centreWorld().x(), -vp.centreWorld().y());

    painter.save();
    painter.setTransform(t, true);
    const int z = int(std::floor(vp.zoom()));
    const auto pathFor = [&](const Item &item) -> const QPainterPath & {
        return z < lodMin ? item.lod.front() : z > lodMax ? item.world : item.lod[z - lodMin];
    };
    // Fills without anti-aliasing (neighbours share their edges, and the outline drawn next
    // covers them), then the outlines anti-aliased with a one-pixel cosmetic pen: Qt draws those
    // with its fast line stroker, where any wider pen is outlined and filled as a polygon (ten
    // times the cost on a city of 행정동).
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    for (const Item &item : m_items) {
        if (!item.box.intersects(visible))
            continue;
        QColor fill;
        if (choropleth && item.density > 0) {
            int k = 0;
            while (k < m_breaks.size() && item.density > m_breaks[k])
                ++k;
            fill = classColour(k + (5 - int(m_breaks.size()) - 1));
            fill.setAlpha(filled ? 255 : 170);
        } else if (filled) {
            fill = QColor(0xFA, 0xFA, 0xF7);
        }
        if (fill.isValid()) {
            painter.setBrush(fill);
            painter.drawPath(pathFor(item));
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    QPen outline(QColor(0x7C, 0x86, 0x90), 1.0);
    outline.setCosmetic(true);
    painter.setPen(outline);
    painter.setBrush(Qt::NoBrush);
    for (const Item &item : m_items) {
        if (item.box.intersects(visible))
            painter.drawPath(pathFor(item));
    }
    painter.restore();
}

namespace {

QFont labelFont()
{
    QFont font = Theme::uiFont(9);
    font.setWeight(QFont::DemiBold);
    return font;
}

} // namespace

const QImage &BoundaryLayer::label(const Item &item, double dpr) const
{
    if (dpr != m_labelDpr) {
        m_labels.clear();
        m_labelDpr = dpr;
    }
    auto it = m_labels.constFind(item.code);
    if (it != m_labels.constEnd())
        return *it;
    // A white halo keeps the name legible over marks and tiles; drawn once per name.
    const QFont font = labelFont();
    const QFontMetricsF fm(font);
    if (item.labelWidth < 0)
        item.labelWidth = fm.horizontalAdvance(item.name);
    const QSizeF size(item.labelWidth + 8, fm.height() + 8);
    QImage img((size * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setFont(font);
    // The halo is the name drawn in white around its position at 1.5 px (Qt's glyph cache makes
    // that ten times cheaper than stroking the glyph outlines), then the name itself.
    const QPointF at(4, 4 + fm.ascent());
    p.setPen(QColor(255, 255, 255, 235));
    for (int k = 0; k < 12; ++k) {
        const double a = k * M_PI / 6;
        p.drawText(at + QPointF(1.6 * std::cos(a), 1.6 * std::sin(a)), item.name);
    }
    p.setPen(QColor(0x2A, 0x31, 0x38));
    p.drawText(at, item.name);
    p.end();
    return *m_labels.insert(item.code, img);
}

void BoundaryLayer::prerenderLabels(double dpr) const
{
    for (const Item &item : m_items)
        label(item, dpr);
}

void BoundaryLayer::paintLabels(QPainter &painter, const Geo::Viewport &vp) const
{
    const QRectF visible = vp.worldRect();
    const double dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const QFontMetricsF fm(labelFont());
    for (const Item &item : m_items) {
        if (!item.box.intersects(visible))
            continue;
        // Labels once a dong is big enough on screen to hold its name.
        if (item.labelWidth < 0)
            item.labelWidth = fm.horizontalAdvance(item.name);
        if (item.box.width() * vp.scale() < item.labelWidth * 1.4)
            continue;
        const QImage &img = label(item, dpr);
        const QPointF c = vp.worldToScreen(item.labelWorld);
        const QSizeF s = img.deviceIndependentSize();
        painter.drawImage(c - QPointF(s.width() / 2, s.height() / 2), img);
    }
}

} // namespace VisitMap::Ui
