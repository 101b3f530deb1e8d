// SPDX-License-Identifier: GPL-3.0-or-later
// The access log against an attacker who can write the store file: edits with the hash chain
// recomputed, entries cut off at the end with SQLite's counter lowered, the purge flag set or the
// triggers dropped, the whole log laundered under a new key, an old head put back; and the
// central anchor that catches what the file alone cannot.
#include "access/accountadmin.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/metastore.h"
#include "support/pgserver.h"
#include "support/testsupport.h"
#include "sync/auditanchor.h"
#include "sync/centralstore.h"
#include "sync/syncservice.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>

using namespace VisitMap;
using namespace VisitMap::Security;

namespace {

// A real store with the team lead signed in and five views logged (subjects h0 … h4).
std::unique_ptr<Workspace> loggedStore(const Test::TempDir &dir,
                                       const QString &name = QStringLiteral("real.visitmap"))
{
    auto ws = Test::openStore(Test::realStoreCopy(dir, name));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    REQUIRE(ws->auditLog().hasKey());
    for (int i = 0; i < 5; ++i)
        REQUIRE_OK(ws->journal().audit({AuditAction::View,
                                        QStringLiteral("household"),
                                        QStringLiteral("h%1").arg(i),
                                        {},
                                        {},
                                        {}}));
    auto r = ws->auditLog().verify();
    REQUIRE(r);
    REQUIRE(r->intact);
    REQUIRE(r->keyed);
    return ws;
}

qint64 seqOf(Workspace &ws, const QString &subject)
{
    return Test::count(
        ws, QStringLiteral("SELECT seq FROM audit_log WHERE subject = '%1'").arg(subject));
}

void exec(Workspace &ws, const QString &sql)
{
    if (auto ok = ws.db().exec(sql); !ok)
        FAIL(ok.error().toString().toStdString());
}

void dropTriggers(Workspace &ws)
{
    for (const char *t : {"audit_log_no_update", "audit_log_no_delete", "audit_log_mac_once"})
        exec(ws, QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(QString::fromLatin1(t)));
}

// What an attacker with the file does: changes an entry and recomputes the plain hash chain from
// it to the end, byte for byte as the program computes it.
void rewriteWithChain(Workspace &ws, const QString &subject, const QString &newSubject)
{
    dropTriggers(ws);
    auto all = ws.auditLog().list({});
    REQUIRE(all);
    QString prev;
    bool from = false;
    for (AuditEntry e : *all) {
        if (e.subject == subject) {
            e.subject = newSubject;
            from = true;
        }
        if (from) {
            e.prevHash = prev;
            e.hash = AuditLog::computeHash(e);
            auto q = ws.db().execute(
                QStringLiteral(
                    "UPDATE audit_log SET subject = ?, prev_hash = ?, hash = ? WHERE seq = ?"),
                {e.subject, e.prevHash, e.hash, e.seq});
            REQUIRE(q);
        }
        prev = e.hash;
    }
    REQUIRE(from);
}

ChainReport verified(Workspace &ws)
{
    auto r = ws.auditLog().verify();
    REQUIRE(r);
    return *r;
}

} // namespace

TEST_CASE(
    "An edited entry with the hash chain recomputed fails verify naming the entry as rewritten",
    "[core][security][auditchain]")
{
    Test::TempDir dir;
    auto ws = loggedStore(dir);
    const qint64 seq = seqOf(*ws, QStringLiteral("h2"));
    rewriteWithChain(*ws, QStringLiteral("h2"), QStringLiteral("someone else"));
    const ChainReport r = verified(*ws);
    CHECK_FALSE(r.intact);
    CHECK(r.kind == ChainBreak::Rewritten);
    CHECK(r.firstBadSeq == seq);
    CHECK(r.problem.contains(QStringLiteral("entry %1").arg(seq)));
}

TEST_CASE("Entries cut off at the end with the sequence lowered are caught by the keyed head",
          "[core][security][auditchain]")
{
    Test::TempDir dir;
    auto ws = loggedStore(dir);
    const qint64 first = seqOf(*ws, QStringLiteral("h3"));
    dropTriggers(*ws);
    exec(*ws, QStringLiteral("DELETE FROM audit_log WHERE seq >= %1").arg(first));
    exec(*ws, QStringLiteral("UPDATE sqlite_sequence SET seq = %1 WHERE name = 'audit_log'")
                  .arg(first - 1));
    const ChainReport r = verified(*ws);
    CHECK_FALSE(r.intact);
    CHECK(r.kind == ChainBreak::Truncated);
    CHECK(r.firstBadSeq == first);
    SECTION("and lowering the head's count as well does not forge its MAC")
    {
        exec(*ws, QStringLiteral(
                      "UPDATE audit_head SET sealed_seq = %1, entries = entries - 2, sealed_mac = "
                      "(SELECT mac FROM audit_log WHERE seq = %1)")
                      .arg(first - 1));
        const ChainReport h = verified(*ws);
        CHECK_FALSE(h.intact);
        CHECK(h.kind == ChainBreak::HeadForged);
    }
}

TEST_CASE("Entries removed through the purge flag or with the trigger dropped are caught",
          "[core][security][auditchain]")
{
    Test::TempDir dir;
    auto ws = loggedStore(dir);
    SECTION("the purge flag set by hand")
    {
        // Just as the purge did before the key: flag, delete a prefix, leave the anchor behind.
        exec(*ws,
             QStringLiteral("INSERT OR REPLACE INTO store_meta VALUES ('audit_anchor_seq', '3')"));
        exec(*ws, QStringLiteral(
                      "INSERT OR REPLACE INTO store_meta SELECT 'audit_anchor_hash', hash FROM "
                      "audit_log WHERE seq = 3"));
        exec(*ws, QStringLiteral("INSERT OR REPLACE INTO store_meta VALUES ('audit_purge', '1')"));
        exec(*ws, QStringLiteral("DELETE FROM audit_log WHERE seq <= 3"));
        exec(*ws, QStringLiteral("DELETE FROM store_meta WHERE key = 'audit_purge'"));
        const ChainReport r = verified(*ws);
        CHECK_FALSE(r.intact);
        CHECK(r.kind == ChainBreak::Missing);
        CHECK(r.firstBadSeq == 1);
    }
    SECTION("the trigger dropped and every entry deleted")
    {
        dropTriggers(*ws);
        exec(*ws, QStringLiteral("DELETE FROM audit_log"));
        exec(*ws, QStringLiteral("DELETE FROM sqlite_sequence WHERE name = 'audit_log'"));
        const ChainReport r = verified(*ws);
        CHECK_FALSE(r.intact);
        CHECK(r.kind == ChainBreak::Truncated);
        CHECK(r.firstBadSeq == 1);
    }
    SECTION("the MACs removed so the entries look as if they waited for the key")
    {
        dropTriggers(*ws);
        exec(*ws, QStringLiteral("UPDATE audit_log SET mac = NULL WHERE subject = 'h1'"));
        const ChainReport r = verified(*ws);
        CHECK_FALSE(r.intact);
        CHECK(r.kind == ChainBreak::MacRemoved);
        CHECK(r.firstBadSeq == seqOf(*ws, QStringLiteral("h1")));
    }
}

TEST_CASE("A purge through the authorised operation verifies and is logged and counted",
          "[core][security][auditchain]")
{
    Test::TempDir dir;
    FixedClock clock(QDateTime(QDate(2024, 1, 10), QTime(3, 0), Qt::UTC));
    auto ws = Test::openStore(dir.path(QStringLiteral("fresh.visitmap")), &clock);
    REQUIRE_OK(AccountAdmin(*ws).createFirstAdmin(
        {QStringLiteral("admin1"), {}, Role::Admin, {}, Test::adminPassword()}));
    // Before anyone signed in there is no key: a purge is refused.
    CHECK_FALSE(ws->auditLog().purgeBefore(QDate(2024, 11, 20), QStringLiteral("admin1"),
                                           QStringLiteral("test")));
    REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
    for (int i = 0; i < 3; ++i)
        REQUIRE_OK(ws->journal().audit(
            {AuditAction::View, QStringLiteral("household"), QStringLiteral("old"), {}, {}, {}}));
    clock.set(QDateTime(QDate(2026, 11, 20), QTime(3, 0), Qt::UTC));
    REQUIRE_OK(ws->journal().audit(
        {AuditAction::View, QStringLiteral("household"), QStringLiteral("new"), {}, {}, {}}));
    auto removed = ws->auditLog().purgeBefore(QDate(2024, 11, 20), QStringLiteral("admin1"),
                                              QStringLiteral("test"));
    REQUIRE(removed);
    CHECK(*removed >= 5); // the first admin, the sign-in and the three views
    const ChainReport r = verified(*ws);
    CHECK(r.intact);
    CHECK(r.keyed);
    CHECK(r.purged == *removed);
    auto head = ws->auditLog().head();
    REQUIRE(head);
    REQUIRE(*head);
    CHECK((*head)->purged == *removed);
    CHECK(Test::count(
              *ws, QStringLiteral(
                       "SELECT COUNT(*) FROM audit_log WHERE action = 'purge' AND subject = '%1'")
                       .arg(*removed))
          == 1);
    // A second store opening the same file signs in and still finds it intact.
    ws->signOut();
    REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
    CHECK(verified(*ws).intact);
}

TEST_CASE("Entries written before a sign-in go under the key at the next sign-in that opens it",
          "[core][security][auditchain]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    CHECK_FALSE(ws->signIn(QStringLiteral("case1"), QStringLiteral("not-the-password-1")));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE mac IS NULL"))
          >= 1);
    REQUIRE_OK(ws->signIn(QStringLiteral("case1"), Test::caseworkerPassword()));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE mac IS NULL"))
          == 0);
    const ChainReport r = verified(*ws);
    CHECK(r.intact);
    CHECK(r.keyed);
    CHECK(r.pending == 0);
    SECTION("but not one edited while it waited")
    {
        ws->signOut();
        CHECK_FALSE(ws->signIn(QStringLiteral("case1"), QStringLiteral("not-the-password-2")));
        dropTriggers(*ws);
        exec(*ws, QStringLiteral("UPDATE audit_log SET detail = 'nothing' WHERE seq = (SELECT "
                                 "MAX(seq) FROM audit_log)"));
        REQUIRE_OK(ws->signIn(QStringLiteral("case1"), Test::caseworkerPassword()));
        const ChainReport e = verified(*ws);
        CHECK_FALSE(e.intact);
        CHECK(e.kind == ChainBreak::Changed);
    }
}

TEST_CASE("audit --verify names the broken entry and the kind of break",
          "[core][security][auditchain][cli]")
{
    Test::TempDir dir;
    QString path;
    qint64 seq = 0;
    {
        auto ws = loggedStore(dir);
        path = ws->path();
        seq = seqOf(*ws, QStringLiteral("h1"));
        rewriteWithChain(*ws, QStringLiteral("h1"), QStringLiteral("nobody"));
    }
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VISITMAP_PASSWORD"), Test::leadPassword());
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(VISITMAP_CLI_PATH),
            {QStringLiteral("audit"), QStringLiteral("--db"), path, QStringLiteral("--user"),
             QStringLiteral("lead1"), QStringLiteral("--verify")});
    REQUIRE(p.waitForFinished(120000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    INFO(err.toStdString());
    CHECK(p.exitCode() == 1);
    CHECK(err.contains(QStringLiteral("broken at entry %1 (rewritten)").arg(seq)));
}

namespace {

// An empty central store on the test run's PostgreSQL with the demo team lead as a staff role.
struct AnchorCentral
{
    std::unique_ptr<Sync::CentralConnection> admin;
    QString conninfo;

    AnchorCentral()
    {
        Test::PgServer &pg = Test::PgServer::shared();
        if (!pg.available())
            FAIL("no PostgreSQL for the anchor tests: " << pg.why().toStdString());
        conninfo = pg.conninfo();
        auto a = Sync::CentralConnection::open(pg.adminConninfo());
        REQUIRE(a);
        admin = std::move(*a);
        QSqlQuery q(admin->db());
        q.exec(QStringLiteral("DROP SCHEMA IF EXISTS visitmap CASCADE"));
        q.exec(QStringLiteral("DROP TABLE IF EXISTS public.visitmap_migrations"));
        if (q.exec(QStringLiteral(
                "SELECT r.rolname FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
                "JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = 'visitmap_staff'"))) {
            QStringList roles;
            while (q.next())
                roles << q.value(0).toString();
            for (const QString &r : roles)
                QSqlQuery(admin->db()).exec(QStringLiteral("DROP ROLE \"%1\"").arg(r));
        }
        REQUIRE(Sync::ServerAdmin(*admin).migrate());
    }

    qint64 count(const QString &sql) const
    {
        QSqlQuery q(admin->db());
        if (!q.exec(sql) || !q.next())
            FAIL("query failed: " << sql.toStdString());
        return q.value(0).toLongLong();
    }
};

QString demoPassword(Workspace &ws)
{
    auto p = Storage::MetaStore(ws.db()).get(QStringLiteral("demo_password:demo-lead"));
    REQUIRE(p);
    return *p;
}

} // namespace

TEST_CASE("The central anchor refuses an access log cut back behind an old head put back in place",
          "[core][security][auditchain][sync]")
{
    AnchorCentral central;
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir, QStringLiteral("lead.visitmap")));
    const QString password = demoPassword(*ws);
    REQUIRE_OK(Sync::ServerAdmin(*central.admin)
                   .createUser(QStringLiteral("demo-lead"), QStringLiteral("demo-lead"),
                               QStringLiteral("team_lead"), {QStringLiteral("11410")}, password));
    REQUIRE_OK(ws->signIn(QStringLiteral("demo-lead"), password));
    // The attacker keeps a copy of the head, then the caseworker works on and syncs.
    auto old = ws->db().execute(
        QStringLiteral("SELECT sealed_seq, sealed_mac, entries, mac FROM audit_head"));
    REQUIRE(old);
    REQUIRE(old->next());
    const qint64 oldSeq = old->value(0).toLongLong();
    const QVariantList oldHead{old->value(1), old->value(2), old->value(3)};
    for (int i = 0; i < 3; ++i)
        REQUIRE_OK(ws->journal().audit({AuditAction::View,
                                        QStringLiteral("household"),
                                        QStringLiteral("later%1").arg(i),
                                        {},
                                        {},
                                        {}}));
    auto first
        = Sync::SyncService(*ws).syncAs(central.conninfo, QStringLiteral("demo-lead"), password);
    REQUIRE(first);
    CHECK(central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.audit_anchors")) == 1);
    CHECK(central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.audit_anchor_flags")) == 0);
    // Cut back to the old head, counter lowered, the old head put back: the file agrees with
    // itself.
    dropTriggers(*ws);
    exec(*ws, QStringLiteral("DELETE FROM audit_log WHERE seq > %1").arg(oldSeq));
    exec(
        *ws,
        QStringLiteral("UPDATE sqlite_sequence SET seq = %1 WHERE name = 'audit_log'").arg(oldSeq));
    REQUIRE(ws->db().execute(
        QStringLiteral(
            "UPDATE audit_head SET sealed_seq = %1, sealed_mac = ?, entries = ?, mac = ?")
            .arg(oldSeq),
        oldHead));
    CHECK(verified(*ws).intact); // locally nothing shows
    auto c = Sync::CentralConnection::open(central.conninfo, QStringLiteral("demo-lead"), password);
    REQUIRE(c);
    auto sent = Sync::AuditAnchor(*ws).send(**c);
    REQUIRE(sent);
    CHECK(sent->sent);
    CHECK(sent->problem.contains(QStringLiteral("went back")));
    CHECK(central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.audit_anchor_flags")) == 1);
    // The anchor stays where it was.
    CHECK(central.count(QStringLiteral("SELECT seq FROM visitmap.audit_anchors")) > oldSeq);
}

TEST_CASE("The central anchor refuses an access log laundered under a new key",
          "[core][security][auditchain][sync]")
{
    AnchorCentral central;
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir, QStringLiteral("lead.visitmap")));
    const QString password = demoPassword(*ws);
    REQUIRE_OK(Sync::ServerAdmin(*central.admin)
                   .createUser(QStringLiteral("demo-lead"), QStringLiteral("demo-lead"),
                               QStringLiteral("team_lead"), {QStringLiteral("11410")}, password));
    REQUIRE_OK(ws->signIn(QStringLiteral("demo-lead"), password));
    REQUIRE_OK(ws->journal().audit(
        {AuditAction::View, QStringLiteral("household"), QStringLiteral("seen"), {}, {}, {}}));
    auto c = Sync::CentralConnection::open(central.conninfo, QStringLiteral("demo-lead"), password);
    REQUIRE(c);
    auto anchored = Sync::AuditAnchor(*ws).send(**c);
    REQUIRE(anchored);
    CHECK(anchored->sent);
    CHECK(anchored->problem.isEmpty());
    // The attacker rewrites an entry, strips every MAC, the head and the key boxes, so the next
    // sign-in makes a new key and puts the rewritten log under it.
    ws->signOut();
    rewriteWithChain(*ws, QStringLiteral("seen"), QStringLiteral("never seen"));
    exec(*ws, QStringLiteral("UPDATE audit_log SET mac = NULL"));
    exec(*ws, QStringLiteral("DELETE FROM audit_head"));
    exec(*ws, QStringLiteral("DELETE FROM audit_keys"));
    REQUIRE_OK(ws->signIn(QStringLiteral("demo-lead"), password));
    CHECK(verified(*ws).intact); // the file alone cannot tell
    auto sent = Sync::AuditAnchor(*ws).send(**c);
    REQUIRE(sent);
    CHECK(sent->problem.contains(QStringLiteral("rewritten")));
    CHECK(central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.audit_anchor_flags")) == 1);
    // A plain sync says so as well.
    auto sync = Sync::SyncService(*ws).run(**c);
    REQUIRE(sync);
    CHECK(
        sync->notices.join(u'\n').contains(QStringLiteral("refused this store's access-log head")));
}
