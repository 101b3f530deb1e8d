// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/accesslogdialog.h"
#include "dialogs/signindialog.h"
#include "idlewatcher.h"
#include "geo/webmercator.h"
#include "mainwindow.h"
#include "map/mapwidget.h"
#include "models/householdtablemodel.h"
#include "access/disclosure.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/accountstore.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QTableWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace VisitMap;


TEST_CASE("The main window lists every household of the demo district, highest risk first", "[ui]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    Ui::MainWindow window(controller.get());
    window.resize(1400, 900);
    window.show();
    QApplication::processEvents();
    Ui::HouseholdTableModel *model = window.householdModel();
    CHECK(model->rowCount() == Test::demoHouseholds);
    CHECK(model->data(model->index(0, 0), Ui::HouseholdTableModel::TierRole).toInt() == int(RiskTier::High));
    CHECK(model->data(model->index(model->rowCount() - 1, 0), Ui::HouseholdTableModel::TierRole).toInt() == int(RiskTier::Low));
    CHECK(model->data(model->index(0, Ui::HouseholdTableModel::TierColumn)).toString().contains(QStringLiteral("고위험")));
}

TEST_CASE("Searching and filtering narrow the list to what matches", "[ui]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    Ui::MainWindow window(controller.get());
    window.show();
    Ui::HouseholdTableModel *model = window.householdModel();
    auto all = Storage::HouseholdStore(controller->workspace()->db()).list({});
    REQUIRE(all);
    const QString name = all->at(17).headName;
    int expected = 0;
    for (const Household &h : *all)
        expected += h.headName.contains(name) || h.roadAddress.contains(name) || h.phone.contains(name);
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("householdSearch"));
    REQUIRE(search);
    REQUIRE(controller->disclosure().setListRevealed(true));
    // Hangul arrives through the input method as committed text.
    search->setText(name);
    QTest::qWait(400); // the search waits for typing to pause
    CHECK(model->rowCount() == expected);
    CHECK(model->rowCount() < Test::demoHouseholds);
    for (int r = 0; r < model->rowCount(); ++r)
        CHECK(model->data(model->index(r, Ui::HouseholdTableModel::HeadColumn)).toString().contains(name));
    // Digits typed key by key find a phone number.
    const QString digits = all->at(5).phone.right(4);
    search->clear();
    QTest::keyClicks(search, digits);
    QTest::qWait(400);
    int byPhone = 0;
    for (const Household &h : *all)
        byPhone += h.headName.contains(digits) || h.roadAddress.contains(digits) || h.phone.contains(digits);
    CHECK(model->rowCount() == byPhone);
    CHECK(model->rowCount() >= 1);
}

TEST_CASE("Choosing a 통 and then a 반 narrows the list to those households", "[ui]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    Ui::MainWindow window(controller.get());
    window.show();
    Ui::HouseholdTableModel *model = window.householdModel();
    auto all = Storage::HouseholdStore(controller->workspace()->db()).list({});
    REQUIRE(all);
    const int tong = all->at(3).tong, ban = all->at(3).ban;
    REQUIRE(tong > 0);
    int inTong = 0, inBan = 0;
    for (const Household &h : *all) {
        inTong += h.tong == tong;
        inBan += h.tong == tong && h.ban == ban;
    }
    QSpinBox *tongBox = nullptr, *banBox = nullptr;
    for (QSpinBox *box : window.findChildren<QSpinBox *>()) {
        if (box->accessibleName() == QStringLiteral("통 선택"))
            tongBox = box;
        else if (box->accessibleName() == QStringLiteral("반 선택"))
            banBox = box;
    }
    REQUIRE(tongBox);
    REQUIRE(banBox);
    CHECK_FALSE(banBox->isEnabled()); // a 반 means nothing without its 통
    tongBox->setValue(tong);
    QApplication::processEvents();
    CHECK(model->rowCount() == inTong);
    REQUIRE(banBox->isEnabled());
    banBox->setValue(ban);
    QApplication::processEvents();
    CHECK(model->rowCount() == inBan);
    CHECK(inBan < inTong);
    tongBox->setValue(0);
    QApplication::processEvents();
    CHECK(model->rowCount() == Test::demoHouseholds);
    CHECK(banBox->value() == 0);
}

TEST_CASE("Clicking a household on the map selects it in the list", "[ui]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    Ui::MainWindow window(controller.get());
    window.resize(1400, 900);
    window.show();
    QApplication::processEvents();
    Ui::MapWidget *map = window.map();
    map->waitForIndex();
    auto points = controller->householdPoints();
    REQUIRE_FALSE(points.empty());
    // A household that stands alone at street zoom (one at a shared address opens a chooser).
    for (const auto &target : points) {
        map->setViewport(Geo::Viewport::centredOn(QGeoCoordinate(target.lat, target.lon), 18, map->size()));
        const QPointF at = map->viewport().lonLatToScreen(target.lon, target.lat);
        if (map->households().householdsAt(map->viewport(), at, 12).size() != 1)
            continue;
        QTest::mouseClick(map, Qt::LeftButton, {}, at.toPoint());
        QApplication::processEvents();
        const QModelIndex current = window.householdTable()->currentIndex();
        REQUIRE(current.isValid());
        CHECK(window.householdModel()->rowIdAt(current.row()) == target.rowId);
        return;
    }
    FAIL("no household stands alone");
}

TEST_CASE("Enter on an empty password asks for it and spends none of the five tries", "[ui]")
{
    Test::TempDir dir;
    const QString store = Test::realStoreCopy(dir);
    {
        Ui::WorkspaceController controller;
        REQUIRE_OK(controller.open(store));
        Ui::SignInDialog dialog(&controller);
        auto edits = dialog.findChildren<QLineEdit *>();
        REQUIRE(edits.size() == 2);
        edits[0]->setText(QStringLiteral("lead1"));
        edits[1]->clear();
        dialog.accept();
        CHECK(dialog.result() != QDialog::Accepted);
        bool asked = false;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            asked = asked || l->text() == QStringLiteral("비밀번호를 입력하세요.");
        CHECK(asked);
    }
    auto ws = Test::openStore(store);
    auto account = ws->accounts().find(QStringLiteral("lead1"));
    REQUIRE(account);
    CHECK(account->failedLogins == 0);
}

TEST_CASE("The sign-in dialog says why a sign-in failed and keeps the account", "[ui]")
{
    Test::TempDir dir;
    Ui::WorkspaceController controller;
    REQUIRE_OK(controller.open(Test::realStoreCopy(dir)));
    Ui::SignInDialog dialog(&controller);
    auto edits = dialog.findChildren<QLineEdit *>();
    REQUIRE(edits.size() == 2);
    edits[0]->setText(QStringLiteral("lead1"));
    edits[1]->setText(QStringLiteral("not-the-password"));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(controller.accountName().isEmpty());
    const auto said = [&] {
        for (QLabel *l : dialog.findChildren<QLabel *>())
            if (l->text().startsWith(QStringLiteral("비밀번호")))
                return l->text();
        return QString();
    };
    const QString wrong = said();
    INFO(wrong.toStdString());
    CHECK(wrong.startsWith(QStringLiteral("비밀번호가 틀렸거나 없는 계정입니다")));
    CHECK_FALSE(wrong.contains(QRegularExpression(QStringLiteral("[A-Za-z]")))); // not core's English
    // An account that does not exist gets the very same words.
    edits[0]->setText(QStringLiteral("nobody-here"));
    edits[1]->setText(QStringLiteral("not-the-password")); // a failed try clears the field
    dialog.accept();
    CHECK(said() == wrong);
    edits[0]->setText(QStringLiteral("lead1"));
    edits[1]->setText(Test::leadPassword());
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(controller.accountName() == QStringLiteral("lead1"));
}

TEST_CASE("visitmap --screenshot renders the map of the demo district", "[ui]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    const QString png = dir.path(QStringLiteral("shot.png"));
    QProcess p;
    p.start(QStringLiteral(VISITMAP_GUI_PATH), {QStringLiteral("--db"), store, QStringLiteral("--screenshot"), png,
                                                QStringLiteral("--size"), QStringLiteral("1200x800")});
    REQUIRE(p.waitForFinished(60000));
    CHECK(p.exitCode() == 0);
    QImage image(png);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.size() == QSize(1200, 800));
    // The tier colours are on the picture: red marks of high-risk households among them.
    int red = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 600; x < image.width(); x += 2)
            red += image.pixelColor(x, y) == QColor(0xD7, 0x26, 0x3D);
    CHECK(red > 20);
}

TEST_CASE("The list masks names and addresses until someone allowed reveals them", "[ui]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    Ui::MainWindow window(controller.get());
    window.show();
    Ui::HouseholdTableModel *model = window.householdModel();
    const QString masked = model->data(model->index(0, Ui::HouseholdTableModel::HeadColumn)).toString();
    CHECK(masked.contains(QLatin1Char('*')));
    CHECK(model->data(model->index(0, Ui::HouseholdTableModel::AddressColumn)).toString().endsWith(QStringLiteral("***")));
    QAction *reveal = nullptr;
    for (QAction *a : window.findChildren<QAction *>())
        if (a->text().contains(QStringLiteral("개인정보 표시")))
            reveal = a;
    REQUIRE(reveal);
    REQUIRE(reveal->isEnabled());
    reveal->trigger();
    CHECK_FALSE(model->data(model->index(0, Ui::HouseholdTableModel::HeadColumn)).toString().contains(QLatin1Char('*')));
}

TEST_CASE("After the idle time the window locks, hides everything and needs the password", "[ui]")
{
    Test::TempDir dir;
    FixedClock clock(QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC));
    auto ws = Workspace::open(Test::demoStoreCopy(dir), Workspace::OpenMode::ExistingOnly, &clock);
    REQUIRE(ws);
    Ui::WorkspaceController controller;
    controller.adopt(std::move(*ws));
    REQUIRE_OK(controller.signInDemo());
    Ui::MainWindow window(&controller);
    window.show();
    QApplication::processEvents();
    Ui::IdleWatcher *idle = window.idleWatcher();
    clock.advanceSecs(14 * 60 + 10);
    idle->check();
    // The warning is up, and the person can still see their work.
    CHECK_FALSE(window.isLocked());
    bool warned = false;
    for (QLabel *l : window.findChildren<QLabel *>())
        warned = warned || (l->isVisible() && l->text().contains(QStringLiteral("화면이 잠깁니다")));
    CHECK(warned);
    clock.advanceSecs(60);
    idle->check();
    REQUIRE(window.isLocked());
    CHECK_FALSE(window.householdTable()->isVisible());
    CHECK_FALSE(window.map()->isVisible());
    CHECK_FALSE(window.menuBar()->isEnabled());
    auto *password = window.findChild<QLineEdit *>(QStringLiteral("unlockPassword"));
    REQUIRE(password);
    CHECK(password->isVisible());
    password->setText(QStringLiteral("wrong-password"));
    QTest::keyClick(password, Qt::Key_Return);
    CHECK(window.isLocked());
    password->setText(QStringLiteral("visitmap-case-demo"));
    QTest::keyClick(password, Qt::Key_Return);
    CHECK_FALSE(window.isLocked());
    CHECK(window.householdTable()->isVisible());
    CHECK(Test::count(*controller.workspace(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'lock'")) == 1);
    CHECK(Test::count(*controller.workspace(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'unlock'")) == 1);
}

TEST_CASE("The access-log review shows a team lead everyone and a caseworker only themself", "[ui]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir); // demo-caseworker
    {
        Ui::AccessLogDialog own(controller.get());
        CHECK(own.entryCount() >= 1);
        for (int r = 0; r < own.findChild<QTableWidget *>()->rowCount(); ++r)
            CHECK(own.findChildren<QTableWidget *>().last()->item(r, 1)->text() == QStringLiteral("demo-caseworker"));
    }
    REQUIRE_OK(controller->signIn(QStringLiteral("demo-lead"), QStringLiteral("visitmap-lead-demo")));
    Ui::AccessLogDialog all(controller.get());
    QSet<QString> accounts;
    auto *entries = all.findChildren<QTableWidget *>().last();
    for (int r = 0; r < entries->rowCount(); ++r)
        accounts.insert(entries->item(r, 1)->text());
    CHECK(accounts.contains(QStringLiteral("demo-caseworker")));
    CHECK(accounts.contains(QStringLiteral("demo-lead")));
}

TEST_CASE("The access-log review names a tampered entry and how, in Korean", "[ui][audit]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    REQUIRE_OK(controller->signIn(QStringLiteral("demo-lead"), QStringLiteral("visitmap-lead-demo")));
    Workspace &ws = *controller->workspace();
    Ui::AccessLogDialog dialog(controller.get());
    auto *check = [&]() -> QPushButton * {
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("위·변조 검사"))
                return b;
        return nullptr;
    }();
    REQUIRE(check);
    const auto chainLine = [&] {
        for (QLabel *l : dialog.findChildren<QLabel *>())
            if (l->text().startsWith(QStringLiteral("위·변조")))
                return l->text();
        return QString();
    };
    check->click();
    CHECK(chainLine().startsWith(QStringLiteral("위·변조 없음")));

    // Someone with the file edits an entry past the trigger that guards it.
    const qint64 seq = Test::count(ws, QStringLiteral("SELECT MIN(seq) FROM audit_log"));
    REQUIRE_OK(ws.db().exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
    REQUIRE(ws.db().execute(QStringLiteral("UPDATE audit_log SET account = 'someone-else' WHERE seq = ?"), {seq}));
    check->click();
    const QString line = chainLine();
    INFO(line.toStdString());
    CHECK(line.startsWith(QStringLiteral("위·변조 의심: %1번째 기록").arg(seq)));
    CHECK(line.contains(QStringLiteral("바뀌었습니다")));
    // The words are the reviewer's, not core's English.
    CHECK_FALSE(line.contains(QRegularExpression(QStringLiteral("[A-Za-z]"))));
}
