// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exportservice.h"
#include "import/importservice.h"
#include "access/accountadmin.h"
#include "access/auditreview.h"
#include "access/disclosure.h"
#include "security/idlelock.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "support/testsupport.h"

#include <QDirIterator>

using namespace VisitMap;
using namespace VisitMap::Security;

TEST_CASE("The idle lock warns a minute before and locks at the set time", "[core][security]")
{
    FixedClock clock(QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC));
    IdleLock lock(clock, 15);
    CHECK(lock.state() == IdleLock::State::Active);
    clock.advanceSecs(13 * 60 + 59);
    CHECK(lock.state() == IdleLock::State::Active);
    clock.advanceSecs(2); // 14:01 idle: one minute left
    CHECK(lock.state() == IdleLock::State::Warning);
    CHECK(lock.secondsLeft() == 59);
    lock.extend();
    CHECK(lock.state() == IdleLock::State::Active);
    clock.advanceSecs(15 * 60);
    CHECK(lock.state() == IdleLock::State::Locked);
    lock.activity(); // moving the mouse does not unlock
    CHECK(lock.state() == IdleLock::State::Locked);
    lock.unlocked();
    CHECK(lock.state() == IdleLock::State::Active);
    lock.setIdleMinutes(5);
    clock.advanceSecs(5 * 60);
    CHECK(lock.state() == IdleLock::State::Locked);
}

TEST_CASE("Changing a password re-wraps the keys: the old one fails, data still opens", "[core][security]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("demo-worker2"), QStringLiteral("visitmap-worker2-demo")));
    REQUIRE_OK(ws->changePassword(QStringLiteral("visitmap-worker2-demo"), QStringLiteral("Brand-new-pass-7")));
    ws->signOut();
    CHECK_FALSE(ws->signIn(QStringLiteral("demo-worker2"), QStringLiteral("visitmap-worker2-demo")));
    auto s = ws->signIn(QStringLiteral("demo-worker2"), QStringLiteral("Brand-new-pass-7"));
    REQUIRE(s);
    CHECK((*s)->waitingForKeys.isEmpty());
    auto h = Storage::HouseholdStore(ws->db()).list({});
    REQUIRE(h);
    auto members = Storage::HouseholdStore(ws->db()).members(h->first().id, &(*s)->keyring);
    REQUIRE(members);
    CHECK_FALSE(members->first().rrn.isEmpty());
    // Wrong current password, weak new password: refused.
    CHECK_FALSE(ws->changePassword(QStringLiteral("not-it-at-all"), QStringLiteral("Another-pass-8")));
    CHECK_FALSE(ws->changePassword(QStringLiteral("Brand-new-pass-7"), QStringLiteral("short")));
}

TEST_CASE("A new account waits for the office key until a key holder signs in", "[core][security]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("demo-admin"), QStringLiteral("visitmap-admin-demo")));
    const QString office = QStringLiteral("1141052000");
    REQUIRE_OK(AccountAdmin(*ws).create({QStringLiteral("new.worker"), QStringLiteral("신규"), Role::Caseworker,
                                         {office}, QStringLiteral("New-worker-1")}));
    // The admin holds no key to give.
    auto first = ws->signIn(QStringLiteral("new.worker"), QStringLiteral("New-worker-1"));
    REQUIRE(first);
    CHECK((*first)->waitingForKeys == QStringList{office});
    CHECK_FALSE((*first)->keyring.has(office));
    // A key holder signs in on this workstation: the key is sealed to the new account.
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-caseworker")));
    auto second = ws->signIn(QStringLiteral("new.worker"), QStringLiteral("New-worker-1"));
    REQUIRE(second);
    CHECK((*second)->waitingForKeys.isEmpty());
    CHECK((*second)->keyring.has(office));
    // An admin's reset gives a new key pair: waiting again, until a holder seals it anew.
    REQUIRE_OK(ws->signIn(QStringLiteral("demo-admin"), QStringLiteral("visitmap-admin-demo")));
    REQUIRE_OK(AccountAdmin(*ws).resetPassword(QStringLiteral("new.worker"), QStringLiteral("Reset-pass-22")));
    auto third = ws->signIn(QStringLiteral("new.worker"), QStringLiteral("Reset-pass-22"));
    REQUIRE(third);
    CHECK((*third)->waitingForKeys == QStringList{office});
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    auto fourth = ws->signIn(QStringLiteral("new.worker"), QStringLiteral("Reset-pass-22"));
    REQUIRE(fourth);
    CHECK((*fourth)->keyring.has(office));
}

TEST_CASE("No resident number is ever in plain text in the store, its WAL or a default export", "[core][security]")
{
    Test::TempDir dir;
    const QString store = Test::realStoreCopy(dir);
    auto ws = Test::openStore(store);
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    REQUIRE(Import::ImportService(*ws).households(Test::dataPath(QStringLiteral("households_good.csv")))->ok());
    const QByteArray rrn = "450311-2000003", digits = "4503112000003";
    const QString out = dir.path(QStringLiteral("export.csv"));
    REQUIRE(Export::ExportService(*ws).run({Export::ExportKind::Households, out, QStringLiteral("점검"), false}));
    // Scan every file in the folder while the store is still open (the WAL holds recent pages).
    int scanned = 0;
    QDirIterator it(QFileInfo(store).absolutePath(), QDir::Files);
    while (it.hasNext()) {
        const QString file = it.next();
        const QByteArray bytes = Test::readAll(file);
        INFO(file.toStdString());
        CHECK_FALSE(bytes.contains(rrn));
        CHECK_FALSE(bytes.contains(digits));
        CHECK_FALSE(bytes.contains(QString::fromLatin1(rrn).toUtf8()));
        const QByteArray utf16(reinterpret_cast<const char *>(QString::fromLatin1(rrn).utf16()), rrn.size() * 2);
        CHECK_FALSE(bytes.contains(utf16));
        ++scanned;
    }
    CHECK(scanned >= 3); // the store, its WAL and the export at least
    // A masked export keeps no part of the number: its first seven digits are a birth date and sex.
    CHECK_FALSE(Test::readAll(out).contains("450311-2"));
    // The outbox carries ciphertext, not the number.
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%450311%'")) == 0);
}

TEST_CASE("Lists mask people unless revealed, and revealing is logged", "[core][security]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    Disclosure d(*ws);
    CHECK(d.listName(QStringLiteral("김민수")) == QStringLiteral("김*수"));
    CHECK(d.listPhone(QStringLiteral("010-0123-4567")) == QStringLiteral("010-0123-****"));
    CHECK(d.rrn(QStringLiteral("h1"), QStringLiteral("711231-1234567")) == QStringLiteral("711231-1******"));
    const qint64 before = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'reveal'"));
    REQUIRE(d.setListRevealed(true));
    CHECK(d.listName(QStringLiteral("김민수")) == QStringLiteral("김민수"));
    REQUIRE(d.revealIdentifiers(QStringLiteral("h1"), QStringLiteral("1141052000")));
    CHECK(d.rrn(QStringLiteral("h1"), QStringLiteral("711231-1234567")) == QStringLiteral("711231-1234567"));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'reveal'")) == before + 2);
    d.forget();
    CHECK(d.listName(QStringLiteral("김민수")) == QStringLiteral("김*수"));
    // An admin may not reveal.
    REQUIRE_OK(ws->signIn(QStringLiteral("demo-admin"), QStringLiteral("visitmap-admin-demo")));
    Disclosure admin(*ws);
    CHECK_FALSE(admin.setListRevealed(true));
}

TEST_CASE("The review flags heavy days, bulk downloads and night work", "[core][security]")
{
    QList<AuditEntry> entries;
    auto add = [&](const QString &account, const QDateTime &at, const QString &action, int n) {
        for (int i = 0; i < n; ++i)
            entries.append({0, {}, at.addSecs(i), account, QStringLiteral("pc"), action});
    };
    const QDateTime day1(QDate(2026, 11, 2), QTime(1, 0), Qt::UTC); // 10:00 in Seoul
    for (int d = 0; d < 10; ++d)
        add(QStringLiteral("kim"), day1.addDays(d), QStringLiteral("view"), 30);
    add(QStringLiteral("kim"), day1.addDays(10), QStringLiteral("view"), 400);
    add(QStringLiteral("lee"), day1, QStringLiteral("download"), 3);
    add(QStringLiteral("park"), QDateTime(QDate(2026, 11, 5), QTime(14, 30), Qt::UTC), QStringLiteral("view"), 2); // 23:30 KST
    const auto days = AuditReview::summarise(entries);
    int flagged = 0;
    for (const auto &d : days) {
        const bool expect = (d.account == QLatin1String("kim") && d.views == 400) || d.account == QLatin1String("lee")
                            || d.account == QLatin1String("park");
        INFO(d.account.toStdString() << " " << d.day.toString().toStdString());
        CHECK(d.flags.isEmpty() != expect);
        flagged += !d.flags.isEmpty();
    }
    CHECK(flagged == 3);
}
