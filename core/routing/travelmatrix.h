// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>
#include <QUrl>
#include <vector>

namespace VisitMap::Routing {

enum class TravelMode { Walk, Car };

// How travel between visits is estimated. Without a routing service: the straight line times a
// detour factor (streets are not straight; about 1.25 in a dense Korean 동) at a speed per mode.
// With an OSRM-compatible service (its `table` API): the network's own metres and minutes.
struct TravelSettings
{
    TravelMode mode = TravelMode::Walk;
    double detourFactor = 1.25;
    double walkKmh = 4.0; // with a bag, stairs and crossings
    double carKmh = 18.0; // 동 streets, parking included
    QUrl osrmUrl;         // e.g. http://localhost:5000 ; empty: straight line
    int timeoutMs = 8000;

    double kmh() const { return mode == TravelMode::Walk ? walkKmh : carKmh; }
    QString describe() const; // "직선거리 × 1.25, 도보 4 km/h" or "OSRM (http://…), 도보"
};

struct TravelPoint
{
    double lon = 0, lat = 0;
};

struct TravelMatrix
{
    int size = 0;
    std::vector<double> metres;  // size×size, row-major
    std::vector<double> minutes; // size×size
    QString source;              // what the figures come from, in words
    QString notice;              // set when the service was asked and the straight line used instead

    double metresAt(int a, int b) const { return metres[std::size_t(a) * std::size_t(size) + std::size_t(b)]; }
    double minutesAt(int a, int b) const { return minutes[std::size_t(a) * std::size_t(size) + std::size_t(b)]; }
};

namespace Travel {
TravelMatrix straightLine(const std::vector<TravelPoint> &points, const TravelSettings &settings);
// Asks the OSRM-compatible service for the table (blocking, with the settings' timeout).
Result<TravelMatrix> fromService(const std::vector<TravelPoint> &points, const TravelSettings &settings);
// The service when one is set and it answers; else the straight line, with a notice saying why.
TravelMatrix build(const std::vector<TravelPoint> &points, const TravelSettings &settings);
} // namespace Travel

} // namespace VisitMap::Routing
