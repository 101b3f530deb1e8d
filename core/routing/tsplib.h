// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QPointF>
#include <QString>
#include <vector>

namespace VisitMap::Routing {

// A symmetric TSPLIB instance with coordinates (EUC_2D, CEIL_2D or ATT), as in Reinelt's
// TSPLIB95. Distances follow the library's definitions exactly, so lengths compare with its
// published optima.
struct TspInstance
{
    QString name;
    QString weightType; // EUC_2D, CEIL_2D, ATT
    std::vector<QPointF> coords; // node i (0-based) is TSPLIB node i + 1

    int size() const { return int(coords.size()); }
    // TSPLIB's distance between nodes i and j (0-based): EUC_2D nint(√(dx²+dy²)), CEIL_2D
    // ceil(…), ATT the pseudo-Euclidean distance.
    long long distance(int i, int j) const;
    // The whole matrix, row-major, as the solver takes it.
    std::vector<double> matrix() const;
    // A closed tour's length (the edge back to the start included), summing rounded edges.
    long long tourLength(const std::vector<int> &tour) const;
};

namespace Tsplib {
// Reads a .tsp file. Errors name the file and line: unknown or missing DIMENSION, an edge weight
// type without coordinates, a node line that is not "id x y", ids out of range or repeated.
Result<TspInstance> readInstance(const QString &path);
Result<TspInstance> parseInstance(const QString &text, const QString &fileName);
// Reads a .tour file: 1-based ids after TOUR_SECTION until -1 (or EOF, or the end), any number
// per line; returned 0-based. expectedSize > 0 checks it is a permutation of that many nodes.
Result<std::vector<int>> readTour(const QString &path, int expectedSize = 0);
Result<std::vector<int>> parseTour(const QString &text, const QString &fileName, int expectedSize = 0);
} // namespace Tsplib

} // namespace VisitMap::Routing
