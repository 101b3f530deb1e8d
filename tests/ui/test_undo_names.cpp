// SPDX-License-Identifier: GPL-3.0-or-later
// Undo says what it undoes: the household and the record, and it opens that household.
#include "commands/householdcommands.h"
#include "dialogs/recorddialogs.h"
#include "access/disclosure.h"
#include "security/masking.h"
#include "storage/householdstore.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "widgets/householdpanel.h"

#include <QAction>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTextEdit>
#include <QThread>
#include <QUndoStack>

using namespace VisitMap;

namespace {

QAction *menuAction(QMainWindow &window, const QKeySequence &key)
{
    for (QAction *a : window.menuBar()->findChildren<QAction *>()) {
        if (a->shortcut() == key)
            return a;
    }
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->shortcut() == key)
            return a;
    }
    return nullptr;
}

} // namespace

TEST_CASE("Undo with another household open names the household and the record it takes back and "
          "opens it",
          "[ui][undo]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoLeadController(dir));
    auto all
        = Storage::HouseholdStore(w.controller->workspace()->db()).list(w.controller->baseQuery());
    REQUIRE(all);
    REQUIRE(all->size() > 2);
    REQUIRE(w.controller->disclosure().setListRevealed(true));
    const Household noted = all->at(0);
    const Household other = all->at(1);

    // A counselling note on one household, through the dialog.
    REQUIRE(w.window.openHousehold(noted.id));
    {
        Ui::NoteDialog dialog(w.controller.get(), w.window.undoStack(), noted.id, &w.window);
        dialog.findChildren<QLineEdit *>().first()->setText(QStringLiteral("생활 상담"));
        if (auto *body = dialog.findChild<QPlainTextEdit *>())
            body->setPlainText(QStringLiteral("난방비 걱정"));
        else
            dialog.findChild<QTextEdit *>()->setPlainText(QStringLiteral("난방비 걱정"));
        dialog.accept();
        REQUIRE(dialog.result() == QDialog::Accepted);
    }
    REQUIRE(w.window.undoStack()->count() == 1);

    // Another household is on screen now.
    REQUIRE(w.window.openHousehold(other.id));
    REQUIRE(w.window.householdPanel()->householdId() == other.id);

    // Named by its 행정동 and masked head: two households masked alike are told apart.
    QString dong;
    for (const Office &o : w.controller->offices())
        if (o.code == noted.officeCode)
            dong = o.name;
    REQUIRE_FALSE(dong.isEmpty());
    const QString name = dong + QLatin1Char(' ') + Security::Mask::name(noted.headName);
    QAction *undo = menuAction(w.window, QKeySequence(QKeySequence::Undo));
    REQUIRE(undo);
    CHECK(undo->text() == QStringLiteral("실행 취소 상담 기록: %1 가구").arg(name));
    CHECK(w.window.undoStack()->undoText() == QStringLiteral("상담 기록: %1 가구").arg(name));
    // The name is masked as the list shows it even while the list is revealed.
    CHECK_FALSE(undo->text().contains(noted.headName));

    undo->trigger();
    QApplication::processEvents();
    // The undone note's household is the one on screen, and the status bar says what happened.
    CHECK(w.window.householdPanel()->householdId() == noted.id);
    CHECK(w.window.statusBar()->currentMessage()
          == QStringLiteral("취소함 — 상담 기록: %1 가구").arg(name));

    // Redo brings it back, with the household open again.
    REQUIRE(w.window.openHousehold(other.id));
    QAction *redo = menuAction(w.window, QKeySequence(QKeySequence::Redo));
    REQUIRE(redo);
    CHECK(redo->text().contains(QStringLiteral("상담 기록: %1 가구").arg(name)));
    QThread::msleep(1100); // a later second: a redo at the redo's own time would show
    redo->trigger();
    QApplication::processEvents();
    CHECK(w.window.householdPanel()->householdId() == noted.id);
    CHECK(w.window.statusBar()->currentMessage()
          == QStringLiteral("다시 실행함 — 상담 기록: %1 가구").arg(name));
    // The note logged again keeps the time it was first logged at: two notes, one time.
    CHECK(Test::count(*w.controller->workspace(),
                      QStringLiteral("SELECT COUNT(DISTINCT at) FROM counseling_notes WHERE "
                                     "household_id = '%1' AND topic = '생활 상담'")
                          .arg(noted.id))
          == 1);
    CHECK(Test::count(*w.controller->workspace(),
                      QStringLiteral("SELECT COUNT(*) FROM counseling_notes WHERE "
                                     "household_id = '%1' AND topic = '생활 상담'")
                          .arg(noted.id))
          == 2);
}

TEST_CASE("Undo of an assignment to several households names how many and opens none", "[ui][undo]")
{
    Test::TempDir dir;
    Test::DemoWindow w(Test::demoLeadController(dir));
    auto all
        = Storage::HouseholdStore(w.controller->workspace()->db()).list(w.controller->baseQuery());
    REQUIRE(all);
    REQUIRE(w.window.openHousehold(all->at(5).id));
    auto *command = new Ui::AssignCommand(w.controller.get(), {all->at(0).id, all->at(1).id},
                                          w.controller->workers().value(0));
    REQUIRE(command->execute().isEmpty());
    w.window.undoStack()->push(command);
    CHECK(w.window.undoStack()->undoText() == QStringLiteral("2가구 담당자 지정"));
    w.window.undoStack()->undo();
    QApplication::processEvents();
    CHECK(w.window.householdPanel()->householdId() == all->at(5).id);
    CHECK(w.window.statusBar()->currentMessage() == QStringLiteral("취소함 — 2가구 담당자 지정"));
}
