// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "geo/webmercator.h"
#include "map/mapwidget.h"
#include "storage/database.h"
#include "support/testsupport.h"
#include "uitestsupport.h"
#include "widgets/householdpanel.h"
#include "widgets/intakepanel.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QTimer>
#include <functional>

using namespace VisitMap;

namespace {

struct Near
{
    QString id;
    double lon, lat;
};

Near someHousehold(Ui::WorkspaceController &c)
{
    auto q = c.workspace()->db().execute(QStringLiteral(
        "SELECT h.id, h.lon, h.lat FROM households h WHERE h.flagged_new_at IS NULL ORDER BY h.id LIMIT 1"));
    REQUIRE(q);
    REQUIRE(q->next());
    return {q->value(0).toString(), q->value(1).toDouble(), q->value(2).toDouble()};
}

QString writeReport(const Test::TempDir &dir, const Near &at)
{
    const QString path = dir.path(QStringLiteral("reports.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"([{"id": "UI-1", "received_at": "2026-11-20T09:15:00+09:00", "channel": "app",
        "reporter_type": "neighbour", "anonymous": true, "reporter_contact": "010-5555-0101",
        "categories": ["isolation"], "description": "우편물이 쌓여 있습니다.",
        "location": {"lon": %1, "lat": %2}}])")
                .arg(at.lon + 0.00005, 0, 'f', 7)
                .arg(at.lat, 0, 'f', 7)
                .toUtf8());
    return path;
}

// Every text the application shows or offers on hover: labels, buttons, fields, every cell of
// every list and table, tooltips, window titles and message boxes.
QString allText()
{
    QStringList out;
    for (QWidget *w : QApplication::allWidgets()) {
        out << w->windowTitle() << w->toolTip() << w->statusTip();
        if (auto *l = qobject_cast<QLabel *>(w))
            out << l->text();
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            out << b->text();
        if (auto *e = qobject_cast<QLineEdit *>(w))
            out << e->text();
        if (auto *t = qobject_cast<QTextEdit *>(w))
            out << t->toPlainText();
        if (auto *t = qobject_cast<QPlainTextEdit *>(w))
            out << t->toPlainText();
        if (auto *m = qobject_cast<QMessageBox *>(w))
            out << m->text() << m->informativeText() << m->detailedText();
        if (auto *v = qobject_cast<QAbstractItemView *>(w); v && v->model()) {
            const QAbstractItemModel *model = v->model();
            std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
                for (int r = 0; r < model->rowCount(parent); ++r) {
                    for (int c = 0; c < model->columnCount(parent); ++c) {
                        const QModelIndex i = model->index(r, c, parent);
                        out << i.data(Qt::DisplayRole).toString() << i.data(Qt::ToolTipRole).toString();
                        if (c == 0)
                            walk(i);
                    }
                }
            };
            walk({});
        }
    }
    return out.join(u'\n');
}

bool showsContact(const QString &text)
{
    return text.contains(QStringLiteral("5555-0101")) || text.contains(QStringLiteral("55550101"));
}

} // namespace

TEST_CASE("A report shows on the map and in the queue, and is linked to its household from there", "[ui][intake]")
{
    Test::TempDir dir;
    Test::DemoWindow shown(Test::demoLeadController(dir));
    auto &controller = shown.controller;
    Ui::MainWindow &window = shown.window;
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("intakeDock"));
    REQUIRE(dock);
    CHECK_FALSE(dock->isVisible()); // nothing waiting yet

    const Near target = someHousehold(*controller);
    Ui::IntakePanel *intake = window.intakePanel();
    bool ok = false;
    const QString message = intake->importFile(writeReport(dir, target), true, &ok);
    INFO(message.toStdString());
    REQUIRE(ok);
    CHECK(intake->waiting() == 1);
    CHECK(intake->queueList()->topLevelItemCount() == 1);

    // Its own mark on the map, at the report's place; a click on it opens it in the queue.
    Ui::MapWidget *map = window.map();
    REQUIRE(map->intake().marks().size() == 1);
    map->setViewport(Geo::Viewport::centredOn(QGeoCoordinate(target.lat, target.lon), 17, map->size(), 1));
    QApplication::processEvents();
    const QPointF tip = map->viewport().worldToScreen(Geo::WebMercator::project(target.lon + 0.00005, target.lat));
    map->clickAt(tip - QPointF(0, 19)); // the pin's head
    QApplication::processEvents();
    CHECK(dock->isVisible());
    CHECK(intake->queueList()->currentItem() != nullptr);

    // The candidates side by side: the household the report stands at comes first.
    QTableWidget *candidates = intake->candidateTable();
    REQUIRE(candidates->rowCount() >= 1);
    CHECK(candidates->item(0, 4)->text() == target.id);
    CHECK(candidates->item(0, 3)->text().contains(QStringLiteral("신고 위치에서")));
    // A team lead may see the reporter's contact (on request); nothing shows it unasked: no
    // text anywhere in the application holds it ...
    CHECK(intake->button(QStringLiteral("contact"))->isVisibleTo(intake));
    CHECK_FALSE(showsContact(allText()));
    // ... until it is asked for; the same scan then finds it (in the message box).
    QString asked;
    QTimer::singleShot(0, [&] {
        asked = allText();
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->accept();
    });
    intake->button(QStringLiteral("contact"))->click();
    QApplication::processEvents();
    CHECK(showsContact(asked));

    candidates->selectRow(0);
    REQUIRE(intake->button(QStringLiteral("link"))->isEnabled());
    intake->button(QStringLiteral("link"))->click();
    QApplication::processEvents();
    CHECK(intake->waiting() == 0);
    CHECK(map->intake().marks().isEmpty());
    CHECK(window.householdPanel()->householdId() == target.id); // opened for the next step
    CHECK_FALSE(controller->workspace()->db().scalar(QStringLiteral("SELECT flagged_new_at FROM households WHERE id = ?"),
                                                     {target.id})->isNull());
}

TEST_CASE("A caseworker's queue has no reporter contact button, and a bad file changes nothing", "[ui][intake]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir); // the demo caseworker
    Ui::MainWindow window(controller.get());
    window.show();
    Ui::IntakePanel *intake = window.intakePanel();
    bool ok = true;
    const QString path = dir.path(QStringLiteral("bad.csv"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("회차,성명,생년월일,위기정보코드,금액,개월수\n2026-6,김영희,1950-01-01,E01,,\n2026-6,이영희,1950-01-01,X01,,\n");
    f.close();
    const QString message = intake->importFile(path, false, &ok);
    CHECK_FALSE(ok);
    CHECK(message.contains(QStringLiteral("bad.csv:3")));
    CHECK(message.contains(QStringLiteral("X01")));
    CHECK(intake->waiting() == 0);

    REQUIRE(Test::count(*controller->workspace(), QStringLiteral("SELECT count(*) FROM crisis_signals WHERE round_id = '2026-6' "
                                                                 "AND subject_name IS NOT NULL")) == 0);
    // A good round with a person nobody knows: in the queue, with no contact button (no reporter).
    QFile g(path);
    REQUIRE(g.open(QIODevice::WriteOnly | QIODevice::Truncate));
    g.write("회차,성명,생년월일,위기정보코드,금액,개월수\n2026-6,김영희,1950-01-01,E01,,\n");
    g.close();
    CHECK(intake->importFile(path, false, &ok).contains(QStringLiteral("1")));
    CHECK(ok);
    REQUIRE(intake->waiting() == 1);
    CHECK_FALSE(intake->button(QStringLiteral("contact"))->isVisibleTo(intake));
    CHECK(intake->button(QStringLiteral("link"))->isVisibleTo(intake));
    CHECK(intake->button(QStringLiteral("openNew"))->isEnabled());
}
