// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/testsupport.h"
#include "mainwindow.h"
#include "workspacecontroller.h"

#include <QApplication>

#include <memory>

namespace VisitMap::Test {

// A controller on a fresh copy of the small demo store, signed in as the demo caseworker.
inline std::unique_ptr<Ui::WorkspaceController> demoController(const TempDir &dir)
{
    auto controller = std::make_unique<Ui::WorkspaceController>();
    REQUIRE_OK(controller->open(demoStoreCopy(dir)));
    REQUIRE_OK(controller->signInDemo());
    return controller;
}

// The same, signed in as the demo team lead (the whole area, intake and unmasked exports).
inline std::unique_ptr<Ui::WorkspaceController> demoLeadController(const TempDir &dir)
{
    auto controller = std::make_unique<Ui::WorkspaceController>();
    REQUIRE_OK(controller->open(demoStoreCopy(dir)));
    REQUIRE_OK(controller->signIn(QStringLiteral("demo-lead"), QStringLiteral("visitmap-lead-demo")));
    return controller;
}

// A main window on a demo store, shown and settled, as a person would find it after signing in.
struct DemoWindow
{
    std::unique_ptr<Ui::WorkspaceController> controller;
    Ui::MainWindow window;
    explicit DemoWindow(std::unique_ptr<Ui::WorkspaceController> c) : controller(std::move(c)), window(controller.get())
    {
        window.resize(1400, 900);
        window.show();
        QApplication::processEvents();
    }
};

} // namespace VisitMap::Test
