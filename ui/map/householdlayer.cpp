// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdlayer.h"

#include "geo/viewport.h"
#include "theme.h"

#include <QPainter>
#include <algorithm>

namespace VisitMap::Ui {

Geo::ClusterIndex::Options HouseholdLayer::indexOptions()
{
    Geo::ClusterIndex::Options o;
    o.radius = 60; // 30 screen pixels between cluster centres
    o.maxZoom = 16;
    return o;
}

std::shared_ptr<Geo::ClusterIndex>
HouseholdLayer::buildIndex(const std::vector<Storage::HouseholdPoint> &points)
{
    std::vector<Geo::MapPoint> mp;
    mp.reserve(points.size());
    for (const auto &p : points)
        mp.push_back({p.lon, p.lat, p.rowId, p.tier, p.overdue, p.fresh});
    return std::make_shared<Geo::ClusterIndex>(Geo::ClusterIndex::build(mp, indexOptions()));
}

HouseholdLayer::Prepared HouseholdLayer::prepare(const std::vector<Storage::HouseholdPoint> &points, double dpr)
{
    Prepared p;
    p.index = buildIndex(points);
    p.rings = MarkerSprites::prerender(*p.index, dpr);
    return p;
}

HouseholdLayer::Prepared
HouseholdLayer::prepare(const Result<std::vector<Storage::HouseholdPoint>> &points, double dpr)
{
    if (points)
        return prepare(*points, dpr);
    Prepared p = prepare(std::vector<Storage::HouseholdPoint>(), dpr);
    p.error = points.error();
    return p;
}

QString HouseholdLayer::loadErrorText() const
{
    if (!m_error)
        return {};
    return tr("가구 정보를 읽지 못해 지도에 가구를 표시할 수 없습니다 (%1). 저장소를 다시 열어 "
              "보십시오.")
        .arg(m_error->code == ErrorCode::Conflict ? tr("다른 프로그램이 저장소를 사용 중")
                                                  : tr("저장소 읽기 오류"));
}

double HouseholdLayer::markSize(double zoom)
{
    return std::clamp(8.0 + (zoom - 15) * 2.0, 8.0, 15.0);
}

namespace {

// The view's world rectangle grown by a margin in pixels, so marks on the edge are drawn whole.
QRectF paddedWorld(const Geo::Viewport &vp, double px)
{
    const double m = px / vp.scale();
    return vp.worldRect().adjusted(-m, -m, m, m);
}

} // namespace

int HouseholdLayer::levelFor(double zoom) const
{
    return m_clustered ? m_index->levelFor(zoom) : m_index->leafLevel();
}

void HouseholdLayer::paint(QPainter &painter, const Geo::Viewport &vp)
{
    if (m_error) {
        // Over the map, where the households would be: a failed read is never an empty district.
        const QRectF view(QPointF(0, 0), vp.size());
        const QRectF box
            = QRectF(0, 0, std::min(560.0, view.width() - 40), 72)
                  .translated(view.center() - QPointF(std::min(560.0, view.width() - 40) / 2, 36));
        painter.save();
        painter.setPen(QPen(QColor(0xB0, 0x1E, 0x2E), 1.5));
        painter.setBrush(QColor(255, 255, 255, 235));
        painter.drawRoundedRect(box, 6, 6);
        painter.setPen(QColor(0x30, 0x30, 0x30));
        painter.drawText(box.adjusted(12, 8, -12, -8), Qt::AlignCenter | Qt::TextWordWrap,
                         loadErrorText());
        painter.restore();
        return;
    }
    if (!m_index || m_index->isEmpty())
        return;
    const int level = levelFor(vp.zoom());
    const double dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    m_scratch.clear();
    m_index->itemsIn(level, paddedWorld(vp, 40), m_scratch);
    const double size = markSize(vp.zoom());

    // Clusters first (largest under smaller), then single households low, medium, high: the
    // most urgent marks end up on top.
    std::vector<std::pair<std::uint32_t, Geo::ClusterIndex::Item>> clusters, singles[3];
    for (const std::uint32_t i : m_scratch) {
        const auto it = m_index->item(level, i);
        if (it.isCluster())
            clusters.emplace_back(i, it);
        else
            singles[int(m_index->tier(it.point))].emplace_back(i, it);
    }
    std::sort(clusters.begin(), clusters.end(),
              [](const auto &a, const auto &b) { return a.second.count > b.second.count; });
    for (const auto &[i, it] : clusters)
        m_sprites.drawCluster(painter, vp.worldToScreen(it.world), {it.count, it.high, it.medium, it.overdue, it.fresh}, dpr);
    for (int t : {int(RiskTier::Low), int(RiskTier::Medium), int(RiskTier::High)}) {
        for (const auto &[i, it] : singles[t]) {
            const QPixmap &pm = m_sprites.household(RiskTier(t), it.overdue, it.fresh, size, false, dpr);
            const QSizeF s = pm.deviceIndependentSize();
            painter.drawPixmap(vp.worldToScreen(it.world) - QPointF(s.width() / 2, s.height() / 2), pm);
        }
    }
}

void HouseholdLayer::paintSelection(QPainter &painter, const Geo::Viewport &vp, const QSet<qint64> &rowIds)
{
    if (!m_index || rowIds.isEmpty())
        return;
    const double dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const QRectF visible = paddedWorld(vp, 20);
    const double size = std::max(markSize(vp.zoom()), 9.0);
    for (const qint64 id : rowIds) {
        const std::uint32_t p = m_index->findKey(id);
        if (p == Geo::ClusterIndex::npos)
            continue;
        const QPointF w = m_index->world(p);
        if (!visible.contains(w))
            continue;
        const QPixmap &pm = m_sprites.household(m_index->tier(p), m_index->overdue(p), m_index->fresh(p), size, true, dpr);
        const QSizeF s = pm.deviceIndependentSize();
        painter.drawPixmap(vp.worldToScreen(w) - QPointF(s.width() / 2, s.height() / 2), pm);
    }
}

std::optional<HouseholdLayer::Hit> HouseholdLayer::hit(const Geo::Viewport &vp, QPointF screen) const
{
    if (!m_index || m_index->isEmpty())
        return std::nullopt;
    const int level = levelFor(vp.zoom());
    // Clusters are bigger targets than single marks.
    const double radiusPx = level < m_index->leafLevel() ? 22 : std::max(9.0, markSize(vp.zoom()) * 0.8);
    const std::uint32_t i = m_index->nearest(level, vp.screenToWorld(screen), radiusPx / vp.scale());
    if (i == Geo::ClusterIndex::npos)
        return std::nullopt;
    Hit h;
    h.level = level;
    h.item = i;
    h.data = m_index->item(level, i);
    // A large cluster's badge is wider than the search radius; a small one's is narrower.
    if (h.data.isCluster()) {
        const QPointF d = vp.worldToScreen(h.data.world) - screen;
        if (std::hypot(d.x(), d.y()) > MarkerSprites::clusterRadius(h.data.count) + 3)
            return std::nullopt;
    }
    return h;
}

QList<qint64> HouseholdLayer::householdsAt(const Geo::Viewport &vp, QPointF screen, double radius) const
{
    QList<qint64> out;
    if (!m_index)
        return out;
    const QPointF w = vp.screenToWorld(screen);
    const double r = radius / vp.scale();
    std::vector<std::uint32_t> points;
    m_index->pointsIn(QRectF(w.x() - r, w.y() - r, 2 * r, 2 * r), points);
    std::vector<std::pair<double, qint64>> found;
    for (const std::uint32_t p : points) {
        const QPointF d = (m_index->world(p) - w) * vp.scale();
        const double dist = std::hypot(d.x(), d.y());
        if (dist <= radius)
            found.emplace_back(dist, m_index->key(p));
    }
    std::sort(found.begin(), found.end());
    for (const auto &f : found)
        out << f.second;
    return out;
}

QList<qint64> HouseholdLayer::householdsIn(const Geo::Viewport &vp, const QPolygonF &screen) const
{
    QList<qint64> out;
    if (!m_index || screen.size() < 3)
        return out;
    const QRectF box = screen.boundingRect();
    std::vector<std::uint32_t> points;
    m_index->pointsIn(QRectF(vp.screenToWorld(box.topLeft()), vp.screenToWorld(box.bottomRight())), points);
    for (const std::uint32_t p : points) {
        if (screen.containsPoint(vp.worldToScreen(m_index->world(p)), Qt::OddEvenFill))
            out << m_index->key(p);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<QPointF> HouseholdLayer::worldOf(qint64 rowId) const
{
    if (!m_index)
        return std::nullopt;
    const std::uint32_t p = m_index->findKey(rowId);
    if (p == Geo::ClusterIndex::npos)
        return std::nullopt;
    return m_index->world(p);
}

Storage::TierCounts HouseholdLayer::countsIn(const Geo::Viewport &vp) const
{
    Storage::TierCounts c;
    if (!m_index)
        return c;
    const int level = levelFor(vp.zoom());
    std::vector<std::uint32_t> items;
    m_index->itemsIn(level, vp.worldRect(), items);
    for (const std::uint32_t i : items) {
        const auto it = m_index->item(level, i);
        c.high += int(it.high);
        c.medium += int(it.medium);
        c.low += int(it.low());
        c.overdue += int(it.overdue);
        c.fresh += int(it.fresh);
    }
    return c;
}

} // namespace VisitMap::Ui
