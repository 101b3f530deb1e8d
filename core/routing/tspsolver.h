// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <functional>
#include <vector>

namespace VisitMap::Routing {

struct SolveOptions
{
    double seconds = 2;            // the time budget (a hard limit, also with maxIterations)
    quint64 seed = 1;
    qint64 maxIterations = -1;     // perturbation rounds; -1: until the budget ends
    qint64 stallIterations = -1;   // stop after this many rounds without a better answer; -1: never
    // Called now and then with the fraction of the budget used and the best length so far;
    // returning false stops the search (the best tour so far is returned).
    std::function<bool(double fraction, double best)> progress;
};

struct TspResult
{
    std::vector<int> tour; // a permutation of 0..n-1
    double length = 0;
    qint64 iterations = 0;
    double seconds = 0;
    bool cancelled = false;
};

// A symmetric travelling-salesman solver: nearest-neighbour start, then 2-opt and Or-opt
// (segments of 1–3, both orientations) over 10-nearest-neighbour lists with don't-look bits,
// and iterated local search with segment-local double-bridge kicks until the budget ends. Written
// here because route planning is the product's core; the same moves serve the day planner.
// Deterministic for a seed and an iteration count that ends before the time budget (a time
// budget alone stops wherever the machine's speed puts it).
class TspSolver
{
public:
    // matrix: n×n row-major, symmetric.
    static TspResult solve(int n, const std::vector<double> &matrix, const SolveOptions &options);
};

} // namespace VisitMap::Routing
