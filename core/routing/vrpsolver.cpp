// SPDX-License-Identifier: GPL-3.0-or-later
#include "vrpsolver.h"

#include "util/random.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace VisitMap::Routing {

namespace {

constexpr double timeEps = 1e-7;
// What an unvisited must-visit customer costs: more than any route could.
constexpr double mustVisitPenalty = 1e7;

struct Route
{
    std::vector<int> nodes;
    std::vector<double> start;  // service start at each position
    std::vector<double> latest; // latest service start at each position keeping the rest on time
    double load = 0;
    double distance = 0;
};

struct State
{
    std::vector<Route> routes;
    std::vector<int> unassigned;
    double cost = 0;
};

class Search
{
public:
    Search(const VrpProblem &p, Random &rng) : p(p), rng(rng)
    {
        customers = p.customers();
        const int n = p.size();
        // Every customer's other customers, nearest first (the string removal walks them).
        adjacency.resize(std::size_t(n));
        for (int c : customers) {
            std::vector<int> others;
            for (int o : customers) {
                if (o != c)
                    others.push_back(o);
            }
            std::sort(others.begin(), others.end(), [&](int a, int b) { return p.dist(c, a) < p.dist(c, b) || (p.dist(c, a) == p.dist(c, b) && a < b); });
            if (others.size() > 60)
                others.resize(60);
            adjacency[std::size_t(c)] = std::move(others);
        }
        // Vehicles alike in every respect need only one empty route tried.
        for (std::size_t v = 0; v < p.vehicles.size(); ++v) {
            std::size_t same = v;
            for (std::size_t w = 0; w < v; ++w) {
                const auto &a = p.vehicles[v], &b = p.vehicles[w];
                if (a.start == b.start && a.end == b.end && a.capacity == b.capacity && a.shiftStart == b.shiftStart
                    && a.shiftEnd == b.shiftEnd && a.fixedCost == b.fixedCost && a.breakStart == b.breakStart
                    && a.breakMinutes == b.breakMinutes) {
                    same = w;
                    break;
                }
            }
            kind.push_back(int(same));
        }
    }

    double penalty(int c) const
    {
        const double pen = p.nodes[std::size_t(c)].penalty;
        return std::isinf(pen) ? mustVisitPenalty : pen;
    }

    void update(State &s, std::size_t r) const
    {
        Route &rt = s.routes[r];
        const VrpProblem::Vehicle &v = p.vehicles[r];
        const std::size_t m = rt.nodes.size();
        rt.start.resize(m);
        rt.latest.resize(m);
        rt.load = 0;
        rt.distance = 0;
        if (m == 0)
            return;
        double t = v.shiftStart;
        int at = v.start;
        for (std::size_t i = 0; i < m; ++i) {
            const int c = rt.nodes[i];
            const auto &node = p.nodes[std::size_t(c)];
            t = VrpProblem::serviceBegins(t + p.time(at, c), node, v);
            rt.start[i] = t;
            t += node.service;
            rt.load += node.demand;
            rt.distance += p.dist(at, c);
            at = c;
        }
        rt.distance += p.dist(at, v.end);
        double late = v.shiftEnd;
        int next = v.end;
        for (std::size_t i = m; i-- > 0;) {
            const int c = rt.nodes[i];
            const auto &node = p.nodes[std::size_t(c)];
            late = std::min(node.due, late - p.time(c, next) - node.service);
            rt.latest[i] = late;
            next = c;
        }
    }

    double costOf(const State &s) const
    {
        double cost = 0;
        for (std::size_t r = 0; r < s.routes.size(); ++r) {
            if (!s.routes[r].nodes.empty())
                cost += s.routes[r].distance + p.vehicles[r].fixedCost;
        }
        for (int c : s.unassigned)
            cost += penalty(c);
        return cost;
    }

    // The cheapest feasible place for c (route, position, added cost); route -1 when none.
    struct Place
    {
        int route = -1;
        int position = 0;
        double cost = std::numeric_limits<double>::infinity();
    };
    Place bestPlace(const State &s, int c, double blink)
    {
        Place best;
        const auto &node = p.nodes[std::size_t(c)];
        std::vector<bool> emptyTried(p.vehicles.size(), false);
        for (std::size_t r = 0; r < s.routes.size(); ++r) {
            const Route &rt = s.routes[r];
            const VrpProblem::Vehicle &v = p.vehicles[r];
            if (rt.load + node.demand > v.capacity + 1e-9)
                continue;
            const std::size_t m = rt.nodes.size();
            if (m == 0) {
                if (emptyTried[std::size_t(kind[r])])
                    continue;
                emptyTried[std::size_t(kind[r])] = true;
            }
            for (std::size_t i = 0; i <= m; ++i) {
                if (blink > 0 && rng.chance(blink))
                    continue;
                const int prev = i == 0 ? v.start : rt.nodes[i - 1];
                const int next = i == m ? v.end : rt.nodes[i];
                const double added = p.dist(prev, c) + p.dist(c, next) - p.dist(prev, next) + (m == 0 ? v.fixedCost : 0);
                if (added >= best.cost)
                    continue;
                const double depart = i == 0 ? v.shiftStart : rt.start[i - 1] + p.nodes[std::size_t(prev)].service;
                const double begins = VrpProblem::serviceBegins(depart + p.time(prev, c), node, v);
                if (begins > node.due + timeEps)
                    continue;
                if (v.breakMinutes > 0) {
                    // A break makes waiting non-linear: follow the rest of the route through.
                    if (!onTimeAfter(rt, v, i, c, begins + node.service))
                        continue;
                } else {
                    const double reachNext = begins + node.service + p.time(c, next);
                    if (i == m) {
                        if (reachNext > v.shiftEnd + timeEps)
                            continue;
                    } else if (std::max(reachNext, p.nodes[std::size_t(next)].ready) > rt.latest[i] + timeEps) {
                        continue;
                    }
                }
                best = {int(r), int(i), added};
            }
        }
        return best;
    }

    // Whether the route from position i on (after c, left at `leave`) still keeps every window
    // and the shift.
    bool onTimeAfter(const Route &rt, const VrpProblem::Vehicle &v, std::size_t i, int c, double leave) const
    {
        double t = leave;
        int at = c;
        for (std::size_t k = i; k < rt.nodes.size(); ++k) {
            const int x = rt.nodes[k];
            const auto &node = p.nodes[std::size_t(x)];
            t = VrpProblem::serviceBegins(t + p.time(at, x), node, v);
            if (t > node.due + timeEps)
                return false;
            t += node.service;
            at = x;
        }
        return t + p.time(at, v.end) <= v.shiftEnd + timeEps;
    }

    void insertAll(State &s, std::vector<int> pending, bool initial)
    {
        // The order the removed customers go back in: random, largest demand, farthest from
        // or nearest to where the vehicles start, earliest window.
        const int depot = p.vehicles.front().start;
        const int order = initial ? 4 : int(rng.below(12));
        if (order < 4)
            std::shuffle(pending.begin(), pending.end(), Shuffle{rng});
        else if (order < 7)
            std::stable_sort(pending.begin(), pending.end(), [&](int a, int b) { return p.nodes[std::size_t(a)].demand > p.nodes[std::size_t(b)].demand; });
        else if (order < 9)
            std::stable_sort(pending.begin(), pending.end(), [&](int a, int b) { return p.dist(depot, a) > p.dist(depot, b); });
        else if (order < 10)
            std::stable_sort(pending.begin(), pending.end(), [&](int a, int b) { return p.dist(depot, a) < p.dist(depot, b); });
        else
            std::stable_sort(pending.begin(), pending.end(), [&](int a, int b) { return p.nodes[std::size_t(a)].due < p.nodes[std::size_t(b)].due; });
        for (int c : pending) {
            const Place at = bestPlace(s, c, initial ? 0.0 : 0.01);
            // Leaving an optional customer out may be cheaper than the detour.
            if (at.route < 0 || at.cost >= penalty(c)) {
                s.unassigned.push_back(c);
                continue;
            }
            auto &rt = s.routes[std::size_t(at.route)];
            rt.nodes.insert(rt.nodes.begin() + at.position, c);
            update(s, std::size_t(at.route));
        }
    }

    // Takes strings of consecutive customers out of routes near a random customer.
    std::vector<int> ruin(State &s)
    {
        std::vector<int> routeOf(std::size_t(p.size()), -1);
        int assigned = 0, used = 0;
        for (std::size_t r = 0; r < s.routes.size(); ++r) {
            for (int c : s.routes[r].nodes)
                routeOf[std::size_t(c)] = int(r);
            assigned += int(s.routes[r].nodes.size());
            used += !s.routes[r].nodes.empty();
        }
        std::vector<int> removed = s.unassigned;
        s.unassigned.clear();
        if (assigned == 0)
            return removed;
        const double cbar = 10, lmax = 10;
        const double lsmax = std::min(lmax, double(assigned) / std::max(1, used));
        const double ksmax = 4 * cbar / (1 + lsmax) - 1;
        const int ks = int(std::floor(rng.uniform(1, ksmax + 1)));
        int seed = -1;
        while (seed < 0) {
            const int c = customers[rng.below(std::uint32_t(customers.size()))];
            if (routeOf[std::size_t(c)] >= 0)
                seed = c;
        }
        std::vector<bool> ruined(s.routes.size(), false);
        int done = 0;
        std::vector<int> walk{seed};
        walk.insert(walk.end(), adjacency[std::size_t(seed)].begin(), adjacency[std::size_t(seed)].end());
        for (int c : walk) {
            if (done >= ks)
                break;
            const int r = routeOf[std::size_t(c)];
            if (r < 0 || ruined[std::size_t(r)])
                continue;
            Route &rt = s.routes[std::size_t(r)];
            const int m = int(rt.nodes.size());
            const int lmaxHere = int(std::min<double>(m, lsmax));
            const int l = std::max(1, int(std::floor(rng.uniform(1, lmaxHere + 1))));
            const int at = int(std::find(rt.nodes.begin(), rt.nodes.end(), c) - rt.nodes.begin());
            // A string of l that holds c: its first position anywhere from at-l+1 to at.
            const int lo = std::max(0, at - l + 1), hi = std::min(at, m - l);
            const int first = lo + int(rng.below(std::uint32_t(hi - lo + 1)));
            for (int k = 0; k < l; ++k) {
                removed.push_back(rt.nodes[std::size_t(first + k)]);
                routeOf[std::size_t(rt.nodes[std::size_t(first + k)])] = -1;
            }
            rt.nodes.erase(rt.nodes.begin() + first, rt.nodes.begin() + first + l);
            update(s, std::size_t(r));
            ruined[std::size_t(r)] = true;
            ++done;
        }
        return removed;
    }

    // The length of a route of these customers for vehicle v, or -1 when it breaks a window,
    // the shift or the capacity.
    double routeLength(const VrpProblem::Vehicle &v, const std::vector<int> &nodes) const
    {
        if (nodes.empty())
            return 0;
        double t = v.shiftStart, load = 0, length = 0;
        int at = v.start;
        for (int c : nodes) {
            const auto &node = p.nodes[std::size_t(c)];
            load += node.demand;
            t = VrpProblem::serviceBegins(t + p.time(at, c), node, v);
            if (t > node.due + timeEps)
                return -1;
            t += node.service;
            length += p.dist(at, c);
            at = c;
        }
        if (load > v.capacity + 1e-9 || t + p.time(at, v.end) > v.shiftEnd + timeEps)
            return -1;
        return length + p.dist(at, v.end) + v.fixedCost;
    }

    double routeCost(const State &s, std::size_t r) const
    {
        return s.routes[r].nodes.empty() ? 0 : s.routes[r].distance + p.vehicles[r].fixedCost;
    }

    // Local search on a plan: relocate a customer (or a string of two or three) next to one of
    // its nearest neighbours, exchange two customers, 2-opt within a route and 2-opt* (tails
    // crossed) between routes, first improvement, until none improves. Used on each new best
    // plan the ruin and recreate finds.
    void improve(State &s)
    {
        const int K = 12;
        std::vector<int> routeOf(std::size_t(p.size()), -1), posOf(std::size_t(p.size()), -1);
        auto index = [&] {
            for (std::size_t r = 0; r < s.routes.size(); ++r) {
                for (std::size_t i = 0; i < s.routes[r].nodes.size(); ++i) {
                    routeOf[std::size_t(s.routes[r].nodes[i])] = int(r);
                    posOf[std::size_t(s.routes[r].nodes[i])] = int(i);
                }
            }
        };
        auto apply = [&](std::size_t r1, std::vector<int> a, std::size_t r2, std::vector<int> b) {
            s.routes[r1].nodes = std::move(a);
            update(s, r1);
            if (r2 != r1) {
                s.routes[r2].nodes = std::move(b);
                update(s, r2);
            }
            index();
        };
        index();
        bool improved = true;
        int rounds = 0;
        while (improved && rounds++ < 50) {
            improved = false;
            for (int c : customers) {
                const int r1 = routeOf[std::size_t(c)];
                if (r1 < 0)
                    continue;
                const auto &adj = adjacency[std::size_t(c)];
                for (int k = 0; k < K && k < int(adj.size()) && !improved; ++k) {
                    const int n = adj[std::size_t(k)];
                    const int r2 = routeOf[std::size_t(n)];
                    if (r2 < 0)
                        continue;
                    const std::vector<int> &A = s.routes[std::size_t(r1)].nodes, &B = s.routes[std::size_t(r2)].nodes;
                    const int i = posOf[std::size_t(c)], j = posOf[std::size_t(n)];
                    const double before = routeCost(s, std::size_t(r1)) + (r2 != r1 ? routeCost(s, std::size_t(r2)) : 0);
                    auto tryMove = [&](const std::vector<int> &na, const std::vector<int> &nb) {
                        const double la = routeLength(p.vehicles[std::size_t(r1)], na);
                        if (la < 0)
                            return false;
                        const double lb = r2 != r1 ? routeLength(p.vehicles[std::size_t(r2)], nb) : 0;
                        if (lb < 0 || la + lb >= before - 1e-7)
                            return false;
                        apply(std::size_t(r1), na, std::size_t(r2), nb);
                        return true;
                    };
                    // Relocate a string of 1–3 starting at c to just after or before n.
                    for (int len = 1; len <= 3 && !improved; ++len) {
                        if (i + len > int(A.size()))
                            break;
                        if (r1 == r2 && j >= i && j < i + len)
                            break;
                        std::vector<int> seg(A.begin() + i, A.begin() + i + len);
                        for (int side = 0; side < 2 && !improved; ++side) {
                            for (int flip = 0; flip < 2 && !improved; ++flip) {
                                std::vector<int> str = seg;
                                if (flip)
                                    std::reverse(str.begin(), str.end());
                                if (r1 == r2) {
                                    std::vector<int> rest;
                                    for (int x = 0; x < int(A.size()); ++x) {
                                        if (x < i || x >= i + len)
                                            rest.push_back(A[std::size_t(x)]);
                                    }
                                    const int at = int(std::find(rest.begin(), rest.end(), n) - rest.begin()) + (side == 0 ? 1 : 0);
                                    rest.insert(rest.begin() + at, str.begin(), str.end());
                                    improved = tryMove(rest, {});
                                } else {
                                    std::vector<int> na = A, nb = B;
                                    na.erase(na.begin() + i, na.begin() + i + len);
                                    nb.insert(nb.begin() + j + (side == 0 ? 1 : 0), str.begin(), str.end());
                                    improved = tryMove(na, nb);
                                }
                            }
                        }
                    }
                    if (improved)
                        break;
                    if (r1 != r2) {
                        // Exchange c and n.
                        std::vector<int> na = A, nb = B;
                        std::swap(na[std::size_t(i)], nb[std::size_t(j)]);
                        if ((improved = tryMove(na, nb)))
                            break;
                        // 2-opt*: c then n's successors; n then c's successors (and the mirror).
                        for (int mirror = 0; mirror < 2 && !improved; ++mirror) {
                            std::vector<int> ta(A.begin(), A.begin() + i + 1 - mirror), tb(B.begin(), B.begin() + j + mirror);
                            ta.insert(ta.end(), B.begin() + j + mirror, B.end());
                            tb.insert(tb.end(), A.begin() + i + 1 - mirror, A.end());
                            improved = tryMove(ta, tb);
                        }
                    } else if (i != j) {
                        // 2-opt within the route: c next to n, the path between reversed.
                        const int lo = std::min(i, j) + 1, hi = std::max(i, j);
                        if (hi > lo) {
                            std::vector<int> na = A;
                            std::reverse(na.begin() + (i < j ? lo : lo - 1), na.begin() + (i < j ? hi + 1 : hi));
                            improved = tryMove(na, {});
                        }
                    }
                }
                if (improved)
                    break;
            }
        }
        s.cost = costOf(s);
    }

    struct Shuffle
    {
        Random &rng;
        using result_type = std::uint32_t;
        static constexpr result_type min() { return 0; }
        static constexpr result_type max() { return 0xFFFFFFFFu; }
        result_type operator()() { return std::uint32_t(rng.next() >> 32); }
    };

    const VrpProblem &p;
    Random &rng;
    std::vector<int> customers;
    std::vector<std::vector<int>> adjacency;
    std::vector<int> kind;
};

} // namespace

VrpSolution VrpSolver::solve(const VrpProblem &problem, const SolveOptions &options)
{
    using Clock = std::chrono::steady_clock;
    const auto began = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - began).count(); };
    VrpSolution out;
    out.routes.resize(problem.vehicles.size());
    Random rng(options.seed);
    Search search(problem, rng);
    if (search.customers.empty() || problem.vehicles.empty()) {
        out.unassigned = search.customers;
        evaluate(problem, out);
        return out;
    }
    State current;
    current.routes.resize(problem.vehicles.size());
    search.insertAll(current, search.customers, true);
    search.improve(current);
    State best = current;
    // Temperatures in the units of the problem: from three average edges at the start to a
    // hundredth of that. (At a third of an edge the clustered Solomon C2 instances stayed with
    // four routes where three are shorter; three edges let the search leave such a plan.)
    double edge = 0;
    int edges = 0;
    for (const auto &r : current.routes) {
        if (!r.nodes.empty()) {
            edge += r.distance;
            edges += int(r.nodes.size()) + 1;
        }
    }
    const double t0 = edges ? 3.0 * edge / edges : 1.0, tf = t0 / 100;
    qint64 it = 0, lastBetter = 0;
    double fraction = 0;
    for (;; ++it) {
        if (options.stallIterations >= 0 && it - lastBetter > options.stallIterations)
            break;
        if (options.maxIterations >= 0) {
            if (it >= options.maxIterations)
                break;
            // With a round count the cooling follows the rounds, so a run repeats exactly
            // (unless the time budget, always a hard limit, ends it first).
            fraction = double(it) / double(std::max<qint64>(1, options.maxIterations));
        }
        if ((it & 31) == 0) {
            const double t = elapsed();
            if (t >= options.seconds)
                break;
            if (options.maxIterations < 0)
                fraction = t / options.seconds;
            if ((it & 1023) == 0 && options.progress && !options.progress(std::min(1.0, fraction), best.cost)) {
                out.cancelled = true;
                break;
            }
        }
        const double temperature = t0 * std::pow(tf / t0, fraction);
        State next = current;
        std::vector<int> removed = search.ruin(next);
        search.insertAll(next, std::move(removed), false);
        next.cost = search.costOf(next);
        if (next.cost < current.cost - temperature * std::log(std::max(1e-300, rng.uniform()))) {
            if (next.cost < best.cost - 1e-9)
                search.improve(next); // polish every new best before keeping it
            current = std::move(next);
            if (current.cost < best.cost - 1e-9) {
                best = current;
                lastBetter = it;
            }
        }
    }
    for (std::size_t r = 0; r < best.routes.size(); ++r)
        out.routes[r] = best.routes[r].nodes;
    out.unassigned = best.unassigned;
    std::sort(out.unassigned.begin(), out.unassigned.end());
    evaluate(problem, out);
    out.iterations = it;
    out.seconds = elapsed();
    return out;
}

} // namespace VisitMap::Routing
