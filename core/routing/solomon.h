// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"
#include "vrp.h"

namespace VisitMap::Routing {

// Solomon's VRPTW instances (1987): a name, the fleet (NUMBER, CAPACITY), then one row per node
// (CUST NO., XCOORD., YCOORD., DEMAND, READY TIME, DUE DATE, SERVICE TIME), node 0 the depot.
// Distances are Euclidean in double precision, travel time equals distance, and every vehicle
// leaves the depot at its ready time and must be back by its due date.
struct SolomonInstance
{
    QString name;
    int vehicles = 0;
    double capacity = 0;
    std::vector<double> x, y;
    VrpProblem problem;
};

namespace Solomon {
Result<SolomonInstance> readInstance(const QString &path);
Result<SolomonInstance> parseInstance(const QString &text, const QString &fileName);
// A SINTEF solution file: "Route N : id id …" lines (ids may be zero-padded; the depot is
// implicit); returns the routes in order.
Result<std::vector<std::vector<int>>> readRoutes(const QString &path);
Result<std::vector<std::vector<int>>> parseRoutes(const QString &text, const QString &fileName);
} // namespace Solomon

} // namespace VisitMap::Routing
