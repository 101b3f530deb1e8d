// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace VisitMap {

// A welfare facility from a public list. Many lists carry addresses only: such a facility is in
// the resource directory at once and on the map once placed.
struct Facility
{
    QString id;
    QString code;
    QString name;
    QString category;
    QString categoryDetail;
    QString sggCode;
    QString address;
    QString phone;
    std::optional<double> lon;
    std::optional<double> lat;
    QString officeCode;
    QString placedBy; // source / user / address
    QString source;

    bool isPlaced() const { return lon.has_value() && lat.has_value(); }
};

} // namespace VisitMap
