// SPDX-License-Identifier: GPL-3.0-or-later
#include "tspsolver.h"

#include "util/random.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <numeric>

namespace VisitMap::Routing {

namespace {

constexpr double eps = 1e-9;

class Search
{
public:
    Search(int n, const std::vector<double> &m) : n(n), d(m), pos(std::size_t(n)), inQueue(std::size_t(n), false)
    {
        // Nearest neighbours of every node: the candidate list every move starts from.
        const int k = std::min(10, n - 1);
        neighbours.resize(std::size_t(n) * std::size_t(k));
        std::vector<int> order(static_cast<std::size_t>(n));
        for (int v = 0; v < n; ++v) {
            std::iota(order.begin(), order.end(), 0);
            std::swap(order[std::size_t(v)], order.back());
            order.pop_back();
            std::partial_sort(order.begin(), order.begin() + k, order.end(),
                              [&](int a, int b) { return dist(v, a) < dist(v, b) || (dist(v, a) == dist(v, b) && a < b); });
            std::copy(order.begin(), order.begin() + k, neighbours.begin() + std::ptrdiff_t(v) * k);
            order.resize(std::size_t(n));
        }
        K = k;
    }

    double dist(int a, int b) const { return d[std::size_t(a) * std::size_t(n) + std::size_t(b)]; }
    int succ(int v) const { return tour[std::size_t((pos[std::size_t(v)] + 1) % n)]; }
    int pred(int v) const { return tour[std::size_t((pos[std::size_t(v)] + n - 1) % n)]; }

    void setTour(std::vector<int> t)
    {
        tour = std::move(t);
        for (int i = 0; i < n; ++i)
            pos[std::size_t(tour[std::size_t(i)])] = i;
        length = 0;
        for (int i = 0; i < n; ++i)
            length += dist(tour[std::size_t(i)], tour[std::size_t((i + 1) % n)]);
    }

    void nearestNeighbourTour()
    {
        std::vector<int> t;
        std::vector<bool> used(std::size_t(n), false);
        int v = 0;
        for (int step = 0; step < n; ++step) {
            t.push_back(v);
            used[std::size_t(v)] = true;
            int best = -1;
            for (int u = 0; u < n; ++u) {
                if (!used[std::size_t(u)] && (best < 0 || dist(v, u) < dist(v, best)))
                    best = u;
            }
            v = best;
        }
        setTour(std::move(t));
    }

    // Reverses the path from position i forward to position j (inclusive), or the rest of the
    // cycle when that is shorter: the same tour either way.
    void reverse(int i, int j)
    {
        int len = (j - i + n) % n + 1;
        if (2 * len > n) {
            const int ni = (j + 1) % n, nj = (i + n - 1) % n;
            i = ni;
            j = nj;
            len = n - len;
        }
        for (int k = 0; k < len / 2; ++k) {
            const int a = (i + k) % n, b = (j - k + n) % n;
            std::swap(tour[std::size_t(a)], tour[std::size_t(b)]);
            pos[std::size_t(tour[std::size_t(a)])] = a;
            pos[std::size_t(tour[std::size_t(b)])] = b;
        }
    }

    void push(int v)
    {
        if (!inQueue[std::size_t(v)]) {
            inQueue[std::size_t(v)] = true;
            queue.push_back(v);
        }
    }

    bool twoOpt(int a)
    {
        const int *nb = &neighbours[std::size_t(a) * std::size_t(K)];
        // The edge after a, then the edge before it.
        for (int dir = 0; dir < 2; ++dir) {
            const int b = dir == 0 ? succ(a) : pred(a);
            const double dab = dist(a, b);
            for (int k = 0; k < K; ++k) {
                const int c = nb[k];
                const double g = dab - dist(a, c);
                if (g <= eps)
                    break;
                const int e = dir == 0 ? succ(c) : pred(c);
                if (c == b || e == a)
                    continue;
                const double delta = dist(a, c) + dist(b, e) - dab - dist(c, e);
                if (delta < -eps) {
                    if (dir == 0)
                        reverse(pos[std::size_t(b)], pos[std::size_t(c)]);
                    else
                        reverse(pos[std::size_t(a)], pos[std::size_t(e)]);
                    length += delta;
                    push(a);
                    push(b);
                    push(c);
                    push(e);
                    return true;
                }
            }
        }
        return false;
    }

    // Moves the segment of 1–3 nodes starting (forward) at a next to a neighbour of its ends.
    bool orOpt(int a)
    {
        for (int len = 1; len <= 3 && len <= n - 3; ++len) {
            int s2 = a;
            for (int k = 1; k < len; ++k)
                s2 = succ(s2);
            const int p = pred(a), nx = succ(s2);
            const double removeGain = dist(p, a) + dist(s2, nx) - dist(p, nx);
            if (removeGain <= eps)
                continue;
            auto inSegment = [&](int v) {
                return (pos[std::size_t(v)] - pos[std::size_t(a)] + n) % n < len;
            };
            for (int end = 0; end < 2; ++end) {
                const int e = end == 0 ? a : s2;
                const int *nb = &neighbours[std::size_t(e) * std::size_t(K)];
                for (int k = 0; k < K; ++k) {
                    const int c = nb[k];
                    if (dist(e, c) >= removeGain - eps)
                        break;
                    if (inSegment(c))
                        continue;
                    // Between c and its successor, or its predecessor and c; e next to c.
                    for (int side = 0; side < 2; ++side) {
                        const int x = side == 0 ? c : pred(c);
                        const int y = side == 0 ? succ(c) : c;
                        if (inSegment(x) || inSegment(y) || (x == p && y == nx))
                            continue;
                        // x - first ... last - y
                        const int first = side == 0 ? e : (e == a ? s2 : a);
                        const int last = first == a ? s2 : a;
                        const double add = dist(x, first) + dist(last, y) - dist(x, y);
                        if (add < removeGain - eps) {
                            moveSegment(a, s2, len, x, first == s2);
                            length += add - removeGain;
                            push(p);
                            push(nx);
                            push(a);
                            push(s2);
                            push(x);
                            push(y);
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    // Takes the segment a..s2 out and puts it after x (reversed when asked).
    void moveSegment(int a, int s2, int len, int x, bool reversed)
    {
        std::vector<int> seg;
        seg.reserve(std::size_t(len));
        for (int v = a, k = 0; k < len; ++k, v = succ(v))
            seg.push_back(v);
        if (reversed)
            std::reverse(seg.begin(), seg.end());
        std::vector<int> next;
        next.reserve(std::size_t(n));
        for (int v = succ(s2), k = 0; k < n - len; ++k, v = succ(v)) {
            next.push_back(v);
            if (v == x)
                next.insert(next.end(), seg.begin(), seg.end());
        }
        tour = std::move(next);
        for (int i = 0; i < n; ++i)
            pos[std::size_t(tour[std::size_t(i)])] = i;
    }

    void localSearch()
    {
        while (!queue.empty()) {
            const int v = queue.front();
            queue.pop_front();
            inQueue[std::size_t(v)] = false;
            while (twoOpt(v) || orOpt(v)) {
            }
        }
    }

    void queueAll()
    {
        for (int v : tour)
            push(v);
    }

    // A double bridge within a window: A B C D -> A C B D with B and C short, so that the
    // search repairs it locally.
    void kick(Random &rng)
    {
        const int maxSeg = std::max(1, std::min(50, n / 4));
        const int l1 = rng.between(1, maxSeg), l2 = rng.between(1, maxSeg);
        const int p0 = int(rng.below(std::uint32_t(n)));
        std::vector<int> b, c;
        for (int k = 1; k <= l1; ++k)
            b.push_back(tour[std::size_t((p0 + k) % n)]);
        for (int k = 1; k <= l2; ++k)
            c.push_back(tour[std::size_t((p0 + l1 + k) % n)]);
        const int a = tour[std::size_t(p0)], after = tour[std::size_t((p0 + l1 + l2 + 1) % n)];
        const double before = dist(a, b.front()) + dist(b.back(), c.front()) + dist(c.back(), after);
        const double now = dist(a, c.front()) + dist(c.back(), b.front()) + dist(b.back(), after);
        int i = (p0 + 1) % n;
        for (int v : c) {
            tour[std::size_t(i)] = v;
            pos[std::size_t(v)] = i;
            i = (i + 1) % n;
        }
        for (int v : b) {
            tour[std::size_t(i)] = v;
            pos[std::size_t(v)] = i;
            i = (i + 1) % n;
        }
        length += now - before;
        for (int v : {a, after, b.front(), b.back(), c.front(), c.back()})
            push(v);
    }

    int n;
    const std::vector<double> &d;
    std::vector<int> tour, pos, neighbours;
    int K = 0;
    double length = 0;
    std::vector<bool> inQueue;
    std::deque<int> queue;
};

} // namespace

TspResult TspSolver::solve(int n, const std::vector<double> &matrix, const SolveOptions &options)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    TspResult result;
    if (n <= 3) {
        result.tour.resize(std::size_t(std::max(n, 0)));
        std::iota(result.tour.begin(), result.tour.end(), 0);
        for (int i = 0; i < n; ++i)
            result.length += matrix[std::size_t(result.tour[std::size_t(i)]) * n + std::size_t(result.tour[std::size_t((i + 1) % n)])];
        return result;
    }
    Search s(n, matrix);
    s.nearestNeighbourTour();
    s.queueAll();
    s.localSearch();
    std::vector<int> best = s.tour;
    double bestLength = s.length;
    std::vector<int> current = s.tour;
    double currentLength = s.length;
    Random rng(options.seed);
    qint64 it = 0;
    for (;; ++it) {
        if (options.maxIterations >= 0 && it >= options.maxIterations)
            break;
        if ((it & 63) == 0) {
            const double t = elapsed();
            if (t >= options.seconds) // a hard limit, with or without a round count
                break;
            if ((it & 1023) == 0 && options.progress
                && !options.progress(options.seconds > 0 ? std::min(1.0, t / options.seconds) : 1.0, bestLength)) {
                result.cancelled = true;
                break;
            }
        }
        s.kick(rng);
        s.localSearch();
        // Better, as good, or worse by less than a random fraction of an average edge: the
        // search drifts across plateaus and out of shallow traps (accepting only "better or
        // equal" left eil51, ch130 and tsp225 0.2–0.6% above their optima at 2 s).
        if (s.length < currentLength + eps + bestLength / n * rng.uniform()) {
            currentLength = s.length;
            current = s.tour;
            if (s.length < bestLength - eps) {
                bestLength = s.length;
                best = s.tour;
            }
        } else {
            s.setTour(current);
        }
    }
    result.tour = best;
    // The length summed afresh, not from accumulated deltas.
    result.length = 0;
    for (int i = 0; i < n; ++i)
        result.length += matrix[std::size_t(best[std::size_t(i)]) * n + std::size_t(best[std::size_t((i + 1) % n)])];
    result.iterations = it;
    result.seconds = elapsed();
    return result;
}

} // namespace VisitMap::Routing
