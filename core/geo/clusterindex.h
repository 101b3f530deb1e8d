// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kdtree.h"
#include "model/enums.h"

#include <QPointF>
#include <QRectF>
#include <QtGlobal>
#include <cstdint>
#include <span>
#include <vector>

namespace VisitMap::Geo {

// One household as the map indexes it (lon, lat order).
struct MapPoint
{
    double lon = 0;
    double lat = 0;
    qint64 key = 0; // the caller's id (the household's rowid)
    RiskTier tier = RiskTier::Low;
    bool overdue = false;
    bool fresh = false;
};

// Households clustered per zoom level, the supercluster idea: starting from every point at the
// level above maxZoom, each level down is made greedily from the one above — take an item not yet
// taken, gather every untaken item within `radius` pixels (at that zoom, in tiles of `extent`
// units) into one cluster at their weighted centre, or carry the item over alone — and each level
// gets its own k-d tree. Every cluster keeps its tier mix and how many of its households are
// overdue or new, so a badge shows them without visiting the households.
//
// Memory is plain arrays per level (no object per point or cluster); 32-bit fixed-point
// coordinates keep street-level positions exact. Items are processed in k-d order, which keeps
// neighbouring work in cache. Written here (not a library) because the map's speed and its
// tier-mix badges are the product's core, and no Debian library clusters points for display.
class ClusterIndex
{
public:
    struct Options
    {
        double radius = 60;  // cluster radius in pixels of a tile `extent` wide
        double extent = 512; // as supercluster: radius 60 at extent 512 is 30 screen pixels
        int minZoom = 0;
        int maxZoom = 16;    // the last clustered level; above it every household is shown
        int minPoints = 2;
        int nodeSize = 64;
    };

    // One place on one level: a cluster of several households or a single household.
    struct Item
    {
        QPointF world;
        std::uint32_t count = 0;
        std::uint32_t high = 0;
        std::uint32_t medium = 0;
        std::uint32_t overdue = 0;
        std::uint32_t fresh = 0;
        std::uint32_t point = npos; // a single household: its point index; a cluster: npos
        std::uint32_t low() const { return count - high - medium; }
        bool isCluster() const { return count > 1; }
    };
    static constexpr std::uint32_t npos = 0xFFFFFFFFu;

    ClusterIndex() = default;
    static ClusterIndex build(std::span<const MapPoint> points, const Options &options);
    static ClusterIndex build(std::span<const MapPoint> points) { return build(points, Options()); }

    const Options &options() const { return m_options; }
    std::size_t pointCount() const { return m_keys.size(); }
    bool isEmpty() const { return m_keys.empty(); }

    // The level drawn at a fractional map zoom: the whole zoom below it, clamped to the levels
    // built; above maxZoom the leaf level (maxZoom + 1) where every household stands alone.
    int levelFor(double zoom) const;
    int leafLevel() const { return m_options.maxZoom + 1; }
    std::size_t itemCount(int level) const;
    Item item(int level, std::uint32_t index) const;
    // Indexes of the level's items inside a world rectangle, appended to out.
    void itemsIn(int level, const QRectF &world, std::vector<std::uint32_t> &out) const;
    // The item nearest a world point within radius (world units) on a level, or npos.
    std::uint32_t nearest(int level, QPointF world, double radius) const;

    // The tree: an item's parent on the level below (zoom - 1), its children on the level above.
    std::uint32_t parentOf(int level, std::uint32_t index) const;
    std::vector<std::uint32_t> children(int level, std::uint32_t index) const;
    // Point indexes of every household under an item.
    void leaves(int level, std::uint32_t index, std::vector<std::uint32_t> &points) const;
    // The first zoom at which the item breaks into more than one place.
    int expansionZoom(int level, std::uint32_t index) const;

    // The households themselves, by point index (the order they were given to build()).
    qint64 key(std::uint32_t point) const { return m_keys[point]; }
    RiskTier tier(std::uint32_t point) const { return RiskTier(m_flags[point] & 3); }
    bool overdue(std::uint32_t point) const { return m_flags[point] & 4; }
    bool fresh(std::uint32_t point) const { return m_flags[point] & 8; }
    QPointF world(std::uint32_t point) const;
    // The point index of a key, or npos (a binary search when keys were given in ascending
    // order, as the store gives rowids; else a scan).
    std::uint32_t findKey(qint64 key) const;
    // Changes a household's tier, overdue and new marks where it stands: its own flags and the
    // tallies of every cluster above it, level by level, without clustering anything again (the
    // clusters depend only on positions). False for a point index out of range.
    bool updatePoint(std::uint32_t point, RiskTier tier, bool overdue, bool fresh);

    // Point indexes of the households inside a world rectangle.
    void pointsIn(const QRectF &world, std::vector<std::uint32_t> &points) const;

    // Bytes held by the index (arrays and trees).
    std::size_t bytes() const;

private:
    struct Level
    {
        KdTree tree;
        // Per item in tree order. The leaf level keeps only `point` (count 1 by definition).
        std::vector<std::uint32_t> count, high, medium, overdue, fresh;
        std::vector<std::uint32_t> point;
        std::vector<std::uint32_t> parent; // index on the level below; empty at minZoom
        std::vector<std::uint8_t> flags;   // the leaf level only: each point's flags, in tree order
    };
    const Level &level(int zoom) const { return m_levels[std::size_t(zoom - m_options.minZoom)]; }
    Level &level(int zoom) { return m_levels[std::size_t(zoom - m_options.minZoom)]; }
    double radiusFixed(int zoom) const;
    static Level clusterLevel(ClusterIndex &index, Level &above, int zoom);

    Options m_options;
    std::vector<qint64> m_keys;
    std::vector<std::uint8_t> m_flags; // tier (2 bits), overdue, fresh
    std::vector<std::uint32_t> m_pointLeaf; // point index -> leaf-level index
    bool m_keysSorted = true;
    std::vector<Level> m_levels;          // minZoom .. maxZoom + 1
};

// Fixed-point box of a world rectangle, clamped to the world.
struct FixedBox
{
    std::uint32_t minX, minY, maxX, maxY;
    static FixedBox of(const QRectF &world);
};

} // namespace VisitMap::Geo
