// SPDX-License-Identifier: GPL-3.0-or-later
// Two people, one PC: signing out and in as someone else leaves nothing of the first person.
#include "commands/householdcommands.h"
#include "demo/demogenerator.h"
#include "dialogs/signindialog.h"
#include "map/mapwidget.h"
#include "models/householdtablemodel.h"
#include "storage/accountstore.h"
#include "storage/householdstore.h"
#include "support/testsupport.h"
#include "sync/syncdialogs.h"
#include "uitestsupport.h"
#include "widgets/householdfilterbar.h"
#include "widgets/householdpanel.h"

#include <QAction>
#include <QCheckBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace VisitMap;

namespace {

QLineEdit *field(QWidget *dialog, const QString &accessibleName)
{
    for (QLineEdit *e : dialog->findChildren<QLineEdit *>()) {
        if (e->accessibleName() == accessibleName)
            return e;
    }
    return nullptr;
}

// Answers the sign-in dialog the window opens (modal) as the next person would.
void answerSignIn(const QString &name, const QString &password, QString *prefilled)
{
    QTimer::singleShot(50, [=] {
        auto *dialog = qobject_cast<Ui::SignInDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerSignIn(name, password, prefilled);
            return;
        }
        *prefilled = dialog->account();
        field(dialog, QStringLiteral("계정"))->setText(name);
        field(dialog, QStringLiteral("비밀번호"))->setText(password);
        dialog->accept();
    });
}

QAction *actionNamed(QMainWindow &window, const QString &text)
{
    for (QAction *a : window.menuBar()->findChildren<QAction *>()) {
        if (a->text() == text)
            return a;
    }
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

} // namespace

TEST_CASE("After sign-out and another account's sign-in nothing of the previous person stays",
          "[ui][signout]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoLeadController(dir));
    Ui::MainWindow &window = w.window;
    auto all
        = Storage::HouseholdStore(w.controller->workspace()->db()).list(w.controller->baseQuery());
    REQUIRE(all);

    // The team lead searches, ticks a condition, opens a household, selects on the map, records
    // work and has the sync dialog open.
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("householdSearch"));
    search->setText(all->at(2).roadAddress.section(u' ', -2, -2));
    QTest::qWait(250);
    REQUIRE(window.householdFilter()->isActive());
    REQUIRE(window.openHousehold(all->at(2).id));
    window.map()->setSelection({window.householdModel()->rowIdAt(0)});
    auto *command
        = new Ui::RiskOverrideCommand(w.controller.get(), all->at(2).id, RiskTier::High,
                                      QStringLiteral("이웃 신고"), std::nullopt, QString());
    REQUIRE(command->execute().isEmpty());
    window.undoStack()->push(command);
    window.statusBar()->showMessage(QStringLiteral("이전 사람의 안내"));
    Ui::SyncDialog *sync = window.openSync();
    REQUIRE(sync->isVisible());
    QPointer<Ui::SyncDialog> syncAlive(sync);

    QString prefilled = QStringLiteral("(not asked)");
    answerSignIn(QStringLiteral("demo-caseworker"), Demo::DemoGenerator::accounts().at(2).password,
                 &prefilled);
    QAction *signOut = actionNamed(window, QStringLiteral("로그아웃(&O)"));
    REQUIRE(signOut);
    signOut->trigger();
    QApplication::processEvents();
    window.map()->waitForIndex();

    REQUIRE(w.controller->accountName() == QStringLiteral("demo-caseworker"));
    // The dialog did not offer the previous person's account.
    CHECK(prefilled.isEmpty());
    CHECK(search->text().isEmpty());
    CHECK_FALSE(window.householdFilter()->isActive());
    CHECK_FALSE(window.map()->isFiltered());
    CHECK(window.householdPanel()->householdId().isEmpty());
    CHECK(window.map()->selection().isEmpty());
    CHECK(window.householdTable()->selectionModel()->selectedRows().isEmpty());
    CHECK(window.undoStack()->count() == 0);
    CHECK(window.statusBar()->currentMessage().isEmpty());
    CHECK((!syncAlive || !syncAlive->isVisible()));
    // The list is the new account's households, all of them.
    const auto own = w.controller->listedRowIds(w.controller->baseQuery());
    CHECK(window.householdModel()->rowCount() == int(own.size()));
    CHECK(window.map()->households().size() == own.size());
}

TEST_CASE("The sign-in dialog offers the last account of this store and never one of another store",
          "[ui][signout]")
{
    Test::TempDir dir;
    const QString a = Test::realStoreCopy(dir, QStringLiteral("a.visitmap"));
    const QString b = Test::realStoreCopy(dir, QStringLiteral("b.visitmap"));
    {
        Ui::WorkspaceController controller;
        REQUIRE_OK(controller.open(a));
        Ui::SignInDialog dialog(&controller);
        CHECK(dialog.account().isEmpty());
        field(&dialog, QStringLiteral("계정"))->setText(QStringLiteral("lead1"));
        field(&dialog, QStringLiteral("비밀번호"))->setText(Test::leadPassword());
        dialog.accept();
        REQUIRE(controller.accountName() == QStringLiteral("lead1"));
    }
    {
        Ui::WorkspaceController controller;
        REQUIRE_OK(controller.open(b));
        Ui::SignInDialog dialog(&controller);
        CHECK(dialog.account().isEmpty());
    }
    {
        Ui::WorkspaceController controller;
        REQUIRE_OK(controller.open(a));
        Ui::SignInDialog dialog(&controller);
        CHECK(dialog.account() == QStringLiteral("lead1"));
    }
}

TEST_CASE("visitmap --user NAME without a password shows the sign-in dialog and spends no try",
          "[ui][signout]")
{
    Test::TempDir dir;
    const QString store = Test::realStoreCopy(dir);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("VISITMAP_PASSWORD"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(VISITMAP_GUI_PATH),
            {QStringLiteral("--db"), store, QStringLiteral("--user"), QStringLiteral("case1")});
    REQUIRE(p.waitForStarted());
    // It waits for the person at the dialog (a refused sign-in would also wait, at its message).
    CHECK_FALSE(p.waitForFinished(4000));
    p.kill();
    p.waitForFinished();
    auto ws = Test::openStore(store);
    auto account = ws->accounts().find(QStringLiteral("case1"));
    REQUIRE(account);
    CHECK(account->failedLogins == 0);
}
