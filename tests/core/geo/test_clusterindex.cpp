// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/clusterindex.h"
#include "geo/kdtree.h"
#include "geo/webmercator.h"

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <set>

using namespace VisitMap;
using Geo::ClusterIndex;

namespace {

// Households in a few dense neighbourhoods and a thin spread around them, like a real district.
std::vector<Geo::MapPoint> district(std::size_t n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> spread(0, 0.004);
    std::uniform_real_distribution<double> u(0, 1);
    const double centres[][2] = {{126.94, 37.57}, {126.93, 37.58}, {126.96, 37.56}, {126.91, 37.59}};
    std::vector<Geo::MapPoint> points(n);
    for (std::size_t i = 0; i < n; ++i) {
        Geo::MapPoint &p = points[i];
        if (u(rng) < 0.8) {
            const auto &c = centres[rng() % 4];
            p.lon = c[0] + spread(rng);
            p.lat = c[1] + spread(rng);
        } else {
            p.lon = 126.88 + u(rng) * 0.1;
            p.lat = 37.54 + u(rng) * 0.07;
        }
        p.key = qint64(i) + 1000;
        const double t = u(rng);
        p.tier = t < 0.1 ? RiskTier::High : t < 0.35 ? RiskTier::Medium : RiskTier::Low;
        p.overdue = u(rng) < 0.15;
        p.fresh = u(rng) < 0.05;
    }
    // Some households share an address (apartments): the same coordinates exactly.
    for (std::size_t i = 1; i < n; i += 37)
        points[i].lon = points[i - 1].lon, points[i].lat = points[i - 1].lat;
    return points;
}

} // namespace

TEST_CASE("The k-d tree finds exactly the points in a box and in a circle", "[core][geo]")
{
    std::mt19937 rng(7);
    std::vector<Geo::KdTree::Entry> entries(20000);
    for (std::uint32_t i = 0; i < entries.size(); ++i)
        entries[i] = {std::uint32_t(rng() % 100000), std::uint32_t(rng() % 100000), i};
    const auto copy = entries;
    const Geo::KdTree tree(entries, 16);
    REQUIRE(tree.size() == copy.size());
    for (int q = 0; q < 50; ++q) {
        const std::uint32_t x0 = rng() % 100000, y0 = rng() % 100000;
        const std::uint32_t x1 = x0 + rng() % 20000, y1 = y0 + rng() % 20000;
        std::vector<std::uint32_t> got;
        tree.range(x0, y0, x1, y1, got);
        std::set<std::uint32_t> ids;
        for (auto t : got)
            ids.insert(tree.order()[t]);
        std::set<std::uint32_t> want;
        for (const auto &e : copy) {
            if (e.x >= x0 && e.x <= x1 && e.y >= y0 && e.y <= y1)
                want.insert(e.index);
        }
        CHECK(ids == want);

        const double r = 1000 + rng() % 5000;
        got.clear();
        tree.within(x0, y0, r, got);
        ids.clear();
        for (auto t : got)
            ids.insert(tree.order()[t]);
        want.clear();
        for (const auto &e : copy) {
            const double dx = double(e.x) - x0, dy = double(e.y) - y0;
            if (dx * dx + dy * dy <= r * r)
                want.insert(e.index);
        }
        CHECK(ids == want);
    }
}

TEST_CASE("Every zoom level of the cluster index accounts for every household once", "[core][geo]")
{
    const auto points = district(30000, 11);
    std::size_t high = 0, medium = 0, overdue = 0, fresh = 0;
    for (const auto &p : points) {
        high += p.tier == RiskTier::High;
        medium += p.tier == RiskTier::Medium;
        overdue += p.overdue;
        fresh += p.fresh;
    }
    const ClusterIndex index = ClusterIndex::build(points);
    REQUIRE(index.pointCount() == points.size());
    REQUIRE(index.itemCount(index.leafLevel()) == points.size());

    std::size_t previous = 0;
    for (int z = index.options().minZoom; z <= index.leafLevel(); ++z) {
        INFO("zoom " << z);
        std::size_t count = 0, h = 0, m = 0, o = 0, f = 0;
        for (std::uint32_t i = 0; i < index.itemCount(z); ++i) {
            const auto it = index.item(z, i);
            REQUIRE(it.count >= 1);
            CHECK((it.count == 1) == (it.point != ClusterIndex::npos));
            count += it.count;
            h += it.high;
            m += it.medium;
            o += it.overdue;
            f += it.fresh;
        }
        CHECK(count == points.size());
        CHECK(h == high);
        CHECK(m == medium);
        CHECK(o == overdue);
        CHECK(f == fresh);
        // Zooming in never merges: each level has at least as many places as the one below.
        CHECK(index.itemCount(z) >= previous);
        previous = index.itemCount(z);
    }
    // The district is clustered at city zoom and shown whole at street zoom.
    CHECK(index.itemCount(10) < 50);
    CHECK(index.itemCount(index.leafLevel()) == points.size());
}

TEST_CASE("A cluster's children add up to it and its leaves are its households", "[core][geo]")
{
    const auto points = district(8000, 3);
    const ClusterIndex index = ClusterIndex::build(points);
    std::vector<int> seen(points.size(), 0);
    const int z = 12;
    for (std::uint32_t i = 0; i < index.itemCount(z); ++i) {
        const auto it = index.item(z, i);
        const auto children = index.children(z, i);
        std::uint32_t count = 0, high = 0, medium = 0, overdue = 0;
        for (auto c : children) {
            CHECK(index.parentOf(z + 1, c) == i);
            const auto child = index.item(z + 1, c);
            count += child.count;
            high += child.high;
            medium += child.medium;
            overdue += child.overdue;
        }
        CHECK(count == it.count);
        CHECK(high == it.high);
        CHECK(medium == it.medium);
        CHECK(overdue == it.overdue);

        std::vector<std::uint32_t> leaves;
        index.leaves(z, i, leaves);
        REQUIRE(leaves.size() == it.count);
        std::uint32_t leafHigh = 0;
        for (auto p : leaves) {
            ++seen[p];
            leafHigh += index.tier(p) == RiskTier::High;
            // A cluster's households are near it: within a few cluster radii at this zoom.
            const QPointF d = index.world(p) - it.world;
            CHECK(std::hypot(d.x(), d.y()) * 256 * std::exp2(z) < 30 * 2 * 4);
        }
        CHECK(leafHigh == it.high);
        if (it.isCluster()) {
            const int e = index.expansionZoom(z, i);
            CHECK(e > z);
            CHECK(e <= index.leafLevel());
        }
    }
    for (std::size_t p = 0; p < points.size(); ++p)
        REQUIRE(seen[p] == 1);
}

TEST_CASE("Households shown alone are at least a cluster radius apart on screen, and keys round-trip", "[core][geo]")
{
    const auto points = district(5000, 5);
    const ClusterIndex index = ClusterIndex::build(points);
    for (std::size_t p = 0; p < points.size(); ++p) {
        CHECK(index.key(std::uint32_t(p)) == points[p].key);
        const QPointF w = Geo::WebMercator::project(points[p].lon, points[p].lat);
        CHECK(std::abs(index.world(std::uint32_t(p)).x() - w.x()) < 1e-9);
    }
    // A household left alone on a level had no untaken neighbour within the radius when it was
    // reached, and one reached before it would have taken it: so no two of them lie within the
    // radius (30 screen pixels) of each other, on any clustered level, at the full radius.
    const double radiusPx = ClusterIndex::Options().radius / ClusterIndex::Options().extent * 256;
    REQUIRE(radiusPx == Approx(30));
    std::size_t singles = 0;
    for (int z = 10; z <= 16; ++z) {
        const double pixels = 256 * std::exp2(z);
        const double r = radiusPx / pixels;
        for (std::uint32_t i = 0; i < index.itemCount(z); ++i) {
            const auto &a = index.item(z, i);
            if (a.isCluster())
                continue;
            ++singles;
            std::vector<std::uint32_t> near;
            index.itemsIn(z, QRectF(a.world - QPointF(r, r), QSizeF(2 * r, 2 * r)), near);
            for (const std::uint32_t j : near) {
                const auto &b = index.item(z, j);
                if (j == i || b.isCluster())
                    continue;
                const QPointF d = b.world - a.world;
                INFO("zoom " << z << ", items " << i << " and " << j);
                CHECK(std::hypot(d.x(), d.y()) * pixels > radiusPx - 1e-6);
            }
        }
    }
    CHECK(singles > 500); // the property is checked on many, not vacuously
}

TEST_CASE("Hit-testing finds the nearest place within the radius and nothing beyond", "[core][geo]")
{
    std::vector<Geo::MapPoint> points;
    points.push_back({126.9400, 37.5700, 1, RiskTier::High, false, false});
    points.push_back({126.9410, 37.5700, 2, RiskTier::Low, true, false});
    const ClusterIndex index = ClusterIndex::build(points);
    const int leaf = index.leafLevel();
    const QPointF a = Geo::WebMercator::project(126.9400, 37.5700);
    const QPointF b = Geo::WebMercator::project(126.9410, 37.5700);
    const double px = 1.0 / (256 * std::exp2(leaf));
    auto at = [&](QPointF w, double radiusPx) {
        const auto i = index.nearest(leaf, w, radiusPx * px);
        return i == ClusterIndex::npos ? qint64(0) : index.key(index.item(leaf, i).point);
    };
    CHECK(at(a + QPointF(3 * px, 0), 8) == 1);
    CHECK(at(b - QPointF(3 * px, 0), 8) == 2);
    CHECK(at(a + QPointF(0, 40 * px), 8) == 0);
    // At city zoom the two are one cluster of two, one of them high-risk and one overdue.
    const auto c = index.item(12, 0);
    CHECK(index.itemCount(12) == 1);
    CHECK(c.count == 2);
    CHECK(c.high == 1);
    CHECK(c.overdue == 1);
    CHECK(index.expansionZoom(12, 0) > 12);
}

TEST_CASE("An empty district and a single household index without trouble", "[core][geo]")
{
    const ClusterIndex empty = ClusterIndex::build({});
    CHECK(empty.pointCount() == 0);
    CHECK(empty.itemCount(5) == 0);
    std::vector<std::uint32_t> out;
    empty.itemsIn(5, QRectF(0, 0, 1, 1), out);
    CHECK(out.empty());
    CHECK(empty.nearest(empty.leafLevel(), QPointF(0.5, 0.5), 0.1) == ClusterIndex::npos);

    const Geo::MapPoint one{127.0, 37.5, 42, RiskTier::Medium, false, true};
    const ClusterIndex single = ClusterIndex::build(std::span(&one, 1));
    for (int z = 0; z <= single.leafLevel(); ++z) {
        REQUIRE(single.itemCount(z) == 1);
        CHECK(single.item(z, 0).point == 0);
        CHECK(single.item(z, 0).fresh == 1);
    }
}

TEST_CASE("Updating a household in place gives the index a fresh build would", "[core][geo]")
{
    std::vector<Geo::MapPoint> points = district(20000, 11);
    ClusterIndex index = ClusterIndex::build(points);
    std::mt19937 rng(5);
    for (int k = 0; k < 300; ++k) {
        const std::uint32_t i = rng() % std::uint32_t(points.size());
        Geo::MapPoint &p = points[i];
        p.tier = RiskTier(rng() % 3);
        p.overdue = rng() % 2;
        p.fresh = rng() % 2;
        const std::uint32_t at = index.findKey(p.key);
        REQUIRE(at == i);
        REQUIRE(index.updatePoint(at, p.tier, p.overdue, p.fresh));
    }
    CHECK_FALSE(index.updatePoint(std::uint32_t(points.size()), RiskTier::High, true, true));
    const ClusterIndex fresh = ClusterIndex::build(points);
    for (int z = fresh.options().minZoom; z <= fresh.leafLevel(); ++z) {
        REQUIRE(index.itemCount(z) == fresh.itemCount(z));
        for (std::uint32_t t = 0; t < fresh.itemCount(z); ++t) {
            const ClusterIndex::Item a = index.item(z, t), b = fresh.item(z, t);
            REQUIRE(a.count == b.count);
            REQUIRE(a.high == b.high);
            REQUIRE(a.medium == b.medium);
            REQUIRE(a.overdue == b.overdue);
            REQUIRE(a.fresh == b.fresh);
        }
    }
    for (std::uint32_t i = 0; i < points.size(); ++i) {
        REQUIRE(index.tier(i) == points[i].tier);
        REQUIRE(index.overdue(i) == points[i].overdue);
        REQUIRE(index.fresh(i) == points[i].fresh);
    }
}
