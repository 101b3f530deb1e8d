// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "routing/routesheet.h"

#include <functional>

class QImage;

namespace VisitMap::Ui {

// Writes the route sheets: one A4 page (or more) per team with the map of its way, the ordered
// stops (time, address, who, phone, tier, last visit, purpose) and room for notes at each stop.
namespace RouteSheetPdf {
// excerpt: draws a team's map (size in points); may be empty.
Status write(const QString &path, const Routing::RouteSheetData &data,
             const std::function<QImage(const Routing::SheetTeam &team, QSize size)> &excerpt);
}

} // namespace VisitMap::Ui
