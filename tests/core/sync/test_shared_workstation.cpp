// SPDX-License-Identifier: GPL-3.0-or-later
// Colleagues who share a workstation, each with a local account on one store: a sync sends what
// its account wrote; another account's changes wait for that account's sync, and a change that
// needs one of them first waits with it.
#include "support/syncfixture.h"

#include "model/visit.h"
#include "storage/householdstore.h"
#include "storage/quarantinestore.h"
#include "storage/visitstore.h"

#include <QSqlQuery>

using namespace VisitMap;
using namespace VisitMap::Sync;
using Test::Central;
using Test::District;

namespace {

const QString pw = QString::fromLatin1(Central::staffPassword);

SyncReport syncAs(Workspace &ws, const QString &name)
{
    auto r = SyncService(ws).syncAs(Test::PgServer::shared().conninfo(), name, pw);
    if (!r)
        FAIL(r.error().toString().toStdString());
    return *r;
}

void signIn(Workspace &ws, const QString &name)
{
    auto s = ws.signIn(name, pw);
    if (!s)
        FAIL(s.error().toString().toStdString());
}

QString
addVisit(Workspace &ws, const QString &household, const QString &office, const QString &notes)
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

// kim's store, where lee has a local account too; both hold office A's key.
struct SharedPc
{
    District d;
    std::unique_ptr<Workspace> ws;
    QString household;

    SharedPc()
    {
        d.syncLead();
        d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
        d.central.user(QStringLiteral("lee"), QStringLiteral("caseworker"), {d.officeA});
        ws = d.fresh(QStringLiteral("kim"));
        CHECK(syncAs(*ws, QStringLiteral("lee")).enrolled);
        CHECK(d.syncLead().keysSealed == 2);
        CHECK(syncAs(*ws, QStringLiteral("kim")).keysReceived == 1);
        syncAs(*ws, QStringLiteral("lee"));
        CHECK(ws->session()->name() == QStringLiteral("lee"));
        CHECK(ws->session()->keyring.has(d.officeA));
        auto h = ws->db().scalar(QStringLiteral("SELECT id FROM households ORDER BY id LIMIT 1"));
        REQUIRE(h);
        household = h->toString();
        REQUIRE_FALSE(household.isEmpty());
    }

    qint64 central(const QString &sql) const { return d.central.count(sql); }
    qint64 local(const QString &sql) const { return Test::count(*ws, sql); }
    qint64 onServer(const QString &entity, const QString &id, const QString &author) const
    {
        return central(
            QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE entity = '%1' AND "
                           "entity_id = '%2' AND author = '%3'")
                .arg(entity, id, author));
    }
};

} // namespace

TEST_CASE("On a shared workstation a sync sends only its account's changes, a colleague's wait "
          "unrefused for the colleague's own sync",
          "[sync][shared-workstation]")
{
    SharedPc pc;
    signIn(*pc.ws, QStringLiteral("kim"));
    const QString kims = addVisit(*pc.ws, pc.household, pc.d.officeA, QStringLiteral("김 방문"));
    signIn(*pc.ws, QStringLiteral("lee"));
    const QString lees = addVisit(*pc.ws, pc.household, pc.d.officeA, QStringLiteral("이 방문"));

    const SyncReport lee = syncAs(*pc.ws, QStringLiteral("lee"));
    CHECK(lee.pushed == 1);
    CHECK(lee.quarantined == 0);
    CHECK(lee.waitingForOthers == 1);
    CHECK(lee.heldForOthers == 0);
    CHECK(pc.onServer(QStringLiteral("visit"), lees, QStringLiteral("lee")) == 1);
    CHECK(pc.central(QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE entity_id = '%1'")
                         .arg(kims))
          == 0);
    CHECK(pc.central(QStringLiteral("SELECT COUNT(*) FROM visitmap.refused_changes")) == 0);
    CHECK(*QuarantineStore(pc.ws->db()).count() == 0);
    CHECK(pc.local(QStringLiteral(
                       "SELECT COUNT(*) FROM outbox WHERE entity_id = '%1' AND sent_at IS NULL")
                       .arg(kims))
          == 1);
    auto status = SyncService(*pc.ws).status();
    REQUIRE(status);
    CHECK(status->pending == 1);
    CHECK(status->waitingForOthers == 1);
    CHECK(status->quarantined == 0);

    // kim's own sync sends it, once.
    signIn(*pc.ws, QStringLiteral("kim"));
    const SyncReport kim = syncAs(*pc.ws, QStringLiteral("kim"));
    CHECK(kim.pushed == 1);
    CHECK(kim.duplicates == 0);
    CHECK(kim.waitingForOthers == 0);
    CHECK(kim.quarantined == 0);
    CHECK(syncAs(*pc.ws, QStringLiteral("kim")).pushed == 0);
    CHECK(pc.onServer(QStringLiteral("visit"), kims, QStringLiteral("kim")) == 1);
    CHECK(pc.central(QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE entity_id = '%1'")
                         .arg(kims))
          == 1);
    CHECK(pc.central(
              QStringLiteral(
                  "SELECT COUNT(*) FROM visitmap.entities WHERE entity = 'visit' AND entity_id "
                  "IN ('%1', '%2') AND data->>'created_by' = CASE entity_id WHEN '%1' THEN 'kim' "
                  "ELSE 'lee' END")
                  .arg(kims, lees))
          == 2);
    CHECK(SyncService(*pc.ws).status()->pending == 0);
    CHECK(pc.central(QStringLiteral("SELECT COUNT(*) FROM visitmap.refused_changes")) == 0);
}

TEST_CASE(
    "On a shared workstation a change that needs a colleague's unsent change waits for it and "
    "then goes in order, without a conflict",
    "[sync][shared-workstation]")
{
    SharedPc pc;
    Storage::HouseholdStore households(pc.ws->db());
    signIn(*pc.ws, QStringLiteral("kim"));
    const QString kims = addVisit(*pc.ws, pc.household, pc.d.officeA, QStringLiteral("김 방문"));
    REQUIRE(households.assign({pc.household}, QStringLiteral("kim"), pc.ws->journal()));
    // lee strikes out kim's visit (not on the central store yet) and takes the household over
    // from kim (an edit made from kim's unsent value); lee's own visit needs nothing of kim's.
    signIn(*pc.ws, QStringLiteral("lee"));
    REQUIRE_OK(Storage::VisitStore(pc.ws->db())
                   .voidVisit(kims, QStringLiteral("다른 가구 방문을 잘못 입력"), pc.ws->journal(),
                              pc.ws->visitCycle()));
    REQUIRE(households.assign({pc.household}, QStringLiteral("lee"), pc.ws->journal()));
    const QString lees = addVisit(*pc.ws, pc.household, pc.d.officeA, QStringLiteral("이 방문"));

    const SyncReport lee = syncAs(*pc.ws, QStringLiteral("lee"));
    CHECK(lee.pushed == 1);
    CHECK(lee.waitingForOthers == 2);
    CHECK(lee.heldForOthers == 2);
    CHECK(lee.quarantined == 0);
    CHECK(lee.conflicts == 0);
    CHECK(pc.onServer(QStringLiteral("visit"), lees, QStringLiteral("lee")) == 1);
    CHECK(pc.central(QStringLiteral(
              "SELECT COUNT(*) FROM visitmap.changes WHERE author = 'lee' AND entity "
              "IN ('void', 'household')"))
          == 0);
    CHECK(pc.central(QStringLiteral("SELECT COUNT(*) FROM visitmap.refused_changes")) == 0);
    CHECK(SyncService(*pc.ws).status()->heldForOthers == 2);
    // The local record keeps lee's value while it waits (the pull leaves an unsent field alone).
    CHECK(pc.ws->db()
              .scalar(QStringLiteral("SELECT assigned_worker FROM households WHERE id = ?"),
                      {pc.household})
              ->toString()
          == QStringLiteral("lee"));

    signIn(*pc.ws, QStringLiteral("kim"));
    const SyncReport kim = syncAs(*pc.ws, QStringLiteral("kim"));
    CHECK(kim.pushed == 2);
    CHECK(kim.waitingForOthers == 2); // lee's, free to go now
    CHECK(kim.heldForOthers == 0);

    signIn(*pc.ws, QStringLiteral("lee"));
    const SyncReport after = syncAs(*pc.ws, QStringLiteral("lee"));
    CHECK(after.pushed == 2);
    CHECK(after.waitingForOthers == 0);
    CHECK(after.heldForOthers == 0);
    CHECK(after.quarantined == 0);
    CHECK(after.conflicts == 0);
    CHECK(pc.central(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.entities WHERE entity = 'void' AND "
                             "data->>'entity_id' = '%1' AND data->>'created_by' = 'lee'")
                  .arg(kims))
          == 1);
    CHECK(pc.central(QStringLiteral(
                         "SELECT COUNT(*) FROM visitmap.entities WHERE entity = 'household' AND "
                         "entity_id = '%1' AND data->>'assigned_worker' = 'lee'")
                         .arg(pc.household))
          == 1);
    // kim's edit went first, lee's after it: the server saw lee's made from kim's value.
    CHECK(pc.central(QStringLiteral("SELECT COUNT(*) FROM visitmap.conflicts")) == 0);
    CHECK(pc.central(QStringLiteral("SELECT COUNT(*) FROM visitmap.refused_changes")) == 0);
    CHECK(SyncService(*pc.ws).status()->pending == 0);
}
