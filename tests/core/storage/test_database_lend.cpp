// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "support/testsupport.h"

#include <QThread>

using namespace VisitMap;

TEST_CASE("While the store's connection is lent to an import's thread the window's reads are refused as busy and work again after", "[storage][import]")
{
    Test::TempDir dir;
    auto db = Storage::Database::open(dir.path(QStringLiteral("lend.visitmap")));
    REQUIRE(db);
    Storage::Database &store = **db;
    REQUIRE(store.exec(QStringLiteral("CREATE TABLE t (x INTEGER)")));
    CHECK_FALSE(store.busyElsewhere());

    QThread *home = QThread::currentThread();
    bool workerCouldWrite = false;
    bool workerSawBusy = true;
    QThread *worker = QThread::create([&] {
        workerSawBusy = store.busyElsewhere();
        workerCouldWrite = bool(store.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
        store.moveToThread(home);
    });
    store.moveToThread(worker);
    // The window's thread, meanwhile: a read is refused without touching the connection.
    CHECK(store.busyElsewhere());
    const auto refused = store.scalar(QStringLiteral("SELECT COUNT(*) FROM t"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    worker->start();
    worker->wait();
    delete worker;

    CHECK_FALSE(workerSawBusy);
    CHECK(workerCouldWrite);
    CHECK_FALSE(store.busyElsewhere());
    const auto rows = store.scalar(QStringLiteral("SELECT COUNT(*) FROM t"));
    REQUIRE(rows);
    CHECK(rows->toInt() == 1);
}
