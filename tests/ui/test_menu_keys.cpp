// SPDX-License-Identifier: GPL-3.0-or-later
// The map's one-letter tool keys (V, R, L) never take a letter from an open menu.
#include "map/mapwidget.h"
#include "theme.h"
#include "support/testsupport.h"
#include "uitestsupport.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace VisitMap;

namespace {

QMenu *topMenu(QMainWindow &window, const QString &title)
{
    for (QAction *a : window.menuBar()->actions()) {
        if (a->menu() && a->text().startsWith(title))
            return a->menu();
    }
    return nullptr;
}

QAction *item(QMenu *menu, const QString &start)
{
    for (QAction *a : menu->actions()) {
        if (a->text().startsWith(start))
            return a;
    }
    return nullptr;
}

// Closes every modal dialog that opens until the context goes away.
void closeModals(QObject *context)
{
    QTimer::singleShot(20, context, [context] {
        if (QWidget *w = QApplication::activeModalWidget())
            w->close();
        closeModals(context);
    });
}

} // namespace

TEST_CASE("R in the open 파일 menu imports reports and L in 관리 opens the access log, even with the "
          "map focused, while R on the map picks the rectangle tool",
          "[ui][keys]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoLeadController(dir));
    QMenu *mapMenu = topMenu(w.window, QStringLiteral("지도"));
    REQUIRE(mapMenu);
    QAction *rectangle = item(mapMenu, QStringLiteral("사각형으로 선택"));
    QAction *pan = item(mapMenu, QStringLiteral("이동 도구"));
    REQUIRE(rectangle);
    REQUIRE(pan);

    // No menu item has a bare letter as its shortcut: it would be a window shortcut that an open
    // menu's own letters lose to.
    for (QAction *top : w.window.menuBar()->actions()) {
        if (!top->menu())
            continue;
        for (QAction *a : top->menu()->actions()) {
            INFO(a->text().toStdString());
            const QKeySequence key = a->shortcut();
            CHECK((key.isEmpty() || (key[0].keyboardModifiers() & ~Qt::KeypadModifier) != 0));
        }
    }

    // On the map the letters pick the tools, and the menu shows which.
    Ui::MapWidget *map = w.window.map();
    map->setFocus();
    QApplication::processEvents();
    QTest::keyClick(map, Qt::Key_R);
    CHECK(rectangle->isChecked());
    QTest::keyClick(map, Qt::Key_V);
    CHECK(pan->isChecked());

    // With the map focused, the open 파일 menu's R is its 복지위기 알림 신고 가져오기.
    QMenu *file = topMenu(w.window, QStringLiteral("파일"));
    REQUIRE(file);
    QAction *reports = item(file, QStringLiteral("복지위기 알림 신고 가져오기"));
    REQUIRE(reports);
    QSignalSpy reportsSpy(reports, &QAction::triggered);
    QObject context;
    closeModals(&context);
    map->setFocus();
    file->popup(w.window.mapToGlobal(QPoint(10, 10)));
    QApplication::processEvents();
    QTest::keyClick(file, Qt::Key_R);
    QApplication::processEvents();
    CHECK(reportsSpy.count() == 1);
    CHECK(pan->isChecked()); // the tool did not change
    file->close();

    QMenu *admin = topMenu(w.window, QStringLiteral("관리"));
    REQUIRE(admin);
    QAction *accessLog = item(admin, QStringLiteral("접속기록 점검"));
    REQUIRE(accessLog);
    QSignalSpy logSpy(accessLog, &QAction::triggered);
    map->setFocus();
    admin->popup(w.window.mapToGlobal(QPoint(10, 10)));
    QApplication::processEvents();
    QTest::keyClick(admin, Qt::Key_L);
    QApplication::processEvents();
    CHECK(logSpy.count() == 1);
    CHECK(pan->isChecked());
    admin->close();
    QApplication::processEvents();
}

TEST_CASE("A caseworker finds the lead's and admin's menu items greyed out and the access log "
          "offered as their own",
          "[ui][keys][roles]")
{
    // The program's palette: what a role may not use is drawn grey, not as dark as the rest.
    const QPalette before = QApplication::palette();
    const QString sheet = qApp->styleSheet();
    Ui::Theme::applyApplicationStyle();
    const QPalette pal = QApplication::palette();
    const int active = pal.color(QPalette::Active, QPalette::WindowText).lightness();
    const int disabled = pal.color(QPalette::Disabled, QPalette::WindowText).lightness();
    QApplication::setPalette(before);
    qApp->setStyleSheet(sheet);
    CHECK(disabled - active >= 60);

    Test::TempDir dir;
    Test::DemoWindow w(Test::demoController(dir));
    QMenu *lead = topMenu(w.window, QStringLiteral("팀장"));
    QMenu *admin = topMenu(w.window, QStringLiteral("관리"));
    REQUIRE(lead);
    REQUIRE(admin);
    for (const QString &text : {QStringLiteral("선택한 가구 담당자 지정"), QStringLiteral("당직 담당자"),
                                QStringLiteral("담당자별 업무량")}) {
        INFO(text.toStdString());
        QAction *a = item(lead, text);
        REQUIRE(a);
        CHECK_FALSE(a->isEnabled());
    }
    CHECK(item(lead, QStringLiteral("방문 경로 계획"))->isEnabled()); // caseworkers plan too
    CHECK_FALSE(item(admin, QStringLiteral("계정 관리"))->isEnabled());
    CHECK_FALSE(item(admin, QStringLiteral("저장소 설정"))->isEnabled());
    QAction *own = item(admin, QStringLiteral("내 접속기록 보기"));
    REQUIRE(own);
    CHECK(own->isEnabled());
}
