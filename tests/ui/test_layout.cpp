// SPDX-License-Identifier: GPL-3.0-or-later
// The window's layout: maximised on first start, as last left after that; workload by names.
#include "dialogs/workloaddialog.h"
#include "geo/viewport.h"
#include "map/boundarylayer.h"
#include "map/mapdecorations.h"
#include "map/mapwidget.h"
#include "storage/database.h"
#include "support/testsupport.h"
#include "uitestsupport.h"

#include "storage/householdstore.h"
#include <QCloseEvent>
#include <QDockWidget>
#include <QSettings>
#include <QTableWidget>

using namespace VisitMap;

namespace {

void forgetWindowLayout()
{
    QSettings s;
    for (const char *key : {"window/geometry", "window/state", "window/splitter"})
        s.remove(QLatin1String(key));
}

} // namespace

TEST_CASE("The window opens maximised on first start and as it was left after that", "[ui][layout]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    forgetWindowLayout();
    {
        Ui::MainWindow window(controller.get());
        window.restoreLayout();
        window.show();
        QApplication::processEvents();
        CHECK(window.isMaximized());
        // Left smaller, not maximised.
        window.showNormal();
        window.setGeometry(40, 50, 1100, 760);
        QApplication::processEvents();
        window.close();
    }
    {
        Ui::MainWindow window(controller.get());
        window.restoreLayout();
        window.show();
        QApplication::processEvents();
        CHECK_FALSE(window.isMaximized());
        CHECK(window.size() == QSize(1100, 760));
        window.showMaximized();
        QApplication::processEvents();
        window.close();
    }
    {
        Ui::MainWindow window(controller.get());
        window.restoreLayout();
        window.show();
        QApplication::processEvents();
        CHECK(window.isMaximized());
        window.close();
    }
    forgetWindowLayout();
}

TEST_CASE("The workload dialog shows people by their names with the account in the tooltip",
          "[ui][layout]")
{
    Test::TempDir dir;
    auto controller = Test::demoLeadController(dir);
    REQUIRE(controller->workspace()->db().execute(
        QStringLiteral("UPDATE staff SET display_name = ? WHERE name = ?"),
        {QStringLiteral("박복지"), QStringLiteral("demo-caseworker")}));
    Ui::WorkloadDialog dialog(controller.get());
    QTableWidget *table = dialog.workers();
    bool found = false;
    for (int r = 0; r < table->rowCount(); ++r) {
        CHECK(table->item(r, 0)->text() != QStringLiteral("demo-caseworker"));
        if (table->item(r, 0)->text() == QStringLiteral("박복지")) {
            found = true;
            CHECK(table->item(r, 0)->toolTip() == QStringLiteral("계정: demo-caseworker"));
        }
    }
    CHECK(found);
}

TEST_CASE("The legend does not cover the district when the map shows it whole", "[ui][layout]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoController(dir));
    for (const QSize size : {QSize(1600, 1000), QSize(1280, 800), QSize(1920, 1080)}) {
        w.window.resize(size);
        QApplication::processEvents();
        Ui::MapWidget *map = w.window.map();
        map->fitToData();
        const Geo::Viewport &vp = map->viewport();
        const QRectF world = map->boundaries().worldBounds();
        const QRectF district
            = QRectF(vp.worldToScreen(world.topLeft()), vp.worldToScreen(world.bottomRight()))
                  .normalized();
        const QRectF legend(map->width() - Ui::MapDecorations::legendWidth - 12, 12,
                            Ui::MapDecorations::legendWidth, 1);
        INFO("window " << size.width() << "x" << size.height());
        // The district lies left of the legend's column and wholly on screen.
        CHECK(district.right() < legend.left());
        CHECK(district.left() >= 0);
    }
}

TEST_CASE("The intake queue below the map leaves the household panel its full height",
          "[ui][layout]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoLeadController(dir));
    w.window.resize(1600, 1000);
    auto all
        = Storage::HouseholdStore(w.controller->workspace()->db()).list(w.controller->baseQuery());
    REQUIRE(all);
    REQUIRE(w.window.openHousehold(all->at(0).id));
    w.window.showIntake();
    QApplication::processEvents();
    auto *panel = w.window.findChild<QDockWidget *>(QStringLiteral("householdDock"));
    auto *intake = w.window.findChild<QDockWidget *>(QStringLiteral("intakeDock"));
    REQUIRE(panel);
    REQUIRE(intake);
    REQUIRE(panel->isVisible());
    REQUIRE(intake->isVisible());
    // The panel reaches down beside the queue instead of ending above it.
    CHECK(panel->geometry().bottom() >= intake->geometry().bottom());
    CHECK(intake->geometry().right() < panel->geometry().left());
}
