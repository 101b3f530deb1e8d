// SPDX-License-Identifier: GPL-3.0-or-later
// More of the sync against a real PostgreSQL: a conflict resolved as "theirs", a pull cut off
// half way, encrypted records reaching a colleague and opening there, and the command line.
#include "support/syncfixture.h"
#include "support/syncrows.h"

#include "model/visit.h"
#include "storage/riskstore.h"
#include "storage/attachmentstore.h"
#include "storage/database.h"
#include "storage/timeline.h"
#include "storage/visitstore.h"
#include "sync/conflictstore.h"
#include "workflow/casework.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>

using namespace VisitMap;
using namespace VisitMap::Sync;
using Test::Central;
using Test::District;

namespace {

const QString pw = QString::fromLatin1(Central::staffPassword);

SyncReport syncAs(Workspace &ws, const QString &name, const QString &password, const SyncOptions &o = {})
{
    auto r = SyncService(ws).syncAs(Test::PgServer::shared().conninfo(), name, password, o);
    if (!r)
        FAIL(r.error().toString().toStdString());
    return *r;
}

QString firstHousehold(Workspace &ws, const QString &office)
{
    auto id = ws.db().scalar(QStringLiteral("SELECT id FROM households WHERE office_code = ? AND risk_override IS NULL "
                                            "ORDER BY id LIMIT 1"),
                             {office});
    REQUIRE(id);
    REQUIRE_FALSE(id->toString().isEmpty());
    return id->toString();
}

} // namespace

TEST_CASE("A conflict resolved as theirs keeps the colleague's value in both stores and sends nothing back",
          "[sync]")
{
    District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    d.central.user(QStringLiteral("lee"), QStringLiteral("caseworker"), {d.officeA});
    auto kim = d.fresh(QStringLiteral("kim"));
    auto lee = d.fresh(QStringLiteral("lee"));
    const QString household = firstHousehold(*kim, d.officeA);
    REQUIRE_OK(Storage::RiskStore(kim->db()).setOverride(household, RiskTier::High, QStringLiteral("이웃 신고: 단전"),
                                                       kim->journal(), kim->visitCycle()));
    REQUIRE_OK(Storage::RiskStore(lee->db()).setOverride(household, RiskTier::Low, QStringLiteral("방문 결과 안정"),
                                                       lee->journal(), lee->visitCycle()));
    CHECK(syncAs(*kim, QStringLiteral("kim"), pw).conflicts == 0);
    CHECK(syncAs(*lee, QStringLiteral("lee"), pw).conflicts == 1);
    auto open = ConflictStore(*lee).open();
    REQUIRE(open);
    REQUIRE(open->size() == 1);
    const qint64 outboxBefore = Test::count(*lee, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"));

    REQUIRE_OK(ConflictStore(*lee).resolve(open->first().id, Resolution::Theirs));
    CHECK(ConflictStore(*lee).open()->isEmpty());
    CHECK(Test::count(*lee, QStringLiteral("SELECT COUNT(*) FROM conflicts WHERE resolution = 'theirs'")) == 1);
    // Keeping theirs is no edit: nothing new to send, and the next sync pushes nothing.
    CHECK(Test::count(*lee, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")) == outboxBefore);
    CHECK(syncAs(*lee, QStringLiteral("lee"), pw).pushed == 0);
    syncAs(*kim, QStringLiteral("kim"), pw);
    const QString tier = QStringLiteral("SELECT risk_override FROM households WHERE id = '%1'").arg(household);
    CHECK(lee->db().scalar(tier)->toString() == QStringLiteral("high"));
    CHECK(kim->db().scalar(tier)->toString() == QStringLiteral("high"));
    CHECK(d.central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.entities WHERE entity = 'household' AND "
                                         "entity_id = '%1' AND data->>'risk_override' = 'high'")
                              .arg(household))
          == 1);
    CHECK(ConflictStore(*kim).open()->isEmpty());
}

TEST_CASE("A pull cut off half way keeps what it applied and resumes after it, each change once", "[sync]")
{
    District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    const qint64 visible = d.central.count(
        QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE office_code = '%1'").arg(d.officeA));
    REQUIRE(visible > 150);

    auto kim = Test::openStore(d.dir.path(QStringLiteral("kim.visitmap")));
    SyncOptions o;
    o.pullBatch = 50;
    int batches = 0;
    o.progress = [&](const QString &stage, qint64, qint64) {
        // After the second pulled batch the server ends this connection, as a dropped network would.
        if (stage == QLatin1String("pull") && ++batches == 2) {
            auto admin = CentralConnection::open(Test::PgServer::shared().adminConninfo());
            if (admin)
                QSqlQuery((*admin)->db())
                    .exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'kim'"));
        }
        return true;
    };
    auto cut = SyncService(*kim).syncAs(d.central.conninfo, QStringLiteral("kim"), pw, o);
    REQUIRE_FALSE(cut);
    // The two batches that landed are kept, with the revision they reached.
    const qint64 revision = kim->db().scalar(QStringLiteral("SELECT value FROM sync_state WHERE key = 'last_revision'"))->toLongLong();
    const qint64 applied = d.central.count(
        QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE office_code = '%1' AND rev <= %2").arg(d.officeA).arg(revision));
    CHECK(applied == 100);
    CHECK(Test::count(*kim, QStringLiteral("SELECT COUNT(*) FROM households")) > 0);

    // The next sync takes exactly the rest; the store then matches the lead's, kind for kind.
    const SyncReport rest = syncAs(*kim, QStringLiteral("kim"), pw);
    CHECK(rest.pulled == visible - applied);
    const auto leadRows = Test::syncedRows(*d.lead, d.officeA);
    const auto kimRows = Test::syncedRows(*kim, d.officeA);
    for (const char *kind : {"household", "person", "visit", "case", "signal"}) {
        INFO(kind);
        const QString k = QString::fromLatin1(kind);
        CHECK_FALSE(leadRows.value(k).isEmpty());
        INFO(Test::firstDifference(kimRows.value(k), leadRows.value(k)));
        CHECK(kimRows.value(k) == leadRows.value(k));
    }
}

TEST_CASE("Encrypted notes and photos and voids reach a colleague of the office and open there", "[sync]")
{
    District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    auto kim = d.fresh(QStringLiteral("kim"));
    d.syncLead(); // seals office A's key to kim
    CHECK(syncAs(*kim, QStringLiteral("kim"), pw).keysReceived == 1);

    const QString household = firstHousehold(*d.lead, d.officeA);
    const QByteArray photo("\x89PNG\r\n\x1a\n colleague-photo-55e1", 29);
    QString visitId;
    {
        CaseWork work(*d.lead);
        CounselingNote n;
        n.householdId = household;
        n.topic = QStringLiteral("가족");
        n.body = QStringLiteral("딸과 연락 끊김, 고독감 호소 — 본문 8b2d");
        REQUIRE(work.addNote(n));
        REQUIRE(work.attach(household, QStringLiteral("현관.png"), photo, true));
        Visit v;
        v.householdId = household;
        v.kind = VisitKind::Phone;
        v.outcome = VisitOutcome::Absent;
        v.at = d.lead->clock().now();
        auto logged = work.logVisit(v);
        REQUIRE(logged);
        visitId = logged->id;
        REQUIRE_OK(work.takeBack(QStringLiteral("visit"), visitId, household, QStringLiteral("잘못 입력")));
    }
    d.syncLead();
    // On the wire the note and photo are ciphertext.
    CHECK(d.central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.entities WHERE data::text LIKE '%본문 8b2d%' "
                                         "OR data::text LIKE '%colleague-photo%'"))
          == 0);
    syncAs(*kim, QStringLiteral("kim"), pw);

    auto view = CaseWork(*kim).open(household);
    REQUIRE(view);
    bool noteRead = false, visitStruck = false;
    QString attachmentId;
    for (const Storage::TimelineEntry &e : view->timeline) {
        const auto *note = e.as<Storage::TimelineFacts::Counseling>();
        noteRead = noteRead || (note && note->body.contains(QStringLiteral("본문 8b2d")));
        visitStruck = visitStruck || (e.entityId == visitId && e.voided && e.voidReason == QStringLiteral("잘못 입력"));
    }
    CHECK(noteRead);
    CHECK(visitStruck);
    auto attachments = Storage::AttachmentStore(kim->db()).forHousehold(household);
    REQUIRE(attachments);
    REQUIRE(attachments->size() >= 1);
    for (const Attachment &a : *attachments)
        if (a.fileName == QStringLiteral("현관.png"))
            attachmentId = a.id;
    REQUIRE_FALSE(attachmentId.isEmpty());
    auto bytes = Storage::AttachmentStore(kim->db()).read(attachmentId, kim->journal(), kim->session()->keyring);
    REQUIRE(bytes);
    CHECK(*bytes == photo);
}

TEST_CASE("visitmap-cli sync enrols a fresh store, pulls the office and reports its counts", "[sync][cli]")
{
    District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    const QString store = d.dir.path(QStringLiteral("cli.visitmap"));
    auto run = [&](const QStringList &args, const QString &password) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VISITMAP_PASSWORD"), password);
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(VISITMAP_CLI_PATH), args);
        REQUIRE(p.waitForFinished(120000));
        return std::tuple<int, QString, QString>(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                                                 QString::fromUtf8(p.readAllStandardError()));
    };
    REQUIRE(std::get<0>(run({QStringLiteral("init"), QStringLiteral("--db"), store}, {})) == 0);
    const QStringList args{QStringLiteral("sync"), QStringLiteral("--db"), store, QStringLiteral("--server"),
                           d.central.conninfo, QStringLiteral("--user"), QStringLiteral("kim")};
    const auto [wrongCode, wrongOut, wrongErr] = run(args, QStringLiteral("not-the-password-1"));
    CHECK(wrongCode == 1);
    CHECK(wrongErr.contains(QStringLiteral("refused the password")));

    const auto [code, out, err] = run(args, pw);
    INFO(err.toStdString());
    REQUIRE(code == 0);
    CHECK(out.contains(QStringLiteral("created the local account kim")));
    const qint64 visible = d.central.count(
        QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE office_code = '%1'").arg(d.officeA));
    CHECK(out.contains(QStringLiteral("pulled %1 ").arg(visible)));
    const qint64 households = Test::count(
        *d.lead, QStringLiteral("SELECT COUNT(*) FROM households WHERE office_code = '%1'").arg(d.officeA));
    {
        auto ws = Test::openStore(store);
        CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == households);
    }
    // The store remembers the server: a second sync needs no --server and pulls nothing new.
    const auto [againCode, againOut, againErr] = run({QStringLiteral("sync"), QStringLiteral("--db"), store,
                                                      QStringLiteral("--user"), QStringLiteral("kim")},
                                                     pw);
    CHECK(againCode == 0);
    CHECK(againOut.contains(QStringLiteral("pulled 0 ")));
    const auto [statusCode, statusOut, statusErr] = run({QStringLiteral("sync"), QStringLiteral("--db"), store,
                                                         QStringLiteral("--status")},
                                                        {});
    CHECK(statusCode == 0);
    CHECK(statusOut.contains(QStringLiteral("pending 0")));
}
