// SPDX-License-Identifier: GPL-3.0-or-later
#include "vrp.h"

#include <cmath>

namespace VisitMap::Routing {

namespace {
constexpr double timeEps = 1e-6;
}

std::vector<int> VrpProblem::customers() const
{
    std::vector<bool> terminal(nodes.size(), false);
    for (const Vehicle &v : vehicles) {
        terminal[std::size_t(v.start)] = true;
        terminal[std::size_t(v.end)] = true;
    }
    std::vector<int> out;
    for (int i = 0; i < size(); ++i) {
        if (!terminal[std::size_t(i)])
            out.push_back(i);
    }
    return out;
}

int VrpSolution::vehiclesUsed() const
{
    int n = 0;
    for (const auto &r : routes)
        n += !r.empty();
    return n;
}

QStringList checkSolution(const VrpProblem &p, const VrpSolution &s)
{
    QStringList problems;
    std::vector<int> seen(p.nodes.size(), 0);
    if (s.routes.size() > p.vehicles.size())
        problems << QStringLiteral("%1 routes for %2 vehicles").arg(s.routes.size()).arg(p.vehicles.size());
    for (std::size_t r = 0; r < s.routes.size() && r < p.vehicles.size(); ++r) {
        const auto &route = s.routes[r];
        if (route.empty())
            continue;
        const VrpProblem::Vehicle &v = p.vehicles[r];
        double load = 0, t = v.shiftStart;
        int at = v.start;
        for (int c : route) {
            if (c < 0 || c >= p.size()) {
                problems << QStringLiteral("route %1 visits node %2, which does not exist").arg(r + 1).arg(c);
                continue;
            }
            ++seen[std::size_t(c)];
            const VrpProblem::Node &n = p.nodes[std::size_t(c)];
            load += n.demand;
            t = VrpProblem::serviceBegins(t + p.time(at, c), n, v);
            if (t > n.due + timeEps)
                problems << QStringLiteral("route %1 reaches node %2 at %3, after its due time %4")
                                .arg(r + 1)
                                .arg(c)
                                .arg(t, 0, 'f', 2)
                                .arg(n.due, 0, 'f', 2);
            t += n.service;
            at = c;
        }
        t += p.time(at, v.end);
        if (t > v.shiftEnd + timeEps)
            problems << QStringLiteral("route %1 is back at %2, after the end of its shift %3")
                            .arg(r + 1)
                            .arg(t, 0, 'f', 2)
                            .arg(v.shiftEnd, 0, 'f', 2);
        if (load > v.capacity + 1e-9)
            problems << QStringLiteral("route %1 carries %2, over its capacity %3").arg(r + 1).arg(load).arg(v.capacity);
    }
    for (int c : s.unassigned) {
        if (c >= 0 && c < p.size()) {
            ++seen[std::size_t(c)];
            if (std::isinf(p.nodes[std::size_t(c)].penalty))
                problems << QStringLiteral("node %1 must be visited but is not").arg(c);
        }
    }
    for (int c : p.customers()) {
        if (seen[std::size_t(c)] == 0)
            problems << QStringLiteral("node %1 is neither visited nor listed as left out").arg(c);
        else if (seen[std::size_t(c)] > 1)
            problems << QStringLiteral("node %1 appears %2 times").arg(c).arg(seen[std::size_t(c)]);
    }
    return problems;
}

void evaluate(const VrpProblem &p, VrpSolution &s)
{
    s.distance = 0;
    s.cost = 0;
    for (std::size_t r = 0; r < s.routes.size() && r < p.vehicles.size(); ++r) {
        const auto &route = s.routes[r];
        if (route.empty())
            continue;
        const VrpProblem::Vehicle &v = p.vehicles[r];
        int at = v.start;
        for (int c : route) {
            s.distance += p.dist(at, c);
            at = c;
        }
        s.distance += p.dist(at, v.end);
        s.cost += v.fixedCost;
    }
    s.cost += s.distance;
    for (int c : s.unassigned)
        s.cost += p.nodes[std::size_t(c)].penalty;
}

} // namespace VisitMap::Routing
