// SPDX-License-Identifier: GPL-3.0-or-later
// The household panel and the logging dialogs, driven as a caseworker would.
#include "dialogs/assigndialog.h"
#include "dialogs/recorddialogs.h"
#include "dialogs/visitdialog.h"
#include "mainwindow.h"
#include "model/enums.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "support/testsupport.h"
#include "widgets/householdpanel.h"
#include "widgets/needseditor.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFileDialog>
#include <QGroupBox>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>
#include <functional>

using namespace VisitMap;

namespace {

struct Desk
{
    Test::TempDir dir;
    Ui::WorkspaceController controller;
    std::unique_ptr<Ui::MainWindow> window;
    QString household;

    explicit Desk(const QString &account = QStringLiteral("demo-caseworker"))
    {
        REQUIRE_OK(controller.open(Test::demoStoreCopy(dir)));
        REQUIRE_OK(controller.signInDemo());
        if (account != QLatin1String("demo-caseworker"))
            REQUIRE_OK(controller.signIn(account, QStringLiteral("visitmap-lead-demo")));
        window = std::make_unique<Ui::MainWindow>(&controller);
        window->resize(1500, 900);
        window->show();
        household = controller.workspace()->db().scalar(QStringLiteral(
            "SELECT id FROM households WHERE risk_override IS NULL AND id NOT IN (SELECT household_id FROM cases) "
            "AND risk_tier = 'medium' ORDER BY rowid LIMIT 1"))->toString();
        REQUIRE(window->openHousehold(household));
    }
    Ui::HouseholdPanel *panel() const { return window->householdPanel(); }
    QStringList timeline() const
    {
        QStringList out;
        for (int i = 0; i < panel()->timeline()->count(); ++i)
            out << panel()->timeline()->item(i)->text();
        return out;
    }
    Household record() const { return *Storage::HouseholdStore(controller.workspace()->db()).get(household); }
};

// Waits for a modal dialog of type T and runs fn on it.
template<typename T>
void whenModal(std::function<void(T *)> fn)
{
    QTimer::singleShot(50, [fn] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog) {
            whenModal<T>(fn);
            return;
        }
        fn(dialog);
    });
}

} // namespace

TEST_CASE("Logging a visit with a needs assessment shows both, and undo strikes them through", "[ui][workflow]")
{
    Desk desk;
    Ui::VisitDialog dialog(&desk.controller, desk.window->undoStack(), desk.household);
    dialog.kind()->setCurrentIndex(dialog.kind()->findData(int(VisitKind::Visit)));
    dialog.outcome()->setCurrentIndex(dialog.outcome()->findData(int(VisitOutcome::Met)));
    dialog.metWhom()->setText(QStringLiteral("본인"));
    dialog.notes()->setPlainText(QStringLiteral("난방비 걱정, 에너지바우처 안내함"));
    dialog.needsBox()->setChecked(true);
    dialog.needs()->setLevel(QStringLiteral("5000000"), 3, QStringLiteral("공과금 체납"));
    dialog.needs()->setLevel(QStringLiteral("1000000"), 2);
    dialog.noteBox()->setChecked(true);
    dialog.counselingBody()->setPlainText(QStringLiteral("딸과 통화 예정"));
    dialog.accept();
    INFO(dialog.error().toStdString());
    REQUIRE(dialog.result() == QDialog::Accepted);
    QApplication::processEvents();
    const QStringList lines = desk.timeline();
    REQUIRE(lines.size() >= 2);
    CHECK(lines.join(u'\n').contains(QStringLiteral("난방비 걱정")));
    CHECK(lines.join(u'\n').contains(QStringLiteral("경제 높음")));
    CHECK(lines.join(u'\n').contains(QStringLiteral("욕구 있는 영역 2개"))); // not all 11 domains
    CHECK(desk.record().nextVisitDue > desk.controller.today());
    desk.window->undoStack()->undo();
    QApplication::processEvents();
    // Everything logged in the one dialog is taken back together: the visit, its needs
    // assessment and its counselling note.
    bool struck = false, assessmentStruck = false;
    for (int i = 0; i < desk.panel()->timeline()->count(); ++i) {
        QListWidgetItem *item = desk.panel()->timeline()->item(i);
        if (item->text().contains(QStringLiteral("난방비 걱정")))
            struck = item->font().strikeOut();
        if (item->text().contains(QStringLiteral("경제 높음")))
            assessmentStruck = item->font().strikeOut();
    }
    CHECK(struck);
    CHECK(assessmentStruck);
    CHECK(Test::count(*desk.controller.workspace(),
                      QStringLiteral("SELECT COUNT(*) FROM voids WHERE entity IN ('visit', "
                                     "'assessment', 'counseling')"))
          == 3);
    // The visit is still in the store: undo never deletes.
    CHECK(Test::count(*desk.controller.workspace(), QStringLiteral("SELECT COUNT(*) FROM visits WHERE notes LIKE '난방비 걱정%'")) == 1);
}

TEST_CASE("A visit dialog refuses what cannot be logged and says why", "[ui][workflow]")
{
    Desk desk;
    Ui::VisitDialog dialog(&desk.controller, desk.window->undoStack(), desk.household);
    dialog.noteBox()->setChecked(true); // a note with no text
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK_FALSE(dialog.error().isEmpty());
    CHECK(desk.window->undoStack()->count() == 0);
}

TEST_CASE("Overriding the risk tier needs a reason, shows on the panel and undoes", "[ui][workflow]")
{
    Desk desk;
    const Household before = desk.record();
    Ui::RiskDialog dialog(&desk.controller, desk.window->undoStack(), desk.household, before.computedTier,
                          before.tierOverride, before.overrideReason);
    dialog.choose(int(RiskTier::High));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted); // no reason yet
    dialog.reason()->setPlainText(QStringLiteral("가족 돌봄 공백, 고독사 위험"));
    dialog.accept();
    REQUIRE(dialog.result() == QDialog::Accepted);
    QApplication::processEvents();
    CHECK(desk.record().tier() == RiskTier::High);
    CHECK(desk.timeline().join(u'\n').contains(QStringLiteral("위험도 조정")));
    desk.window->undoStack()->undo();
    CHECK(desk.record().tier() == before.tier());
    CHECK_FALSE(desk.record().tierOverride.has_value());
    desk.window->undoStack()->redo();
    CHECK(desk.record().tier() == RiskTier::High);
}

TEST_CASE("A service is linked from the resource directory", "[ui][workflow]")
{
    Desk desk;
    Ui::ServiceLinkDialog dialog(&desk.controller, desk.window->undoStack(), desk.household);
    dialog.search()->setText(QStringLiteral("에너지바우처"));
    REQUIRE(dialog.resources()->rowCount() == 1);
    dialog.resources()->selectRow(0);
    dialog.accept();
    REQUIRE(dialog.result() == QDialog::Accepted);
    QApplication::processEvents();
    CHECK(desk.timeline().join(u'\n').contains(QStringLiteral("에너지바우처 — 의뢰")));
}

TEST_CASE("A case is opened and moved to the next stage from the panel, and undo moves it back", "[ui][workflow]")
{
    Desk desk;
    REQUIRE(CaseWork(*desk.controller.workspace()).openCase(desk.household, CaseType::General));
    desk.panel()->refresh();
    QPushButton *next = desk.panel()->button(QStringLiteral("nextStage"));
    REQUIRE(next->isEnabled());
    CHECK(next->text().contains(QStringLiteral("초기상담")));
    next->click();
    QApplication::processEvents();
    auto cases = Storage::CaseStore(desk.controller.workspace()->db()).forHousehold(desk.household);
    REQUIRE(cases);
    CHECK(cases->first().stage == CaseStage::InitialCounsel);
    desk.window->undoStack()->undo();
    cases = Storage::CaseStore(desk.controller.workspace()->db()).forHousehold(desk.household);
    CHECK(cases->first().stage == CaseStage::Discovery);
}

TEST_CASE("The case type chosen when opening a case is the type the case gets", "[ui][workflow]")
{
    Desk desk;
    QPushButton *open = desk.panel()->button(QStringLiteral("openCase"));
    REQUIRE(open->isEnabled());
    // The dialog is modal: choose 통합사례관리 once it shows, as a worker would.
    bool chosen = false;
    QTimer::singleShot(0, [&chosen] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        auto *types = dialog->findChild<QComboBox *>();
        REQUIRE(types);
        types->setCurrentIndex(types->findData(int(CaseType::Intensive)));
        chosen = types->currentText() == label(CaseType::Intensive);
        dialog->accept();
    });
    open->click();
    CHECK(chosen);
    auto cases = Storage::CaseStore(desk.controller.workspace()->db()).forHousehold(desk.household);
    REQUIRE(cases);
    REQUIRE(cases->size() == 1);
    CHECK(cases->first().caseType == CaseType::Intensive);
    QApplication::processEvents();
    CHECK_FALSE(open->isEnabled()); // one open case at a time
    // 사례 열기 is undoable: the case is taken back (kept, counted nowhere) and may be opened
    // again.
    REQUIRE(desk.window->undoStack()->count() == 1);
    CHECK(desk.window->undoStack()->undoText().contains(QStringLiteral("사례 열기 (고난도사례)")));
    const int openBefore
        = desk.controller.workspace()
              ->db()
              .scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE stage <> 'closure'"))
              ->toInt();
    desk.window->undoStack()->undo();
    QApplication::processEvents();
    cases = Storage::CaseStore(desk.controller.workspace()->db()).forHousehold(desk.household);
    REQUIRE(cases);
    CHECK(cases->isEmpty());
    CHECK(open->isEnabled());
    CHECK(Test::count(*desk.controller.workspace(),
                      QStringLiteral("SELECT COUNT(*) FROM voids WHERE entity = 'case'"))
          == 1);
    // The workload and the stage filter no longer count it.
    Storage::HouseholdQuery byStage;
    byStage.caseStage = CaseStage::Discovery;
    auto listed = Storage::HouseholdStore(desk.controller.workspace()->db()).list(byStage);
    REQUIRE(listed);
    for (const Household &h : *listed)
        CHECK(h.id != desk.household);
    CHECK(Test::count(*desk.controller.workspace(),
                      QStringLiteral("SELECT COUNT(*) FROM cases WHERE stage <> 'closure'"))
          == openBefore); // still stored: undo never deletes
    desk.window->undoStack()->redo();
    QApplication::processEvents();
    cases = Storage::CaseStore(desk.controller.workspace()->db()).forHousehold(desk.household);
    REQUIRE(cases);
    REQUIRE(cases->size() == 1);
    CHECK(cases->first().caseType == CaseType::Intensive);
    CHECK_FALSE(open->isEnabled());
}

TEST_CASE("A photo attached from the panel is taken back by undo and attached again by redo",
          "[ui][workflow][photos]")
{
    Desk desk;
    const QString photo = desk.dir.path(QStringLiteral("현관.png"));
    {
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        REQUIRE(image.save(photo, "PNG"));
    }
    bool asked = false;
    whenModal<QFileDialog>([&](QFileDialog *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        REQUIRE(name);
        name->setText(photo);
        whenModal<QMessageBox>([&](QMessageBox *box) {
            asked = box->text().contains(QStringLiteral("동의"));
            box->button(QMessageBox::Yes)->click();
        });
        static_cast<QDialog *>(dialog)->accept();
    });
    desk.panel()->button(QStringLiteral("photo"))->click();
    QApplication::processEvents();
    CHECK(asked);
    auto timelineHas = [&](bool struck) {
        for (int i = 0; i < desk.panel()->timeline()->count(); ++i) {
            QListWidgetItem *item = desk.panel()->timeline()->item(i);
            // A photo taken back says why (the undo's reason).
            if (item->text().contains(QStringLiteral("현관.png"))
                && item->font().strikeOut() == struck
                && (!struck || item->text().contains(QStringLiteral("실행 취소로 되돌림"))))
                return true;
        }
        return false;
    };
    CHECK(timelineHas(false));
    CHECK(desk.panel()->button(QStringLiteral("photos"))->isEnabled());
    REQUIRE(desk.window->undoStack()->count() == 1);
    desk.window->undoStack()->undo();
    QApplication::processEvents();
    // Struck through in the timeline, no longer offered in the viewer; the file stays stored.
    CHECK(timelineHas(true));
    CHECK_FALSE(timelineHas(false));
    CHECK_FALSE(desk.panel()->button(QStringLiteral("photos"))->isEnabled());
    CHECK(Test::count(*desk.controller.workspace(),
                      QStringLiteral("SELECT COUNT(*) FROM voids WHERE entity = 'attachment'"))
          == 1);
    desk.window->undoStack()->redo();
    QApplication::processEvents();
    CHECK(timelineHas(false));
    CHECK(desk.panel()->button(QStringLiteral("photos"))->isEnabled());
    CHECK(Test::count(*desk.controller.workspace(),
                      QStringLiteral("SELECT COUNT(*) FROM attachments WHERE household_id = '%1'")
                          .arg(desk.household))
          == 2);
}

TEST_CASE("A team lead assigns the selected households to a worker", "[ui][workflow]")
{
    Desk desk(QStringLiteral("demo-lead"));
    Ui::AssignDialog dialog(&desk.controller, desk.window->undoStack(), {desk.household});
    dialog.worker()->setCurrentIndex(dialog.worker()->findData(QStringLiteral("demo-worker3")));
    dialog.accept();
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(desk.record().assignedWorker == QStringLiteral("demo-worker3"));
    desk.window->undoStack()->undo();
    CHECK(desk.record().assignedWorker != QStringLiteral("demo-worker3"));
}

TEST_CASE("Resident numbers stay masked in the panel until revealed, and the reveal is logged", "[ui][privacy]")
{
    Desk desk;
    QTableWidget *members = desk.panel()->members();
    REQUIRE(members->rowCount() >= 1);
    CHECK(members->item(0, 4)->text().endsWith(QStringLiteral("******")));
    desk.panel()->button(QStringLiteral("reveal"))->click();
    CHECK_FALSE(members->item(0, 4)->text().contains(QLatin1Char('*')));
    CHECK(Test::count(*desk.controller.workspace(),
                      QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'reveal' AND subject = '%1'").arg(desk.household)) == 1);
}
