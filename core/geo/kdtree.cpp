// SPDX-License-Identifier: GPL-3.0-or-later
#include "kdtree.h"

#include <algorithm>
#include <thread>

namespace VisitMap::Geo {

namespace {

// Splits [left, right] at its middle along axis, then each half along the other axis, until the
// ranges are leaves. The two halves of a large range are independent, so the top splits run on
// a second thread.
void split(KdTree::Entry *data, std::size_t left, std::size_t right, int axis, std::size_t nodeSize, int threads)
{
    if (right - left <= nodeSize)
        return;
    const std::size_t m = (left + right) / 2;
    if (axis == 0) {
        std::nth_element(data + left, data + m, data + right + 1,
                         [](const KdTree::Entry &a, const KdTree::Entry &b) { return a.x < b.x; });
    } else {
        std::nth_element(data + left, data + m, data + right + 1,
                         [](const KdTree::Entry &a, const KdTree::Entry &b) { return a.y < b.y; });
    }
    if (threads > 1 && right - left > 100000) {
        std::thread other(split, data, left, m - 1, 1 - axis, nodeSize, threads / 2);
        split(data, m + 1, right, 1 - axis, nodeSize, threads - threads / 2);
        other.join();
    } else {
        if (m > left)
            split(data, left, m - 1, 1 - axis, nodeSize, 1);
        split(data, m + 1, right, 1 - axis, nodeSize, 1);
    }
}

} // namespace

KdTree::KdTree(std::vector<Entry> entries, int nodeSize)
    : m_nodeSize(std::max(nodeSize, 2))
{
    if (!entries.empty()) {
        const int threads = std::clamp(int(std::thread::hardware_concurrency()), 1, 8);
        split(entries.data(), 0, entries.size() - 1, 0, std::size_t(m_nodeSize), threads);
    }
    m_xy.resize(2 * entries.size());
    m_order.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        m_xy[2 * i] = entries[i].x;
        m_xy[2 * i + 1] = entries[i].y;
        m_order[i] = entries[i].index;
    }
}

// range() and within() walk the tree the same way. The walk is written out in each: a shared
// template walker with the test passed in measured 15% slower in `visitmap-cli bench cluster`
// (the clustering's inner loop is within()).
void KdTree::range(std::uint32_t minX, std::uint32_t minY, std::uint32_t maxX, std::uint32_t maxY,
                   std::vector<std::uint32_t> &out) const
{
    if (m_xy.empty())
        return;
    const std::uint32_t *xy = m_xy.data();
    struct Span
    {
        std::size_t left, right;
        int axis;
    };
    Span stack[128];
    int top = 0;
    stack[top++] = {0, size() - 1, 0};
    while (top > 0) {
        const Span s = stack[--top];
        if (s.right - s.left <= std::size_t(m_nodeSize)) {
            for (std::size_t i = s.left; i <= s.right; ++i) {
                const std::uint32_t x = xy[2 * i], y = xy[2 * i + 1];
                if (x >= minX && x <= maxX && y >= minY && y <= maxY)
                    out.push_back(std::uint32_t(i));
            }
            continue;
        }
        const std::size_t m = (s.left + s.right) / 2;
        const std::uint32_t x = xy[2 * m], y = xy[2 * m + 1];
        if (x >= minX && x <= maxX && y >= minY && y <= maxY)
            out.push_back(std::uint32_t(m));
        const std::uint32_t v = s.axis == 0 ? x : y;
        const std::uint32_t lo = s.axis == 0 ? minX : minY, hi = s.axis == 0 ? maxX : maxY;
        if (lo <= v && m > s.left)
            stack[top++] = {s.left, m - 1, 1 - s.axis};
        if (hi >= v)
            stack[top++] = {m + 1, s.right, 1 - s.axis};
    }
}

void KdTree::within(std::uint32_t qx, std::uint32_t qy, double radius, std::vector<std::uint32_t> &out) const
{
    if (m_xy.empty())
        return;
    const std::uint32_t *xy = m_xy.data();
    const double r2 = radius * radius;
    const auto lowerBound = [](std::uint32_t v, double r) {
        return v < r ? 0u : std::uint32_t(double(v) - r);
    };
    const auto upperBound = [](std::uint32_t v, double r) {
        const double u = double(v) + r;
        return u >= 4294967295.0 ? 0xFFFFFFFFu : std::uint32_t(u) + 1;
    };
    const std::uint32_t minX = lowerBound(qx, radius), maxX = upperBound(qx, radius);
    const std::uint32_t minY = lowerBound(qy, radius), maxY = upperBound(qy, radius);
    // The box test is integer and cheap; the distance is only worked out for what passes it.
    const auto near = [&](std::size_t i) {
        const std::uint32_t x = xy[2 * i], y = xy[2 * i + 1];
        if (x < minX || x > maxX || y < minY || y > maxY)
            return false;
        const double dx = double(std::int64_t(x) - std::int64_t(qx));
        const double dy = double(std::int64_t(y) - std::int64_t(qy));
        return dx * dx + dy * dy <= r2;
    };
    struct Span
    {
        std::size_t left, right;
        int axis;
    };
    Span stack[128];
    int top = 0;
    stack[top++] = {0, size() - 1, 0};
    while (top > 0) {
        const Span s = stack[--top];
        if (s.right - s.left <= std::size_t(m_nodeSize)) {
            for (std::size_t i = s.left; i <= s.right; ++i) {
                if (near(i))
                    out.push_back(std::uint32_t(i));
            }
            continue;
        }
        const std::size_t m = (s.left + s.right) / 2;
        if (near(m))
            out.push_back(std::uint32_t(m));
        const std::uint32_t v = xy[2 * m + s.axis];
        const std::uint32_t lo = s.axis == 0 ? minX : minY, hi = s.axis == 0 ? maxX : maxY;
        if (lo <= v && m > s.left)
            stack[top++] = {s.left, m - 1, 1 - s.axis};
        if (hi >= v)
            stack[top++] = {m + 1, s.right, 1 - s.axis};
    }
}

std::size_t KdTree::bytes() const
{
    return (m_xy.capacity() + m_order.capacity()) * sizeof(std::uint32_t);
}

} // namespace VisitMap::Geo
