// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/plannerdialog.h"
#include "dialogs/routesheetpdf.h"
#include "dialogs/savedplanslist.h"
#include "mainwindow.h"
#include "map/routelayer.h"
#include "access/disclosure.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/routeplanstore.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QBuffer>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace VisitMap;

namespace {

QString busiestHighOffice(Ui::WorkspaceController &c)
{
    return c.workspace()
        ->db()
        .scalar(QStringLiteral(
            "SELECT office_code FROM households WHERE risk_tier = 'high' GROUP BY office_code "
            "ORDER BY count(*) DESC LIMIT 1"))
        ->toString();
}

// Two high-risk households of the office, the second moved into the first one's building, which
// has a long road address.
QStringList
twoInOneBuilding(Ui::WorkspaceController &c, const QString &office, const QString &address)
{
    const auto ids = c.workspace()->db().strings(
        QStringLiteral("SELECT id FROM households WHERE office_code = ? AND risk_tier = 'high' "
                       "AND risk_override IS NULL AND lon <> 0 ORDER BY id LIMIT 2"),
        {office});
    REQUIRE(ids);
    REQUIRE(ids->size() == 2);
    REQUIRE(c.workspace()->db().execute(
        QStringLiteral("UPDATE households SET road_address = ? WHERE id IN (?, ?)"),
        {address, ids->at(0), ids->at(1)}));
    REQUIRE(c.workspace()->db().execute(
        QStringLiteral(
            "UPDATE households SET lon = (SELECT lon FROM households WHERE id = ?), lat = "
            "(SELECT lat FROM households WHERE id = ?), address_detail = '나동 201호' WHERE id = "
            "?"),
        {ids->at(0), ids->at(0), ids->at(1)}));
    return *ids;
}

QTreeWidgetItem *itemFor(QTreeWidget *tree, const QString &id)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        for (int c = 0; c < tree->topLevelItem(i)->childCount(); ++c) {
            if (tree->topLevelItem(i)->child(c)->data(0, Ui::PlanTree::IdRole).toString() == id)
                return tree->topLevelItem(i)->child(c);
        }
    }
    return nullptr;
}

// Answers every modal dialog that opens, the way a person would, until `answer` says it was the
// last one. It stops with the dialog it belongs to (context): a test ending early leaves nothing
// running.
void answerModals(QObject *context, const std::function<bool(QWidget *)> &answer)
{
    QTimer::singleShot(20, context, [context, answer] {
        if (QWidget *w = QApplication::activeModalWidget()) {
            if (!answer(w))
                return; // the last one
        }
        answerModals(context, answer);
    });
}

int pages(const QByteArray &pdf)
{
    return int(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page>>")
               + pdf.count("/Type /Page "));
}

const QString longAddress
    = QStringLiteral("서울특별시 서대문구 연희로11가길 123-45 (연희동, 한빛그린빌라 나동)");

} // namespace

TEST_CASE(
    "The planner visits two households of one building at one stop and shows its address in full",
    "[ui][routing][stops]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = shown.controller;
    const QString office = busiestHighOffice(*controller);
    const QStringList pair = twoInOneBuilding(*controller, office, longAddress);
    REQUIRE(controller->disclosure().setListRevealed(true)); // the lead shows names and addresses
    Ui::PlannerDialog *planner = shown.window.openPlanner();
    planner->setSource(Ui::PlannerDialog::Source::High, office);
    planner->setTeams(2);
    REQUIRE(planner->solve());
    int stopsWithPair = 0;
    for (const auto &r : planner->plan().routes)
        for (const auto &s : r.stops)
            stopsWithPair += (s.all().contains(pair[0]) || s.all().contains(pair[1])) ? 1 : 0;
    CHECK(stopsWithPair == 1);
    QTreeWidgetItem *first = itemFor(planner->tree(), pair[0]);
    QTreeWidgetItem *second = itemFor(planner->tree(), pair[1]);
    REQUIRE((first || second));
    CHECK_FALSE((first && second)); // one row for the building
    QTreeWidgetItem *item = first ? first : second;
    CHECK(item->text(Ui::PlanTree::Households).split(u'\n').size() == 2);
    CHECK(item->text(Ui::PlanTree::Households).contains(QStringLiteral("나동 201호")));

    // The address is all there, and the row is tall enough for it wrapped in its column.
    CHECK(item->text(Ui::PlanTree::Address) == longAddress);
    planner->resize(1000, 600);
    QApplication::processEvents();
    QTreeWidget *tree = planner->tree();
    const int width = tree->header()->sectionSize(Ui::PlanTree::Address);
    const QRect needed = tree->fontMetrics().boundingRect(QRect(0, 0, width - 8, 10000),
                                                          Qt::TextWordWrap, longAddress);
    INFO("column " << width << " needs " << needed.height() << " row "
                   << tree->visualItemRect(item).height());
    REQUIRE(needed.height() > tree->fontMetrics().height()); // narrow enough to wrap
    CHECK(tree->visualItemRect(item).height() >= needed.height());
    CHECK(tree->textElideMode() == Qt::ElideNone);
    planner->close();
}

TEST_CASE("The planner leaves out a household visited in the last 7 days and says so with the "
          "visit's day",
          "[ui][routing][recent]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = shown.controller;
    const QString office = busiestHighOffice(*controller);
    const QString id
        = controller->workspace()
              ->db()
              .scalar(
                  QStringLiteral("SELECT id FROM households WHERE office_code = ? AND risk_tier = "
                                 "'high' AND lon <> 0 ORDER BY id LIMIT 1"),
                  {office})
              ->toString();
    const QDate visited = controller->today().addDays(-3);
    REQUIRE(controller->workspace()->db().execute(
        QStringLiteral("UPDATE households SET last_visit_at = ? WHERE id = ?"),
        {visited.toString(Qt::ISODate) + QStringLiteral("T02:00:00Z"), id}));
    Ui::PlannerDialog *planner = shown.window.openPlanner();
    planner->setSource(Ui::PlannerDialog::Source::High, office);
    REQUIRE(planner->solve());
    QTreeWidgetItem *item = itemFor(planner->tree(), id);
    REQUIRE(item);
    CHECK(item->parent()->data(0, Ui::PlanTree::TeamRole).toInt() == 0);
    CHECK(item->text(Ui::PlanTree::Distance)
          == QStringLiteral("최근 7일 안에 방문함 (%1)")
                 .arg(visited.toString(QStringLiteral("yyyy.MM.dd"))));
    CHECK_FALSE(item->flags().testFlag(Qt::ItemIsDragEnabled));
    CHECK(planner->summary().contains(QStringLiteral("최근 7일 안에 방문한 1가구는 뺐습니다")));

    // With 0 days nobody is left out for a visit.
    planner->setRecentDays(0);
    REQUIRE(planner->solve());
    item = itemFor(planner->tree(), id);
    REQUIRE(item);
    CHECK(item->parent()->data(0, Ui::PlanTree::TeamRole).toInt() > 0);
    planner->close();
}

TEST_CASE("A saved plan reopens from the planner's list, is changed and saved as a new version and "
          "printed again",
          "[ui][routing][saved]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = shown.controller;
    const QString office = busiestHighOffice(*controller);
    twoInOneBuilding(*controller, office, longAddress);
    Routing::DayPlan saved;
    {
        Ui::PlannerDialog *planner = shown.window.openPlanner();
        CHECK(planner->savedPlans()->count() == 0);
        planner->setSource(Ui::PlannerDialog::Source::High, office);
        planner->setTeams(2);
        REQUIRE(planner->solve());
        REQUIRE_OK(planner->save());
        CHECK(planner->savedPlans()->count() == 1);
        saved = planner->plan();
        planner->close();
        QApplication::processEvents();
    }
    Ui::PlannerDialog *planner = shown.window.openPlanner();
    Ui::SavedPlansList *list = planner->savedPlans();
    REQUIRE(list->count() == 1);
    CHECK(list->list()->topLevelItem(0)->text(2) == QStringLiteral("2팀"));
    CHECK(list->list()->topLevelItem(0)->text(3)
          == QStringLiteral("%1곳 (%2가구)").arg(saved.planned()).arg(saved.households()));
    list->open(0);
    const Routing::DayPlan &plan = planner->plan();
    REQUIRE(plan.routes.size() == saved.routes.size());
    for (int t = 0; t < saved.routes.size(); ++t) {
        REQUIRE(plan.routes[t].stops.size() == saved.routes[t].stops.size());
        for (int k = 0; k < saved.routes[t].stops.size(); ++k)
            CHECK(plan.routes[t].stops[k].all() == saved.routes[t].stops[k].all());
    }
    CHECK(shown.window.map()->routes().overlay().teams.size() == saved.routes.size());

    // Changed: the first stop out; saved again as the next version of the same plan.
    int team = 0;
    while (plan.routes[team].stops.isEmpty())
        ++team;
    const QString out = plan.routes[team].stops.first().householdId;
    REQUIRE(planner->moveStop(team + 1, 0, 0, 0));
    REQUIRE_OK(planner->save());
    CHECK(Test::count(*controller->workspace(), QStringLiteral("SELECT count(*) FROM route_plans"))
          == 2);
    CHECK(
        Test::count(*controller->workspace(),
                    QStringLiteral("SELECT count(*) FROM route_plans WHERE supersedes IS NOT NULL"))
        == 1);
    REQUIRE(list->count() == 1);
    CHECK(list->list()->topLevelItem(0)->text(4).contains(QStringLiteral("2판")));
    CHECK(list->list()->topLevelItem(0)->text(3)
          == QStringLiteral("%1곳 (%2가구)")
                 .arg(saved.planned() - 1)
                 .arg(saved.households() - int(saved.routes[team].stops.first().all().size())));

    // Printed again, to a PDF and through the print dialog: the same pages either way.
    const QString pdf = dir.path(QStringLiteral("again.pdf"));
    REQUIRE_OK(planner->printSheets(pdf, QStringLiteral("다시 인쇄"), false));
    const QString printed = dir.path(QStringLiteral("printer.pdf"));
    bool sawPrintDialog = false;
    bool sawMaskingQuestion = false;
    answerModals(planner, [&](QWidget *w) {
        if (auto *input = qobject_cast<QInputDialog *>(w)) {
            input->setTextValue(QStringLiteral("프린터로 인쇄"));
            input->accept();
        } else if (auto *box = qobject_cast<QMessageBox *>(w)) {
            // A lead may print unmasked, but Enter gives the masked sheet.
            sawMaskingQuestion = true;
            QTest::keyClick(box, Qt::Key_Return);
        } else if (auto *print = qobject_cast<QPrintDialog *>(w)) {
            sawPrintDialog = true;
            print->printer()->setOutputFormat(QPrinter::PdfFormat);
            print->printer()->setOutputFileName(printed);
            print->done(QDialog::Accepted);
            return false;
        }
        return true;
    });
    QPushButton *printButton = nullptr;
    for (QPushButton *b : planner->findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("경로표 인쇄…"))
            printButton = b;
    REQUIRE(printButton);
    REQUIRE(printButton->isEnabled());
    printButton->click();
    CHECK(sawPrintDialog);
    const QByteArray a = Test::readAll(pdf), b = Test::readAll(printed);
    CHECK(b.startsWith("%PDF"));
    CHECK(pages(a) > 0);
    CHECK(pages(a) == pages(b));
    CHECK(Test::count(*controller->workspace(),
                      QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'print' AND "
                                     "subject_kind = 'route_sheet' AND reason = '프린터로 인쇄'"))
          == 1);
    CHECK(sawMaskingQuestion);
    CHECK(Test::count(*controller->workspace(),
                      QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'print' AND "
                                     "reason = '프린터로 인쇄' AND detail LIKE '%;unmasked=0%'"))
          == 1);
    planner->close();
}

TEST_CASE("A saved plan that cannot be read is named in Korean, not in core's English",
          "[ui][routing][saved]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = shown.controller;
    Storage::RoutePlanRecord r;
    r.id = QStringLiteral("0192f000-0000-7000-8000-0000000000ab");
    r.officeCode = busiestHighOffice(*controller);
    r.date = QDate(2026, 12, 3);
    r.teams = 1;
    r.json = "{\"date\":\"2026-12-03\"}";
    r.createdAt = QDateTime(QDate(2026, 12, 2), QTime(0, 0), Qt::UTC);
    r.createdBy = QStringLiteral("demo-lead");
    REQUIRE_OK(Storage::RoutePlanStore(controller->workspace()->db()).insert(r));
    Ui::PlannerDialog *planner = shown.window.openPlanner();
    REQUIRE(planner->savedPlans()->count() == 1);
    QString said;
    answerModals(planner, [&](QWidget *w) {
        if (auto *box = qobject_cast<QMessageBox *>(w)) {
            said = box->text();
            box->accept();
            return false;
        }
        return true;
    });
    CHECK_FALSE(planner->openSaved(r.id));
    INFO(said.toStdString());
    CHECK(said.contains(QStringLiteral("저장된 계획을 열지 못했습니다")));
    CHECK_FALSE(said.contains(QStringLiteral("saved plan")));
    CHECK_FALSE(said.contains(QStringLiteral("teams")));
    planner->close();
}

TEST_CASE("Route sheet rows are as tall as their wrapped address and purposes, with nothing cut",
          "[ui][routing][sheet]")
{
    Routing::SheetTeam team;
    team.team = 1;
    Routing::SheetStop stop;
    stop.order = 1;
    stop.eta = QStringLiteral("09:40");
    stop.address = longAddress;
    for (int i = 0; i < 3; ++i) {
        Routing::SheetHousehold h;
        h.detail = QStringLiteral("나동 20%1호").arg(i + 1);
        h.name = QStringLiteral("김*자");
        h.phone = QStringLiteral("010-****-1234");
        h.tier = QStringLiteral("고위험");
        h.overdueDays = 12 + i;
        h.isNew = true;
        h.lastVisit = QDate(2026, 9, 14);
        stop.households << h;
    }
    team.stops << stop;
    Routing::SheetStop plain = stop;
    plain.order = 2;
    plain.households = {stop.households.first()};
    team.stops << plain;

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setResolution(96);
    QPainter p(&pdf);
    const QList<Ui::RouteSheetPdf::Row> rows = Ui::RouteSheetPdf::layoutRows(p, team, pdf.width());
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].rect.bottom() <= rows[1].rect.top() + 0.01);
    for (const auto &row : rows) {
        for (const auto &cell : row.cells) {
            p.setFont(cell.font);
            const QRectF needed = p.boundingRect(
                QRectF(cell.rect.topLeft(), QSizeF(cell.rect.width(), 1e6)), cell.flags, cell.text);
            INFO(cell.text.toStdString());
            CHECK(needed.height() <= cell.rect.height() + 0.5);
            CHECK(cell.rect.bottom() <= row.rect.bottom());
            CHECK(cell.rect.top() >= row.rect.top());
        }
    }
    QStringList texts;
    for (const auto &cell : rows[0].cells)
        texts << cell.text;
    CHECK(texts.contains(longAddress));
    const QString purposes = texts.filter(QStringLiteral("방문 주기 지남")).value(0);
    CHECK(purposes.count(QStringLiteral("방문 주기 지남")) == 3);
    CHECK(purposes.contains(
        QStringLiteral("나동 203호 방문 주기 지남 (14일), 신규 발굴 확인 · 최근 2026.09.14")));
    CHECK(rows[0].rect.height()
          > rows[1].rect.height()); // three households take more room than one
    p.end();
}

TEST_CASE(
    "Time labels on the map are placed beside their stops without covering each other or a stop",
    "[ui][routing][labels]")
{
    using Ui::RouteLayer;
    QList<RouteLayer::LabelSpot> spots;
    // A cluster: five stops within a few pixels, and a row of stops 30 px apart.
    for (int i = 0; i < 5; ++i)
        spots.append({QPointF(200 + i * 3, 200 + (i % 2) * 4), QSizeF(58, 17), i == 4});
    for (int i = 0; i < 6; ++i)
        spots.append({QPointF(100 + i * 30, 400), QSizeF(58, 17), false});
    const QList<QRectF> placed = RouteLayer::placeLabels(spots, 20);
    REQUIRE(placed.size() == spots.size());
    int shown = 0;
    for (int i = 0; i < placed.size(); ++i) {
        if (placed[i].isEmpty())
            continue;
        ++shown;
        for (int j = i + 1; j < placed.size(); ++j)
            CHECK_FALSE(placed[i].intersects(placed[j]));
        for (const auto &s : spots)
            CHECK_FALSE(placed[i].intersects(QRectF(s.stop.x() - 10, s.stop.y() - 10, 20, 20)));
        // Beside its own stop.
        CHECK(placed[i].adjusted(-20, -20, 20, 20).contains(spots[i].stop));
    }
    CHECK(shown >= 6);
    CHECK_FALSE(placed[4].isEmpty()); // the late stop's time is placed first
    // Stops far apart keep their labels at the right.
    const QList<QRectF> apart = RouteLayer::placeLabels(
        {{QPointF(0, 0), QSizeF(50, 16), false}, {QPointF(300, 300), QSizeF(50, 16), false}}, 20);
    CHECK(apart[0].left() > 0);
    CHECK(apart[1].left() > 300);
}
