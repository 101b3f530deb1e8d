// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tspsolver.h"
#include "vrp.h"

namespace VisitMap::Routing {

// Solves a VrpProblem: every customer inserted where it adds least (time windows, capacity and
// shifts respected), then ruin and recreate until the budget ends — strings of neighbouring
// customers taken out of nearby routes and put back greedily in a varied order, with occasional
// positions skipped, accepted by simulated annealing (the "slack induction by string removals"
// scheme of Christiaens and Vanden Berghe, 2020). Written here because routing is the product's
// core. Deterministic for a seed and an iteration count; cancellable through the progress call.
class VrpSolver
{
public:
    static VrpSolution solve(const VrpProblem &problem, const SolveOptions &options);
};

} // namespace VisitMap::Routing
