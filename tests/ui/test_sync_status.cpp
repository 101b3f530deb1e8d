// SPDX-License-Identifier: GPL-3.0-or-later
// The status bar's sync line counts the changes set aside and the changes that wait for another
// account of this computer, and says what they mean.
#include "uitestsupport.h"

#include "storage/database.h"
#include "storage/quarantinestore.h"
#include "sync/syncrunner.h"

#include <QLabel>
#include <QStatusBar>

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

} // namespace

TEST_CASE("The sync line shows changes set aside and changes waiting for another account of this "
          "computer, with what they mean",
          "[ui][sync][sync-status]")
{
    Test::TempDir dir;
    auto controller = Test::demoController(dir);
    Workspace &ws = *controller->workspace();
    Test::DemoWindow w(std::move(controller));
    CHECK_FALSE(statusLine(w.window).contains(QStringLiteral("보류")));
    // The demo's own records (its facilities, written by no account) wait for a team lead's
    // publish, and are counted as that, not as a colleague's.
    const qint64 storeOwn = Test::count(
        ws, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND created_by NOT IN "
                           "(SELECT name FROM staff)"));
    CHECK_FALSE(statusLine(w.window).contains(QStringLiteral("다른 계정")));
    REQUIRE(storeOwn > 0);
    CHECK(statusLine(w.window).contains(QStringLiteral("팀장 게시 대기 %1건").arg(storeOwn)));

    // A change the central store refused, and a visit the team lead logged on this computer.
    Sync::QuarantinedChange qc;
    qc.direction = Sync::QuarantinedChange::Direction::Push;
    qc.entity = QStringLiteral("visit");
    qc.entityId = QStringLiteral("v-1");
    qc.reason = QStringLiteral("refused");
    qc.at = ws.clock().now();
    REQUIRE_OK(Sync::QuarantineStore(ws.db()).add(qc));
    const QString office
        = ws.db().scalar(QStringLiteral("SELECT office_code FROM households LIMIT 1"))->toString();
    REQUIRE(ws.db().execute(
        QStringLiteral("INSERT INTO outbox (change_id, entity, entity_id, op, office_code, "
                       "payload, created_at, created_by) VALUES ('c-1', 'visit', 'v-2', "
                       "'append', ?, '{}', '2026-11-24T01:00:00Z', 'demo-lead')"),
        {office}));
    Q_EMIT w.window.syncRunner()->stateChanged();
    const QString line = statusLine(w.window);
    CHECK(line.contains(QStringLiteral("보류된 변경 1건")));
    CHECK(line.contains(QStringLiteral("다른 계정 대기 1건")));
    const QString tip = w.window.syncRunner()->statusLine().toolTip;
    CHECK(tip.contains(QStringLiteral("보류된 변경 1건: 중앙 서버가 받지 않았거나")));
    CHECK(tip.contains(QStringLiteral("다른 직원이 입력한 변경")));
}
