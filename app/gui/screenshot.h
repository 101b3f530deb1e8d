// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCommandLineParser;

namespace VisitMap::Ui {
class MainWindow;
class WorkspaceController;
} // namespace VisitMap::Ui

namespace VisitMap::GuiApp {

// Renders the view --view names (with --size, --zoom, --center, --layers, --route-sheet) of the
// signed-in window to the PNG --screenshot names. Returns the program's exit status: 0 written,
// 1 failed, 2 a usage error.
int renderScreenshot(Ui::MainWindow &window, Ui::WorkspaceController &controller, const QCommandLineParser &parser);

} // namespace VisitMap::GuiApp
