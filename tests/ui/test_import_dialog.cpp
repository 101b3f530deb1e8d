// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/importdialog.h"
#include "mainwindow.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>

using namespace VisitMap;

namespace {

bool waitFor(const std::function<bool()> &done, int ms = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

std::unique_ptr<Ui::WorkspaceController> leadOnRealStore(const Test::TempDir &dir)
{
    auto controller = std::make_unique<Ui::WorkspaceController>();
    REQUIRE_OK(controller->open(Test::realStoreCopy(dir)));
    REQUIRE_OK(controller->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    return controller;
}

qint64 households(Ui::WorkspaceController &c)
{
    return Test::count(*c.workspace(), QStringLiteral("SELECT COUNT(*) FROM households"));
}

QAction *menuAction(QMainWindow &window, const QString &menu, const QString &text)
{
    for (QAction *m : window.menuBar()->actions()) {
        if (!m->text().startsWith(menu) || !m->menu())
            continue;
        for (QAction *a : m->menu()->actions()) {
            if (a->text().startsWith(text))
                return a;
        }
    }
    return nullptr;
}

QStringList items(QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

// What the person saw in the dialog opened from the menu.
struct Seen
{
    bool opened = false;
    bool badFinished = false;
    QStringList problems;
    QString badOutcome;
    qint64 afterBad = -1;
    QString encoding;
    QStringList header;
    QString addressColumn;
    bool goodFinished = false;
    QString goodOutcome;
    bool barFull = false;
};

} // namespace

TEST_CASE("파일 › 가져오기 lists a bad row by line in Korean and writes nothing and then a CP949 file "
          "with Korean headers imports",
          "[ui][import]")
{
    Test::TempDir dir;
    Test::DemoWindow w(leadOnRealStore(dir));
    Ui::WorkspaceController &c = *w.controller;
    REQUIRE(households(c) == 0);
    QAction *open = menuAction(w.window, QStringLiteral("파일"), QStringLiteral("가져오기"));
    REQUIRE(open);
    REQUIRE(open->isEnabled());

    Seen seen;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<Ui::ImportDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen.opened = true;
        auto *importButton = dialog->findChild<QPushButton *>(QStringLiteral("import"));
        auto *problems = dialog->findChild<QListWidget *>(QStringLiteral("problems"));
        auto *outcome = dialog->findChild<QLabel *>(QStringLiteral("outcome"));
        bool finished = false;
        QObject::connect(dialog, &Ui::ImportDialog::importFinished, [&] { finished = true; });

        dialog->setFile(Test::dataPath(QStringLiteral("households_one_bad.csv")));
        importButton->click();
        seen.badFinished = waitFor([&] { return finished; });
        seen.problems = items(problems);
        seen.badOutcome = outcome->text();
        seen.afterBad = households(c);

        finished = false;
        dialog->setFile(Test::dataPath(QStringLiteral("households_cp949.csv")));
        seen.encoding = dialog->findChild<QLabel *>(QStringLiteral("encoding"))->text();
        auto *preview = dialog->findChild<QTableWidget *>(QStringLiteral("preview"));
        for (int i = 0; i < preview->columnCount(); ++i)
            seen.header << preview->horizontalHeaderItem(i)->text();
        auto *mapping = dialog->findChild<QTableWidget *>(QStringLiteral("mapping"));
        for (int i = 0; i < mapping->rowCount(); ++i) {
            if (mapping->item(i, 0)->text() == QStringLiteral("주소"))
                seen.addressColumn = mapping->item(i, 1)->text();
        }
        importButton->click();
        seen.goodFinished = waitFor([&] { return finished; });
        seen.goodOutcome = outcome->text();
        auto *bar = dialog->findChild<QProgressBar *>(QStringLiteral("progress"));
        seen.barFull = bar && bar->maximum() > 0 && bar->value() == bar->maximum();
        dialog->reject();
    });
    open->trigger();

    REQUIRE(seen.opened);
    REQUIRE(seen.badFinished);
    REQUIRE(seen.problems.size() == 1);
    CHECK(seen.problems.first().startsWith(QStringLiteral("3행 · household_type · ")));
    CHECK(seen.problems.first().contains(QStringLiteral("'귀족가구'은(는) 받는 값이 아닙니다")));
    CHECK_FALSE(seen.problems.first().contains(QStringLiteral("not a household type")));
    CHECK(seen.badOutcome.contains(QStringLiteral("아무것도 가져오지 않았습니다")));
    CHECK(seen.afterBad == 0);

    CHECK(seen.encoding.contains(QStringLiteral("CP949")));
    CHECK(seen.header.value(2) == QStringLiteral("주소"));
    CHECK(seen.header.value(11) == QStringLiteral("세대주"));
    CHECK(seen.addressColumn == QStringLiteral("3열 · 주소"));
    REQUIRE(seen.goodFinished);
    CHECK(seen.goodOutcome == QStringLiteral("가구 명단 5건을 가져왔습니다."));
    CHECK(seen.barFull); // a finished import shows a full bar, not 0 %
    CHECK(households(c) == 5);
}

TEST_CASE(
    "Cancelling a large households import after its first progress leaves the store unchanged",
    "[ui][import]")
{
    Test::TempDir dir;
    auto controller = leadOnRealStore(dir);
    Ui::WorkspaceController &c = *controller;
    QByteArray csv("adm_cd,address,lon,lat,household_type,members\n");
    for (int i = 0; i < 20000; ++i)
        csv += QStringLiteral(
                   "1141052000,서울특별시 서대문구 통일로 %1,126.956161,37.571953,일반,1\n")
                   .arg(i + 1)
                   .toUtf8();
    const QString file = dir.path(QStringLiteral("large.csv"));
    Test::writeFile(file, csv);
    const qint64 officesBefore
        = Test::count(*c.workspace(), QStringLiteral("SELECT COUNT(*) FROM offices"));

    Ui::ImportDialog dialog(&c);
    dialog.show();
    dialog.setFile(file);
    auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("import"));
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancel"));
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("progress"));
    auto *stage = dialog.findChild<QLabel *>(QStringLiteral("stage"));
    REQUIRE(importButton->isEnabled());
    CHECK_FALSE(cancel->isEnabled());
    importButton->click();
    REQUIRE(dialog.isImporting());
    CHECK(cancel->isEnabled());
    CHECK_FALSE(importButton->isEnabled());
    // The first report of rows checked.
    REQUIRE(waitFor([&] { return stage->text().startsWith(QStringLiteral("검사하는 중… ")); }));
    CHECK(progress->maximum() == 1000);
    CHECK(dialog.isImporting());
    cancel->click();
    REQUIRE(waitFor([&] { return !dialog.isImporting(); }));
    CHECK(dialog.findChild<QLabel *>(QStringLiteral("outcome"))->text()
          == QStringLiteral("가져오기를 취소했습니다. 아무것도 가져오지 않았습니다."));
    CHECK(households(c) == 0);
    CHECK(Test::count(*c.workspace(), QStringLiteral("SELECT COUNT(*) FROM offices"))
          == officesBefore);
    // The store is the window's again: another file imports.
    dialog.setFile(Test::dataPath(QStringLiteral("households_good.csv")));
    REQUIRE(importButton->isEnabled());
    importButton->click();
    REQUIRE(waitFor([&] { return !dialog.isImporting(); }));
    CHECK(households(c) == 5);
}

TEST_CASE("The import dialog on a demo store says in Korean why households cannot go in and offers "
          "no import",
          "[ui][import]")
{
    Test::TempDir dir;
    auto controller = Test::demoLeadController(dir);
    Ui::ImportDialog dialog(controller.get());
    dialog.show();
    dialog.setFile(Test::dataPath(QStringLiteral("households_good.csv")));
    auto *refusal = dialog.findChild<QLabel *>(QStringLiteral("refusal"));
    auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("import"));
    CHECK(refusal->isVisible());
    CHECK(refusal->text().contains(QStringLiteral("데모")));
    CHECK(refusal->text().contains(QStringLiteral("새 저장소")));
    CHECK_FALSE(importButton->isEnabled());
    // Facilities may go into a demo store.
    dialog.setKind(Import::ImportKind::Facilities);
    dialog.setFile(Test::dataPath(QStringLiteral("facilities_good.csv")));
    CHECK_FALSE(refusal->isVisible());
    CHECK(importButton->isEnabled());
}
