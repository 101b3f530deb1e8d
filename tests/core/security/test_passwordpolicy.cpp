// SPDX-License-Identifier: GPL-3.0-or-later
// The password rule names why a password is refused by a reason code, the same wherever a
// password is set: a new account, an admin's reset, a person's own change.
#include "access/accountadmin.h"
#include "security/passwordpolicy.h"
#include "support/testsupport.h"

using namespace VisitMap;
using namespace VisitMap::Security;

TEST_CASE("Each password problem is named by its own reason", "[core][security][password]")
{
    using P = PasswordProblem;
    CHECK(PasswordPolicy::check(QStringLiteral("Ab1-xyz"), QStringLiteral("kim"))
          == P::TooShortOrSimple);
    CHECK(PasswordPolicy::check(QStringLiteral("abcdefgh"), QStringLiteral("kim"))
          == P::TooShortOrSimple);
    CHECK(PasswordPolicy::check(QStringLiteral("Kim.Minsu-1"), QStringLiteral("kim.minsu-1"))
          == P::SameAsAccountName);
    CHECK(PasswordPolicy::check(QString::fromUtf8("\xff\xfe-Pass-1234", 12), QStringLiteral("kim"))
          == P::NotNormalisable);
    CHECK(PasswordPolicy::checkChange(QStringLiteral("Good-pass-12"), QStringLiteral("kim"),
                                      QStringLiteral("Good-pass-12"))
          == P::SameAsOld);
    CHECK(PasswordPolicy::check(QStringLiteral("Good-pass-12"), QStringLiteral("kim")) == P::None);
    CHECK(PasswordPolicy::check(QStringLiteral("복지방문지도비밀번호1"), QStringLiteral("kim"))
          == P::None);
    for (P p : {P::TooShortOrSimple, P::SameAsAccountName, P::NotNormalisable, P::SameAsOld}) {
        const Error e = PasswordPolicy::errorFor(p);
        CHECK(e.code == ErrorCode::Validation);
        CHECK(e.reason == int(p));
        CHECK(PasswordPolicy::problemOf(e) == p);
        CHECK_FALSE(e.message.isEmpty()); // the command line's words
    }
    CHECK(PasswordPolicy::problemOf(Error{ErrorCode::Io, {}, {}, 0, 1}) == P::None);
}

TEST_CASE("Creating, resetting and changing a password fail with the problem as the reason",
          "[core][security][password]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(dir.path(QStringLiteral("fresh.visitmap")));
    AccountAdmin admin(*ws);

    auto weak = admin.createFirstAdmin(
        {QStringLiteral("admin1"), {}, Role::Admin, {}, QStringLiteral("short1")});
    REQUIRE_FALSE(weak);
    CHECK(weak.error().code == ErrorCode::Validation);
    CHECK(weak.error().reason == int(PasswordProblem::TooShortOrSimple));
    auto named = admin.createFirstAdmin(
        {QStringLiteral("admin1"), {}, Role::Admin, {}, QStringLiteral("ADMIN1")});
    REQUIRE_FALSE(named);
    CHECK(named.error().reason == int(PasswordProblem::SameAsAccountName));

    REQUIRE_OK(admin.createFirstAdmin(
        {QStringLiteral("admin1"), {}, Role::Admin, {}, Test::adminPassword()}));
    REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
    auto lead = admin.create({QStringLiteral("lead1"),
                              {},
                              Role::TeamLead,
                              {QStringLiteral("11410")},
                              QString::fromUtf8("\xc3\x28-Pass-1234", 12)});
    REQUIRE_FALSE(lead);
    CHECK(lead.error().reason == int(PasswordProblem::NotNormalisable));
    REQUIRE_OK(admin.create({QStringLiteral("lead1"),
                             {},
                             Role::TeamLead,
                             {QStringLiteral("11410")},
                             Test::leadPassword()}));

    auto reset = admin.resetPassword(QStringLiteral("lead1"), QStringLiteral("lead1"));
    REQUIRE_FALSE(reset);
    CHECK(reset.error().reason == int(PasswordProblem::SameAsAccountName));

    auto same = ws->changePassword(Test::adminPassword(), Test::adminPassword());
    REQUIRE_FALSE(same);
    CHECK(same.error().code == ErrorCode::Validation);
    CHECK(same.error().reason == int(PasswordProblem::SameAsOld));
    auto simple = ws->changePassword(Test::adminPassword(), QStringLiteral("aaaaaa1"));
    REQUIRE_FALSE(simple);
    CHECK(simple.error().reason == int(PasswordProblem::TooShortOrSimple));
    REQUIRE_OK(ws->changePassword(Test::adminPassword(), QStringLiteral("Another-pass-3")));
}
