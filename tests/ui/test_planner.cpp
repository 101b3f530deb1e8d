// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/plannerdialog.h"
#include "mainwindow.h"
#include "map/mapwidget.h"
#include "planning/routesheet.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QFile>
#include <QSet>
#include <QTreeWidget>

using namespace VisitMap;

namespace {

QString busiestOffice(Ui::WorkspaceController &c)
{
    return c.workspace()->db().scalar(QStringLiteral("SELECT office_code FROM households WHERE risk_tier = 'high' GROUP BY office_code "
                                                     "ORDER BY count(*) DESC LIMIT 1"))->toString();
}

} // namespace

TEST_CASE("The planner draws a 3-team day on the map, takes a stop moved by hand, saves and prints route sheets", "[ui][routing]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = shown.controller;
    Ui::MainWindow &window = shown.window;
    Ui::PlannerDialog *planner = window.openPlanner();
    planner->setSource(Ui::PlannerDialog::Source::High, busiestOffice(*controller));
    planner->setTeams(3);
    REQUIRE(planner->solve());
    const Routing::DayPlan &plan = planner->plan();
    REQUIRE(plan.routes.size() == 3);
    REQUIRE(plan.planned() >= 3);
    CHECK_FALSE(plan.anyLate());
    // On the map: one line per team with a stop per planned household.
    const Ui::RouteOverlay &overlay = window.map()->routes().overlay();
    REQUIRE(overlay.teams.size() == 3);
    int drawn = 0;
    for (const auto &t : overlay.teams)
        drawn += int(t.stops.size());
    CHECK(drawn == plan.planned());
    // The tree lists the teams and the unassigned group.
    CHECK(planner->tree()->topLevelItemCount() == 4);

    // Move team 1's first stop to the end of team 2: both are timed again.
    int from = 0;
    while (plan.routes[from].stops.isEmpty())
        ++from;
    const QString moved = plan.routes[from].stops.first().householdId;
    const int before = int(plan.routes[(from + 1) % 3].stops.size());
    REQUIRE(planner->moveStop(from + 1, 0, (from + 1) % 3 + 1, 99));
    const Routing::TeamRoute &to = planner->plan().routes[(from + 1) % 3];
    REQUIRE(int(to.stops.size()) == before + 1);
    CHECK(to.stops.last().householdId == moved);
    CHECK(to.stops.last().start >= (to.stops.size() > 1 ? to.stops[to.stops.size() - 2].leave : 9 * 60));
    CHECK(to.backAtOffice >= to.stops.last().leave);
    CHECK(planner->tree()->topLevelItem((from + 1) % 3)->childCount() == before + 1);

    // Out of the plan and back in.
    REQUIRE(planner->moveStop((from + 1) % 3 + 1, int(to.stops.size()) - 1, 0, 0));
    CHECK(planner->plan().unassigned.first().householdId == moved);

    // A drag in the plan's tree: the tree is read back and timed again; a stop dropped beside the
    // teams is not lost but left out of the plan.
    {
        Ui::PlanTree *tree = planner->tree();
        int team = 0;
        while (tree->topLevelItem(team)->childCount() == 0)
            ++team;
        QTreeWidgetItem *item = tree->topLevelItem(team)->takeChild(0);
        const QString dragged = item->data(0, Qt::UserRole + 1).toString();
        const int other = (team + 1) % 3;
        tree->topLevelItem(other)->insertChild(0, item);
        Q_EMIT tree->dropped();
        REQUIRE_FALSE(planner->plan().routes[other].stops.isEmpty());
        CHECK(planner->plan().routes[other].stops.first().householdId == dragged);
        CHECK(planner->plan().routes[other].stops.first().arrive > 9 * 60);
        QTreeWidgetItem *loose = planner->tree()->topLevelItem(other)->takeChild(0);
        planner->tree()->addTopLevelItem(loose);
        Q_EMIT planner->tree()->dropped();
        bool left = false;
        for (const auto &u : planner->plan().unassigned)
            left = left || u.householdId == dragged;
        CHECK(left);
    }

    REQUIRE_OK(planner->save());
    CHECK(Test::count(*controller->workspace(), QStringLiteral("SELECT count(*) FROM route_plans")) == 1);

    const QString pdf = dir.path(QStringLiteral("sheets.pdf"));
    REQUIRE_OK(planner->printSheets(pdf, QStringLiteral("11월 24일 방문"), false));
    const QByteArray bytes = Test::readAll(pdf);
    CHECK(bytes.startsWith("%PDF"));
    CHECK(bytes.size() > 20000); // a map picture per team
    CHECK(Test::count(*controller->workspace(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'print' AND "
                                                               "subject_kind = 'route_sheet' AND reason = '11월 24일 방문'")) == 1);
    // No reason, no sheet.
    CHECK_FALSE(planner->printSheets(dir.path(QStringLiteral("x.pdf")), QStringLiteral(" "), false));
    CHECK_FALSE(QFile::exists(dir.path(QStringLiteral("x.pdf"))));
    planner->close();
}

namespace {

// The names and phones of the households a plan visits, as the store holds them.
std::pair<QSet<QString>, QSet<QString>> namesAndPhones(Ui::WorkspaceController &c, const Routing::DayPlan &plan)
{
    QSet<QString> names, phones;
    for (const auto &r : plan.routes) {
        for (const auto &stop : r.stops) {
            for (const QString &id : stop.all()) {
                auto h = Storage::HouseholdStore(c.workspace()->db()).get(id);
                REQUIRE(h);
                names << h->headName;
                if (!h->phone.isEmpty())
                    phones << h->phone;
            }
        }
    }
    return {names, phones};
}

} // namespace

TEST_CASE("Route sheets mask names and phones unless a team lead prints them unmasked", "[ui][routing]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir); // the caseworker
    Ui::MainWindow window(controller.get());
    Ui::PlannerDialog *planner = window.openPlanner();
    planner->setSource(Ui::PlannerDialog::Source::High, busiestOffice(*controller));
    REQUIRE(planner->solve());
    const auto [names, phones] = namesAndPhones(*controller, planner->plan());
    REQUIRE_FALSE(phones.isEmpty());
    auto masked = Routing::RouteSheet::prepare(*controller->workspace(), planner->plan(), false, QStringLiteral("방문"));
    REQUIRE(masked);
    int stops = 0, phoned = 0;
    for (const auto &t : masked->teams) {
        for (const auto &stop : t.stops) {
            CHECK_FALSE(stop.address.isEmpty()); // the team has to find the door
            for (const auto &s : stop.households) {
                INFO(s.name.toStdString() << " " << s.phone.toStdString());
                CHECK(s.name.contains(u'*'));
                CHECK_FALSE(names.contains(s.name));
                if (!s.phone.isEmpty()) {
                    ++phoned;
                    CHECK(s.phone.contains(u'*'));
                    CHECK_FALSE(phones.contains(s.phone));
                }
                ++stops;
            }
        }
    }
    CHECK(stops > 0);
    CHECK(phoned > 0);
    auto unmasked = Routing::RouteSheet::prepare(*controller->workspace(), planner->plan(), true, QStringLiteral("방문"));
    REQUIRE_FALSE(unmasked);
    CHECK(unmasked.error().code == ErrorCode::PermissionDenied);
    planner->close();

    // A team lead's unmasked sheet carries the names and phones as stored, and the print is logged.
    Test::TempDir leadDir;
    auto lead = Test::demoLeadController(leadDir);
    Ui::MainWindow leadWindow(lead.get());
    Ui::PlannerDialog *leadPlanner = leadWindow.openPlanner();
    leadPlanner->setSource(Ui::PlannerDialog::Source::High, busiestOffice(*lead));
    REQUIRE(leadPlanner->solve());
    const auto [leadNames, leadPhones] = namesAndPhones(*lead, leadPlanner->plan());
    auto full = Routing::RouteSheet::prepare(*lead->workspace(), leadPlanner->plan(), true, QStringLiteral("가정방문"));
    REQUIRE(full);
    CHECK(full->unmasked);
    QSet<QString> sheetNames, sheetPhones;
    for (const auto &t : full->teams) {
        for (const auto &stop : t.stops) {
            for (const auto &s : stop.households) {
                sheetNames << s.name;
                if (!s.phone.isEmpty())
                    sheetPhones << s.phone;
            }
        }
    }
    CHECK(sheetNames == leadNames);
    CHECK(sheetPhones == leadPhones);
    CHECK(Test::count(*lead->workspace(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'print' AND "
                                                         "reason = '가정방문'")) == 1);
    // The lead's masked sheet masks as the caseworker's does.
    auto leadMasked = Routing::RouteSheet::prepare(*lead->workspace(), leadPlanner->plan(), false, QStringLiteral("방문"));
    REQUIRE(leadMasked);
    for (const auto &t : leadMasked->teams)
        for (const auto &stop : t.stops)
            for (const auto &s : stop.households)
                CHECK_FALSE(leadNames.contains(s.name));
    leadPlanner->close();
}
