// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/importdialog.h"
#include "support/testsupport.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <catch2/catch.hpp>

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

QString reportsFile(const Test::TempDir &dir, int n)
{
    QJsonArray all;
    for (int i = 0; i < n; ++i)
        all.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("BULK-%1").arg(i)},
            {QStringLiteral("received_at"), QStringLiteral("2026-11-20T09:15:00+09:00")},
            {QStringLiteral("channel"), QStringLiteral("app")},
            {QStringLiteral("reporter_type"), QStringLiteral("neighbour")},
            {QStringLiteral("anonymous"), true},
            {QStringLiteral("categories"), QJsonArray{QStringLiteral("economic")}},
            {QStringLiteral("address_text"), QStringLiteral("서울특별시 서대문구 충정로 5")},
            {QStringLiteral("location"),
             QJsonObject{{QStringLiteral("lon"), 126.9578}, {QStringLiteral("lat"), 37.5698}}}});
    const QString path = dir.path(QStringLiteral("reports.json"));
    Test::writeFile(path, QJsonDocument(all).toJson(QJsonDocument::Compact));
    return path;
}

QString roundFile(const Test::TempDir &dir, int n)
{
    QByteArray csv("회차,성명,생년월일,주민등록번호,주소,가구ID,위기정보코드,금액,개월수\n");
    for (int i = 0; i < n; ++i)
        csv += QStringLiteral("2026-6,대상자%1,1950-01-01,,,,E01,,\n").arg(i).toUtf8();
    const QString path = dir.path(QStringLiteral("round.csv"));
    Test::writeFile(path, csv);
    return path;
}

} // namespace

TEST_CASE("The import dialog shows reports and 발굴 rounds checked row by row and a cancel "
          "part-way leaves nothing of them",
          "[ui][import][intake]")
{
    Test::TempDir dir;
    Ui::WorkspaceController c;
    REQUIRE_OK(c.open(Test::demoStoreCopy(dir)));
    REQUIRE_OK(c.signInDemo());
    REQUIRE_OK(c.signIn(QStringLiteral("demo-lead"), QStringLiteral("visitmap-lead-demo")));
    const bool reports = GENERATE(true, false);
    const int rows = 20000;
    const QString file = reports ? reportsFile(dir, rows) : roundFile(dir, rows);
    const QString stored = reports ? QStringLiteral("SELECT COUNT(*) FROM crisis_reports")
                                   : QStringLiteral("SELECT COUNT(*) FROM crisis_signals");
    const qint64 before = Test::count(*c.workspace(), stored);
    const qint64 outbox
        = Test::count(*c.workspace(), QStringLiteral("SELECT COUNT(*) FROM outbox"));

    Ui::ImportDialog dialog(&c);
    dialog.show();
    dialog.setKind(reports ? Import::ImportKind::Reports : Import::ImportKind::Signals);
    dialog.setFile(file);
    auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("import"));
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancel"));
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("progress"));
    auto *stage = dialog.findChild<QLabel *>(QStringLiteral("stage"));
    REQUIRE(importButton->isEnabled());
    importButton->click();
    REQUIRE(dialog.isImporting());
    // Rows counted against the file's total, and a bar that fills rather than one that spins.
    const QString total = QLocale().toString(rows);
    REQUIRE(waitFor([&] {
        return stage->text().startsWith(QStringLiteral("검사하는 중… "))
               && stage->text().endsWith(QStringLiteral(" / ") + total) && progress->value() > 0;
    }));
    CHECK(progress->maximum() == 1000);
    CHECK(dialog.isImporting());
    cancel->click();
    REQUIRE(waitFor([&] { return !dialog.isImporting(); }));
    CHECK(dialog.findChild<QLabel *>(QStringLiteral("outcome"))->text()
          == QStringLiteral("가져오기를 취소했습니다. 아무것도 가져오지 않았습니다."));
    CHECK(Test::count(*c.workspace(), stored) == before);
    CHECK(Test::count(*c.workspace(), QStringLiteral("SELECT COUNT(*) FROM outbox")) == outbox);
}
