// SPDX-License-Identifier: GPL-3.0-or-later
// The access log's 내용 as a code and its facts: the text encoding round-trips whatever a fact
// holds, an older free-text entry reads back as it was written, the chain verifies either way,
// and the call sites write codes, not prose.
#include "access/accountadmin.h"
#include "security/auditdetail.h"
#include "storage/auditlog.h"
#include "access/auditreview.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "support/testsupport.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>

using namespace VisitMap;
using namespace VisitMap::Security;

namespace {

// Facts that hold every separator of the encoding, Korean, the escape itself and nothing.
AuditDetail awkward(AuditDetailCode code)
{
    return AuditDetail(code)
        .with(u"file", QStringLiteral("가구;명단=2026%25@본.csv"))
        .with(u"empty", QString())
        .with(u"lines", QStringLiteral("첫 줄\n둘째\t칸\r끝"))
        .with(u"percent", QStringLiteral("%"))
        .with(u"rows", 300);
}

QList<AuditEntry> entries(Workspace &ws)
{
    auto all = ws.auditLog().list({});
    REQUIRE(all);
    return *all;
}

} // namespace

TEST_CASE("Every access-log detail code round-trips through its text with separators, Korean and "
          "empty facts",
          "[core][security][audit]")
{
    const auto codes = AuditDetail::writtenCodes();
    REQUIRE(codes.size() >= 50);
    for (AuditDetailCode code : codes) {
        const AuditDetail d = awkward(code);
        const QString text = d.encode();
        INFO(text.toStdString());
        // One line, no tab: the command line prints entries tab-separated, one a line.
        CHECK_FALSE(text.contains(QRegularExpression(QStringLiteral("[\\t\\r\\n]"))));
        const AuditDetail back = AuditDetail::decode(text);
        CHECK(back.code() == code);
        CHECK(back == d);
        CHECK(back.fact(u"file") == QStringLiteral("가구;명단=2026%25@본.csv"));
        CHECK(back.has(u"empty"));
        CHECK(back.fact(u"empty").isEmpty());
        CHECK(back.fact(u"lines") == QStringLiteral("첫 줄\n둘째\t칸\r끝"));
        CHECK(back.fact(u"percent") == QStringLiteral("%"));
        CHECK(back.fact(u"rows") == QStringLiteral("300"));
        // Korean stays readable in the stored text.
        CHECK(text.contains(QStringLiteral("가구")));
        // A code with no facts round-trips too.
        CHECK(AuditDetail::decode(AuditDetail(code).encode()) == AuditDetail(code));
    }
}

TEST_CASE("Each detail code has its own stable text and English words for the command line",
          "[core][security][audit]")
{
    QSet<QString> seen;
    for (AuditDetailCode code : AuditDetail::writtenCodes()) {
        const QString text = AuditDetail::toCode(code);
        INFO(text.toStdString());
        CHECK(text.contains(QRegularExpression(QStringLiteral("^[a-z][a-z0-9_.]*$"))));
        CHECK_FALSE(seen.contains(text));
        seen.insert(text);
        CHECK(AuditDetail::fromCode(text) == code);
        const QString english = awkward(code).english();
        CHECK_FALSE(english.isEmpty());
        CHECK_FALSE(english.startsWith(u'@')); // not the fallback of an unknown code
    }
    CHECK(AuditDetail::toCode(AuditDetailCode::ExportFile) == QStringLiteral("export.file"));
    CHECK(AuditDetail(AuditDetailCode::ExportFile)
              .with(u"what", QStringLiteral("households"))
              .with(u"file", QStringLiteral("목록.csv"))
              .with(u"rows", 300)
              .with(u"masking", QStringLiteral("masked"))
              .with(u"withheld", 2)
              .with(u"scope", QStringLiteral("filter"))
              .english()
          == QStringLiteral(
              "households export to 목록.csv (300 rows, masked, 2 withheld, the list's filter)"));
}

TEST_CASE("A stored detail that is not in the code form reads back as an older entry, as written",
          "[core][security][audit]")
{
    CHECK(AuditDetail::decode(QString()).code() == AuditDetailCode::None);
    CHECK(AuditDetail(AuditDetailCode::None).encode().isEmpty());
    for (const QString &old :
         {QStringLiteral("households export to a.csv (UNMASKED)"),
          QStringLiteral("wrong password (2)"), QStringLiteral("신고 접수 목록 조회"),
          QStringLiteral("@Export;rows=3"), QStringLiteral("@export.file;rows"),
          QStringLiteral("@export.file;Rows=3"), QStringLiteral("@"),
          QStringLiteral("cycle_high_days = 7")}) {
        INFO(old.toStdString());
        const AuditDetail d = AuditDetail::decode(old);
        CHECK(d.code() == AuditDetailCode::Legacy);
        CHECK(d.legacyText() == old);
        CHECK(d.encode() == old);
        CHECK(d.english() == old);
    }
    // A code a newer program wrote keeps its code and facts.
    const AuditDetail future
        = AuditDetail::decode(QStringLiteral("@future.thing;count=3;who=김%3B"));
    CHECK(future.code() == AuditDetailCode::Unknown);
    CHECK(future.codeText() == QStringLiteral("future.thing"));
    CHECK(future.fact(u"who") == QStringLiteral("김;"));
}

TEST_CASE("An access log of coded details and older free-text entries verifies, and a changed fact "
          "breaks it",
          "[core][security][audit]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    REQUIRE(ws->auditLog().hasKey());
    // Entries as the program wrote them before details were codes …
    REQUIRE_OK(ws->journal().audit(
        {AuditAction::Download,
         QStringLiteral("households"),
         QStringLiteral("12"),
         {},
         QStringLiteral("households export to 목록.csv (UNMASKED, the list's filter)"),
         QStringLiteral("점검")}));
    // … and as it writes them now, facts with separators and all.
    REQUIRE_OK(ws->journal().audit(
        {AuditAction::Download,
         QStringLiteral("households"),
         QStringLiteral("300"),
         {},
         awkward(AuditDetailCode::ExportFile).with(u"what", QStringLiteral("households")).encode(),
         QStringLiteral("월례 보고")}));
    auto r = ws->auditLog().verify();
    REQUIRE(r);
    CHECK(r->intact);
    CHECK(r->keyed);

    // The facts are inside the hashed text: changing one is a changed entry.
    REQUIRE_OK(ws->db().exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
    REQUIRE(
        ws->db().execute(QStringLiteral("UPDATE audit_log SET detail = replace(detail, 'rows=300', "
                                        "'rows=3') WHERE subject = '300'")));
    r = ws->auditLog().verify();
    REQUIRE(r);
    CHECK_FALSE(r->intact);
    CHECK(r->kind == ChainBreak::Changed);
}

TEST_CASE("A failed sign-in and account changes write detail codes with their facts, never prose",
          "[core][security][audit]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    CHECK_FALSE(ws->signIn(QStringLiteral("case1"), QStringLiteral("Not-the-pass-1")));
    CHECK_FALSE(ws->signIn(QStringLiteral("nobody-here"), QStringLiteral("Not-the-pass-1")));
    REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
    AccountAdmin admin(*ws);
    REQUIRE_OK(admin.setRole(QStringLiteral("case1"), Role::Nurse));
    REQUIRE_OK(admin.setGrants(QStringLiteral("case1"),
                               {QStringLiteral("1141052000"), QStringLiteral("1141053000")}));

    QList<AuditDetail> failed, changed;
    for (const AuditEntry &e : entries(*ws)) {
        const AuditDetail d = AuditDetail::decode(e.detail);
        INFO(e.detail.toStdString());
        // Every entry of the store, from its first admin on, is a code (or has no detail).
        CHECK(d.code() != AuditDetailCode::Legacy);
        CHECK(d.code() != AuditDetailCode::Unknown);
        if (e.action == QLatin1String("login_failed"))
            failed << d;
        if (e.action == QLatin1String("account") && e.subject == QLatin1String("case1"))
            changed << d;
    }
    REQUIRE(failed.size() == 2);
    CHECK(failed[0].code() == AuditDetailCode::LoginFailed);
    CHECK(failed[0].fact(u"reason") == QStringLiteral("wrong_password"));
    CHECK(failed[0].fact(u"tries") == QStringLiteral("1"));
    CHECK(failed[1].fact(u"reason") == QStringLiteral("unknown_account"));
    REQUIRE(changed.size() == 3); // created, role, offices
    CHECK(changed[0].code() == AuditDetailCode::AccountCreated);
    CHECK(changed[0].fact(u"role") == QStringLiteral("caseworker"));
    CHECK(changed[1].code() == AuditDetailCode::AccountRole);
    CHECK(changed[1].fact(u"role") == QStringLiteral("nurse"));
    CHECK(changed[2].code() == AuditDetailCode::AccountOffices);
    CHECK(changed[2].fact(u"offices") == QStringLiteral("1141052000,1141053000"));
}

TEST_CASE("The command line lists access-log details in English words, not their codes",
          "[core][security][audit][cli]")
{
    Test::TempDir dir;
    const QString path = Test::realStoreCopy(dir);
    {
        auto ws = Test::openStore(path);
        CHECK_FALSE(ws->signIn(QStringLiteral("case1"), QStringLiteral("Not-the-pass-1")));
        REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
        REQUIRE_OK(AccountAdmin(*ws).setRole(QStringLiteral("case1"), Role::Nurse));
        ws->signOut();
    }
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VISITMAP_PASSWORD"), Test::leadPassword());
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(VISITMAP_CLI_PATH),
            {QStringLiteral("audit"), QStringLiteral("--db"), path, QStringLiteral("--user"),
             QStringLiteral("lead1")});
    REQUIRE(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    INFO(out.toStdString());
    CHECK(p.exitCode() == 0);
    CHECK(out.contains(QStringLiteral("\twrong password (1)\t")));
    CHECK(out.contains(QStringLiteral("\trole set to nurse\t")));
    CHECK(out.contains(QStringLiteral("\tcreated as team_lead for 11410\t")));
    CHECK_FALSE(out.contains(QStringLiteral("@login.failed")));
    CHECK_FALSE(out.contains(QStringLiteral("@account.")));
}

TEST_CASE("The access-log review gives why a day deserves a look as flag codes with their counts",
          "[core][security][audit]")
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
    add(QStringLiteral("park"), QDateTime(QDate(2026, 11, 5), QTime(14, 30), Qt::UTC),
        QStringLiteral("login_failed"), 3); // 23:30 in Seoul
    QHash<QString, QList<AuditFlag>> flags;
    for (const AuditDaySummary &d : AuditReview::summarise(entries))
        if (!d.flags.isEmpty())
            flags.insert(d.account, d.flags);
    using K = AuditFlag::Kind;
    CHECK(flags.value(QStringLiteral("kim")) == QList<AuditFlag>{{K::ManyViews, 400, 30}});
    CHECK(flags.value(QStringLiteral("lee")) == QList<AuditFlag>{{K::ManyDownloads, 3}});
    CHECK(flags.value(QStringLiteral("park"))
          == QList<AuditFlag>{{K::FailedLogins, 3}, {K::NightWork, 3}});
}
