// SPDX-License-Identifier: GPL-3.0-or-later
// Photos of a household and of a crisis report, opened in the viewer through the panels: each
// opened photo is a logged reveal, a photo without consent is never opened.
#include "dialogs/photoviewer.h"
#include "mainwindow.h"
#include "storage/attachmentstore.h"
#include "storage/database.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "widgets/householdpanel.h"
#include "widgets/intakepanel.h"
#include "workflow/casework.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <functional>

using namespace VisitMap;

namespace {

QByteArray png(int w, int h, QColor colour)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

qint64 reveals(Ui::WorkspaceController &c, const QString &kind, const QString &subject)
{
    return Test::count(*c.workspace(),
                       QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'reveal' AND "
                                      "subject_kind = '%1' AND subject = '%2'")
                           .arg(kind, subject));
}

QString firstHousehold(Ui::WorkspaceController &c)
{
    return c.workspace()
        ->db()
        .scalar(QStringLiteral("SELECT id FROM households ORDER BY rowid LIMIT 1"))
        ->toString();
}

// Runs `inspect` on the photo viewer that `open` shows modally, then closes it.
void whileViewerOpen(const std::function<void()> &open,
                     const std::function<void(Ui::PhotoViewer &)> &inspect)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *v = qobject_cast<Ui::PhotoViewer *>(w); v && v->isVisible()) {
                seen = true;
                inspect(*v);
                v->reject();
            }
        }
    });
    open();
    REQUIRE(seen);
}

} // namespace

TEST_CASE("A household's photo opens from its panel after a logged reveal, fitted, with its "
          "consent and who "
          "attached it",
          "[ui][photos]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoController(dir));
    auto &controller = *shown.controller;
    const QString household = firstHousehold(controller);
    CaseWork work(*controller.workspace());
    REQUIRE(
        work.attach(household, QStringLiteral("현관.png"), png(2400, 1600, Qt::darkGreen), true));
    REQUIRE(work.attach(household, QStringLiteral("부엌.png"), png(300, 200, Qt::darkRed), true));
    REQUIRE(shown.window.openHousehold(household));
    QPushButton *button = shown.window.householdPanel()->button(QStringLiteral("photos"));
    REQUIRE(button);
    REQUIRE(button->isEnabled());
    REQUIRE(reveals(controller, QStringLiteral("household"), household) == 0);

    qint64 afterFirst = -1, afterBack = -1, afterForth = -1;
    QImage first, second;
    QString facts;
    double fitScale = 0, zoomed = 0, actual = 0;
    bool previousEnabled = false, fitted = false;
    whileViewerOpen([&] { button->click(); },
                    [&](Ui::PhotoViewer &v) {
                        // The newest photo first, opened (and logged) before it is on the screen.
                        afterFirst = reveals(controller, QStringLiteral("household"), household);
                        first = v.shownImage();
                        facts = v.factsText();
                        fitted = v.fitsWindow();
                        fitScale = v.scale();
                        previousEnabled = v.button(QStringLiteral("previous"))->isEnabled();
                        v.button(QStringLiteral("zoomIn"))->click();
                        zoomed = v.scale();
                        v.button(QStringLiteral("actual"))->click();
                        actual = v.scale();
                        v.button(QStringLiteral("previous"))->click();
                        second = v.shownImage();
                        afterBack = reveals(controller, QStringLiteral("household"), household);
                        v.button(QStringLiteral("next"))->click();
                        afterForth = reveals(controller, QStringLiteral("household"), household);
                    });
    CHECK(afterFirst == 1);
    REQUIRE_FALSE(first.isNull());
    CHECK(first.width() == 300); // 부엌.png, small enough to show at its own size
    CHECK(first.pixelColor(first.width() / 2, first.height() / 2) == QColor(Qt::darkRed));
    CHECK(fitted);
    CHECK(fitScale == Approx(1.0));
    CHECK(zoomed == Approx(1.25));
    CHECK(actual == Approx(1.0));
    CHECK(previousEnabled);
    // The big one, fitted into the window (smaller than it is), in its proportions.
    REQUIRE_FALSE(second.isNull());
    CHECK(second.width() < 2400);
    CHECK(second.width() * 2 == Approx(second.height() * 3).margin(4));
    CHECK(second.pixelColor(second.width() / 2, second.height() / 2) == QColor(Qt::darkGreen));
    CHECK(afterBack == 2);
    CHECK(afterForth == 2); // seen again in the same window: not opened again
    CHECK(facts.contains(QStringLiteral("동의 여부: 동의함")));
    CHECK(facts.contains(QStringLiteral("첨부한 사람: demo-caseworker")));
    CHECK(facts.contains(QStringLiteral("부엌.png")));
}

TEST_CASE("A photo without a consent record is not opened, the viewer says the rule, and no reveal "
          "is logged",
          "[ui][photos][security]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    const QString household = firstHousehold(*controller);
    auto added = CaseWork(*controller->workspace())
                     .attach(household, QStringLiteral("a.png"), png(40, 30, Qt::blue), true);
    REQUIRE(added);
    // As a row pulled from a store that recorded no consent.
    REQUIRE(controller->workspace()->db().execute(
        QStringLiteral("UPDATE attachments SET consent = 0 WHERE id = ?"), {added->id}));
    Workspace &ws = *controller->workspace();
    auto read
        = Storage::AttachmentStore(ws.db()).read(added->id, ws.journal(), ws.session()->keyring);
    REQUIRE_FALSE(read);
    CHECK(read.error().code == ErrorCode::PermissionDenied);
    CHECK(reveals(*controller, QStringLiteral("household"), household) == 0);

    auto listed = Storage::AttachmentStore(ws.db()).forHousehold(household);
    REQUIRE(listed);
    REQUIRE(listed->size() == 1);
    CHECK_FALSE(listed->first().consent);
    Ui::PhotoViewer viewer(controller.get(), *listed);
    CHECK(viewer.shownImage().isNull());
    CHECK(viewer.messageText().contains(QStringLiteral("동의 기록이 없어 열지 않습니다")));
    CHECK(viewer.factsText().contains(QStringLiteral("동의 여부: 동의 기록 없음")));
    CHECK_FALSE(viewer.button(QStringLiteral("zoomIn"))->isEnabled());
    CHECK(reveals(*controller, QStringLiteral("household"), household) == 0);
}

TEST_CASE("A crisis report's photo opens from the intake queue, said to be the reporter's",
          "[ui][photos][intake]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = *shown.controller;
    auto q = controller.workspace()->db().execute(
        QStringLiteral("SELECT lon, lat FROM households ORDER BY rowid LIMIT 1"));
    REQUIRE(q);
    REQUIRE(q->next());
    Test::writeFile(dir.path(QStringLiteral("door.png")), png(64, 48, Qt::darkYellow));
    const QString path = dir.path(QStringLiteral("reports.json"));
    Test::writeFile(
        path, QStringLiteral(
                  R"([{"id": "PV-1", "received_at": "2026-11-20T09:15:00+09:00", "channel": "app",
        "reporter_type": "neighbour", "anonymous": true, "categories": ["isolation"],
        "location": {"lon": %1, "lat": %2}, "photos": [{"path": "door.png", "consent": true}]}])")
                  .arg(q->value(0).toDouble(), 0, 'f', 7)
                  .arg(q->value(1).toDouble(), 0, 'f', 7)
                  .toUtf8());
    Ui::IntakePanel *intake = shown.window.intakePanel();
    bool ok = false;
    const QString message = intake->importFile(path, true, &ok);
    INFO(message.toStdString());
    REQUIRE(ok);
    REQUIRE(intake->select(QStringLiteral("PV-1")));
    const QString report = intake->selectedId();
    QPushButton *button = intake->button(QStringLiteral("photos"));
    REQUIRE(button);
    REQUIRE(button->isEnabled());
    QImage image;
    QString facts;
    qint64 logged = -1;
    whileViewerOpen([&] { button->click(); },
                    [&](Ui::PhotoViewer &v) {
                        image = v.shownImage();
                        facts = v.factsText();
                        logged = Test::count(
                            *controller.workspace(),
                            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'reveal' "
                                           "AND subject_kind = 'report'"));
                    });
    CHECK(logged == 1);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.size() == QSize(64, 48));
    CHECK(facts.contains(QStringLiteral("찍은 사람: 신고자")));
    CHECK(facts.contains(QStringLiteral("가져온 사람: demo-lead")));
    CHECK_FALSE(report.isEmpty());
}
