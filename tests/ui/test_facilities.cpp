// SPDX-License-Identifier: GPL-3.0-or-later
// 지도 › 복지시설 목록: every facility listed, one placed by a click on the map (drawn at once),
// the placement cancelled with Esc, and a facility's details corrected with checks.
#include "dialogs/facilitiesdialog.h"
#include "dialogs/facilityeditdialog.h"
#include "mainwindow.h"
#include "map/mapplacement.h"
#include "map/mapwidget.h"
#include "storage/database.h"
#include "storage/facilitystore.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace VisitMap;

namespace {

int visibleRows(const QTableWidget *t)
{
    int n = 0;
    for (int r = 0; r < t->rowCount(); ++r)
        n += t->isRowHidden(r) ? 0 : 1;
    return n;
}

QString firstUnplaced(Ui::WorkspaceController &c)
{
    return c.workspace()
        ->db()
        .scalar(QStringLiteral("SELECT id FROM facilities WHERE lon IS NULL ORDER BY name LIMIT 1"))
        ->toString();
}

struct Home
{
    QString office;
    double lon = 0, lat = 0;
};

Home someHome(Ui::WorkspaceController &c)
{
    auto q = c.workspace()->db().execute(
        QStringLiteral("SELECT office_code, lon, lat FROM households ORDER BY rowid LIMIT 1"));
    REQUIRE(q);
    REQUIRE(q->next());
    return {q->value(0).toString(), q->value(1).toDouble(), q->value(2).toDouble()};
}

} // namespace

TEST_CASE("The facility list shows every facility, with and without a position, and filters by "
          "either and by text",
          "[ui][facilities]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    Ui::FacilitiesDialog *d = shown.window.openFacilities();
    REQUIRE(d);
    const qint64 total = Test::count(*shown.controller->workspace(),
                                     QStringLiteral("SELECT COUNT(*) FROM facilities"));
    const qint64 unplaced
        = Test::count(*shown.controller->workspace(),
                      QStringLiteral("SELECT COUNT(*) FROM facilities WHERE lon IS NULL"));
    REQUIRE(unplaced > 0);
    CHECK(d->table()->rowCount() == total);
    CHECK(visibleRows(d->table()) == total);
    CHECK(d->summary()->text().contains(QStringLiteral("위치 없음 %1곳").arg(unplaced)));
    d->positionFilter()->setCurrentIndex(
        d->positionFilter()->findData(int(Ui::FacilitiesDialog::PositionFilter::Unplaced)));
    CHECK(visibleRows(d->table()) == unplaced);
    for (int r = 0; r < d->table()->rowCount(); ++r) {
        if (!d->table()->isRowHidden(r))
            CHECK(d->table()->item(r, 4)->text() == QStringLiteral("위치 없음"));
    }
    d->positionFilter()->setCurrentIndex(
        d->positionFilter()->findData(int(Ui::FacilitiesDialog::PositionFilter::Placed)));
    CHECK(visibleRows(d->table()) == total - unplaced);
    d->positionFilter()->setCurrentIndex(0);
    const QString name = d->table()->item(0, 0)->text();
    d->filterEdit()->setText(name);
    CHECK(visibleRows(d->table()) >= 1);
    CHECK(visibleRows(d->table()) < total);
}

TEST_CASE("A facility without a position is placed by a click on the map and is drawn on the "
          "facility layer at once",
          "[ui][facilities][map]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = *shown.controller;
    Ui::MapWidget *map = shown.window.map();
    map->waitForIndex();
    const qint64 drawnBefore = map->facilities().size();
    Ui::FacilitiesDialog *d = shown.window.openFacilities();
    const QString id = firstUnplaced(controller);
    REQUIRE(d->selectFacility(id));
    QPushButton *place = d->button(QStringLiteral("placeOnMap"));
    REQUIRE(place->isEnabled());
    place->click();
    REQUIRE(d->placement()->isActive());
    CHECK(d->placement()->hintText().contains(QStringLiteral("지도에서 누르세요")));
    CHECK(d->isHidden()); // out of the way while the place is looked for

    const Home home = someHome(controller);
    const QPointF at = map->viewport().lonLatToScreen(home.lon, home.lat);
    REQUIRE(map->rect().contains(at.toPoint()));
    QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, at.toPoint());
    QApplication::processEvents();

    CHECK_FALSE(d->placement()->isActive());
    CHECK(map->selection().isEmpty()); // the click placed, it selected no household
    const Facility f = *Storage::FacilityStore(controller.workspace()->db()).get(id);
    REQUIRE(f.isPlaced());
    CHECK(*f.lon == Approx(home.lon).margin(0.0005));
    CHECK(*f.lat == Approx(home.lat).margin(0.0005));
    CHECK(f.officeCode == home.office);
    CHECK(f.placedBy == QStringLiteral("user"));
    CHECK(map->facilities().size() == drawnBefore + 1);
    CHECK(map->facilities().hit(map->viewport(), map->viewport().lonLatToScreen(*f.lon, *f.lat)));
    // Back in the list, placed, and on its way to the central store.
    CHECK(d->isVisible());
    CHECK(d->selectedId() == id);
    const int row = d->table()->currentRow();
    CHECK(d->table()->item(row, 4)->text().contains(controller.officeName(home.office)));
    CHECK(Test::count(
              *controller.workspace(),
              QStringLiteral(
                  "SELECT COUNT(*) FROM outbox WHERE entity = 'facility' AND entity_id = '%1'")
                  .arg(id))
          == 1);
}

TEST_CASE("Esc ends the placement on the map without placing anything, and clicks select "
          "households again",
          "[ui][facilities][map]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    Ui::MapWidget *map = shown.window.map();
    map->waitForIndex();
    Ui::FacilitiesDialog *d = shown.window.openFacilities();
    const QString id = firstUnplaced(*shown.controller);
    REQUIRE(d->selectFacility(id));
    d->button(QStringLiteral("placeOnMap"))->click();
    REQUIRE(d->placement()->isActive());
    QTest::keyClick(map, Qt::Key_Escape);
    CHECK_FALSE(d->placement()->isActive());
    CHECK(d->isVisible());
    const Home home = someHome(*shown.controller);
    QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier,
                      map->viewport().lonLatToScreen(home.lon, home.lat).toPoint());
    QApplication::processEvents();
    CHECK_FALSE(Storage::FacilityStore(shown.controller->workspace()->db()).get(id)->isPlaced());
}

TEST_CASE("A facility's details are corrected in the edit dialog, a bad field is named and nothing "
          "is written",
          "[ui][facilities]")
{
    Test::TempDir dir;
    auto controller = Test::demoLeadController(dir);
    const QString id = firstUnplaced(*controller);
    const Facility before = *Storage::FacilityStore(controller->workspace()->db()).get(id);
    Ui::FacilityEditDialog dialog(controller.get(), before);
    dialog.nameEdit()->setText(QStringLiteral("  "));
    dialog.phoneEdit()->setText(QStringLiteral("02-123-4567 내선"));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.errorText().contains(QStringLiteral("이름을 적어 주세요")));
    CHECK(dialog.errorText().contains(QStringLiteral("전화번호")));
    CHECK(Storage::FacilityStore(controller->workspace()->db()).get(id)->name == before.name);

    dialog.nameEdit()->setText(QStringLiteral("홍제종합사회복지관"));
    dialog.phoneEdit()->setText(QStringLiteral("02-391-0000"));
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    const Facility after = *Storage::FacilityStore(controller->workspace()->db()).get(id);
    CHECK(after.name == QStringLiteral("홍제종합사회복지관"));
    CHECK(after.phone == QStringLiteral("02-391-0000"));
}

TEST_CASE("A caseworker sees the facility list but may not edit or place",
          "[ui][facilities][security]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoController(dir));
    Ui::FacilitiesDialog *d = shown.window.openFacilities();
    REQUIRE(d->table()->rowCount() > 0);
    REQUIRE(d->selectFacility(firstUnplaced(*shown.controller)));
    CHECK_FALSE(d->button(QStringLiteral("edit"))->isEnabled());
    CHECK_FALSE(d->button(QStringLiteral("placeOnMap"))->isEnabled());
    CHECK_FALSE(d->button(QStringLiteral("placeByAddress"))->isEnabled());
}
