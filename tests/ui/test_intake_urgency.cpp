// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/assigndialog.h"
#include "dialogs/dutyworkerdialog.h"
#include "mainwindow.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "widgets/householdpanel.h"
#include "widgets/intakepanel.h"
#include "widgets/urgentstatuslabel.h"
#include "workflow/casework.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QTreeWidget>
#include <functional>

using namespace VisitMap;

namespace {

// A household of the demo store to stand the urgent report at (so it has candidates).
std::pair<double, double> somePlace(Ui::WorkspaceController &c)
{
    auto q = c.workspace()->db().execute(
        QStringLiteral("SELECT lon, lat FROM households ORDER BY id LIMIT 1"));
    REQUIRE(q);
    REQUIRE(q->next());
    return {q->value(0).toDouble(), q->value(1).toDouble()};
}

// Two reports: an ordinary one from three days ago, then a suicide-risk one from yesterday.
QString writeReports(const Test::TempDir &dir, std::pair<double, double> at)
{
    const QDateTime now = QDateTime::currentDateTime().toTimeZone(Clock::seoul());
    const QString path = dir.path(QStringLiteral("reports.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"([
        {"id": "OLD-ECON", "received_at": "%1", "channel": "app", "reporter_type": "neighbour", "anonymous": true,
         "categories": ["economic"], "description": "월세가 밀렸다고 함",
         "location": {"lon": %3, "lat": %4}},
        {"id": "NEW-SUICIDE", "received_at": "%2", "channel": "app", "reporter_type": "neighbour", "anonymous": true,
         "categories": ["suicide", "isolation"], "description": "죽고 싶다는 말을 여러 번 했다고 함",
         "location": {"lon": %3, "lat": %4}}])")
                .arg(now.addDays(-3).toString(Qt::ISODate), now.addDays(-1).toString(Qt::ISODate))
                .arg(at.first + 0.00005, 0, 'f', 7)
                .arg(at.second, 0, 'f', 7)
                .toUtf8());
    return path;
}

// Answers every modal window that comes up while `run` runs: a question is answered yes, the
// assign dialog gets `worker`, a message is read and closed.
struct ModalAnswers
{
    QString worker;
    QStringList messages;
    int assignDialogs = 0;

    void during(const std::function<void()> &run)
    {
        QTimer timer;
        timer.setInterval(20);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *assign = qobject_cast<Ui::AssignDialog *>(modal)) {
                ++assignDialogs;
                assign->worker()->setCurrentIndex(assign->worker()->findData(worker));
                assign->accept();
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                messages << box->text();
                if (QAbstractButton *yes = box->button(QMessageBox::Yes))
                    yes->click();
                else
                    box->accept();
            }
        });
        timer.start();
        run();
        QApplication::processEvents();
    }
};

QTreeWidgetItem *row(Ui::IntakePanel *intake, int i)
{
    REQUIRE(intake->queueList()->topLevelItemCount() > i);
    return intake->queueList()->topLevelItem(i);
}

Household household(Ui::WorkspaceController &c, const QString &id)
{
    auto h = Storage::HouseholdStore(c.workspace()->db()).get(id);
    REQUIRE(h);
    return *h;
}

} // namespace

TEST_CASE("The urgent report opened becomes 고위험, assigned, due today, first in the queue",
          "[ui][intake][urgency]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = shown.controller;
    Ui::MainWindow &window = shown.window;
    const QDate today = controller->workspace()->clock().today();

    // The team lead names the duty worker from the 팀장 menu.
    QAction *duty = nullptr;
    for (QAction *a : window.menuBar()->findChildren<QAction *>()) {
        if (a->text() == QStringLiteral("당직 담당자(&D)…"))
            duty = a;
    }
    REQUIRE(duty);
    QTimer::singleShot(0, [] {
        auto *dialog = qobject_cast<Ui::DutyWorkerDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        dialog->worker()->setCurrentIndex(
            dialog->worker()->findData(QStringLiteral("demo-caseworker")));
        dialog->accept();
    });
    duty->trigger();
    QApplication::processEvents();

    Ui::IntakePanel *intake = window.intakePanel();
    bool ok = false;
    const QString message
        = intake->importFile(writeReports(dir, somePlace(*controller)), true, &ok);
    INFO(message.toStdString());
    REQUIRE(ok);

    // First in the queue although it came in later, marked 긴급, its same-day deadline passed
    // (yesterday's report): in words and in red.
    QTreeWidgetItem *first = row(intake, 0);
    CHECK(first->text(0) == QStringLiteral("긴급"));
    CHECK(first->text(3).startsWith(QStringLiteral("기한 지남")));
    CHECK(first->foreground(3).color() == QColor(0xB1, 0x12, 0x1B));
    CHECK(row(intake, 1)->text(0) == QStringLiteral("일반"));
    CHECK(row(intake, 1)->text(3).endsWith(QStringLiteral("까지")));
    CHECK_FALSE(row(intake, 1)->text(3).startsWith(QStringLiteral("기한 지남")));

    // The team lead's status bar counts it.
    auto *urgent
        = window.statusBar()->findChild<Ui::UrgentStatusLabel *>(QStringLiteral("urgentStatus"));
    REQUIRE(urgent);
    CHECK(urgent->isVisible());
    CHECK(urgent->text() == QStringLiteral("긴급 미연락 1건"));

    // Opened as a new household (past the candidates' question).
    intake->queueList()->setCurrentItem(first);
    QApplication::processEvents();
    REQUIRE(intake->button(QStringLiteral("openNew"))->isEnabled());
    ModalAnswers answers;
    answers.during([&] { intake->button(QStringLiteral("openNew"))->click(); });
    CHECK(answers.assignDialogs == 0); // the duty worker took it: nobody is asked
    const QString opened = window.householdPanel()->householdId();
    REQUIRE_FALSE(opened.isEmpty());
    const Household h = household(*controller, opened);
    CHECK(h.tier() == RiskTier::High);
    CHECK(h.overrideReason.contains(QStringLiteral("자살 위험")));
    CHECK(h.assignedWorker == QStringLiteral("demo-caseworker"));
    CHECK(h.nextVisitDue == today);
    CHECK(urgent->text() == QStringLiteral("긴급 미연락 1건")); // opened, nobody reached yet

    // Reached on the phone: the count goes.
    Visit call;
    call.householdId = opened;
    call.kind = VisitKind::Phone;
    call.outcome = VisitOutcome::Met;
    call.at = QDateTime::currentDateTimeUtc();
    REQUIRE_OK(CaseWork(*controller->workspace()).logVisit(call)); // announced by the store
    QApplication::processEvents();
    CHECK_FALSE(urgent->isVisible());
}

TEST_CASE("With no duty worker the team lead is asked who takes the urgent household, through the "
          "assign dialog",
          "[ui][intake][urgency]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = shown.controller;
    Ui::IntakePanel *intake = shown.window.intakePanel();
    bool ok = false;
    intake->importFile(writeReports(dir, somePlace(*controller)), true, &ok);
    REQUIRE(ok);
    // A 발굴 round listing someone unknown at suicide risk: one list with the reports, by urgency
    // first (before the older ordinary report), then by age (after yesterday's urgent report).
    const QString round = dir.path(QStringLiteral("round.csv"));
    Test::writeFile(
        round,
        QStringLiteral("회차,성명,생년월일,주민등록번호,주소,가구ID,위기정보코드,금액,개월수\n"
                       "2026-6,김미상,1950-05-05,,서울특별시 서대문구 없는로 2,,S01,,\n")
            .toUtf8());
    intake->importFile(round, false, &ok);
    REQUIRE(ok);
    CHECK(row(intake, 0)->text(1) == QStringLiteral("신고"));
    CHECK(row(intake, 1)->text(1).startsWith(QStringLiteral("발굴")));
    CHECK(row(intake, 1)->text(0) == QStringLiteral("긴급"));
    CHECK(row(intake, 2)->text(0) == QStringLiteral("일반"));
    intake->queueList()->setCurrentItem(row(intake, 0));
    QApplication::processEvents();
    ModalAnswers answers;
    answers.worker = QStringLiteral("demo-lead");
    answers.during([&] { intake->button(QStringLiteral("openNew"))->click(); });
    CHECK(answers.assignDialogs == 1);
    const Household h = household(*controller, shown.window.householdPanel()->householdId());
    CHECK(h.tier() == RiskTier::High);
    CHECK(h.assignedWorker == QStringLiteral("demo-lead"));
    CHECK(h.nextVisitDue == controller->workspace()->clock().today());
}

TEST_CASE("A caseworker opening an urgent report with no duty worker is told to ask the team lead",
          "[ui][intake][urgency]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoController(dir));
    auto &controller = shown.controller;
    Ui::IntakePanel *intake = shown.window.intakePanel();
    bool ok = false;
    intake->importFile(writeReports(dir, somePlace(*controller)), true, &ok);
    REQUIRE(ok);
    intake->queueList()->setCurrentItem(row(intake, 0));
    QApplication::processEvents();
    REQUIRE(intake->button(QStringLiteral("openNew"))->isEnabled());
    ModalAnswers answers;
    answers.during([&] { intake->button(QStringLiteral("openNew"))->click(); });
    CHECK(answers.assignDialogs == 0);
    bool told = false;
    for (const QString &m : answers.messages)
        told = told || m.contains(QStringLiteral("팀장에게"));
    CHECK(told);
    const Household h = household(*controller, shown.window.householdPanel()->householdId());
    CHECK(h.tier() == RiskTier::High);
    CHECK(h.assignedWorker.isEmpty());
    CHECK(h.nextVisitDue == controller->workspace()->clock().today());
    // The caseworker's status bar has no team lead's count.
    auto *urgent = shown.window.statusBar()->findChild<Ui::UrgentStatusLabel *>(
        QStringLiteral("urgentStatus"));
    REQUIRE(urgent);
    CHECK_FALSE(urgent->isVisible());
}
