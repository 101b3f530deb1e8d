// SPDX-License-Identifier: GPL-3.0-or-later
// The central store refuses forged writes: every pushed change is checked against its kind and
// its sender, keys are taken only from holders in the right shape, and a workstation sets aside a
// pulled change that does not apply instead of stopping.
#include "support/syncfixture.h"

#include "model/visit.h"
#include "storage/entitymap.h"
#include "storage/quarantinestore.h"
#include "storage/visitstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace VisitMap;
using namespace VisitMap::Sync;
using Test::Central;
using Test::District;

namespace {

const QString officeA = QStringLiteral("1141052000");
const QString officeB = QStringLiteral("1141053000");
const QString pw = QString::fromLatin1(Central::staffPassword);

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::unique_ptr<CentralConnection> as(const QString &name,
                                      const QString &dbname = QStringLiteral("postgres"))
{
    QString conninfo = Test::PgServer::shared().conninfo();
    conninfo.replace(QStringLiteral("dbname=postgres"), QStringLiteral("dbname=") + dbname);
    auto c = CentralConnection::open(conninfo, name, pw);
    if (!c)
        FAIL(c.error().message.toStdString());
    return std::move(*c);
}

QJsonObject change(const QString &entity,
                   const QString &id,
                   const QString &office,
                   const QString &op,
                   const QJsonObject &payload,
                   const QJsonObject &base = {})
{
    return {{QStringLiteral("change_id"), uuid()},
            {QStringLiteral("entity"), entity},
            {QStringLiteral("entity_id"), id},
            {QStringLiteral("office_code"), office},
            {QStringLiteral("op"), op},
            {QStringLiteral("payload"), payload},
            {QStringLiteral("base"), base}};
}

// The server's answer, or the error as "SQLSTATE message".
Result<QJsonObject> push(CentralConnection &c, const QJsonArray &batch)
{
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral("SELECT visitmap.push(?::jsonb)"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact)));
    if (!q.exec() || !q.next())
        return fail(ErrorCode::Sql,
                    q.lastError().nativeErrorCode() + u' ' + q.lastError().databaseText());
    return QJsonDocument::fromJson(q.value(0).toByteArray()).object();
}

// The reason the server gave for refusing the only change of a batch ("" when it took it).
QString refusal(CentralConnection &c, const QJsonObject &one)
{
    auto r = push(c, {one});
    if (!r)
        FAIL(r.error().message.toStdString());
    const QJsonArray refused = r->value(QStringLiteral("refused")).toArray();
    if (refused.isEmpty())
        return {};
    return refused.first().toObject().value(QStringLiteral("reason")).toString();
}

QJsonObject visitPayload(const QString &id, const QString &household, const QString &office)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("household_id"), household},
            {QStringLiteral("office_code"), office},
            {QStringLiteral("kind"), QStringLiteral("visit")},
            {QStringLiteral("at"), QStringLiteral("2026-11-24T01:00:00Z")},
            {QStringLiteral("outcome"), QStringLiteral("met")},
            {QStringLiteral("notes"), QStringLiteral("안부 확인")},
            {QStringLiteral("created_at"), QStringLiteral("2026-11-24T01:00:00Z")}};
}

// Offices A and B on the central store, a household in each; kim and lee (A), park (B).
struct Offices
{
    Central central;
    QString householdA = uuid();
    QString householdB = uuid();

    Offices()
    {
        central.user(QStringLiteral("choi"), QStringLiteral("team_lead"),
                     {QStringLiteral("11410")});
        central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {officeA});
        central.user(QStringLiteral("lee"), QStringLiteral("caseworker"), {officeA});
        central.user(QStringLiteral("park"), QStringLiteral("caseworker"), {officeB});
        auto choi = as(QStringLiteral("choi"));
        QJsonArray batch;
        for (const QString &o : {officeA, officeB})
            batch.append(change(QStringLiteral("office"), o, o, QStringLiteral("insert"),
                                {{QStringLiteral("code"), o}}));
        batch.append(
            change(QStringLiteral("household"), householdA, officeA, QStringLiteral("insert"),
                   {{QStringLiteral("id"), householdA}, {QStringLiteral("office_code"), officeA}}));
        batch.append(
            change(QStringLiteral("household"), householdB, officeB, QStringLiteral("insert"),
                   {{QStringLiteral("id"), householdB}, {QStringLiteral("office_code"), officeB}}));
        auto r = push(*choi, batch);
        REQUIRE(r);
        REQUIRE(r->value(QStringLiteral("applied")).toInt() == 4);
    }

    QString data(const QString &entity, const QString &id, const QString &field) const
    {
        QSqlQuery q(central.admin->db());
        q.prepare(QStringLiteral(
            "SELECT data->>? FROM visitmap.entities WHERE entity = ? AND entity_id = ?"));
        q.addBindValue(field);
        q.addBindValue(entity);
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return QStringLiteral("(none)");
        return q.value(0).toString();
    }
};

} // namespace

TEST_CASE(
    "A visit is append-only on the central store: an update or a second append of it is refused",
    "[sync][push-validation]")
{
    Offices o;
    auto kim = as(QStringLiteral("kim"));
    auto lee = as(QStringLiteral("lee"));
    const QString visit = uuid();
    CHECK(refusal(*kim, change(QStringLiteral("visit"), visit, officeA, QStringLiteral("append"),
                               visitPayload(visit, o.householdA, officeA)))
              .isEmpty());
    // A colleague rewrites the notes and the outcome: refused, the visit stays as kim logged it.
    QJsonObject forged{{QStringLiteral("notes"), QStringLiteral("방문 안 함")},
                       {QStringLiteral("outcome"), QStringLiteral("absent")}};
    const QString update = refusal(
        *lee, change(QStringLiteral("visit"), visit, officeA, QStringLiteral("update"), forged));
    CHECK(update.contains(QStringLiteral("allows append, not update")));
    CHECK(update.contains(QStringLiteral("append-only")));
    QJsonObject rewritten = visitPayload(visit, o.householdA, officeA);
    rewritten.insert(QStringLiteral("notes"), QStringLiteral("방문 안 함"));
    const QString again = refusal(
        *lee, change(QStringLiteral("visit"), visit, officeA, QStringLiteral("append"), rewritten));
    CHECK(again.contains(QStringLiteral("exists: it is append-only")));
    CHECK(o.data(QStringLiteral("visit"), visit, QStringLiteral("notes"))
          == QStringLiteral("안부 확인"));
    CHECK(o.data(QStringLiteral("visit"), visit, QStringLiteral("outcome"))
          == QStringLiteral("met"));
    CHECK(o.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE entity_id = '%1'")
                  .arg(visit))
          == 1);
    // A signal's content is never edited, not even by "inserting" it again; its match may change.
    const QString signal = uuid();
    const QJsonObject round{{QStringLiteral("id"), signal},
                            {QStringLiteral("office_code"), officeA},
                            {QStringLiteral("item_code"), QStringLiteral("단전")},
                            {QStringLiteral("value"), QStringLiteral("3개월")}};
    CHECK(refusal(*kim, change(QStringLiteral("signal"), signal, officeA, QStringLiteral("append"),
                               round))
              .isEmpty());
    QJsonObject emptied = round;
    emptied.insert(QStringLiteral("value"), QStringLiteral("0개월"));
    CHECK(refusal(*lee, change(QStringLiteral("signal"), signal, officeA, QStringLiteral("insert"),
                               emptied))
          == QStringLiteral("a change of a signal that exists may not set value"));
    CHECK(refusal(*lee, change(QStringLiteral("signal"), signal, officeA, QStringLiteral("update"),
                               {{QStringLiteral("household_id"), o.householdA},
                                {QStringLiteral("match_status"), QStringLiteral("matched")}}))
              .isEmpty());
    CHECK(o.data(QStringLiteral("signal"), signal, QStringLiteral("value"))
          == QStringLiteral("3개월"));
    // The administrator sees what was refused, and who tried.
    CHECK(o.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.refused_changes WHERE entity_id = '%1' "
                             "AND author = 'lee'")
                  .arg(visit))
          == 2);
}

TEST_CASE("A new record's author is its sender: a created_by naming someone else is refused, none "
          "is filled in",
          "[sync][push-validation]")
{
    Offices o;
    auto kim = as(QStringLiteral("kim"));
    const QString forged = uuid();
    QJsonObject p = visitPayload(forged, o.householdA, officeA);
    p.insert(QStringLiteral("created_by"), QStringLiteral("lee"));
    CHECK(
        refusal(*kim, change(QStringLiteral("visit"), forged, officeA, QStringLiteral("append"), p))
        == QStringLiteral("created_by names lee, but the change comes from kim"));
    CHECK(o.data(QStringLiteral("visit"), forged, QStringLiteral("id"))
          == QStringLiteral("(none)"));

    const QString honest = uuid();
    CHECK(refusal(*kim, change(QStringLiteral("visit"), honest, officeA, QStringLiteral("append"),
                               visitPayload(honest, o.householdA, officeA)))
              .isEmpty());
    CHECK(o.data(QStringLiteral("visit"), honest, QStringLiteral("created_by"))
          == QStringLiteral("kim"));
    // Nor can an edit change who made a record.
    CHECK(refusal(*kim, change(QStringLiteral("household"), o.householdA, officeA,
                               QStringLiteral("update"),
                               {{QStringLiteral("created_by"), QStringLiteral("lee")}}))
              .contains(QStringLiteral("does not change")));
}

TEST_CASE("A change whose payload names another office, or an office not granted, is refused and "
          "lands nowhere",
          "[sync][push-validation]")
{
    Offices o;
    auto kim = as(QStringLiteral("kim"));
    const QString household = uuid();
    const QString mismatch = refusal(
        *kim,
        change(QStringLiteral("household"), household, officeA, QStringLiteral("insert"),
               {{QStringLiteral("id"), household}, {QStringLiteral("office_code"), officeB}}));
    CHECK(mismatch
          == QStringLiteral("the payload's office_code %1 differs from the change's office %2")
                 .arg(officeB, officeA));
    CHECK(o.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.entities WHERE entity_id = '%1'")
                  .arg(household))
          == 0);
    CHECK(refusal(
              *kim,
              change(QStringLiteral("household"), household, officeB, QStringLiteral("insert"),
                     {{QStringLiteral("id"), household}, {QStringLiteral("office_code"), officeB}}))
          == QStringLiteral("office %1 is not granted to kim").arg(officeB));
    // Moving a household of A into B by filing the change under B: refused too.
    auto choi = as(QStringLiteral("choi"));
    CHECK(
        refusal(*choi, change(QStringLiteral("household"), o.householdA, officeB,
                              QStringLiteral("update"), {{QStringLiteral("office_code"), officeB}}))
            .contains(QStringLiteral("belongs to office %1").arg(officeA)));
    CHECK(o.data(QStringLiteral("household"), o.householdA, QStringLiteral("office_code"))
          == officeA);
}

TEST_CASE("A change of an unknown kind or naming a record that is not there is refused, the rest "
          "of the batch applies",
          "[sync][push-validation]")
{
    Offices o;
    auto kim = as(QStringLiteral("kim"));
    const QString ghost = uuid(), dangling = uuid(), crossOffice = uuid(), good = uuid();
    auto r = push(*kim,
                  {change(QStringLiteral("invented"), ghost, officeA, QStringLiteral("insert"),
                          {{QStringLiteral("x"), 1}}),
                   change(QStringLiteral("visit"), dangling, officeA, QStringLiteral("append"),
                          visitPayload(dangling, uuid(), officeA)),
                   change(QStringLiteral("visit"), crossOffice, officeA, QStringLiteral("append"),
                          visitPayload(crossOffice, o.householdB, officeA)),
                   change(QStringLiteral("visit"), good, officeA, QStringLiteral("append"),
                          visitPayload(good, o.householdA, officeA))});
    REQUIRE(r);
    CHECK(r->value(QStringLiteral("applied")).toInt() == 1);
    const QJsonArray refused = r->value(QStringLiteral("refused")).toArray();
    REQUIRE(refused.size() == 3);
    CHECK(refused[0].toObject().value(QStringLiteral("reason")).toString()
          == QStringLiteral("invented is not a kind of record the central store keeps"));
    CHECK(refused[1]
              .toObject()
              .value(QStringLiteral("reason"))
              .toString()
              .contains(QStringLiteral("which the central store does not hold")));
    CHECK(refused[2].toObject().value(QStringLiteral("reason")).toString()
          == QStringLiteral("visit %1 of office %2 refers to household %3 of office %4")
                 .arg(crossOffice, officeA, o.householdB, officeB));
    CHECK(o.central.count(
              QStringLiteral(
                  "SELECT COUNT(*) FROM visitmap.entities WHERE entity_id IN ('%1','%2','%3')")
                  .arg(ghost, dangling, crossOffice))
          == 0);
    CHECK(o.data(QStringLiteral("visit"), good, QStringLiteral("outcome"))
          == QStringLiteral("met"));
    // A void strikes out only a record of its own office that exists.
    const QString strike = uuid();
    CHECK(refusal(*kim, change(QStringLiteral("void"), strike, officeA, QStringLiteral("append"),
                               {{QStringLiteral("id"), strike},
                                {QStringLiteral("entity"), QStringLiteral("visit")},
                                {QStringLiteral("entity_id"), uuid()},
                                {QStringLiteral("office_code"), officeA}}))
              .contains(QStringLiteral("which the central store does not hold")));
}

TEST_CASE("An oversized push is refused whole, and the revision lock is not taken to check a batch",
          "[sync][push-validation]")
{
    Offices o;
    auto kim = as(QStringLiteral("kim"));
    QJsonArray many;
    for (int i = 0; i < 1001; ++i) {
        const QString id = uuid();
        many.append(change(QStringLiteral("visit"), id, officeA, QStringLiteral("append"),
                           visitPayload(id, o.householdA, officeA)));
    }
    auto tooMany = push(*kim, many);
    REQUIRE_FALSE(tooMany);
    CHECK(tooMany.error().message.startsWith(QStringLiteral("54000")));
    CHECK(tooMany.error().message.contains(QStringLiteral("at most 1000 changes")));
    const QString big = uuid();
    QJsonObject huge = visitPayload(big, o.householdA, officeA);
    huge.insert(QStringLiteral("notes"),
                QString(11 * 1024 * 1024 + 1, u'가')); // 3 bytes each in UTF-8
    auto tooBig = push(
        *kim, {change(QStringLiteral("visit"), big, officeA, QStringLiteral("append"), huge)});
    REQUIRE_FALSE(tooBig);
    CHECK(tooBig.error().message.contains(QStringLiteral("at most 32 MB")));
    CHECK(o.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE author = 'kim'"))
          == 0);

    // Someone holds the revision lock: a batch of 1,000 forged changes is still checked and refused
    // at once, without waiting for it.
    QSqlQuery hold(o.central.admin->db());
    REQUIRE(hold.exec(QStringLiteral("SELECT pg_advisory_lock(hashtext('visitmap.revision'))")));
    QSqlQuery timeout(kim->db());
    REQUIRE(timeout.exec(QStringLiteral("SET statement_timeout = '3s'")));
    QJsonArray forged;
    for (int i = 0; i < 1000; ++i)
        forged.append(change(QStringLiteral("invented"), uuid(), officeA, QStringLiteral("insert"),
                             {{QStringLiteral("n"), i}}));
    auto checked = push(*kim, forged);
    REQUIRE(hold.exec(QStringLiteral("SELECT pg_advisory_unlock(hashtext('visitmap.revision'))")));
    REQUIRE(checked);
    CHECK(checked->value(QStringLiteral("refused")).toArray().size() == 1000);
}

TEST_CASE("put_keys takes a sealed key only from a holder of the office key and only in a sealed "
          "key's shape",
          "[sync][push-validation]")
{
    Offices o;
    auto kim = as(QStringLiteral("kim"));
    auto lee = as(QStringLiteral("lee"));
    // Public keys for both, and an office key that kim made (so kim holds it); lee holds none.
    for (auto *c : {kim.get(), lee.get()}) {
        QSqlQuery q(c->db());
        REQUIRE(q.prepare(QStringLiteral("SELECT visitmap.set_account_keys(?, ?, ?, false)")));
        q.addBindValue(QByteArray(32, c == kim.get() ? 'k' : 'l'));
        q.addBindValue(QByteArray(72, 'w'));
        q.addBindValue(QByteArray(16, 's'));
        REQUIRE(q.exec());
    }
    auto put = [](CentralConnection &c, const QString &to, const QByteArray &sealed) {
        QSqlQuery q(c.db());
        q.prepare(QStringLiteral("SELECT visitmap.put_keys(?, ?, ?::jsonb)"));
        q.addBindValue(officeA);
        q.addBindValue(QByteArray(32, 'c'));
        q.addBindValue(QString::fromUtf8(
            QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("role_name"), to},
                                                 {QStringLiteral("sealed_key"),
                                                  QString::fromLatin1(sealed.toBase64())}}})
                .toJson(QJsonDocument::Compact)));
        return q.exec() ? QString()
                        : q.lastError().nativeErrorCode() + u' ' + q.lastError().databaseText();
    };
    QSqlQuery make(kim->db());
    REQUIRE(make.prepare(QStringLiteral("SELECT visitmap.put_keys(?, ?, '[]'::jsonb)")));
    make.addBindValue(officeA);
    make.addBindValue(QByteArray(32, 'c'));
    REQUIRE(make.exec());
    // lee holds no key of the office: cannot seal one for kim (or anybody).
    const QString notHolder = put(*lee, QStringLiteral("kim"), QByteArray(80, 'x'));
    CHECK(notHolder.startsWith(QStringLiteral("42501")));
    CHECK(notHolder.contains(QStringLiteral("only an account that holds the key")));
    // kim holds it, but 40 bytes are no sealed office key.
    const QString shape = put(*kim, QStringLiteral("lee"), QByteArray(40, 'x'));
    CHECK(shape.contains(QStringLiteral("is not a sealed office key (40 bytes, not 80)")));
    CHECK(o.central.count(QStringLiteral("SELECT COUNT(*) FROM visitmap.key_grants")) == 0);
    CHECK(put(*kim, QStringLiteral("lee"), QByteArray(80, 'x')).isEmpty());
    CHECK(o.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.key_grants WHERE role_name = 'lee'"))
          == 1);
}

TEST_CASE("covers() answers only for the caller, and keyless lists colleagues only to a holder of "
          "the key",
          "[sync][push-validation]")
{
    Offices o;
    auto kim = as(QStringLiteral("kim"));
    QSqlQuery q(kim->db());
    REQUIRE(q.exec(QStringLiteral("SELECT visitmap.covers('kim', '%1')").arg(officeA)));
    REQUIRE(q.next());
    CHECK(q.value(0).toBool());
    CHECK_FALSE(q.exec(QStringLiteral("SELECT visitmap.covers('park', '%1')").arg(officeB)));
    CHECK(q.lastError().nativeErrorCode() == QStringLiteral("42501"));
    // The office has a key that kim does not hold: kim learns nothing of who lacks one.
    QSqlQuery k(o.central.admin->db());
    REQUIRE(k.exec(QStringLiteral(
        "UPDATE visitmap.staff SET public_key = '\\x01' WHERE role_name IN ('kim', 'lee')")));
    REQUIRE(k.exec(
        QStringLiteral("INSERT INTO visitmap.office_keys VALUES ('%1', '\\x02', 'choi', now())")
            .arg(officeA)));
    REQUIRE(
        q.exec(QStringLiteral("SELECT COUNT(*) FROM visitmap.keyless(ARRAY['%1'])").arg(officeA)));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 0);
    auto choi = as(QStringLiteral("choi"));
    QSqlQuery c(choi->db());
    REQUIRE(
        c.exec(QStringLiteral("SELECT COUNT(*) FROM visitmap.keyless(ARRAY['%1'])").arg(officeA)));
    REQUIRE(c.next());
    CHECK(c.value(0).toInt() == 2);
}

TEST_CASE("A staff role connects to the VisitMap database only, not to postgres or template1",
          "[sync][push-validation]")
{
    Offices o;
    // In the test server the VisitMap database is postgres itself: template1 is another one.
    auto refused = CentralConnection::open(
        QString(Test::PgServer::shared().conninfo())
            .replace(QStringLiteral("dbname=postgres"), QStringLiteral("dbname=template1")),
        QStringLiteral("kim"), pw);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("CONNECT")));
    // A VisitMap database of its own: migrated there, staff may no longer connect to postgres.
    QSqlQuery admin(o.central.admin->db());
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS visitmap_connect"));
    REQUIRE(admin.exec(QStringLiteral("CREATE DATABASE visitmap_connect")));
    {
        auto other
            = CentralConnection::open(QString(Test::PgServer::shared().adminConninfo())
                                          .replace(QStringLiteral("dbname=postgres"),
                                                   QStringLiteral("dbname=visitmap_connect")));
        REQUIRE(other);
        REQUIRE(ServerAdmin(**other).migrate());
    }
    {
        auto there = as(QStringLiteral("kim"), QStringLiteral("visitmap_connect"));
        CHECK(there->db().isOpen());
    }
    auto postgres
        = CentralConnection::open(Test::PgServer::shared().conninfo(), QStringLiteral("kim"), pw);
    CHECK_FALSE(postgres);
    // Back to the test server's own arrangement (server-init puts it back in place).
    REQUIRE(admin.exec(QStringLiteral("DROP DATABASE visitmap_connect WITH (FORCE)")));
    REQUIRE(ServerAdmin(*o.central.admin).migrate());
    CHECK(CentralConnection::open(Test::PgServer::shared().conninfo(), QStringLiteral("kim"), pw));
}

namespace {

SyncReport syncAs(Workspace &ws, const QString &name)
{
    auto r = SyncService(ws).syncAs(Test::PgServer::shared().conninfo(), name, pw);
    if (!r)
        FAIL(r.error().toString().toStdString());
    return *r;
}

// A row the central store holds that a workstation cannot apply (written before the checks, or
// by hand): appended as the administrator.
void plant(Central &central,
           const QString &entity,
           const QString &id,
           const QString &office,
           const QJsonObject &data)
{
    QSqlQuery q(central.admin->db());
    const QString json = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    REQUIRE(q.prepare(QStringLiteral(
        "INSERT INTO visitmap.entities VALUES (?, ?, ?, ?::jsonb, nextval('visitmap.revision'), "
        "now(), 'mallory')")));
    q.addBindValue(entity);
    q.addBindValue(id);
    q.addBindValue(office);
    q.addBindValue(json);
    REQUIRE(q.exec());
    REQUIRE(q.prepare(QStringLiteral(
        "INSERT INTO visitmap.changes (rev, change_id, entity, entity_id, office_code, op, "
        "payload, author) VALUES (currval('visitmap.revision'), gen_random_uuid(), ?, ?, ?, "
        "'insert', ?::jsonb, 'mallory')")));
    q.addBindValue(entity);
    q.addBindValue(id);
    q.addBindValue(office);
    q.addBindValue(json);
    REQUIRE(q.exec());
}

} // namespace

TEST_CASE("A pulled change that does not apply here is set aside with its reason and the pull goes "
          "on past it",
          "[sync][push-validation]")
{
    District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    auto kim = d.fresh(QStringLiteral("kim"));
    CHECK(SyncService(*kim).status()->quarantined == 0);

    // A visit of office A whose household does not exist, and a kind no workstation knows; then a
    // visit the lead logs in the app.
    const QString poison = uuid();
    const QString missing = uuid();
    QJsonObject orphan = visitPayload(poison, missing, d.officeA);
    orphan.insert(QStringLiteral("created_by"), QStringLiteral("mallory"));
    plant(d.central, QStringLiteral("visit"), poison, d.officeA, orphan);
    plant(d.central, QStringLiteral("invented"), uuid(), d.officeA,
          {{QStringLiteral("office_code"), d.officeA}});
    const QString household
        = d.lead->db()
              .scalar(QStringLiteral("SELECT id FROM households WHERE office_code = ? LIMIT 1"),
                      {d.officeA})
              ->toString();
    Visit v;
    v.householdId = household;
    v.officeCode = d.officeA;
    v.kind = VisitKind::Visit;
    v.outcome = VisitOutcome::Met;
    v.at = d.lead->clock().now();
    v.notes = QStringLiteral("팀장 방문");
    REQUIRE_OK(Storage::VisitStore(d.lead->db()).add(v, d.lead->journal(), d.lead->visitCycle()));
    CHECK(d.syncLead().pushed == 1);

    const SyncReport first = syncAs(*kim, QStringLiteral("kim"));
    CHECK(first.quarantined == 2);
    CHECK(first.pulled == 3);
    CHECK(first.revision
          == d.central.count(QStringLiteral("SELECT MAX(rev) FROM visitmap.changes")));
    CHECK(Test::count(*kim, QStringLiteral("SELECT COUNT(*) FROM visits WHERE id = '%1'").arg(v.id))
          == 1);
    CHECK(
        Test::count(*kim, QStringLiteral("SELECT COUNT(*) FROM visits WHERE id = '%1'").arg(poison))
        == 0);
    auto set = QuarantineStore(kim->db()).list();
    REQUIRE(set);
    REQUIRE(set->size() == 2);
    // Applied in rank order: the unknown kind first.
    CHECK(set->at(0).reason
          == QStringLiteral("invented is not a kind of record this version knows"));
    CHECK(set->at(1).entityId == poison);
    CHECK(set->at(1).revision > 0);
    INFO(set->at(1).reason.toStdString());
    CHECK(set->at(1).reason.contains(QStringLiteral("FOREIGN KEY")));
    // The next sync does not stumble on them again; the status keeps the count.
    const SyncReport second = syncAs(*kim, QStringLiteral("kim"));
    CHECK(second.quarantined == 0);
    CHECK(second.pulled == 0);
    CHECK(second.quarantineCleared == 0);
    CHECK(SyncService(*kim).status()->quarantined == 2);

    // The household the visit needs arrives later: the visit set aside applies then, by itself.
    QSqlQuery copy(d.central.admin->db());
    REQUIRE(copy.prepare(QStringLiteral(
        "SELECT data::text FROM visitmap.entities WHERE entity = 'household' AND office_code = ? "
        "LIMIT 1")));
    copy.addBindValue(d.officeA);
    REQUIRE(copy.exec());
    REQUIRE(copy.next());
    QJsonObject arrived = QJsonDocument::fromJson(copy.value(0).toString().toUtf8()).object();
    arrived.insert(QStringLiteral("id"), missing);
    arrived.insert(QStringLiteral("road_address"), QStringLiteral("서울특별시 서대문구 연희로 1"));
    plant(d.central, QStringLiteral("household"), missing, d.officeA, arrived);
    const SyncReport third = syncAs(*kim, QStringLiteral("kim"));
    CHECK(third.quarantined == 0);
    CHECK(third.quarantineCleared == 1);
    CHECK(
        Test::count(*kim, QStringLiteral("SELECT COUNT(*) FROM visits WHERE id = '%1'").arg(poison))
        == 1);
    CHECK(SyncService(*kim).status()->quarantined == 1);
}

TEST_CASE("An office key sealed to an account that does not open there is given back and sealed "
          "again by a holder",
          "[sync][push-validation]")
{
    District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    auto kim = d.fresh(QStringLiteral("kim"));
    // 80 random bytes sealed to kim: the shape of a sealed key, so put_keys had to take them.
    QSqlQuery q(d.central.admin->db());
    REQUIRE(q.exec(
        QStringLiteral(
            "INSERT INTO visitmap.key_grants (office_code, role_name, sealed_key, granted_by) "
            "VALUES ('%1', 'kim', decode(repeat(md5(random()::text), 5), 'hex'), 'demo-lead')")
            .arg(d.officeA)));
    const SyncReport poisoned = syncAs(*kim, QStringLiteral("kim"));
    CHECK(poisoned.keysReceived == 0);
    CHECK(poisoned.keysReturned == 1);
    CHECK(poisoned.notices.join(u'\n').contains(QStringLiteral("does not open")));
    CHECK(d.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.key_grants WHERE role_name = 'kim'"))
          == 0);
    CHECK_FALSE(kim->session()->keyring.has(d.officeA));
    // The lead, who holds the key, seals it again; kim opens it.
    CHECK(d.syncLead().keysSealed >= 1);
    CHECK(syncAs(*kim, QStringLiteral("kim")).keysReceived == 1);
    REQUIRE(kim->session()->keyring.has(d.officeA));
    CHECK(kim->session()->keyring.key(d.officeA)->bytes()
          == d.lead->session()->keyring.key(d.officeA)->bytes());
}

TEST_CASE(
    "A pulled record whose reference is an empty text applies with no reference instead of failing",
    "[sync][push-validation]")
{
    // The stores send "" for "no household" (a crisis report resolved without one, a signal matched
    // to no person) where their own row holds NULL; the colleague's store takes it as NULL.
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    const QString signal
        = ws->db()
              .scalar(QStringLiteral("SELECT id FROM crisis_signals WHERE household_id IS NOT NULL "
                                     "LIMIT 1"))
              ->toString();
    REQUIRE_FALSE(signal.isEmpty());
    const EntitySpec *spec = entitySpec(QStringLiteral("signal"));
    RowCodec codec(ws->db());
    auto row = codec.snapshot(*spec, signal);
    REQUIRE(row);
    REQUIRE(*row);
    // As a colleague's match to "no household, no person" arrives.
    QJsonObject unmatched = **row;
    unmatched.insert(QStringLiteral("household_id"), QString());
    unmatched.insert(QStringLiteral("person_id"), QString());
    unmatched.insert(QStringLiteral("match_status"), QStringLiteral("unmatched"));
    REQUIRE_OK(codec.upsert(*spec, signal, unmatched));
    CHECK(
        Test::count(
            *ws, QStringLiteral(
                     "SELECT COUNT(*) FROM crisis_signals WHERE id = '%1' AND household_id IS NULL "
                     "AND person_id IS NULL")
                     .arg(signal))
        == 1);
    // A text column that is no reference keeps its empty text.
    CHECK(codec.toSql(QStringLiteral("visits"), QStringLiteral("notes"), QString())
              ->toString()
              .isEmpty());
    CHECK_FALSE(
        codec.toSql(QStringLiteral("visits"), QStringLiteral("notes"), QString())->isNull());
}

TEST_CASE("A change the central store refuses is set aside on the workstation with the server's "
          "reason and not sent again",
          "[sync][push-validation]")
{
    District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    auto kim = d.fresh(QStringLiteral("kim"));
    // An edit of a visit (append-only) in kim's outbox, as a tampered or buggy store would send it.
    const QString visit
        = kim->db().scalar(QStringLiteral("SELECT id FROM visits LIMIT 1"))->toString();
    REQUIRE_FALSE(visit.isEmpty());
    auto q = kim->db().execute(
        QStringLiteral(
            "INSERT INTO outbox (change_id, entity, entity_id, op, office_code, payload, base, "
            "created_at, created_by) VALUES (?, 'visit', ?, 'update', ?, ?, '{}', ?, 'kim')"),
        {uuid(), visit, d.officeA, QStringLiteral("{\"notes\":\"고친 기록\"}"),
         QStringLiteral("2026-11-24T01:00:00Z")});
    REQUIRE(q);
    const SyncReport first = syncAs(*kim, QStringLiteral("kim"));
    CHECK(first.pushed == 0);
    CHECK(first.quarantined == 1);
    CHECK(first.notices.join(u'\n').contains(
        QStringLiteral("the central store refused visit %1").arg(visit)));
    auto set = QuarantineStore(kim->db()).list(QuarantinedChange::Direction::Push);
    REQUIRE(set);
    REQUIRE(set->size() == 1);
    CHECK(set->first().reason.contains(QStringLiteral("append-only")));
    CHECK(set->first().data.value(QStringLiteral("notes")).toString()
          == QStringLiteral("고친 기록"));
    const auto status = SyncService(*kim).status();
    CHECK(status->pending == 0);
    CHECK(status->quarantined == 1);
    const SyncReport second = syncAs(*kim, QStringLiteral("kim"));
    CHECK(second.quarantined == 0);
    CHECK(d.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.refused_changes WHERE author = 'kim'"))
          == 1);
}
