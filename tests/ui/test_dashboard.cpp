// SPDX-License-Identifier: GPL-3.0-or-later
// 팀장 › 현황판: the figures as the team lead and a caseworker see them, the filters, and a click
// on a bar that shows those households in the list and on the map.
#include "dialogs/dashboarddialog.h"
#include "mainwindow.h"
#include "models/householdtablemodel.h"
#include "storage/database.h"
#include "support/testsupport.h"
#include "theme.h"
#include "widgets/householdfilterbar.h"
#include "workspacecontroller.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QTableWidget>

using namespace VisitMap;

namespace {

struct Board
{
    Test::TempDir dir;
    Ui::WorkspaceController controller;
    std::unique_ptr<Ui::MainWindow> window;
    Ui::DashboardDialog *dashboard = nullptr;

    explicit Board(bool lead)
    {
        REQUIRE_OK(controller.open(Test::demoStoreCopy(dir)));
        REQUIRE_OK(controller.signInDemo());
        if (lead)
            REQUIRE_OK(controller.signIn(QStringLiteral("demo-lead"),
                                         QStringLiteral("visitmap-lead-demo")));
        window = std::make_unique<Ui::MainWindow>(&controller);
        window->resize(1500, 900);
        window->show();
        dashboard = window->openDashboard();
        REQUIRE(dashboard);
        QApplication::processEvents();
    }
    qint64 count(const QString &sql) { return Test::count(*controller.workspace(), sql); }
    QList<QBarSet *> sets(const QString &chart) const
    {
        QChartView *view = dashboard->chart(chart);
        REQUIRE(view);
        REQUIRE(view->chart());
        REQUIRE(view->chart()->series().size() == 1);
        auto *series = qobject_cast<QAbstractBarSeries *>(view->chart()->series().first());
        REQUIRE(series);
        return series->barSets();
    }
};

} // namespace

TEST_CASE("The team lead's board counts every active household by office and tier, and a click on "
          "a bar shows exactly those households",
          "[ui][dashboard]")
{
    Board b(true);
    const auto &f = b.dashboard->figures();
    CHECK(f.scope.worker.isEmpty());
    int households = 0;
    for (const auto &t : f.tiers)
        households += t.total();
    CHECK(households
          == b.count(QStringLiteral("SELECT COUNT(*) FROM households WHERE status = 'active'")));
    // The 12 weeks up to today, as whole weeks (Monday to Sunday): 12 or 13 of them.
    CHECK(f.weeks.size() >= 12);
    CHECK(f.weeks.size() <= 13);
    CHECK(f.weeks.last().monday == f.scope.today.addDays(1 - f.scope.today.dayOfWeek()));
    const QList<QBarSet *> tiers = b.sets(QStringLiteral("tiers"));
    REQUIRE(tiers.size() == 3);
    CHECK(tiers[0]->label() == label(RiskTier::High));
    CHECK(tiers[0]->color() == Ui::Theme::tierColor(RiskTier::High));
    REQUIRE(tiers[0]->count() == f.tiers.size());

    // A click on the first office's 고위험 bar: the list shows those households, no other.
    const QString office = f.tiers.first().office;
    Q_EMIT tiers[0]->clicked(0);
    QApplication::processEvents();
    const auto q = b.window->householdFilter()->query();
    CHECK(q.offices == QStringList{office});
    REQUIRE(q.tier);
    CHECK(*q.tier == RiskTier::High);
    CHECK(b.window->householdModel()->rowCount()
          == b.count(
              QStringLiteral("SELECT COUNT(*) FROM households WHERE status = 'active' AND "
                             "office_code = '%1' AND COALESCE(risk_override, risk_tier) = 'high'")
                  .arg(office)));
    CHECK(b.window->householdModel()->rowCount() == f.tiers.first().high);

    // A click on a worker's overdue bar: that worker's overdue households.
    const QList<QBarSet *> late = b.sets(QStringLiteral("overdue"));
    REQUIRE(late.size() == 3);
    REQUIRE_FALSE(f.overdue.isEmpty());
    Q_EMIT late[2]->clicked(0);
    QApplication::processEvents();
    const auto worker = b.window->householdFilter()->query();
    CHECK(worker.overdueOnly);
    CHECK_FALSE(worker.tier);
    CHECK(b.window->householdModel()->rowCount() == f.overdue.first().total());

    // Choosing an office recounts for it alone.
    auto *offices = b.dashboard->findChild<QComboBox *>();
    REQUIRE(offices);
    REQUIRE(offices->count() > 1);
    offices->setCurrentIndex(1);
    QApplication::processEvents();
    CHECK(b.dashboard->figures().scope.offices == QStringList{offices->currentData().toString()});
    int inOffice = 0;
    for (const auto &t : b.dashboard->figures().tiers)
        inOffice += t.total();
    CHECK(inOffice
          == b.count(QStringLiteral("SELECT COUNT(*) FROM households WHERE status = 'active' "
                                    "AND office_code = '%1'")
                         .arg(offices->currentData().toString())));
}

TEST_CASE("A caseworker's board is of their own households, the worker not to be changed",
          "[ui][dashboard][privacy]")
{
    Board b(false);
    CHECK(b.dashboard->figures().scope.worker == QStringLiteral("demo-caseworker"));
    int households = 0;
    for (const auto &t : b.dashboard->figures().tiers)
        households += t.total();
    CHECK(households
          == b.count(QStringLiteral("SELECT COUNT(*) FROM households WHERE status = 'active' "
                                    "AND assigned_worker = 'demo-caseworker'")));
    bool workerLocked = false;
    for (QComboBox *c : b.dashboard->findChildren<QComboBox *>())
        workerLocked = workerLocked
                       || (c->accessibleName() == QStringLiteral("담당자 선택") && !c->isEnabled());
    CHECK(workerLocked);
    // Signing out closes the board: the next person's figures are their own.
    b.window->lock();
    QApplication::processEvents();
    CHECK_FALSE(b.dashboard->isVisible());
}
