// SPDX-License-Identifier: GPL-3.0-or-later
// Sign-in against an attacker: parallel guesses from many processes, account names probed by
// their answer or its timing, passwords that are not text, and a sign-in that must not wait for
// the write lock when it has nothing to write.
#include "access/accountadmin.h"
#include "storage/accountstore.h"
#include "storage/auditkeystore.h"
#include "storage/auditlog.h"
#include "access/authenticator.h"
#include "security/crypto.h"
#include "storage/keystore.h"
#include "security/passwordpolicy.h"
#include "storage/database.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>

#include <algorithm>
#include <vector>

using namespace VisitMap;
using namespace VisitMap::Security;

namespace {

QProcessEnvironment cliEnvironment(const QString &password)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VISITMAP_PASSWORD"), password);
    env.remove(QStringLiteral("VISITMAP_NEW_PASSWORD"));
    return env;
}

qint64 medianMs(const std::function<void()> &work)
{
    std::vector<qint64> times;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        times.push_back(t.elapsed());
    }
    std::sort(times.begin(), times.end());
    return times[1];
}

} // namespace

TEST_CASE(
    "Thirty parallel sign-ins with a wrong password check at most the limit and lock the account",
    "[core][security][signin][cli]")
{
    Test::TempDir dir;
    const QString path = Test::realStoreCopy(dir);
    std::vector<std::unique_ptr<QProcess>> runs;
    for (int i = 0; i < 30; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(cliEnvironment(QStringLiteral("Wrong-guess-%1").arg(i)));
        p->setStandardInputFile(QProcess::nullDevice());
        runs.push_back(std::move(p));
    }
    // All at once: each process opens the store and signs in as case1.
    for (auto &p : runs)
        p->start(QStringLiteral(VISITMAP_CLI_PATH),
                 {QStringLiteral("audit"), QStringLiteral("--db"), path, QStringLiteral("--user"),
                  QStringLiteral("case1")});
    int refused = 0;
    for (auto &p : runs) {
        REQUIRE(p->waitForFinished(180000));
        refused += p->exitCode() == 1;
    }
    CHECK(refused == 30);
    auto ws = Test::openStore(path);
    // The passwords checked are the tries counted: never more than the limit.
    const qint64 checked = Test::count(
        *ws,
        QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND "
                       "account = 'case1' AND detail LIKE '@login.failed;reason=wrong_password%'"));
    CHECK(checked <= AccountStore::maxFailedLogins);
    CHECK(checked >= 1);
    CHECK(Test::count(
              *ws, QStringLiteral(
                       "SELECT COUNT(*) FROM staff WHERE name = 'case1' AND locked_at IS NOT NULL"))
          == 1);
    CHECK(
        Test::count(
            *ws, QStringLiteral(
                     "SELECT COUNT(*) FROM rights_log WHERE account = 'case1' AND change = 'lock'"))
        == 1);
    // The right password then is refused as locked.
    auto right = ws->signIn(QStringLiteral("case1"), Test::caseworkerPassword());
    REQUIRE_FALSE(right);
    CHECK(right.error().code == ErrorCode::AccountLocked);
}

TEST_CASE("A try counted before the password check leaves no room past the limit",
          "[core][security][signin]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    AccountStore &accounts = ws->accounts();
    // Five tries in flight at once (claimed, not yet answered) use up the limit.
    for (int i = 0; i < AccountStore::maxFailedLogins; ++i) {
        auto a = accounts.claimAttempt(QStringLiteral("case1"));
        REQUIRE(a);
        CHECK(*a == AccountStore::Attempt::Claimed);
    }
    auto sixth = accounts.claimAttempt(QStringLiteral("case1"));
    REQUIRE(sixth);
    CHECK(*sixth == AccountStore::Attempt::Locked);
    auto unknown = accounts.claimAttempt(QStringLiteral("nobody-here"));
    REQUIRE(unknown);
    CHECK(*unknown == AccountStore::Attempt::Unknown);
}

TEST_CASE("An unknown account gets the same words and about the same cost as a wrong password",
          "[core][security][signin]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    QString wrongWords, unknownWords;
    ErrorCode wrongCode = ErrorCode::Internal, unknownCode = ErrorCode::Internal;
    const qint64 known = medianMs([&] {
        auto r = ws->signIn(QStringLiteral("lead1"), QStringLiteral("Not-the-pass-1"));
        REQUIRE_FALSE(r);
        wrongWords = r.error().message;
        wrongCode = r.error().code;
    });
    const qint64 unknown = medianMs([&] {
        auto r = ws->signIn(QStringLiteral("nobody-here"), QStringLiteral("Not-the-pass-1"));
        REQUIRE_FALSE(r);
        unknownWords = r.error().message;
        unknownCode = r.error().code;
    });
    CHECK(wrongWords == unknownWords);
    CHECK(wrongCode == unknownCode);
    CHECK_FALSE(wrongWords.contains(QStringLiteral("lead1")));
    INFO("known " << known << " ms, unknown " << unknown << " ms");
    // A password check is an Argon2id run (tens of milliseconds): the unknown name costs one too.
    CHECK(unknown * 2 >= known);
    // A removed account answers the same way.
    REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
    REQUIRE_OK(AccountAdmin(*ws).remove(QStringLiteral("case1")));
    auto removed = ws->signIn(QStringLiteral("case1"), Test::caseworkerPassword());
    REQUIRE_FALSE(removed);
    CHECK(removed.error().message == wrongWords);
}

TEST_CASE("A decomposed Hangul password signs in to an account made with the composed one",
          "[core][security][signin]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    const QString composed = QStringLiteral("복지방문-2026");
    const QString decomposed = composed.normalized(QString::NormalizationForm_D);
    REQUIRE(composed != decomposed);
    REQUIRE(decomposed.toUtf8() != composed.toUtf8());
    REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
    REQUIRE_OK(AccountAdmin(*ws).create({QStringLiteral("hangul1"),
                                         {},
                                         Role::Caseworker,
                                         {QStringLiteral("1141052000")},
                                         composed}));
    ws->signOut();
    REQUIRE_OK(ws->signIn(QStringLiteral("hangul1"), decomposed));
    ws->signOut();
    REQUIRE_OK(ws->signIn(QStringLiteral("hangul1"), composed));
    CHECK(Password::verify(Password::hash(decomposed), composed));
}

TEST_CASE("Passwords made of invalid UTF-8 bytes are refused and never equal each other",
          "[core][security][signin]")
{
    const QByteArray a("\xff\xfe-Pass-1234", 12);
    const QByteArray b("\xc3\x28-Pass-1234", 12);
    const QString ta = QString::fromUtf8(a);
    const QString tb = QString::fromUtf8(b);
    CHECK_FALSE(Password::normalise(ta));
    CHECK(PasswordPolicy::check(ta, QStringLiteral("someone")) != PasswordProblem::None);
    CHECK_FALSE(Password::verify(Password::hash(ta), tb));
    CHECK_FALSE(Password::verify(Password::hash(ta), ta));
    CHECK_FALSE(Password::normalise(QStringLiteral("Pass\u0000word-12")));

    Test::TempDir dir;
    const QString path = Test::realStoreCopy(dir);
    {
        auto ws = Test::openStore(path);
        REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
        auto made = AccountAdmin(*ws).create(
            {QStringLiteral("bytes1"), {}, Role::Caseworker, {QStringLiteral("1141052000")}, ta});
        REQUIRE_FALSE(made);
        CHECK(made.error().code == ErrorCode::Validation);
    }
    SECTION("and from the command line the bytes are named, not turned into a password")
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("VISITMAP_PASSWORD"));
        env.insert(QStringLiteral("CLI"), QStringLiteral(VISITMAP_CLI_PATH));
        env.insert(QStringLiteral("STORE"), path);
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("VISITMAP_PASSWORD=\"$(printf '\\377\\376-Pass-1234')\" "
                                "exec \"$CLI\" audit --db \"$STORE\" --user case1")});
        REQUIRE(p.waitForFinished(120000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        INFO(err.toStdString());
        CHECK(p.exitCode() == 1);
        CHECK(err.contains(QStringLiteral("$VISITMAP_PASSWORD is not valid UTF-8")));
        auto ws = Test::openStore(path);
        // Refused before it counted as a try.
        CHECK(
            Test::count(*ws, QStringLiteral("SELECT failed_logins FROM staff WHERE name = 'case1'"))
            == 0);
    }
}

TEST_CASE("A sign-in with no office key to make and no key to give waits for no write lock",
          "[core][security][signin]")
{
    Test::TempDir dir;
    const QString path = Test::demoStoreCopy(dir);
    auto ws = Test::openStore(path);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    auto signedIn = ws->signInDemo(QStringLiteral("demo-lead"));
    REQUIRE(signedIn);
    const Session *s = *signedIn;
    REQUIRE(ws->auditLog().hasKey());
    REQUIRE_FALSE(s->keyring.isEmpty());
    // Another process holds the write lock (an import running).
    auto other = Storage::Database::open(path);
    REQUIRE(other);
    REQUIRE_OK((*other)->exec(QStringLiteral("BEGIN IMMEDIATE")));
    QElapsedTimer t;
    t.start();
    Keyring ring = s->keyring;
    REQUIRE_OK(KeyStore(ws->db(), ws->clock()).createMissing(s->account, s->offices, ring));
    auto sealed = KeyStore(ws->db(), ws->clock()).distribute(s->keyring, s->name());
    REQUIRE(sealed);
    CHECK(*sealed == 0);
    auto boxed = AuditKeyStore(ws->db(), ws->clock())
                     .distribute(ws->auditLog().key(), s->account, s->secretKey);
    REQUIRE(boxed);
    CHECK(*boxed == 0);
    CHECK(t.elapsed() < 2000); // a write would wait out the 5 s busy timeout and fail
    REQUIRE_OK((*other)->exec(QStringLiteral("ROLLBACK")));
}
