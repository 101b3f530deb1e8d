// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include "demo/demogenerator.h"
#include "access/accountadmin.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QMutex>

namespace VisitMap::Test {

QString dataPath(const QString &name)
{
    return QStringLiteral(VISITMAP_SOURCE_DIR "/tests/data/") + name;
}

QString productDataPath(const QString &name)
{
    return QStringLiteral(VISITMAP_SOURCE_DIR "/data/") + name;
}

QString benchDataPath(const QString &name)
{
    return QStringLiteral(VISITMAP_SOURCE_DIR "/bench/data/") + name;
}

TempDir::TempDir()
{
    REQUIRE(m_dir.isValid());
}

QString TempDir::path(const QString &name) const
{
    return m_dir.filePath(name);
}

namespace {

QString cacheDir()
{
    static QTemporaryDir dir;
    return dir.path();
}

QString copyTo(const QString &source, const TempDir &dir, const QString &name)
{
    const QString target = dir.path(name);
    QFile::remove(target);
    REQUIRE(QFile::copy(source, target));
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return target;
}

} // namespace

QString demoStoreCopy(const TempDir &dir, const QString &name)
{
    static QMutex mutex;
    static QString cached;
    QMutexLocker lock(&mutex);
    if (cached.isEmpty()) {
        const QString path = QDir(cacheDir()).filePath(QStringLiteral("demo-cache.visitmap"));
        Demo::DemoOptions options;
        options.households = demoHouseholds;
        options.seed = 7;
        options.today = demoToday();
        auto summary = Demo::DemoGenerator::generate(path, options);
        if (!summary)
            FAIL(summary.error().toString().toStdString());
        cached = path;
    }
    return copyTo(cached, dir, name);
}

QString realStoreCopy(const TempDir &dir, const QString &name)
{
    static QMutex mutex;
    static QString cached;
    QMutexLocker lock(&mutex);
    if (cached.isEmpty()) {
        const QString path = QDir(cacheDir()).filePath(QStringLiteral("real-cache.visitmap"));
        {
            auto ws = openStore(path);
            Security::AccountAdmin admin(*ws);
            REQUIRE_OK(admin.createFirstAdmin({QStringLiteral("admin1"), QStringLiteral("관리자"),
                                               Role::Admin, {}, adminPassword()}));
            REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), adminPassword()));
            REQUIRE_OK(admin.create({QStringLiteral("lead1"), QStringLiteral("김팀장"), Role::TeamLead,
                                     {QStringLiteral("11410")}, leadPassword()}));
            REQUIRE_OK(admin.create({QStringLiteral("case1"), QStringLiteral("이복지"), Role::Caseworker,
                                     {QStringLiteral("1141052000")}, caseworkerPassword()}));
            ws->signOut();
        }
        cached = path;
    }
    return copyTo(cached, dir, name);
}

void addDemoWorkerAccounts(Workspace &ws)
{
    REQUIRE_OK(ws.signIn(QStringLiteral("admin1"), adminPassword()));
    for (const char *worker : {"demo-caseworker", "demo-worker2", "demo-worker3"})
        REQUIRE_OK(Security::AccountAdmin(ws).create({QString::fromLatin1(worker), QStringLiteral("담당자"),
                                                      Role::Caseworker, {QStringLiteral("11410")},
                                                      caseworkerPassword()}));
    ws.signOut();
}

QByteArray paperVisitLog(const QStringList &households, int rows)
{
    Q_ASSERT(rows <= 6000); // days 1-10 of March, 08:00-17:59
    QByteArray csv("household,kind,outcome,at,note\n");
    for (int i = 0; i < rows; ++i)
        csv += QStringLiteral("%1,phone,met,2026-03-%2 %3:%4,종이 기록 %5\n")
                   .arg(households[i % households.size()])
                   .arg(1 + i / 600, 2, 10, QLatin1Char('0'))
                   .arg(8 + (i / 60) % 10, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
                   .arg(i)
                   .toUtf8();
    return csv;
}

std::unique_ptr<Workspace> openStore(const QString &path, const Clock *clock)
{
    auto ws = Workspace::open(path, Workspace::OpenMode::CreateOrMigrate, clock);
    if (!ws)
        FAIL(ws.error().toString().toStdString());
    return std::move(*ws);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

qint64 count(Workspace &ws, const QString &sql)
{
    auto v = ws.db().scalar(sql);
    if (!v)
        FAIL(v.error().toString().toStdString());
    return v->toLongLong();
}

} // namespace VisitMap::Test
