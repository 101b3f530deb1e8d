// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <limits>
#include <vector>

namespace VisitMap::Routing {

// A vehicle-routing problem with time windows, as both the Solomon benchmark and a team lead's
// day plan pose it. Times and distances are in the same units as the matrices (minutes and
// metres for a day plan; Solomon's own units, where travel time equals distance).
struct VrpProblem
{
    struct Node
    {
        double demand = 0;
        double ready = 0;                                          // earliest start of service
        double due = std::numeric_limits<double>::infinity();      // latest start of service
        double service = 0;                                        // minutes at the place
        // What leaving it unvisited costs; infinity: it must be visited (a plan that cannot is
        // reported with the node unassigned).
        double penalty = std::numeric_limits<double>::infinity();
    };
    struct Vehicle
    {
        int start = 0;  // node index of where it sets out (the depot, the dong office)
        int end = 0;    // and where it comes back
        double capacity = std::numeric_limits<double>::infinity();
        double shiftStart = 0;
        double shiftEnd = std::numeric_limits<double>::infinity(); // back at `end` by then
        double fixedCost = 0; // what using it costs at all (0: distance alone decides)
        // A break (lunch) at a fixed time: no visit runs into it; travel may.
        double breakStart = 0;
        double breakMinutes = 0;
    };

    // When service at a place begins for a vehicle arriving then: not before the place opens,
    // and not so that it runs into the vehicle's break (it starts after the break instead).
    static double serviceBegins(double arrive, const Node &node, const Vehicle &vehicle)
    {
        double s = arrive > node.ready ? arrive : node.ready;
        if (vehicle.breakMinutes > 0 && s < vehicle.breakStart + vehicle.breakMinutes && s + node.service > vehicle.breakStart)
            s = vehicle.breakStart + vehicle.breakMinutes;
        return s;
    }

    int size() const { return int(nodes.size()); }
    double dist(int a, int b) const { return distance[std::size_t(a) * nodes.size() + std::size_t(b)]; }
    double time(int a, int b) const
    {
        return travelTime.empty() ? distance[std::size_t(a) * nodes.size() + std::size_t(b)]
                                  : travelTime[std::size_t(a) * nodes.size() + std::size_t(b)];
    }
    // The nodes vehicles visit (not a start or end of any vehicle).
    std::vector<int> customers() const;

    std::vector<Node> nodes;
    std::vector<Vehicle> vehicles;
    std::vector<double> distance;   // n×n row-major
    std::vector<double> travelTime; // n×n, or empty: equal to distance
};

struct VrpSolution
{
    std::vector<std::vector<int>> routes; // per vehicle, the customers in order (start/end implicit)
    std::vector<int> unassigned;
    double distance = 0;
    double cost = 0; // distance + fixed costs of used vehicles + penalties of unassigned nodes
    qint64 iterations = 0;
    double seconds = 0;
    bool cancelled = false;

    int vehiclesUsed() const;
};

// What is wrong with a solution, in words (empty: feasible): a customer visited twice or never
// (and not allowed to be left), a load over capacity, a service starting after its due time, a
// vehicle back after its shift.
QStringList checkSolution(const VrpProblem &problem, const VrpSolution &solution);
// Distance and cost of a solution as it stands.
void evaluate(const VrpProblem &problem, VrpSolution &solution);

} // namespace VisitMap::Routing
