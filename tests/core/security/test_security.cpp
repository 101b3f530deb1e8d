// SPDX-License-Identifier: GPL-3.0-or-later
#include "access/accountadmin.h"
#include "storage/auditlog.h"
#include "security/crypto.h"
#include "security/masking.h"
#include "security/passwordpolicy.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "support/testsupport.h"

using namespace VisitMap;
using namespace VisitMap::Security;

TEST_CASE("Passwords are stored one-way and checked against the stated rule", "[core][security]")
{
    const QString hash = Password::hash(QStringLiteral("Correct-horse-1"));
    CHECK(hash.startsWith(QStringLiteral("$argon2id$")));
    CHECK_FALSE(hash.contains(QStringLiteral("Correct-horse-1")));
    CHECK(Password::verify(hash, QStringLiteral("Correct-horse-1")));
    CHECK_FALSE(Password::verify(hash, QStringLiteral("correct-horse-1")));
    using P = PasswordProblem;
    CHECK(PasswordPolicy::check(QStringLiteral("abc123"), {}) != P::None);     // too short
    CHECK(PasswordPolicy::check(QStringLiteral("abcdefgh"), {}) != P::None);   // one kind, 8
    CHECK(PasswordPolicy::check(QStringLiteral("abcd1234"), {}) == P::None);   // two kinds, 8
    CHECK(PasswordPolicy::check(QStringLiteral("abcdefghij"), {}) == P::None); // one kind, 10
    CHECK(PasswordPolicy::check(QStringLiteral("kim.minsu1"), QStringLiteral("KIM.MINSU1"))
          != P::None);
}

TEST_CASE("An account key opens only with its password and seals office keys", "[core][security]")
{
    const WrappedKeyPair keys = AccountKeys::create(QStringLiteral("pass-word-1"));
    auto secret = AccountKeys::unwrap(keys, QStringLiteral("pass-word-1"));
    REQUIRE(secret);
    CHECK_FALSE(AccountKeys::unwrap(keys, QStringLiteral("pass-word-2")));
    const SecretBytes office = DataKey::create();
    const QByteArray sealed = DataKey::seal(office, keys.publicKey);
    auto opened = DataKey::open(sealed, keys.publicKey, *secret);
    REQUIRE(opened);
    CHECK(opened->bytes() == office.bytes());
    // Re-wrapping under a new password keeps the same key pair: sealed keys still open.
    const WrappedKeyPair rewrapped = AccountKeys::rewrap(keys.publicKey, *secret, QStringLiteral("new-pass-9"));
    CHECK_FALSE(AccountKeys::unwrap(rewrapped, QStringLiteral("pass-word-1")));
    auto again = AccountKeys::unwrap(rewrapped, QStringLiteral("new-pass-9"));
    REQUIRE(again);
    CHECK(DataKey::open(sealed, rewrapped.publicKey, *again));
}

TEST_CASE("Field encryption detects tampering and moved ciphertexts", "[core][security]")
{
    const SecretBytes key = DataKey::create();
    const QByteArray blob = FieldCipher::encrypt(key, "711231-1234567", "persons.rrn:A");
    CHECK_FALSE(blob.contains("711231"));
    CHECK(*FieldCipher::decrypt(key, blob, "persons.rrn:A") == "711231-1234567");
    CHECK_FALSE(FieldCipher::decrypt(key, blob, "persons.rrn:B")); // moved to another row
    QByteArray flipped = blob;
    flipped[20] = char(flipped[20] ^ 1);
    CHECK_FALSE(FieldCipher::decrypt(key, flipped, "persons.rrn:A"));
    CHECK_FALSE(FieldCipher::decrypt(DataKey::create(), blob, "persons.rrn:A"));
    CHECK(FieldCipher::encrypt(key, "same", "aad") != FieldCipher::encrypt(key, "same", "aad"));
}

TEST_CASE("Masking follows one rule on tricky inputs", "[core][security]")
{
    CHECK(Mask::rrn(QStringLiteral("711231-1234567")) == QStringLiteral("711231-1******"));
    CHECK(Mask::rrn(QStringLiteral("7112311234567")) == QStringLiteral("711231-1******"));
    CHECK(Mask::rrn(QStringLiteral("")) == QString());
    CHECK(Mask::rrn(QStringLiteral("7112")) == QStringLiteral("****"));
    CHECK(Mask::name(QStringLiteral("김민수")) == QStringLiteral("김*수"));
    CHECK(Mask::name(QStringLiteral("김수")) == QStringLiteral("김*"));
    CHECK(Mask::name(QStringLiteral("김")) == QStringLiteral("*"));
    CHECK(Mask::name(QStringLiteral("남궁민수")) == QStringLiteral("남**수"));
    CHECK(Mask::name(QStringLiteral("John Smith")) == QStringLiteral("J*** S****"));
    CHECK(Mask::name(QStringLiteral("응우옌 티 란")) == QStringLiteral("응** * *"));
    CHECK(Mask::phone(QStringLiteral("010-1234-5678")) == QStringLiteral("010-1234-****"));
    CHECK(Mask::phone(QStringLiteral("02-300-1111")) == QStringLiteral("02-300-****"));
    CHECK(Mask::address(QStringLiteral("서울특별시 서대문구 연희로 123-4 (연희동)")) == QStringLiteral("서울특별시 서대문구 연희로 ***"));
    CHECK(Mask::address(QStringLiteral("서울특별시 서대문구 연희로11길 5")) == QStringLiteral("서울특별시 서대문구 연희로11길 ***"));
    CHECK(Mask::address(QStringLiteral("서울특별시 서대문구 연희동 123-45")) == QStringLiteral("서울특별시 서대문구 연희동 ***"));
}

TEST_CASE("Five wrong passwords lock an account until an admin unlocks it", "[core][security]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    for (int i = 1; i <= 4; ++i) {
        auto r = ws->signIn(QStringLiteral("case1"), QStringLiteral("wrong-pass-%1").arg(i));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::AuthFailed);
    }
    auto fifth = ws->signIn(QStringLiteral("case1"), QStringLiteral("wrong-pass-5"));
    REQUIRE_FALSE(fifth);
    CHECK(fifth.error().code == ErrorCode::AccountLocked);
    // Now even the right password is refused.
    auto right = ws->signIn(QStringLiteral("case1"), Test::caseworkerPassword());
    REQUIRE_FALSE(right);
    CHECK(right.error().code == ErrorCode::AccountLocked);
    // A caseworker cannot unlock; an admin can; the change is in the rights log.
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    CHECK_FALSE(AccountAdmin(*ws).unlock(QStringLiteral("case1")));
    REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
    REQUIRE_OK(AccountAdmin(*ws).unlock(QStringLiteral("case1")));
    REQUIRE_OK(ws->signIn(QStringLiteral("case1"), Test::caseworkerPassword()));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM rights_log WHERE account = 'case1' AND change IN ('lock', 'unlock')")) == 2);
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND account = 'case1'")) >= 6);
}

TEST_CASE("Roles get only their rights", "[core][security]")
{
    CHECK(allowed(Role::Caseworker, Permission::ExportMasked));
    CHECK_FALSE(allowed(Role::Caseworker, Permission::ExportUnmasked));
    CHECK_FALSE(allowed(Role::Caseworker, Permission::ManageAccounts));
    CHECK_FALSE(allowed(Role::Caseworker, Permission::ViewHealthNotes));
    CHECK(allowed(Role::Nurse, Permission::ViewHealthNotes));
    CHECK(allowed(Role::TeamLead, Permission::ExportUnmasked));
    CHECK(allowed(Role::TeamLead, Permission::ReviewAccessLog));
    CHECK(allowed(Role::Admin, Permission::ManageAccounts));
    CHECK_FALSE(allowed(Role::Admin, Permission::ViewHouseholds));
    CHECK_FALSE(holdsOfficeKeys(Role::Admin));
}

TEST_CASE("The access log chain reveals an edited, removed, reordered or truncated entry", "[core][security]")
{
    Test::TempDir dir;
    const QString path = Test::realStoreCopy(dir);
    auto fresh = [&] {
        QFile::remove(path);
        Test::realStoreCopy(dir);
        auto ws = Test::openStore(path);
        REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
        for (int i = 0; i < 5; ++i)
            REQUIRE_OK(ws->journal().audit({AuditAction::View, QStringLiteral("household"),
                                            QStringLiteral("h%1").arg(i), {}, {}, {}}));
        auto ok = ws->auditLog().verify();
        REQUIRE(ok);
        REQUIRE(ok->intact);
        return ws;
    };
    // Tampering goes around the product's guards with raw SQL, as an attacker would.
    auto tamper = [](Workspace &ws, const QString &sql) {
        REQUIRE(ws.db().exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
        REQUIRE(ws.db().exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")));
        REQUIRE(ws.db().exec(sql));
        auto r = ws.auditLog().verify();
        REQUIRE(r);
        return *r;
    };
    SECTION("edited")
    {
        auto ws = fresh();
        const auto r = tamper(*ws, QStringLiteral("UPDATE audit_log SET subject = 'someone else' WHERE subject = 'h2'"));
        CHECK_FALSE(r.intact);
        CHECK(r.problem.contains(QStringLiteral("changed")));
    }
    SECTION("removed")
    {
        auto ws = fresh();
        const auto r = tamper(*ws, QStringLiteral("DELETE FROM audit_log WHERE subject = 'h2'"));
        CHECK_FALSE(r.intact);
        CHECK(r.problem.contains(QStringLiteral("missing")));
    }
    SECTION("reordered")
    {
        auto ws = fresh();
        const auto r = tamper(*ws, QStringLiteral(
            "UPDATE audit_log SET seq = CASE subject WHEN 'h1' THEN -1 ELSE seq END WHERE subject IN ('h1');"));
        CHECK_FALSE(r.intact);
    }
    SECTION("truncated at the end")
    {
        auto ws = fresh();
        const auto r = tamper(*ws, QStringLiteral("DELETE FROM audit_log WHERE subject = 'h4'"));
        CHECK_FALSE(r.intact);
        CHECK(r.problem.contains(QStringLiteral("at the end")));
    }
}

TEST_CASE("The retention purge removes a prefix and keeps the chain verifiable", "[core][security]")
{
    Test::TempDir dir;
    FixedClock clock(QDateTime(QDate(2024, 1, 10), QTime(3, 0), Qt::UTC));
    auto ws = Test::openStore(dir.path(QStringLiteral("fresh.visitmap")), &clock);
    REQUIRE_OK(AccountAdmin(*ws).createFirstAdmin({QStringLiteral("admin1"), {}, Role::Admin, {}, Test::adminPassword()}));
    REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
    for (int i = 0; i < 3; ++i)
        REQUIRE_OK(ws->journal().audit({AuditAction::View, QStringLiteral("household"), QStringLiteral("old"), {}, {}, {}}));
    clock.set(QDateTime(QDate(2026, 11, 20), QTime(3, 0), Qt::UTC));
    REQUIRE_OK(ws->journal().audit({AuditAction::View, QStringLiteral("household"), QStringLiteral("new"), {}, {}, {}}));
    auto removed = ws->auditLog().purgeBefore(QDate(2024, 11, 20), QStringLiteral("admin1"), QStringLiteral("test"));
    REQUIRE(removed);
    CHECK(*removed >= 3);
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject = 'old'")) == 0);
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject = 'new'")) == 1);
    auto r = ws->auditLog().verify();
    REQUIRE(r);
    CHECK(r->intact);
}
