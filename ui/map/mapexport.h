// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>

namespace VisitMap::Ui {

class MapWidget;
class WorkspaceController;

// Saves the map's current view as a PNG (at twice the screen's resolution) or a PDF (A4
// landscape, vector where the layers are vector) with the legend, the scale bar, the date, the
// account and the attribution, then logs it with its reason. Nothing is left behind on failure.
namespace MapExport {
Status save(MapWidget &map, WorkspaceController &controller, const QString &path, const QString &reason);
}

} // namespace VisitMap::Ui
