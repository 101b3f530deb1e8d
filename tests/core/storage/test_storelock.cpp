// SPDX-License-Identifier: GPL-3.0-or-later
// One process owns a store at a time: a second process is refused or waits, naming the holder;
// nothing the owner does to the store's files from outside SQLite (a file dialog guessing their
// types) lets another process in; a killed owner does not block the next one; an import and 30
// visits logged at once all land.
#include "storage/database.h"
#include "storage/sqlitebulkwriter.h"
#include "storage/storelock.h"
#include "support/testsupport.h"
#include "workflow/casework.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QThread>
#include <fcntl.h>
#include <unistd.h>

using namespace VisitMap;

namespace {

QString pidText()
{
    return QStringLiteral("pid %1").arg(QCoreApplication::applicationPid());
}

struct Run
{
    int code = -1;
    QString out, err;
};

QStringList visitArgs(const QString &store, const QString &household, const QString &note, int wait)
{
    return {QStringLiteral("visit"),       QStringLiteral("add"),
            QStringLiteral("--db"),        store,
            QStringLiteral("--household"), household,
            QStringLiteral("--kind"),      QStringLiteral("phone"),
            QStringLiteral("--outcome"),   QStringLiteral("met"),
            QStringLiteral("--note"),      note,
            QStringLiteral("--wait"),      QString::number(wait)};
}

Run cli(const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(VISITMAP_CLI_PATH), args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// What Qt's file dialog did to the store's files (strace showed it): open, read the first bytes
// to guess the type, close. On Linux each close drops every POSIX lock this process holds on that
// file. The lock file is read too, as a dialog would.
void sniff(const QString &store)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")}) {
        const QString path = store + suffix;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            (void)f.read(4096);
            f.close();
        }
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        if (fd >= 0) {
            char buffer[512];
            (void)!::read(fd, buffer, sizeof buffer);
            ::close(fd);
        }
    }
}

QString firstHousehold(Workspace &ws)
{
    return ws.db()
        .scalar(QStringLiteral("SELECT id FROM households ORDER BY rowid LIMIT 1"))
        ->toString();
}

QString integrity(const QString &store)
{
    auto ws = Test::openStore(store);
    return ws->db().scalar(QStringLiteral("PRAGMA integrity_check"))->toString();
}

// Reads "ack <id>" lines of the visit loop helper.
void takeAcks(QByteArray &buffer, QStringList &acked)
{
    int nl;
    while ((nl = int(buffer.indexOf('\n'))) >= 0) {
        const QByteArray line = buffer.left(nl);
        buffer.remove(0, nl + 1);
        if (line.startsWith("ack "))
            acked << QString::fromLatin1(line.mid(4));
    }
}

} // namespace

TEST_CASE("A second process is refused a store this process holds and is told who holds it",
          "[storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    const QStringList stats{QStringLiteral("stats"), QStringLiteral("--db"), store,
                            QStringLiteral("--wait"), QStringLiteral("0")};
    {
        auto ws = Test::openStore(store);
        const Run refused = cli(stats);
        INFO(refused.err.toStdString());
        CHECK(refused.code == 1);
        CHECK(refused.err.contains(QStringLiteral("open in another program")));
        CHECK(refused.err.contains(pidText()));
        CHECK(refused.err.contains(QSysInfo::machineHostName()));
        CHECK(refused.out.isEmpty());
    }
    const Run after = cli(stats);
    INFO(after.err.toStdString());
    CHECK(after.code == 0);
}

TEST_CASE("In one process every opener shares the store and the lock file names the holder",
          "[storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    Storage::StoreLock::setProgram(QStringLiteral("core_tests"));
    auto first = Test::openStore(store);
    auto second = Workspace::open(store, Workspace::OpenMode::ExistingOnly);
    REQUIRE(second);
    auto reader = Storage::Database::open(store, Storage::Database::Mode::ReadOnly);
    REQUIRE(reader);
    const auto holder = Storage::StoreLock::recordedHolder(store);
    REQUIRE(holder);
    CHECK(holder->pid == QCoreApplication::applicationPid());
    CHECK(holder->program == QStringLiteral("core_tests"));
    CHECK(holder->host == QSysInfo::machineHostName());
    CHECK(holder->since.isValid());
    CHECK(Storage::StoreLock::lockPath(store) == store + QStringLiteral(".lock"));
    CHECK(Storage::StoreLock::heldStores().contains(store));
}

TEST_CASE("A store's lock file goes when its owner closes the store", "[storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    const QString lockFile = Storage::StoreLock::lockPath(store);
    {
        auto ws = Test::openStore(store);
        CHECK(QFile::exists(lockFile));
        CHECK(Storage::StoreLock::recordedHolder(store).has_value());
    }
    CHECK_FALSE(QFile::exists(lockFile));
    CHECK_FALSE(Storage::StoreLock::heldStores().contains(store));
    // One left behind (its owner was killed) does not stand in the way.
    Test::writeFile(lockFile, "program=visitmap\npid=1\n");
    auto ws = Workspace::open(store, Workspace::OpenMode::ExistingOnly);
    CHECK(ws.has_value());
}

TEST_CASE("A command waits for the owner, says once who it is, and goes on when the owner closes",
          "[storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    auto ws = Test::openStore(store);
    const QString household = firstHousehold(*ws);
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(VISITMAP_CLI_PATH),
            visitArgs(store, household, QStringLiteral("waited"), 60));
    REQUIRE(p.waitForStarted());
    QByteArray err;
    QElapsedTimer t;
    t.start();
    while (!err.contains("waiting up to 60 s") && t.elapsed() < 30000
           && p.state() == QProcess::Running) {
        p.waitForReadyRead(200);
        err += p.readAllStandardError();
    }
    INFO(err.toStdString());
    CHECK(err.contains("open in another program"));
    CHECK(err.contains(pidText().toUtf8()));
    CHECK(err.contains("waiting up to 60 s"));
    QThread::msleep(1500);
    err += p.readAllStandardError();
    CHECK(p.state() == QProcess::Running); // still waiting, not failed
    CHECK(err.count("waiting up to") == 1);
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits WHERE notes = 'waited'"))
          == 0);
    ws.reset(); // the owner closes the store
    REQUIRE(p.waitForFinished(60000));
    CHECK(p.exitCode() == 0);
    auto again = Test::openStore(store);
    CHECK(Test::count(*again, QStringLiteral("SELECT COUNT(*) FROM visits WHERE notes = 'waited'"))
          == 1);
}

TEST_CASE("A command gives up after --wait seconds naming the holder and changes nothing",
          "[storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    auto ws = Test::openStore(store);
    const qint64 before = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits"));
    QElapsedTimer t;
    t.start();
    const Run r = cli(visitArgs(store, firstHousehold(*ws), QStringLiteral("gave up"), 1));
    INFO(r.err.toStdString());
    CHECK(r.code == 1);
    CHECK(t.elapsed() >= 1000);
    CHECK(r.err.contains(QStringLiteral("gave up waiting after 1 s")));
    CHECK(r.err.contains(pidText()));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits")) == before);
    const Run usage = cli(visitArgs(store, firstHousehold(*ws), QStringLiteral("x"), -1));
    CHECK(usage.code == 2);
}

TEST_CASE("A demo store is not replaced under the program that has it open", "[storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    auto ws = Test::openStore(store);
    const QString marker = QStringLiteral("열려 있는 동안 남아야 할 기록");
    REQUIRE(ws->db().execute(QStringLiteral("INSERT INTO store_meta (key, value) VALUES ('probe', ?)"),
                             {marker}));
    const Run r = cli({QStringLiteral("demo"), QStringLiteral("--db"), store, QStringLiteral("--households"),
                       QStringLiteral("50"), QStringLiteral("--force"), QStringLiteral("--wait"),
                       QStringLiteral("0")});
    INFO(r.err.toStdString());
    CHECK(r.code == 1);
    CHECK(r.err.contains(pidText()));
    CHECK(ws->db().scalar(QStringLiteral("SELECT value FROM store_meta WHERE key = 'probe'"))->toString()
          == marker);
    CHECK(ws->db().scalar(QStringLiteral("PRAGMA integrity_check"))->toString() == QStringLiteral("ok"));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == Test::demoHouseholds);
}

TEST_CASE("A store owner killed with SIGKILL does not block the next open", "[storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    QString household;
    {
        auto ws = Test::openStore(store);
        household = firstHousehold(*ws);
    }
    QProcess child;
    child.start(QStringLiteral(VISITMAP_VISITLOOP_PATH), {store, household});
    REQUIRE(child.waitForStarted());
    QStringList acked;
    QByteArray buffer;
    QElapsedTimer t;
    t.start();
    while (acked.size() < 3 && t.elapsed() < 60000 && child.state() == QProcess::Running) {
        child.waitForReadyRead(500);
        buffer += child.readAllStandardOutput();
        takeAcks(buffer, acked);
    }
    REQUIRE(acked.size() >= 3);
    // While it runs, the store is its own.
    auto refused = Storage::Database::open(store);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().message.contains(QStringLiteral("pid %1").arg(child.processId())));
    child.kill(); // SIGKILL
    child.waitForFinished();
    buffer += child.readAllStandardOutput();
    takeAcks(buffer, acked);
    t.restart();
    auto opened = Workspace::open(store, Workspace::OpenMode::ExistingOnly);
    REQUIRE(opened);
    CHECK(t.elapsed() < 5000);
    for (const QString &id : acked)
        CHECK(Test::count(**opened,
                          QStringLiteral("SELECT COUNT(*) FROM visits WHERE id = '%1'").arg(id))
              == 1);
    opened->reset();
    CHECK(integrity(store) == QStringLiteral("ok"));
}

TEST_CASE("A file dialog reading a held store's files lets no other process in and loses no visit",
          "[storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    auto ws = Test::openStore(store);
    REQUIRE(ws->signInDemo());
    const QString household = firstHousehold(*ws);
    const qint64 before = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits"));
    CaseWork work(*ws);
    QStringList mine, theirs;
    QProcess loop;
    QByteArray buffer;
    Run other;
    for (int i = 0; i < 16; ++i) {
        Visit v;
        v.householdId = household;
        v.kind = VisitKind::Phone;
        v.outcome = VisitOutcome::Met;
        v.at = ws->clock().now().addSecs(-60 - i);
        v.notes = QStringLiteral("owner %1").arg(i);
        auto logged = work.logVisit(v);
        REQUIRE(logged);
        mine << logged->id;
        sniff(store);
        if (i == 3) {
            // A second program writing visits in a loop.
            loop.start(QStringLiteral(VISITMAP_VISITLOOP_PATH), {store, household});
            REQUIRE(loop.waitForStarted());
        }
        if (i == 8) // a command that runs and exits while the owner keeps writing
            other = cli(visitArgs(store, household, QStringLiteral("other"), 0));
        if (loop.state() != QProcess::NotRunning) {
            loop.waitForReadyRead(100);
            buffer += loop.readAllStandardOutput();
            takeAcks(buffer, theirs);
        }
    }
    if (loop.state() == QProcess::Running) {
        loop.kill();
        loop.waitForFinished();
    }
    buffer += loop.readAllStandardOutput();
    takeAcks(buffer, theirs);
    INFO(other.err.toStdString());
    CHECK(other.code == 1);
    CHECK(other.err.contains(pidText()));
    CHECK(theirs.isEmpty()); // refused: the store is owned here
    CHECK(loop.exitCode() == 1);
    ws.reset();
    auto reopened = Test::openStore(store);
    for (const QString &id : mine + theirs)
        CHECK(Test::count(*reopened,
                          QStringLiteral("SELECT COUNT(*) FROM visits WHERE id = '%1'").arg(id))
              == 1);
    CHECK(Test::count(*reopened, QStringLiteral("SELECT COUNT(*) FROM visits"))
          == before + mine.size() + theirs.size() + (other.code == 0 ? 1 : 0));
    reopened.reset();
    CHECK(integrity(store) == QStringLiteral("ok"));
}

TEST_CASE("The bulk writer is refused a store another process holds", "[storelock]")
{
    Test::TempDir dir;
    const QString store = Test::demoStoreCopy(dir);
    QString household;
    {
        auto ws = Test::openStore(store);
        household = firstHousehold(*ws);
    }
    QProcess child;
    child.start(QStringLiteral(VISITMAP_VISITLOOP_PATH), {store, household});
    REQUIRE(child.waitForStarted());
    REQUIRE(child.waitForReadyRead(60000)); // its first visit is logged: it owns the store
    auto writer = Storage::SqliteBulkWriter::open(store.toStdString());
    CHECK_FALSE(writer);
    if (!writer)
        CHECK(writer.error().code == ErrorCode::Conflict);
    writer = {};
    child.kill();
    child.waitForFinished();
    CHECK(integrity(store) == QStringLiteral("ok"));
}

TEST_CASE("An import running while 30 visit add commands run: all land once and none fail",
          "[storelock][slow]")
{
    constexpr int importRows = 6000;
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
    const QByteArray csv = Test::paperVisitLog(households, importRows);
    const QString file = dir.path(QStringLiteral("paper.csv"));
    Test::writeFile(file, csv);
    QProcess import;
    import.start(QStringLiteral(VISITMAP_CLI_PATH),
                 {QStringLiteral("visit"), QStringLiteral("import"), QStringLiteral("--db"), store,
                  QStringLiteral("--wait"), QStringLiteral("600"), file});
    REQUIRE(import.waitForStarted());
    QThread::msleep(300);
    std::vector<std::unique_ptr<QProcess>> adds;
    for (int i = 0; i < 30; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setStandardInputFile(QProcess::nullDevice());
        p->start(QStringLiteral(VISITMAP_CLI_PATH),
                 visitArgs(store, households[i], QStringLiteral("concurrent %1").arg(i), 600));
        REQUIRE(p->waitForStarted());
        adds.push_back(std::move(p));
    }
    REQUIRE(import.waitForFinished(600000));
    INFO(import.readAllStandardError().toStdString());
    CHECK(import.exitCode() == 0);
    int failed = 0, locked = 0;
    for (auto &p : adds) {
        REQUIRE(p->waitForFinished(600000));
        const QByteArray err = p->readAllStandardError();
        failed += p->exitCode() != 0;
        locked += err.contains("database is locked");
    }
    CHECK(failed == 0);
    CHECK(locked == 0);
    auto ws = Test::openStore(store);
    CHECK(Test::count(*ws,
                      QStringLiteral("SELECT COUNT(*) FROM visits WHERE notes LIKE '종이 기록 %'"))
          == importRows);
    for (int i = 0; i < 30; ++i)
        CHECK(
            Test::count(
                *ws,
                QStringLiteral("SELECT COUNT(*) FROM visits WHERE notes = 'concurrent %1'").arg(i))
            == 1);
    ws.reset();
    CHECK(integrity(store) == QStringLiteral("ok"));
}
