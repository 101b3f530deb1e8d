// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/testsupport.h"
#include "workspacecontroller.h"

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

} // namespace VisitMap::Test
