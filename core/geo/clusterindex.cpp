// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterindex.h"

#include "webmercator.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace VisitMap::Geo {

FixedBox FixedBox::of(const QRectF &world)
{
    const QRectF r = world.normalized();
    return {toFixed(std::clamp(r.left(), 0.0, 1.0)), toFixed(std::clamp(r.top(), 0.0, 1.0)),
            toFixed(std::clamp(r.right(), 0.0, 1.0)), toFixed(std::clamp(r.bottom(), 0.0, 1.0))};
}

double ClusterIndex::radiusFixed(int zoom) const
{
    return m_options.radius / (m_options.extent * std::exp2(zoom)) * kFixedScale;
}

namespace {

// Permutes a per-item array into tree order.
void permute(std::vector<std::uint32_t> &values, const std::vector<std::uint32_t> &order)
{
    std::vector<std::uint32_t> out(values.size());
    for (std::size_t t = 0; t < order.size(); ++t)
        out[t] = values[order[t]];
    values.swap(out);
}

} // namespace

// Clusters the items of `above` (level zoom + 1) into a new level at `zoom`, and records each
// item's parent. Items are visited in the order of the level above's tree, so neighbours are
// near in memory.
//
// A large level is worked in two halves at once: the tree's root splits it at x = X into a left
// and a right half. The left half is clustered as usual; its clusters reach at most X + r. At the
// same time the right items beyond X + 2r are clustered: their neighbours lie beyond X + r, where
// the left half never reaches, so the two touch disjoint items. The right items nearer the split
// are clustered last. The result is a valid greedy clustering that depends only on the data (not
// on timing or on how many cores there are), and it takes half the time on two cores.
ClusterIndex::Level ClusterIndex::clusterLevel(ClusterIndex &index, Level &above, int zoom)
{
    const bool leaf = above.count.empty();
    const std::size_t n = above.tree.size();
    const double r = index.radiusFixed(zoom);
    const auto minPoints = std::uint32_t(std::max(index.m_options.minPoints, 1));

    struct Stats
    {
        std::uint32_t count, high, medium, overdue, fresh;
    };
    const auto statsOf = [&](std::size_t i) -> Stats {
        if (leaf) {
            const std::uint8_t f = above.flags[i];
            return {1u, (f & 3) == std::uint8_t(RiskTier::High) ? 1u : 0u,
                    (f & 3) == std::uint8_t(RiskTier::Medium) ? 1u : 0u, (f & 4) ? 1u : 0u, (f & 8) ? 1u : 0u};
        }
        return {above.count[i], above.high[i], above.medium[i], above.overdue[i], above.fresh[i]};
    };

    // The items one worker makes; parents point at them as tag | local index.
    struct Part
    {
        std::uint32_t tag = 0;
        std::vector<KdTree::Entry> entries;
        std::vector<std::uint32_t> count, high, medium, overdue, fresh, point;
        void push(std::uint32_t x, std::uint32_t y, const Stats &s, std::uint32_t pt)
        {
            entries.push_back({x, y, 0});
            count.push_back(s.count);
            high.push_back(s.high);
            medium.push_back(s.medium);
            overdue.push_back(s.overdue);
            fresh.push_back(s.fresh);
            point.push_back(pt);
        }
        std::uint32_t next() const { return tag | std::uint32_t(entries.size()); }
    };
    constexpr std::uint32_t tagShift = 30, localMask = (1u << tagShift) - 1;
    above.parent.assign(n, npos);

    const auto run = [&](Part &part, std::size_t from, std::size_t to, auto eligible) {
        std::vector<std::uint32_t> near;
        for (std::size_t i = from; i < to; ++i) {
            if (above.parent[i] != npos || !eligible(i))
                continue;
            near.clear();
            above.tree.within(above.tree.x(i), above.tree.y(i), r, near);
            const Stats first = statsOf(i);
            std::uint32_t total = first.count;
            for (const std::uint32_t j : near) {
                if (j != i && above.parent[j] == npos)
                    total += statsOf(j).count;
            }
            if (total < minPoints) {
                // Too few to cluster: each item is carried over alone.
                above.parent[i] = part.next();
                part.push(above.tree.x(i), above.tree.y(i), first, first.count == 1 ? above.point[i] : npos);
                for (const std::uint32_t j : near) {
                    if (above.parent[j] == npos) {
                        const Stats s = statsOf(j);
                        above.parent[j] = part.next();
                        part.push(above.tree.x(j), above.tree.y(j), s, s.count == 1 ? above.point[j] : npos);
                    }
                }
                continue;
            }
            // A cluster at the weighted centre of the untaken items around i.
            const std::uint32_t id = part.next();
            double wx = double(above.tree.x(i)) * first.count, wy = double(above.tree.y(i)) * first.count;
            Stats sum = first;
            above.parent[i] = id;
            for (const std::uint32_t j : near) {
                if (j == i || above.parent[j] != npos)
                    continue;
                const Stats s = statsOf(j);
                wx += double(above.tree.x(j)) * s.count;
                wy += double(above.tree.y(j)) * s.count;
                sum.count += s.count;
                sum.high += s.high;
                sum.medium += s.medium;
                sum.overdue += s.overdue;
                sum.fresh += s.fresh;
                above.parent[j] = id;
            }
            part.push(std::uint32_t(std::llround(wx / sum.count)), std::uint32_t(std::llround(wy / sum.count)), sum, npos);
        }
    };

    Part parts[3];
    for (std::uint32_t k = 0; k < 3; ++k)
        parts[k].tag = k << tagShift;
    const auto all = [](std::size_t) { return true; };
    if (n > 65536 && index.m_options.nodeSize < int(n)) {
        // The tree's root is the middle item, split along x.
        const std::size_t m = (n - 1) / 2;
        const double limit = double(above.tree.x(m)) + 2 * r + 2;
        const auto farRight = [&](std::size_t i) { return double(above.tree.x(i)) > limit; };
        std::thread right;
        if (std::thread::hardware_concurrency() > 1)
            right = std::thread([&] { run(parts[1], m + 1, n, farRight); });
        else
            run(parts[1], m + 1, n, farRight);
        run(parts[0], 0, m, all);
        if (right.joinable())
            right.join();
        run(parts[2], m, n, all);
    } else {
        run(parts[0], 0, n, all);
    }

    // One level from the parts, in tree order; parents renumbered to match.
    Level out;
    std::size_t offsets[3] = {0, parts[0].entries.size(), parts[0].entries.size() + parts[1].entries.size()};
    const std::size_t total = offsets[2] + parts[2].entries.size();
    std::vector<KdTree::Entry> entries;
    entries.reserve(total);
    for (auto *v : {&out.count, &out.high, &out.medium, &out.overdue, &out.fresh, &out.point})
        v->reserve(total);
    for (Part &part : parts) {
        for (const KdTree::Entry &e : part.entries)
            entries.push_back({e.x, e.y, std::uint32_t(entries.size())});
        out.count.insert(out.count.end(), part.count.begin(), part.count.end());
        out.high.insert(out.high.end(), part.high.begin(), part.high.end());
        out.medium.insert(out.medium.end(), part.medium.begin(), part.medium.end());
        out.overdue.insert(out.overdue.end(), part.overdue.begin(), part.overdue.end());
        out.fresh.insert(out.fresh.end(), part.fresh.begin(), part.fresh.end());
        out.point.insert(out.point.end(), part.point.begin(), part.point.end());
        part = Part();
    }
    out.tree = KdTree(std::move(entries), index.m_options.nodeSize);
    const std::vector<std::uint32_t> &order = out.tree.order();
    for (auto *v : {&out.count, &out.high, &out.medium, &out.overdue, &out.fresh, &out.point})
        permute(*v, order);
    std::vector<std::uint32_t> inverse(order.size());
    for (std::size_t t = 0; t < order.size(); ++t)
        inverse[order[t]] = std::uint32_t(t);
    for (std::uint32_t &p : above.parent)
        p = inverse[offsets[p >> tagShift] + (p & localMask)];
    out.tree.dropOrder();
    return out;
}

ClusterIndex ClusterIndex::build(std::span<const MapPoint> points, const Options &options)
{
    ClusterIndex index;
    index.m_options = options;
    index.m_options.minZoom = std::max(options.minZoom, 0);
    index.m_options.maxZoom = std::clamp(options.maxZoom, index.m_options.minZoom, 30);
    const int levels = index.m_options.maxZoom + 2 - index.m_options.minZoom;
    index.m_levels.resize(std::size_t(levels));

    index.m_keys.resize(points.size());
    index.m_flags.resize(points.size());
    std::vector<KdTree::Entry> entries(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const MapPoint &p = points[i];
        index.m_keys[i] = p.key;
        index.m_flags[i] = std::uint8_t(std::uint8_t(p.tier) | (p.overdue ? 4 : 0) | (p.fresh ? 8 : 0));
        const QPointF w = WebMercator::project(p.lon, p.lat);
        entries[i] = {toFixed(w.x()), toFixed(w.y()), std::uint32_t(i)};
    }

    index.m_keysSorted = std::is_sorted(index.m_keys.begin(), index.m_keys.end());
    Level &leaf = index.level(index.leafLevel());
    leaf.tree = KdTree(std::move(entries), options.nodeSize);
    leaf.point = leaf.tree.order();
    leaf.tree.dropOrder();
    index.m_pointLeaf.resize(points.size());
    leaf.flags.resize(points.size());
    for (std::size_t t = 0; t < leaf.point.size(); ++t) {
        index.m_pointLeaf[leaf.point[t]] = std::uint32_t(t);
        leaf.flags[t] = index.m_flags[leaf.point[t]];
    }

    for (int z = index.m_options.maxZoom; z >= index.m_options.minZoom; --z)
        index.level(z) = clusterLevel(index, index.level(z + 1), z);
    return index;
}

int ClusterIndex::levelFor(double zoom) const
{
    const int z = int(std::floor(zoom + 1e-9));
    return std::clamp(z, m_options.minZoom, leafLevel());
}

std::size_t ClusterIndex::itemCount(int zoom) const
{
    if (m_levels.empty())
        return 0;
    return level(zoom).tree.size();
}

ClusterIndex::Item ClusterIndex::item(int zoom, std::uint32_t i) const
{
    const Level &l = level(zoom);
    Item it;
    it.world = QPointF(fromFixed(l.tree.x(i)), fromFixed(l.tree.y(i)));
    if (l.count.empty()) {
        const std::uint32_t p = l.point[i];
        it.count = 1;
        it.high = tier(p) == RiskTier::High;
        it.medium = tier(p) == RiskTier::Medium;
        it.overdue = overdue(p);
        it.fresh = fresh(p);
        it.point = p;
    } else {
        it.count = l.count[i];
        it.high = l.high[i];
        it.medium = l.medium[i];
        it.overdue = l.overdue[i];
        it.fresh = l.fresh[i];
        it.point = l.point[i];
    }
    return it;
}

void ClusterIndex::itemsIn(int zoom, const QRectF &world, std::vector<std::uint32_t> &out) const
{
    if (m_levels.empty())
        return;
    const FixedBox b = FixedBox::of(world);
    level(zoom).tree.range(b.minX, b.minY, b.maxX, b.maxY, out);
}

std::uint32_t ClusterIndex::nearest(int zoom, QPointF world, double radius) const
{
    if (m_levels.empty())
        return npos;
    const Level &l = level(zoom);
    std::vector<std::uint32_t> found;
    const std::uint32_t qx = toFixed(world.x()), qy = toFixed(world.y());
    l.tree.within(qx, qy, radius * kFixedScale, found);
    std::uint32_t best = npos;
    double bestD = 0;
    for (const std::uint32_t i : found) {
        const double dx = double(l.tree.x(i)) - qx, dy = double(l.tree.y(i)) - qy;
        const double d = dx * dx + dy * dy;
        if (best == npos || d < bestD || (d == bestD && i < best)) {
            best = i;
            bestD = d;
        }
    }
    return best;
}

std::uint32_t ClusterIndex::parentOf(int zoom, std::uint32_t i) const
{
    if (zoom <= m_options.minZoom)
        return npos;
    return level(zoom).parent[i];
}

std::vector<std::uint32_t> ClusterIndex::children(int zoom, std::uint32_t i) const
{
    std::vector<std::uint32_t> out;
    if (zoom >= leafLevel())
        return out;
    const Level &l = level(zoom);
    const Level &up = level(zoom + 1);
    // Every child lies within the radius of the item the cluster grew from, and the centre lies
    // within that radius too, so two radii (and a unit of rounding) find them all.
    std::vector<std::uint32_t> near;
    up.tree.within(l.tree.x(i), l.tree.y(i), 2 * radiusFixed(zoom) + 2, near);
    for (const std::uint32_t j : near) {
        if (up.parent[j] == i)
            out.push_back(j);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void ClusterIndex::leaves(int zoom, std::uint32_t i, std::vector<std::uint32_t> &points) const
{
    if (zoom >= leafLevel()) {
        points.push_back(level(zoom).point[i]);
        return;
    }
    const Level &l = level(zoom);
    if (l.count[i] == 1) {
        points.push_back(l.point[i]);
        return;
    }
    for (const std::uint32_t c : children(zoom, i))
        leaves(zoom + 1, c, points);
}

int ClusterIndex::expansionZoom(int zoom, std::uint32_t i) const
{
    while (zoom < leafLevel()) {
        if (level(zoom).count.empty() || level(zoom).count[i] <= 1)
            return zoom;
        const std::vector<std::uint32_t> c = children(zoom, i);
        ++zoom;
        if (c.size() != 1)
            return zoom;
        i = c.front();
    }
    return zoom;
}

QPointF ClusterIndex::world(std::uint32_t point) const
{
    const Level &l = level(leafLevel());
    const std::uint32_t t = m_pointLeaf[point];
    return QPointF(fromFixed(l.tree.x(t)), fromFixed(l.tree.y(t)));
}

std::uint32_t ClusterIndex::findKey(qint64 key) const
{
    if (m_keysSorted) {
        const auto it = std::lower_bound(m_keys.begin(), m_keys.end(), key);
        return it != m_keys.end() && *it == key ? std::uint32_t(it - m_keys.begin()) : npos;
    }
    const auto it = std::find(m_keys.begin(), m_keys.end(), key);
    return it != m_keys.end() ? std::uint32_t(it - m_keys.begin()) : npos;
}

bool ClusterIndex::updatePoint(std::uint32_t point, RiskTier tier, bool overdue, bool fresh)
{
    if (point >= m_flags.size() || m_levels.empty())
        return false;
    const std::uint8_t before = m_flags[point];
    const std::uint8_t after
        = std::uint8_t(std::uint8_t(tier) | (overdue ? 4 : 0) | (fresh ? 8 : 0));
    if (before == after)
        return true;
    m_flags[point] = after;
    std::uint32_t t = m_pointLeaf[point];
    level(leafLevel()).flags[t] = after;
    const auto is = [](std::uint8_t f, RiskTier r) {
        return (f & 3) == std::uint8_t(r) ? 1 : 0;
    };
    const int dHigh = is(after, RiskTier::High) - is(before, RiskTier::High);
    const int dMedium = is(after, RiskTier::Medium) - is(before, RiskTier::Medium);
    const int dOverdue = ((after & 4) ? 1 : 0) - ((before & 4) ? 1 : 0);
    const int dFresh = ((after & 8) ? 1 : 0) - ((before & 8) ? 1 : 0);
    // Up the tree: each level's item holding the point, from the leaf's parent to minZoom.
    for (int z = m_options.maxZoom; z >= m_options.minZoom; --z) {
        t = level(z + 1).parent[t];
        Level &l = level(z);
        l.high[t] = std::uint32_t(int(l.high[t]) + dHigh);
        l.medium[t] = std::uint32_t(int(l.medium[t]) + dMedium);
        l.overdue[t] = std::uint32_t(int(l.overdue[t]) + dOverdue);
        l.fresh[t] = std::uint32_t(int(l.fresh[t]) + dFresh);
    }
    return true;
}

void ClusterIndex::pointsIn(const QRectF &world, std::vector<std::uint32_t> &points) const
{
    if (m_levels.empty())
        return;
    const std::size_t from = points.size();
    itemsIn(leafLevel(), world, points);
    const Level &l = level(leafLevel());
    for (std::size_t k = from; k < points.size(); ++k)
        points[k] = l.point[points[k]];
}

std::size_t ClusterIndex::bytes() const
{
    std::size_t total = m_keys.capacity() * sizeof(qint64) + m_flags.capacity() +
                        m_pointLeaf.capacity() * sizeof(std::uint32_t);
    for (const Level &l : m_levels) {
        total += l.tree.bytes() + l.flags.capacity();
        for (const auto *v : {&l.count, &l.high, &l.medium, &l.overdue, &l.fresh, &l.point, &l.parent})
            total += v->capacity() * sizeof(std::uint32_t);
    }
    return total;
}

} // namespace VisitMap::Geo
