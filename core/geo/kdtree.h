// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace VisitMap::Geo {

// A static 2-D k-d tree over points in 32-bit fixed-point world units (Web Mercator x, y times
// 2^32: finer than a centimetre, half the memory of doubles). The tree is implicit, as in kdbush:
// the points are reordered so that every range [l, r] of more than nodeSize points is split at
// its middle element along alternating axes; no node objects exist. Only the coordinates and the
// permutation are kept; callers reorder their own per-point data by order().
//
// Written here rather than taken from a library because Debian has no k-d tree that stores
// fixed-point coordinates without a node per point, and the cluster index needs exactly this.
class KdTree
{
public:
    struct Entry
    {
        std::uint32_t x;
        std::uint32_t y;
        std::uint32_t index; // the caller's index of the point
    };

    KdTree() = default;
    // Builds over the entries (consumed); order()[i] is the caller's index of tree point i.
    explicit KdTree(std::vector<Entry> entries, int nodeSize = 64);

    std::size_t size() const { return m_xy.size() / 2; }
    std::uint32_t x(std::size_t i) const { return m_xy[2 * i]; }
    std::uint32_t y(std::size_t i) const { return m_xy[2 * i + 1]; }
    const std::vector<std::uint32_t> &order() const { return m_order; }
    // Frees the permutation once the caller has used it.
    void dropOrder() { std::vector<std::uint32_t>().swap(m_order); }

    // Tree indexes of the points inside the closed box, appended to out.
    void range(std::uint32_t minX, std::uint32_t minY, std::uint32_t maxX, std::uint32_t maxY,
               std::vector<std::uint32_t> &out) const;
    // Tree indexes of the points within radius (in world units times 2^32) of (x, y).
    void within(std::uint32_t x, std::uint32_t y, double radius, std::vector<std::uint32_t> &out) const;

    std::size_t bytes() const;

private:
    int m_nodeSize = 64;
    std::vector<std::uint32_t> m_xy; // x, y interleaved: a leaf's points are one cache run
    std::vector<std::uint32_t> m_order;
};

// World units (Web Mercator, [0, 1)) to and from the tree's fixed point.
constexpr double kFixedScale = 4294967296.0; // 2^32
inline std::uint32_t toFixed(double world)
{
    const double v = world * kFixedScale;
    return v <= 0 ? 0u : v >= kFixedScale - 1 ? 0xFFFFFFFFu : std::uint32_t(v + 0.5);
}
inline double fromFixed(std::uint32_t v)
{
    return double(v) / kFixedScale;
}

} // namespace VisitMap::Geo
