// SPDX-License-Identifier: GPL-3.0-or-later
// What a caseworker logged survives the process being killed at any instant (SIGKILL, no chance
// to clean up), and a bulk import is all or nothing even when killed half way.
#include "storage/database.h"
#include "support/testsupport.h"
#include "util/random.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <sys/types.h>

using namespace VisitMap;

namespace {

void expectIntact(const QString &store)
{
    auto ws = Test::openStore(store);
    CHECK(ws->db().scalar(QStringLiteral("PRAGMA integrity_check"))->toString() == QStringLiteral("ok"));
}

} // namespace

TEST_CASE("Every acknowledged visit survives a kill -9 at a random moment", "[core][durability]")
{
    Random random(20261123);
    for (int round = 0; round < 4; ++round) {
        Test::TempDir dir;
        const QString store = Test::demoStoreCopy(dir);
        QString household;
        qint64 before = 0;
        {
            auto ws = Test::openStore(store);
            household = ws->db().scalar(QStringLiteral("SELECT id FROM households ORDER BY rowid LIMIT 1"))->toString();
            before = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits"));
        }
        QProcess child;
        child.start(QStringLiteral(VISITMAP_VISITLOOP_PATH), {store, household});
        REQUIRE(child.waitForStarted());
        QStringList acked;
        const int target = 3 + int(random.below(25));
        QElapsedTimer timer;
        timer.start();
        QByteArray buffer;
        while (acked.size() < target && timer.elapsed() < 60000) {
            child.waitForReadyRead(1000);
            buffer += child.readAllStandardOutput();
            int nl;
            while ((nl = int(buffer.indexOf('\n'))) >= 0) {
                const QByteArray line = buffer.left(nl);
                buffer.remove(0, nl + 1);
                if (line.startsWith("ack "))
                    acked << QString::fromLatin1(line.mid(4));
            }
        }
        REQUIRE(acked.size() >= target);
        QThread::usleep(random.below(20000)); // kill somewhere inside the next write
        child.kill();                          // SIGKILL
        child.waitForFinished();
        buffer += child.readAllStandardOutput();
        for (const QByteArray &line : buffer.split('\n'))
            if (line.startsWith("ack "))
                acked << QString::fromLatin1(line.mid(4));
        auto ws = Test::openStore(store);
        INFO("round " << round << ", " << acked.size() << " acknowledged");
        for (const QString &id : acked)
            CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits WHERE id = '%1'").arg(id)) == 1);
        const qint64 after = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits"));
        CHECK(after >= before + acked.size());
        CHECK(after <= before + acked.size() + 1); // at most the one in flight
        // Each visit came with its outbox row: nothing logged is missing from the sync queue.
        CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'visit'")) == after - before);
        ws.reset();
        expectIntact(store);
    }
}

TEST_CASE("A bulk visit import killed half way leaves all or nothing", "[core][durability]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    QStringList households;
    {
        auto ws = Test::openStore(store);
        auto q = ws->db().execute(QStringLiteral("SELECT id FROM households ORDER BY rowid"));
        REQUIRE(q);
        while (q->next())
            households << q->value(0).toString();
    }
    const QByteArray csv = Test::paperVisitLog(households, 6000);
    const QString file = dir.path(QStringLiteral("paper.csv"));
    Test::writeFile(file, csv);
    auto run = [&](const QString &db, int killAfterMs) {
        QProcess p;
        p.start(QStringLiteral(VISITMAP_CLI_PATH), {QStringLiteral("visit"), QStringLiteral("import"),
                                                    QStringLiteral("--db"), db, file});
        REQUIRE(p.waitForStarted());
        QElapsedTimer t;
        t.start();
        if (killAfterMs >= 0 && !p.waitForFinished(killAfterMs))
            p.kill();
        p.waitForFinished(120000);
        return t.elapsed();
    };
    // How long a whole import takes, to aim the kills inside it.
    const QString probe = dir.path(QStringLiteral("probe.visitmap"));
    QFile::copy(store, probe);
    const qint64 whole = run(probe, -1);
    {
        auto ws = Test::openStore(probe);
        CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits WHERE notes LIKE '종이 기록 %'")) == 6000);
    }
    Random random(7);
    int killedHalfWay = 0;
    for (int round = 0; round < 5; ++round) {
        const QString db = dir.path(QStringLiteral("kill%1.visitmap").arg(round));
        QFile::copy(store, db);
        const int delay = int(whole * (0.2 + 0.6 * random.uniform()));
        run(db, delay);
        auto ws = Test::openStore(db);
        const qint64 imported = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits WHERE notes LIKE '종이 기록 %'"));
        INFO("killed after " << delay << " ms of " << whole);
        CHECK((imported == 0 || imported == 6000));
        killedHalfWay += imported == 0;
        ws.reset();
        expectIntact(db);
    }
    CHECK(killedHalfWay > 0); // at least one kill landed inside the import

    // The import's rows reach the file only as it commits (the write-ahead log grows then, in
    // its last milliseconds): killed the moment the log starts to grow, it is still all or nothing.
    int killedInCommit = 0;
    for (int round = 0; round < 3; ++round) {
        const QString db = dir.path(QStringLiteral("commit%1.visitmap").arg(round));
        QFile::copy(store, db);
        const QString wal = db + QStringLiteral("-wal");
        QProcess p;
        p.start(QStringLiteral(VISITMAP_CLI_PATH), {QStringLiteral("visit"), QStringLiteral("import"),
                                                    QStringLiteral("--db"), db, file});
        REQUIRE(p.waitForStarted());
        QElapsedTimer t;
        t.start();
        qint64 base = -1;
        bool killed = false;
        while (p.state() == QProcess::Running && t.elapsed() < 120000) {
            const qint64 size = QFileInfo(wal).size(); // 0 while there is none
            if (base < 0 && QFileInfo::exists(wal))
                base = size; // the log as opening the store left it
            if (base >= 0 && size > base + 256 * 1024) {
                ::kill(pid_t(p.processId()), SIGKILL);
                killed = true;
                break;
            }
            QThread::usleep(200);
        }
        p.waitForFinished(120000);
        auto ws = Test::openStore(db);
        const qint64 imported = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits WHERE notes LIKE '종이 기록 %'"));
        INFO("round " << round << (killed ? ", killed while committing" : ", finished first"));
        CHECK((imported == 0 || imported == 6000));
        killedInCommit += killed;
        ws.reset();
        expectIntact(db);
    }
    CHECK(killedInCommit > 0);
}

TEST_CASE("The store commits through a write-ahead log synced on every commit, after a bulk load too", "[core][durability]")
{
    // A kill cannot show a missing fsync (the OS keeps the pages); the settings it rests on can.
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    const auto pragma = [&](const char *name) {
        auto v = ws->db().scalar(QStringLiteral("PRAGMA %1").arg(QLatin1String(name)));
        REQUIRE(v);
        return v->toString();
    };
    CHECK(pragma("journal_mode") == QStringLiteral("wal"));
    CHECK(pragma("synchronous") == QStringLiteral("2")); // FULL: the log is synced at each commit
    CHECK(pragma("foreign_keys") == QStringLiteral("1"));
    REQUIRE_OK(ws->db().beginBulkLoad());
    CHECK(pragma("synchronous") == QStringLiteral("0"));
    REQUIRE_OK(ws->db().endBulkLoad());
    CHECK(pragma("journal_mode") == QStringLiteral("wal"));
    CHECK(pragma("synchronous") == QStringLiteral("2"));
}
