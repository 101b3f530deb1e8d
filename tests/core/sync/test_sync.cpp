// SPDX-License-Identifier: GPL-3.0-or-later
// The sync against a real PostgreSQL: a team lead publishes a demo district, caseworkers start
// from empty stores, and the faults that must lose or double nothing.
#include "support/syncfixture.h"
#include "support/syncrows.h"

#include "import/importservice.h"
#include "intake/reportintake.h"
#include "model/visit.h"
#include "storage/accountstore.h"
#include "storage/database.h"
#include "storage/riskstore.h"
#include "storage/servicestore.h"
#include "storage/visitstore.h"
#include "sync/conflictstore.h"
#include "workflow/casework.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <atomic>
#include <thread>

using namespace VisitMap;
using namespace VisitMap::Sync;
using Test::Central;
using Test::District;

namespace {

const QString pw = QString::fromLatin1(Central::staffPassword);

SyncReport sync(Workspace &ws, const SyncOptions &o = {})
{
    auto r = SyncService(ws).syncAs(Test::PgServer::shared().conninfo(), ws.session()->name(),
                                    ws.session()->name() == QLatin1String("demo-lead")
                                        ? Test::demoPassword(ws, QStringLiteral("demo-lead"))
                                        : pw,
                                    o);
    if (!r)
        FAIL(r.error().toString().toStdString());
    return *r;
}

QString addVisit(Workspace &ws, const QString &household, const QString &office, const QString &notes)
{
    Visit v;
    v.householdId = household;
    v.officeCode = office;
    v.kind = VisitKind::Visit;
    v.outcome = VisitOutcome::Met;
    v.at = ws.clock().now();
    v.notes = notes;
    REQUIRE_OK(Storage::VisitStore(ws.db()).add(v, ws.journal(), ws.visitCycle()));
    return v.id;
}

qint64 count(Workspace &ws, const QString &sql)
{
    return Test::count(ws, sql);
}

} // namespace

TEST_CASE("Two caseworkers of one office converge from empty stores, and another office sees none of it",
          "[sync]")
{
    District d;
    // What the lead's store queued before it ever synced (the placed facilities) goes with it.
    const qint64 queued = count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"));
    const SyncReport published = d.syncLead();
    CHECK(published.published > Test::demoHouseholds);
    CHECK(published.pushed == published.published + queued);
    CHECK(published.duplicates == 0);
    CHECK(d.central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.entities WHERE entity = 'household'"))
          == Test::demoHouseholds);

    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    d.central.user(QStringLiteral("lee"), QStringLiteral("caseworker"), {d.officeA});
    d.central.user(QStringLiteral("park"), QStringLiteral("caseworker"), {d.officeB});
    auto kim = d.fresh(QStringLiteral("kim"));
    auto lee = d.fresh(QStringLiteral("lee"));
    auto park = d.fresh(QStringLiteral("park"));

    const QString inA = QStringLiteral("SELECT COUNT(*) FROM households WHERE office_code = '%1'").arg(d.officeA);
    const qint64 householdsA = count(*d.lead, inA);
    CHECK(count(*kim, QStringLiteral("SELECT COUNT(*) FROM households")) == householdsA);
    CHECK(count(*lee, QStringLiteral("SELECT COUNT(*) FROM households")) == householdsA);
    CHECK(count(*kim, QStringLiteral("SELECT COUNT(*) FROM persons")) ==
          count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM persons WHERE office_code = '%1'").arg(d.officeA)));

    // The local account signs in offline with the same password from now on.
    kim->signOut();
    CHECK_FALSE(kim->signIn(QStringLiteral("kim"), QStringLiteral("wrong-password-1")));
    REQUIRE(kim->signIn(QStringLiteral("kim"), pw));

    // The office key reaches the new accounts: the lead seals it at the next sync, they open it.
    CHECK(kim->session()->waitingForKeys.contains(d.officeA));
    CHECK(d.syncLead().keysSealed == 3);
    CHECK(sync(*kim).keysReceived == 1);
    CHECK(sync(*lee).keysReceived == 1);
    CHECK(kim->session()->keyring.has(d.officeA));
    CHECK_FALSE(kim->session()->keyring.has(d.officeB));
    const auto leadRing = d.lead->session()->keyring.key(d.officeA);
    REQUIRE(leadRing);
    CHECK(kim->session()->keyring.key(d.officeA)->bytes() == leadRing->bytes());

    // Each logs a visit offline; after both sync twice, both stores hold both.
    const QString household = count(*kim, QStringLiteral("SELECT COUNT(*) FROM households")) > 0
                                  ? kim->db().scalar(QStringLiteral("SELECT id FROM households ORDER BY id LIMIT 1"))->toString()
                                  : QString();
    REQUIRE_FALSE(household.isEmpty());
    const QString v1 = addVisit(*kim, household, d.officeA, QStringLiteral("김 방문"));
    const QString v2 = addVisit(*lee, household, d.officeA, QStringLiteral("이 방문"));
    CHECK(sync(*kim).pushed == 1);
    const SyncReport leeFirst = sync(*lee);
    CHECK(leeFirst.pushed == 1);
    CHECK(leeFirst.pulled == 1);
    CHECK(sync(*kim).pulled == 1);
    const QString both = QStringLiteral("SELECT COUNT(*) FROM visits WHERE id IN ('%1','%2')").arg(v1, v2);
    CHECK(count(*kim, both) == 2);
    CHECK(count(*lee, both) == 2);
    CHECK(count(*kim, QStringLiteral("SELECT COUNT(*) FROM visits")) == count(*lee, QStringLiteral("SELECT COUNT(*) FROM visits")));
    // The pulled visit moves the household's last visit as a local one does.
    CHECK(kim->db().scalar(QStringLiteral("SELECT last_visit_at FROM households WHERE id = ?"), {household})->toString()
          == lee->db().scalar(QStringLiteral("SELECT last_visit_at FROM households WHERE id = ?"), {household})->toString());
    sync(*d.lead);
    CHECK(count(*d.lead, both) == 2);

    // One record of every other kind, made by the lead in office A through the program: a case
    // and its stage change, an assessment, an encrypted note and photo, a service link, a
    // check-in, and a void. After one more round, all three stores hold the same rows of every
    // synced kind of office A, value for value.
    {
        CaseWork work(*d.lead);
        auto opened = work.openCase(household, CaseType::General);
        REQUIRE(opened);
        REQUIRE_OK(work.moveCase(opened->id, CaseStage::InitialCounsel, {}));
        NeedAssessment a;
        a.householdId = household;
        a.items = {{QStringLiteral("1000000"), 2, QStringLiteral("혈압약 복용")}};
        REQUIRE(work.assess(a));
        CounselingNote n;
        n.householdId = household;
        n.topic = QStringLiteral("건강");
        n.body = QStringLiteral("수면 부족 호소");
        REQUIRE(work.addNote(n));
        REQUIRE(work.attach(household, QStringLiteral("집 앞.png"), QByteArray("\x89PNG converge", 15), true));
        auto resources = Storage::ServiceStore(d.lead->db()).resources({});
        REQUIRE(resources);
        REQUIRE_FALSE(resources->isEmpty());
        ServiceLink link;
        link.householdId = household;
        link.resourceId = resources->first().id;
        REQUIRE(work.linkService(link));
        auto checkin = work.checkIn(household, 30);
        REQUIRE(checkin);
        REQUIRE_OK(work.checkOut(checkin->id));
        REQUIRE_OK(work.takeBack(QStringLiteral("visit"), v1, household, QStringLiteral("다른 가구 방문")));
        // A citizen's crisis report and a facility, both at the household's place in office A.
        auto at = d.lead->db().execute(QStringLiteral("SELECT lon, lat FROM households WHERE id = ?"), {household});
        REQUIRE(at);
        REQUIRE(at->next());
        const double lon = at->value(0).toDouble(), lat = at->value(1).toDouble();
        const QByteArray report = QStringLiteral(R"([{"id": "SYNC-1", "received_at": "2026-11-20T09:15:00+09:00",
            "channel": "app", "reporter_type": "neighbour", "anonymous": false, "reporter_contact": "010-5555-0199",
            "categories": ["isolation"], "description": "우편물이 쌓여 있습니다.",
            "location": {"lon": %1, "lat": %2}}])")
                                      .arg(lon, 0, 'f', 7)
                                      .arg(lat, 0, 'f', 7)
                                      .toUtf8();
        auto reported = Intake::ReportIntake(*d.lead).importReports(
            report, QStringLiteral("reports.json"), d.dir.path({}));
        REQUIRE(reported);
        CHECK(reported->ok());
        const QString facilities = d.dir.path(QStringLiteral("facilities.csv"));
        Test::writeFile(facilities, QStringLiteral("name,code,category,address,phone,lon,lat\n"
                                                   "동네경로당,S001,경로당,서울특별시 서대문구 통일로 1,02-000-0001,%1,%2\n")
                                        .arg(lon, 0, 'f', 7)
                                        .arg(lat, 0, 'f', 7)
                                        .toUtf8());
        auto placed = Import::ImportService(*d.lead).facilities(facilities);
        REQUIRE(placed);
        CHECK(placed->ok());
    }
    sync(*d.lead);
    sync(*kim);
    sync(*lee);
    const auto leadRows = Test::syncedRows(*d.lead, d.officeA);
    const auto kimRows = Test::syncedRows(*kim, d.officeA);
    const auto leeRows = Test::syncedRows(*lee, d.officeA);
    for (const EntitySpec &spec : entitySpecs()) {
        INFO("synced kind " << spec.entity.toStdString());
        CHECK_FALSE(leadRows.value(spec.entity).isEmpty()); // every kind is compared, none vacuously
        INFO("kim: " << Test::firstDifference(kimRows.value(spec.entity), leadRows.value(spec.entity)));
        INFO("lee: " << Test::firstDifference(leeRows.value(spec.entity), leadRows.value(spec.entity)));
        CHECK(kimRows.value(spec.entity) == leadRows.value(spec.entity));
        CHECK(leeRows.value(spec.entity) == leadRows.value(spec.entity));
    }

    // The other office's caseworker: through the app, none of office A, of any synced kind.
    sync(*park);
    const auto parkRows = Test::syncedRows(*park, d.officeA);
    for (auto it = parkRows.cbegin(); it != parkRows.cend(); ++it) {
        INFO("synced kind " << it.key().toStdString());
        CHECK(it.value().isEmpty());
    }
    CHECK(count(*park, QStringLiteral("SELECT COUNT(*) FROM households WHERE office_code = '%1'").arg(d.officeA)) == 0);
    CHECK(count(*park, QStringLiteral("SELECT COUNT(*) FROM visits WHERE office_code = '%1'").arg(d.officeA)) == 0);
    CHECK(count(*park, QStringLiteral("SELECT COUNT(*) FROM persons WHERE office_code = '%1'").arg(d.officeA)) == 0);
    CHECK(count(*park, QStringLiteral("SELECT COUNT(*) FROM households")) ==
          count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM households WHERE office_code = '%1'").arg(d.officeB)));
    // And through plain SQL as that role.
    auto asPark = CentralConnection::open(d.central.conninfo, QStringLiteral("park"), pw);
    REQUIRE(asPark);
    for (const char *table : {"entities", "changes"}) {
        QSqlQuery q((*asPark)->db());
        REQUIRE(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(*) FILTER (WHERE office_code = '%1') FROM visitmap.%2")
                           .arg(d.officeA, QLatin1String(table))));
        REQUIRE(q.next());
        CHECK(q.value(0).toLongLong() > 0);
        CHECK(q.value(1).toLongLong() == 0);
    }
    QSqlQuery keys((*asPark)->db());
    REQUIRE(keys.exec(QStringLiteral("SELECT COUNT(*) FROM visitmap.key_grants WHERE office_code = '%1'").arg(d.officeA)));
    REQUIRE(keys.next());
    CHECK(keys.value(0).toInt() == 0);
}

TEST_CASE("A wrong password or no server: a clear message, local work untouched", "[sync]")
{
    District d;
    const QString household = d.lead->db().scalar(QStringLiteral("SELECT id FROM households LIMIT 1"))->toString();
    addVisit(*d.lead, household, d.lead->db().scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {household})->toString(),
             QStringLiteral("offline"));
    const qint64 pending = count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"));
    auto wrong = SyncService(*d.lead).syncAs(d.central.conninfo, QStringLiteral("demo-lead"), QStringLiteral("not-the-password-9"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::AuthFailed);
    CHECK(wrong.error().message.contains(QStringLiteral("refused the password")));
    auto none = SyncService(*d.lead).syncAs(QStringLiteral("host=127.0.0.1 port=1 dbname=visitmap connect_timeout=2"),
                                            QStringLiteral("demo-lead"), d.leadPassword);
    REQUIRE_FALSE(none);
    CHECK(none.error().message.contains(QStringLiteral("cannot reach the central store")));
    CHECK(count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")) == pending);
    auto st = SyncService(*d.lead).status();
    REQUIRE(st);
    CHECK(st->pending == pending);
    CHECK(st->lastError.contains(QStringLiteral("cannot reach")));
    CHECK(st->failure == SyncStatus::Failure::Unreachable);
    // A fresh store whose password the server refuses gets no account.
    auto empty = Test::openStore(d.dir.path(QStringLiteral("empty.visitmap")));
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    REQUIRE_FALSE(SyncService(*empty).syncAs(d.central.conninfo, QStringLiteral("kim"), QStringLiteral("guess-guess-1")));
    CHECK(count(*empty, QStringLiteral("SELECT COUNT(*) FROM staff WHERE name = 'kim'")) == 0);
}

TEST_CASE("A push cut off mid-way completes on the next sync with exact counts", "[sync]")
{
    District d;
    const qint64 total = count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM households")) +
                         count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM persons")) +
                         count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM visits"));
    REQUIRE(total > 1000);

    SECTION("the server's backend is terminated while it applies a batch")
    {
        // Each applied change takes 5 ms here, so a batch of 200 runs for a second; the backend is
        // terminated half a second into the third batch.
        QSqlQuery slow(d.central.admin->db());
        REQUIRE(slow.exec(QStringLiteral(
            "CREATE FUNCTION visitmap.slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.005); "
            "RETURN NEW; END $$; CREATE TRIGGER slow BEFORE INSERT ON visitmap.changes FOR EACH ROW EXECUTE "
            "FUNCTION visitmap.slow()")));
        std::thread killer;
        SyncOptions o;
        o.pushBatch = 200;
        o.afterPushCommitted = [&](int batch) -> Status {
            if (batch == 1) {
                killer = std::thread([conninfo = Test::PgServer::shared().adminConninfo()] {
                    QThread::msleep(500);
                    auto c = CentralConnection::open(conninfo);
                    if (!c)
                        return;
                    QSqlQuery k((*c)->db());
                    k.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                          "WHERE usename = 'demo-lead' AND state = 'active'"));
                });
            }
            return {};
        };
        auto cut = SyncService(*d.lead).syncAs(d.central.conninfo, QStringLiteral("demo-lead"), d.leadPassword, o);
        killer.join();
        REQUIRE_FALSE(cut);
        CHECK(cut.error().code == ErrorCode::Network);
        CHECK(d.central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.changes")) == 400);
        CHECK(count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL")) == 400);
        REQUIRE(slow.exec(QStringLiteral("DROP TRIGGER slow ON visitmap.changes")));

        const SyncReport again = sync(*d.lead);
        CHECK(again.duplicates == 0);
        CHECK(again.pushed + 400 == count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM outbox")));
    }
    SECTION("the connection drops after the server applied a batch, before this store heard back")
    {
        SyncOptions o;
        o.pushBatch = 300;
        o.afterPushCommitted = [](int batch) -> Status {
            if (batch == 1)
                return fail(ErrorCode::Network, QStringLiteral("connection lost (simulated)"));
            return {};
        };
        auto cut = SyncService(*d.lead).syncAs(d.central.conninfo, QStringLiteral("demo-lead"), d.leadPassword, o);
        REQUIRE_FALSE(cut);
        CHECK(d.central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.changes")) == 600);
        CHECK(count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL")) == 300);
        const SyncReport again = sync(*d.lead);
        CHECK(again.duplicates == 300); // the unacknowledged batch, applied once
        CHECK(again.pushed + 600 == count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM outbox")));
    }
    // Either way: every change exactly once, nothing left to send.
    const qint64 outbox = count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM outbox"));
    CHECK(d.central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.changes")) == outbox);
    CHECK(d.central.count(QStringLiteral("SELECT COUNT(DISTINCT change_id) FROM visitmap.changes")) == outbox);
    CHECK(count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")) == 0);
    CHECK(d.central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.entities WHERE entity = 'visit'")) ==
          count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM visits")));
}

TEST_CASE("A push that starts while another is open waits for it, so revisions commit in order and a pull skips none",
          "[sync]")
{
    District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    d.central.user(QStringLiteral("lee"), QStringLiteral("caseworker"), {d.officeA});
    const QString household = d.lead->db().scalar(QStringLiteral("SELECT id FROM households WHERE office_code = ? LIMIT 1"),
                                                  {d.officeA})->toString();
    auto visit = [&](const QString &id) {
        return QStringLiteral("[{\"change_id\":\"%1\",\"entity\":\"visit\",\"entity_id\":\"%2\",\"office_code\":\"%3\","
                              "\"op\":\"append\",\"payload\":{\"id\":\"%2\",\"household_id\":\"%4\",\"office_code\":\"%3\","
                              "\"kind\":\"visit\",\"at\":\"2026-11-24T01:00:00Z\",\"outcome\":\"met\",\"notes\":\"\","
                              "\"staff_present\":\"\",\"met_whom\":\"\",\"created_at\":\"2026-11-24T01:00:00Z\"},"
                              "\"base\":{}}]")
            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), id, d.officeA, household);
    };
    const QString first = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString second = QUuid::createUuid().toString(QUuid::WithoutBraces);

    // kim's push starts first and stays open; lee's starts while it is open.
    auto kim = CentralConnection::open(d.central.conninfo, QStringLiteral("kim"), pw);
    REQUIRE(kim);
    QSqlQuery a((*kim)->db());
    REQUIRE(a.exec(QStringLiteral("BEGIN")));
    REQUIRE(a.prepare(QStringLiteral("SELECT visitmap.push(?::jsonb)")));
    a.addBindValue(visit(first));
    REQUIRE(a.exec());
    std::atomic<bool> leeFinished = false;
    std::atomic<bool> leeDone = false;
    std::thread lee([&] {
        auto c = CentralConnection::open(d.central.conninfo, QStringLiteral("lee"), pw);
        if (!c) {
            leeFinished = true;
            return;
        }
        QSqlQuery b((*c)->db());
        b.prepare(QStringLiteral("SELECT visitmap.push(?::jsonb)"));
        b.addBindValue(visit(second));
        leeDone = b.exec();
        leeFinished = true;
    });
    QThread::msleep(400);
    // lee's push, started after kim's, has not committed ahead of it: it waits for kim's to end.
    // (Were it to commit first, with the later revision, a pull would pass kim's revision by.)
    CHECK_FALSE(leeFinished);
    // Meanwhile the lead pulls: neither is visible, and the lead's revision does not pass them.
    const SyncReport during = sync(*d.lead);
    CHECK(during.pulled == 0);
    REQUIRE(a.exec(QStringLiteral("COMMIT")));
    lee.join();
    CHECK(leeDone);
    // The revisions follow the commits: kim's (committed first) is the lower.
    CHECK(d.central.count(QStringLiteral("SELECT rev FROM visitmap.changes WHERE entity_id = '%1'").arg(first))
          < d.central.count(QStringLiteral("SELECT rev FROM visitmap.changes WHERE entity_id = '%1'").arg(second)));
    const SyncReport after = sync(*d.lead);
    CHECK(after.pulled == 2);
    CHECK(count(*d.lead, QStringLiteral("SELECT COUNT(*) FROM visits WHERE id IN ('%1','%2')").arg(first, second)) == 2);
}

TEST_CASE("A field two people changed from the same value becomes one conflict, resolved as an edit", "[sync]")
{
    District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    d.central.user(QStringLiteral("lee"), QStringLiteral("caseworker"), {d.officeA});
    auto kim = d.fresh(QStringLiteral("kim"));
    auto lee = d.fresh(QStringLiteral("lee"));
    const QString household = kim->db().scalar(QStringLiteral("SELECT id FROM households WHERE risk_override IS NULL "
                                                               "ORDER BY id LIMIT 1"))->toString();
    Storage::RiskStore kimRisk(kim->db()), leeRisk(lee->db());
    REQUIRE_OK(kimRisk.setOverride(household, RiskTier::High, QStringLiteral("이웃 신고: 단전"), kim->journal(), kim->visitCycle()));
    REQUIRE_OK(leeRisk.setOverride(household, RiskTier::Low, QStringLiteral("방문 결과 안정"), lee->journal(), lee->visitCycle()));
    CHECK(sync(*kim).conflicts == 0);
    const SyncReport leeSync = sync(*lee);
    CHECK(leeSync.conflicts == 1);

    auto open = ConflictStore(*lee).open();
    REQUIRE(open);
    REQUIRE(open->size() == 1);
    const Conflict c = open->first();
    CHECK(c.field == QStringLiteral("risk_override"));
    CHECK(c.base.isNull());
    CHECK(c.mine.toString() == QStringLiteral("low"));
    CHECK(c.theirs.toString() == QStringLiteral("high"));
    CHECK(c.theirsBy == QStringLiteral("kim"));
    CHECK(c.householdId == household);
    // Until it is resolved, lee's store shows what the central store kept.
    CHECK(lee->db().scalar(QStringLiteral("SELECT risk_override FROM households WHERE id = ?"), {household})->toString()
          == QStringLiteral("high"));

    REQUIRE_OK(ConflictStore(*lee).resolve(c.id, Resolution::Mine));
    CHECK(ConflictStore(*lee).open()->isEmpty());
    CHECK(sync(*lee).pushed == 1);
    sync(*kim);
    CHECK(kim->db().scalar(QStringLiteral("SELECT risk_override FROM households WHERE id = ?"), {household})->toString()
          == QStringLiteral("low"));
    CHECK(ConflictStore(*kim).open()->isEmpty());
}
