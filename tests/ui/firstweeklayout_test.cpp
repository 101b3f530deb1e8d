// SPDX-License-Identifier: GPL-3.0-or-later
// A dong office's first week on an ordinary screen: every household button reachable on a
// 1366×768 laptop with the intake queue open, the map legend folded away for room, the assign
// dialog naming people, the queue's urgency and deadline in view, a facility placed by address.
#include "dialogs/assigndialog.h"
#include "dialogs/facilitiesdialog.h"
#include "geo/viewport.h"
#include "map/boundarylayer.h"
#include "map/legendtoggle.h"
#include "map/mapdecorations.h"
#include "map/mapwidget.h"
#include "storage/database.h"
#include "storage/facilitystore.h"
#include "storage/householdstore.h"
#include "support/testsupport.h"
#include "theme.h"
#include "uitestsupport.h"
#include "widgets/householdpanel.h"
#include "widgets/intakepanel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace VisitMap;

namespace {

QString someHousehold(Ui::WorkspaceController &c)
{
    // One with an open case, so the case buttons are there too.
    return c.workspace()
        ->db()
        .scalar(QStringLiteral("SELECT household_id FROM cases ORDER BY id LIMIT 1"))
        ->toString();
}

// Reports of several kinds at a household of the demo store, so the queue has rows of each
// urgency with long texts; the last one is 20 days old, past its deadline ("기한 지남 (…)").
QString writeReports(const Test::TempDir &dir, Ui::WorkspaceController &c)
{
    auto q = c.workspace()->db().execute(
        QStringLiteral("SELECT lon, lat FROM households ORDER BY id LIMIT 1"));
    REQUIRE(q);
    REQUIRE(q->next());
    const double lon = q->value(0).toDouble(), lat = q->value(1).toDouble();
    const QDateTime now = QDateTime::currentDateTime().toTimeZone(Clock::seoul());
    const QString path = dir.path(QStringLiteral("reports.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    QStringList rows;
    const char *kinds[] = {R"(["suicide", "isolation"])", R"(["economic", "housing", "food"])",
                           R"(["health", "care"])", R"(["isolation"])"};
    for (int i = 0; i < 4; ++i)
        rows << QStringLiteral(R"({"id": "R-%1", "received_at": "%2", "channel": "app",
            "reporter_type": "neighbour", "anonymous": true, "categories": %3,
            "description": "이웃 주민이 오랫동안 보이지 않는다고 함, 우편물이 쌓여 있고 전기요금 독촉장이 붙어 있음",
            "location": {"lon": %4, "lat": %5}})")
                    .arg(i)
                    .arg(now.addDays(i == 3 ? -20 : -i - 1).toString(Qt::ISODate),
                         QLatin1String(kinds[i]))
                    .arg(lon + 0.00005 * i, 0, 'f', 7)
                    .arg(lat, 0, 'f', 7);
    f.write((u'[' + rows.join(u',') + u']').toUtf8());
    return path;
}

// The application's own font, palette and style sheet (as the program starts with), for the
// length of a test: sizes are measured as a person sees them.
struct AppStyle
{
    QFont font = QApplication::font();
    QPalette palette = QApplication::palette();
    QString sheet = qApp->styleSheet();
    AppStyle() { Ui::Theme::applyApplicationStyle(); }
    ~AppStyle()
    {
        qApp->setStyleSheet(sheet);
        QApplication::setPalette(palette);
        QApplication::setFont(font);
    }
};

void forgetLegend()
{
    QSettings().remove(QStringLiteral("map/legendCollapsed"));
}

// The district's box on screen after the map fitted it whole.
QRectF districtOnScreen(Ui::MapWidget *map)
{
    const Geo::Viewport &vp = map->viewport();
    const QRectF world = map->boundaries().worldBounds();
    return QRectF(vp.worldToScreen(world.topLeft()), vp.worldToScreen(world.bottomRight()))
        .normalized();
}

} // namespace

TEST_CASE("Every button of the household panel can be reached on a 1366x768 screen with the "
          "intake queue open",
          "[ui][layout][firstweek]")
{
    AppStyle style;
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoLeadController(dir));
    Ui::IntakePanel *intake = w.window.intakePanel();
    bool ok = false;
    intake->importFile(writeReports(dir, *w.controller), true, &ok);
    REQUIRE(ok);
    w.window.resize(1366, 768);
    REQUIRE(w.window.openHousehold(someHousehold(*w.controller)));
    w.window.showIntake();
    QApplication::processEvents();
    auto *intakeDock = w.window.findChild<QDockWidget *>(QStringLiteral("intakeDock"));
    REQUIRE(intakeDock->isVisible());
    Ui::HouseholdPanel *panel = w.window.householdPanel();
    REQUIRE(panel->isVisible());
    // The window kept the laptop's size (no content forced it taller), the panel lies inside it.
    CHECK(w.window.size() == QSize(1366, 768));
    CHECK(w.window.minimumSizeHint().width() <= 1366);
    CHECK(w.window.minimumSizeHint().height() <= 768);
    const QRect panelInWindow(panel->mapTo(&w.window, QPoint(0, 0)), panel->size());
    CHECK(w.window.rect().contains(panelInWindow));
    auto *scroll = panel->findChild<QScrollArea *>();
    // No sideways scrolling: the panel's content is as wide as the room it has.
    if (scroll)
        CHECK(scroll->horizontalScrollBar()->maximum() == 0);
    const QList<QPushButton *> buttons = panel->findChildren<QPushButton *>();
    REQUIRE(buttons.size() >= 12);
    for (QPushButton *b : buttons) {
        INFO("button " << b->objectName().toStdString() << " " << b->text().toStdString());
        REQUIRE(b->isVisibleTo(panel));
        // Tabbing to a button (or scrolling) brings it into view, whole.
        QWidget *view = panel;
        if (scroll) {
            scroll->ensureWidgetVisible(b, 0, 0);
            QApplication::processEvents();
            view = scroll->viewport();
        }
        const QRect at(b->mapTo(view, QPoint(0, 0)), b->size());
        CHECK(view->rect().contains(at));
    }

    // A window opened on the laptop with the queue waiting (it opens by itself) and a household
    // chosen needs no more than the screen either.
    Ui::MainWindow fresh(w.controller.get());
    fresh.resize(1366, 768);
    fresh.show();
    QApplication::processEvents();
    REQUIRE(fresh.openHousehold(someHousehold(*w.controller)));
    QApplication::processEvents();
    REQUIRE(fresh.findChild<QDockWidget *>(QStringLiteral("intakeDock"))->isVisible());
    CHECK(fresh.minimumSizeHint().width() <= 1366);
    CHECK(fresh.width() == 1366);
}

TEST_CASE("A click folds the map legend away and gives the district the room it took, and the "
          "keyboard unfolds it again",
          "[ui][layout][map][firstweek]")
{
    forgetLegend();
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoController(dir));
    w.window.resize(1280, 1000); // a map taller than wide: its width decides the fit
    QApplication::processEvents();
    Ui::MapWidget *map = w.window.map();
    map->fitToData();
    Ui::LegendToggle *toggle = map->legendToggle();
    REQUIRE(toggle->isVisible());
    REQUIRE_FALSE(toggle->isCollapsed());
    // Expanded: the button sits inside the legend, the district left of it.
    const QRectF legend(map->width() - Ui::MapDecorations::legendWidth - 12, 12,
                        Ui::MapDecorations::legendWidth, 200);
    CHECK(legend.contains(QRectF(toggle->geometry())));
    const QRectF before = districtOnScreen(map);
    INFO("map " << map->width() << "x" << map->height() << " window " << w.window.width() << "x"
                << w.window.height() << " district " << before.width() << "x" << before.height());
    CHECK(before.right() < legend.left());

    QTest::mouseClick(toggle, Qt::LeftButton);
    QApplication::processEvents();
    CHECK(toggle->isCollapsed());
    CHECK(QSettings().value(QStringLiteral("map/legendCollapsed")).toBool());
    const QRectF after = districtOnScreen(map);
    INFO("district before " << before.width() << " after " << after.width());
    CHECK(after.width() > before.width() + 20);
    CHECK(after.left() >= 0);
    CHECK(after.right() <= map->width());
    // Folded into one button in the corner.
    CHECK(toggle->geometry().right() >= map->width() - 14);
    CHECK(toggle->geometry().height() < 40);

    // A new window remembers it folded.
    {
        Ui::MapWidget again(w.controller.get());
        CHECK(again.legendToggle()->isCollapsed());
    }

    // Space on the focused button unfolds it; G on the map folds it again.
    toggle->setFocus();
    QTest::keyClick(toggle, Qt::Key_Space);
    QApplication::processEvents();
    CHECK_FALSE(toggle->isCollapsed());
    CHECK(districtOnScreen(map).width() == Approx(before.width()).margin(1));
    map->setFocus();
    QTest::keyClick(map, Qt::Key_G);
    QApplication::processEvents();
    CHECK(toggle->isCollapsed());
    CHECK(districtOnScreen(map).width() == Approx(after.width()).margin(1));
    forgetLegend();
}

TEST_CASE("The assign dialog lists people by name, role and account and keeps its title whole",
          "[ui][layout][firstweek]")
{
    Test::TempDir dir;
    auto controller = Test::demoLeadController(dir);
    Ui::AssignDialog dialog(controller.get(), nullptr, {QStringLiteral("x")});
    QComboBox *worker = dialog.worker();
    QStringList texts;
    for (int i = 0; i < worker->count(); ++i)
        texts << worker->itemText(i);
    INFO(texts.join(QStringLiteral(" | ")).toStdString());
    const int caseworker = worker->findData(QStringLiteral("demo-caseworker"));
    REQUIRE(caseworker >= 0);
    CHECK(worker->itemText(caseworker) == QStringLiteral("김민서 · 사회복지사 · demo-caseworker"));
    const int lead = worker->findData(QStringLiteral("demo-lead"));
    REQUIRE(lead >= 0);
    CHECK(worker->itemText(lead) == QStringLiteral("박지현 · 팀장 · demo-lead"));
    CHECK(worker->findData(QStringLiteral("demo-admin")) < 0); // the admin takes no households
    // The title and the longest entry fit the dialog as it opens.
    dialog.show();
    QApplication::processEvents();
    const QFontMetrics fm(dialog.font());
    CHECK(dialog.width() >= fm.horizontalAdvance(dialog.windowTitle()) + 200);
    int longest = 0;
    for (const QString &t : texts)
        longest = std::max(longest, fm.horizontalAdvance(t));
    CHECK(worker->width() >= longest);
}

TEST_CASE("The intake queue shows urgency and the response deadline without scrolling sideways",
          "[ui][layout][intake][firstweek]")
{
    AppStyle style;
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoLeadController(dir));
    Ui::IntakePanel *intake = w.window.intakePanel();
    bool ok = false;
    intake->importFile(writeReports(dir, *w.controller), true, &ok);
    REQUIRE(ok);
    REQUIRE(w.window.openHousehold(someHousehold(*w.controller)));
    for (const QSize size : {QSize(1366, 768), QSize(1600, 1000)}) {
        INFO("window " << size.width() << "x" << size.height());
        w.window.resize(size);
        w.window.showIntake();
        QApplication::processEvents();
        // The queue beside the household panel fits the screen: nothing needs the window wider.
        CHECK(w.window.size() == size);
        CHECK(w.window.minimumSizeHint().width() <= size.width());
        CHECK(w.window.minimumSizeHint().height() <= size.height());
        QTreeWidget *list = intake->queueList();
        REQUIRE(list->topLevelItemCount() == 4);
        QHeaderView *header = list->header();
        const int viewport = list->viewport()->width();
        for (const int column : {0, 3}) { // 긴급도, 응답 기한
            INFO("column "
                 << header->model()->headerData(column, Qt::Horizontal).toString().toStdString());
            const int left = header->sectionViewportPosition(column);
            CHECK(left >= 0);
            CHECK(left + header->sectionSize(column) <= viewport);
            // Wide enough for every row's text, unelided.
            const QFontMetrics fm(list->font());
            for (int r = 0; r < list->topLevelItemCount(); ++r) {
                QFont f = list->topLevelItem(r)->font(column);
                CHECK(QFontMetrics(f).horizontalAdvance(list->topLevelItem(r)->text(column))
                      <= header->sectionSize(column));
            }
        }
        // What is cut short is there whole in the tooltip.
        for (int r = 0; r < list->topLevelItemCount(); ++r) {
            QTreeWidgetItem *item = list->topLevelItem(r);
            for (int c = 0; c < list->columnCount(); ++c)
                CHECK(item->toolTip(c) == item->text(c));
        }
    }
}

TEST_CASE("A facility is placed at the households that share its road address",
          "[ui][facilities][firstweek]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = *shown.controller;
    Storage::Database &db = controller.workspace()->db();
    // A road address with households on it, and an unplaced facility given that address.
    auto home = db.execute(QStringLiteral(
        "SELECT road_address, office_code, avg(lon), avg(lat), count(*) FROM households "
        "GROUP BY road_address, office_code ORDER BY count(*) DESC, road_address LIMIT 1"));
    REQUIRE(home);
    REQUIRE(home->next());
    const QString road = home->value(0).toString();
    const QString office = home->value(1).toString();
    const double lon = home->value(2).toDouble(), lat = home->value(3).toDouble();
    const QString id
        = db.scalar(
                QStringLiteral("SELECT id FROM facilities WHERE lon IS NULL ORDER BY name LIMIT 1"))
              ->toString();
    REQUIRE_FALSE(id.isEmpty());
    REQUIRE(
        db.execute(QStringLiteral("UPDATE facilities SET address = ?, sgg_code = ? WHERE id = ?"),
                   {road, office.left(5), id}));
    Ui::MapWidget *map = shown.window.map();
    map->waitForIndex();
    const qint64 drawnBefore = map->facilities().size();

    Ui::FacilitiesDialog *d = shown.window.openFacilities();
    REQUIRE(d->selectFacility(id));
    QPushButton *byAddress = d->button(QStringLiteral("placeByAddress"));
    REQUIRE(byAddress->isEnabled());
    // The chooser of places comes up; the first (most households) is taken.
    QStringList offered;
    QTimer::singleShot(0, [&offered] {
        auto *chooser = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        REQUIRE(chooser);
        offered = chooser->comboBoxItems();
        chooser->accept();
    });
    byAddress->click();
    QApplication::processEvents();
    INFO("address " << road.toStdString() << " offered " << offered.join(u'|').toStdString());
    REQUIRE(offered.size() >= 1);
    CHECK(offered.first().contains(controller.officeName(office)));

    const Facility f = *Storage::FacilityStore(db).get(id);
    REQUIRE(f.isPlaced());
    CHECK(f.placedBy == QStringLiteral("address"));
    CHECK(f.officeCode == office);
    CHECK(*f.lon == Approx(lon).margin(1e-6));
    CHECK(*f.lat == Approx(lat).margin(1e-6));
    // Drawn on the map at once and shown as placed by address in the list.
    CHECK(map->facilities().size() == drawnBefore + 1);
    CHECK(d->selectedId() == id);
    const int row = d->table()->currentRow();
    CHECK(d->table()->item(row, 4)->text().contains(QStringLiteral("주소로 지정")));
}

TEST_CASE("The household panel names the assigned worker by their name and not their account",
          "[ui][layout][firstweek]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoController(dir));
    const QString id = w.controller->workspace()
                           ->db()
                           .scalar(QStringLiteral("SELECT id FROM households WHERE "
                                                  "assigned_worker = 'demo-worker2' LIMIT 1"))
                           ->toString();
    REQUIRE_FALSE(id.isEmpty());
    REQUIRE(w.window.openHousehold(id));
    QString info;
    for (const QLabel *l : w.window.householdPanel()->findChildren<QLabel *>()) {
        if (l->text().contains(QStringLiteral("담당 ")))
            info = l->text();
    }
    INFO(info.toStdString());
    CHECK(info.contains(QStringLiteral("담당 최영호")));
    CHECK_FALSE(info.contains(QStringLiteral("demo-worker2")));
}
