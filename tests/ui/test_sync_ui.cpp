// SPDX-License-Identifier: GPL-3.0-or-later
// The sync in the window: the status bar line, the sync dialog, and a conflict resolved in the
// panel that reaches the colleague at the next sync.
#include "support/syncfixture.h"
#include "uitestsupport.h"

#include "storage/riskstore.h"
#include "storage/database.h"
#include "sync/conflictstore.h"
#include "sync/syncdialogs.h"
#include "sync/syncrunner.h"

#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableWidget>

using namespace VisitMap;

namespace {

QString statusLine(Ui::MainWindow &w)
{
    for (QLabel *l : w.statusBar()->findChildren<QLabel *>()) {
        if (l->accessibleName() == QStringLiteral("동기화 상태"))
            return l->text();
    }
    return {};
}

void saveShot(QWidget *w, const char *name)
{
    const QByteArray dir = qgetenv("VISITMAP_SHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(QString::fromLocal8Bit(dir) + u'/' + QLatin1String(name));
}

} // namespace

TEST_CASE("A conflict is shown with base, mine and theirs, chosen in the panel, and reaches the colleague",
          "[ui][sync]")
{
    Test::District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    d.central.user(QStringLiteral("lee"), QStringLiteral("caseworker"), {d.officeA});
    auto kim = d.fresh(QStringLiteral("kim"));
    auto lee = d.fresh(QStringLiteral("lee"));
    const QString household = kim->db().scalar(QStringLiteral("SELECT id FROM households WHERE risk_override IS NULL "
                                                               "ORDER BY id LIMIT 1"))->toString();
    REQUIRE_OK(Storage::RiskStore(kim->db()).setOverride(household, RiskTier::High, QStringLiteral("단전 신고"),
                                                        kim->journal(), kim->visitCycle()));
    REQUIRE_OK(Storage::RiskStore(lee->db()).setOverride(household, RiskTier::Low, QStringLiteral("방문 결과 안정"),
                                                        lee->journal(), lee->visitCycle()));
    const QString pw = QString::fromLatin1(Test::Central::staffPassword);
    REQUIRE(Sync::SyncService(*kim).syncAs(d.central.conninfo, QStringLiteral("kim"), pw));

    // lee's window, before lee syncs: changes waiting, nothing wrong yet.
    auto controller = std::make_unique<Ui::WorkspaceController>();
    controller->adopt(std::move(lee));
    Test::DemoWindow w(std::move(controller));
    CHECK(statusLine(w.window).contains(QStringLiteral("보낼 변경 1건")));

    // A wrong password: said in words, nothing lost.
    Ui::SyncDialog *dialog = w.window.openSync();
    auto fields = dialog->findChildren<QLineEdit *>();
    REQUIRE(fields.size() == 2);
    fields[0]->setText(d.central.conninfo);
    fields[1]->setText(QStringLiteral("not-the-password-1"));
    CHECK_FALSE(dialog->start());
    CHECK(dialog->resultText().contains(QStringLiteral("동기화하지 못했습니다")));
    CHECK(statusLine(w.window).contains(QStringLiteral("비밀번호를 거부")));
    CHECK(statusLine(w.window).contains(QStringLiteral("보낼 변경 1건")));

    fields[1]->setText(pw);
    REQUIRE(dialog->start());
    CHECK(dialog->resultText().contains(QStringLiteral("충돌 1건")));
    saveShot(dialog, "sync-dialog.png");
    CHECK(statusLine(w.window).contains(QStringLiteral("충돌 1건")));
    CHECK(w.window.syncRunner()->hasPassword()); // remembered for this sign-in only
    dialog->close();

    Ui::ConflictDialog *panel = w.window.openConflicts();
    REQUIRE(panel->count() == 1);
    auto *table = panel->findChild<QTableWidget *>();
    REQUIRE(table);
    CHECK(table->item(0, 1)->text().contains(QStringLiteral("위기 등급")));
    CHECK(table->item(0, 2)->text() == QStringLiteral("(비어 있음)"));
    CHECK(table->item(0, 3)->text() == QStringLiteral("저위험"));
    CHECK(table->item(0, 4)->text() == QStringLiteral("고위험"));
    CHECK(table->item(0, 5)->text().startsWith(QStringLiteral("kim")));
    saveShot(panel, "conflicts.png");
    panel->selectRow(0);
    REQUIRE(panel->choose(Sync::Resolution::Mine));
    CHECK(panel->count() == 0);
    CHECK_FALSE(statusLine(w.window).contains(QStringLiteral("충돌")));

    // The choice syncs like any edit (with the remembered password) and reaches kim.
    auto r = w.window.syncRunner()->syncNow(d.central.conninfo, QString());
    REQUIRE(r);
    CHECK(r->pushed == 1);
    CHECK(r->conflicts == 0);
    saveShot(&w.window, "window-after-sync.png");
    REQUIRE(Sync::SyncService(*kim).syncAs(d.central.conninfo, QStringLiteral("kim"), pw));
    CHECK(kim->db().scalar(QStringLiteral("SELECT risk_override FROM households WHERE id = ?"), {household})->toString()
          == QStringLiteral("low"));

    // Signing out forgets the password.
    w.controller->signOut();
    CHECK_FALSE(w.window.syncRunner()->hasPassword());
}
