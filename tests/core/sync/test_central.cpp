// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/pgserver.h"
#include "support/syncfixture.h"
#include "support/testsupport.h"
#include "sync/centralstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <catch2/catch.hpp>

using namespace VisitMap;
using namespace VisitMap::Sync;

namespace {

const QString officeA = QStringLiteral("1141052000"); // 천연동
const QString officeB = QStringLiteral("1141053000"); // another 동 of 서대문구
const QString password = QStringLiteral("correct horse battery");

Test::PgServer &server()
{
    Test::PgServer &pg = Test::PgServer::shared();
    if (!pg.available())
        FAIL("no PostgreSQL for the central-store tests: " << pg.why().toStdString());
    return pg;
}

// The central store, empty and migrated, with the accounts the tests use.
void prepare()
{
    Test::Central central; // drops what an earlier case of this run left
    auto admin = CentralConnection::open(server().adminConninfo());
    REQUIRE(admin);
    ServerAdmin a(**admin);
    auto again = a.migrate();
    REQUIRE(again);
    CHECK(again->isEmpty()); // nothing twice
    REQUIRE_OK(a.createUser(QStringLiteral("kim"), QStringLiteral("김주무관"), QStringLiteral("caseworker"), {officeA}, password));
    REQUIRE_OK(a.createUser(QStringLiteral("lee"), QStringLiteral("이주무관"), QStringLiteral("caseworker"), {officeA}, password));
    REQUIRE_OK(a.createUser(QStringLiteral("park"), QStringLiteral("박주무관"), QStringLiteral("caseworker"), {officeB}, password));
    REQUIRE_OK(a.createUser(QStringLiteral("choi"), QStringLiteral("최팀장"), QStringLiteral("team_lead"), {QStringLiteral("11410")}, password));
}

std::unique_ptr<CentralConnection> as(const QString &name)
{
    auto c = CentralConnection::open(server().conninfo(), name, password);
    if (!c)
        FAIL(c.error().message.toStdString());
    return std::move(*c);
}

QJsonObject change(const QString &entity, const QString &id, const QString &office, const QString &op, const QJsonObject &payload,
                   const QJsonObject &base = {})
{
    return {{QStringLiteral("change_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("entity"), entity},
            {QStringLiteral("entity_id"), id},
            {QStringLiteral("office_code"), office},
            {QStringLiteral("op"), op},
            {QStringLiteral("payload"), payload},
            {QStringLiteral("base"), base}};
}

Result<QJsonObject> push(CentralConnection &c, const QJsonArray &batch)
{
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral("SELECT visitmap.push(?::jsonb)"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact)));
    if (!q.exec() || !q.next())
        return fail(ErrorCode::Sql, q.lastError().nativeErrorCode() + QStringLiteral(" ") + q.lastError().databaseText());
    return QJsonDocument::fromJson(q.value(0).toByteArray()).object();
}

qint64 count(CentralConnection &c, const QString &sql)
{
    QSqlQuery q(c.db());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

TEST_CASE("The central store is created once, and staff roles are checked", "[central]")
{
    prepare();
    auto admin = CentralConnection::open(server().adminConninfo());
    REQUIRE(admin);
    ServerAdmin a(**admin);
    // A caseworker is granted a 행정동, never a whole 시군구; names and codes are checked.
    CHECK_FALSE(a.createUser(QStringLiteral("jung"), {}, QStringLiteral("caseworker"), {QStringLiteral("11410")}, password));
    CHECK_FALSE(a.createUser(QStringLiteral("Robert'); DROP"), {}, QStringLiteral("caseworker"), {officeA}, password));
    CHECK_FALSE(a.createUser(QStringLiteral("jung"), {}, QStringLiteral("caseworker"), {QStringLiteral("114105")}, password));
    CHECK_FALSE(a.createUser(QStringLiteral("jung"), {}, QStringLiteral("caseworker"), {officeA}, QStringLiteral("short")));
    CHECK(count(**admin, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = 'jung'")) == 0);
    // Passwords are kept as SCRAM-SHA-256.
    CHECK(count(**admin, QStringLiteral("SELECT count(*) FROM pg_authid WHERE rolname = 'kim' AND rolpassword LIKE 'SCRAM-SHA-256$%'")) == 1);
    // A wrong password is refused in words.
    auto wrong = CentralConnection::open(server().conninfo(), QStringLiteral("kim"), QStringLiteral("not the password"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::AuthFailed);
}

TEST_CASE("A push applies once, another office sees none of it, and nobody writes the tables directly", "[central]")
{
    prepare();
    auto kim = as(QStringLiteral("kim"));
    const QString household = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonArray batch{
        change(QStringLiteral("office"), officeA, officeA, QStringLiteral("insert"),
               {{QStringLiteral("code"), officeA}}),
        change(QStringLiteral("household"), household, officeA, QStringLiteral("insert"),
               {{QStringLiteral("head_name"), QStringLiteral("김재호")},
                {QStringLiteral("phone"), QStringLiteral("010-1111-2222")}}),
        change(QStringLiteral("visit"), QUuid::createUuid().toString(QUuid::WithoutBraces), officeA,
               QStringLiteral("append"),
               {{QStringLiteral("household_id"), household},
                {QStringLiteral("outcome"), QStringLiteral("met")}})};
    auto first = push(*kim, batch);
    REQUIRE(first);
    CHECK(first->value(QStringLiteral("applied")).toInt() == 3);
    // The same batch again (a retry after a lost answer): applied once.
    auto retry = push(*kim, batch);
    REQUIRE(retry);
    CHECK(retry->value(QStringLiteral("applied")).toInt() == 0);
    CHECK(retry->value(QStringLiteral("duplicates")).toInt() == 3);
    const QString mine = QStringLiteral("SELECT count(*) FROM visitmap.changes WHERE entity_id = '%1' OR payload->>'household_id' = '%1'").arg(household);
    CHECK(count(*kim, mine) == 2);

    // A caseworker of another office sees none of it through plain SQL; the team lead of the
    // 시군구 sees all of it; a colleague of the same office too.
    auto park = as(QStringLiteral("park"));
    CHECK(count(*park, mine) == 0);
    CHECK(count(*park, QStringLiteral("SELECT count(*) FROM visitmap.entities WHERE entity_id = '%1'").arg(household)) == 0);
    CHECK(count(*as(QStringLiteral("choi")), mine) == 2);
    CHECK(count(*as(QStringLiteral("lee")), mine) == 2);

    // No direct writes, and no pushes into an office not granted.
    QSqlQuery direct(park->db());
    CHECK_FALSE(direct.exec(QStringLiteral("INSERT INTO visitmap.entities VALUES ('household', 'x', '%1', '{}', 1, now(), 'park')").arg(officeB)));
    CHECK(direct.lastError().nativeErrorCode() == QLatin1String("42501"));
    CHECK_FALSE(direct.exec(QStringLiteral("UPDATE visitmap.changes SET author = 'park'")));
    auto foreign = push(*park, {change(QStringLiteral("household"), household, officeA, QStringLiteral("update"),
                                       {{QStringLiteral("phone"), QStringLiteral("010-0000-0000")}})});
    REQUIRE(foreign);
    CHECK(foreign->value(QStringLiteral("applied")).toInt() == 0);
    CHECK(foreign->value(QStringLiteral("refused"))
              .toArray()
              .first()
              .toObject()
              .value(QStringLiteral("reason"))
              .toString()
          == QStringLiteral("office %1 is not granted to park").arg(officeA));
}

TEST_CASE("The same field changed by two people from the same value is a conflict, not an overwrite", "[central]")
{
    prepare();
    auto kim = as(QStringLiteral("kim"));
    auto lee = as(QStringLiteral("lee"));
    const QString household = QUuid::createUuid().toString(QUuid::WithoutBraces);
    REQUIRE(push(*kim,
                 {change(QStringLiteral("office"), officeA, officeA, QStringLiteral("insert"),
                         {{QStringLiteral("code"), officeA}}),
                  change(QStringLiteral("household"), household, officeA, QStringLiteral("insert"),
                         {{QStringLiteral("phone"), QStringLiteral("010-1000-0000")},
                          {QStringLiteral("housing"), QStringLiteral("월세")}})}));
    // Both edited the phone from the same value; lee also changed housing, which nobody else did.
    REQUIRE(push(*kim, {change(QStringLiteral("household"), household, officeA, QStringLiteral("update"),
                               {{QStringLiteral("phone"), QStringLiteral("010-2000-0000")}}, {{QStringLiteral("phone"), QStringLiteral("010-1000-0000")}})}));
    auto second = push(*lee, {change(QStringLiteral("household"), household, officeA, QStringLiteral("update"),
                                     {{QStringLiteral("phone"), QStringLiteral("010-3000-0000")}, {QStringLiteral("housing"), QStringLiteral("전세")}},
                                     {{QStringLiteral("phone"), QStringLiteral("010-1000-0000")}, {QStringLiteral("housing"), QStringLiteral("월세")}})});
    REQUIRE(second);
    CHECK(second->value(QStringLiteral("conflicts")).toInt() == 1);
    QSqlQuery q(lee->db());
    REQUIRE(q.exec(QStringLiteral("SELECT base_value #>> '{}', mine_value #>> '{}', theirs_value #>> '{}' FROM visitmap.conflicts "
                                  "WHERE entity_id = '%1'").arg(household)));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QLatin1String("010-1000-0000"));
    CHECK(q.value(1).toString() == QLatin1String("010-3000-0000"));
    CHECK(q.value(2).toString() == QLatin1String("010-2000-0000"));
    // The server kept kim's phone and took lee's housing.
    REQUIRE(q.exec(QStringLiteral("SELECT data->>'phone', data->>'housing' FROM visitmap.entities WHERE entity_id = '%1'").arg(household)));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QLatin1String("010-2000-0000"));
    CHECK(q.value(1).toString() == QStringLiteral("전세"));
    // kim does not see lee's conflict: it is lee's to resolve.
    CHECK(count(*kim, QStringLiteral("SELECT count(*) FROM visitmap.conflicts WHERE entity_id = '%1'").arg(household)) == 0);
}

TEST_CASE("server-init and server-user work from the command line", "[central][cli]")
{
    Test::PgServer &pg = server();
    auto run = [&](const QStringList &args, const QByteArray &newPassword = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), QString::fromLatin1(Test::PgServer::adminPassword));
        if (!newPassword.isEmpty())
            env.insert(QStringLiteral("VISITMAP_NEW_PASSWORD"), QString::fromUtf8(newPassword));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(VISITMAP_CLI_PATH), args);
        REQUIRE(p.waitForFinished(60000));
        return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
    };
    const QString conninfo = QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres user=postgres").arg(pg.port());
    auto [code, text] = run({QStringLiteral("server-init"), QStringLiteral("--server"), conninfo});
    INFO(text.toStdString());
    CHECK(code == 0);
    CHECK(text.contains(QStringLiteral("central store at version %1").arg(ServerAdmin::latestVersion())));
    auto [again, againText] = run({QStringLiteral("server-init"), QStringLiteral("--server"), conninfo});
    CHECK(again == 0);
    CHECK(againText.contains(QStringLiteral("nothing to do")));

    auto [made, madeText] = run({QStringLiteral("server-user"), QStringLiteral("--server"), conninfo, QStringLiteral("--name"), QStringLiteral("han"),
                                 QStringLiteral("--office"), officeA, QStringLiteral("--role"), QStringLiteral("caseworker")},
                                "han's own password");
    INFO(madeText.toStdString());
    CHECK(made == 0);
    auto han = CentralConnection::open(pg.conninfo(), QStringLiteral("han"), QStringLiteral("han's own password"));
    CHECK(han);
    auto [refused, refusedText] = run({QStringLiteral("server-user"), QStringLiteral("--server"), conninfo, QStringLiteral("--name"),
                                       QStringLiteral("yoon"), QStringLiteral("--office"), QStringLiteral("11410"), QStringLiteral("--role"),
                                       QStringLiteral("caseworker")},
                                      "yoon's own password");
    CHECK(refused != 0);
    CHECK(refusedText.contains(QStringLiteral("시군구")));
    auto [wrong, wrongText] = run({QStringLiteral("server-init"), QStringLiteral("--server"),
                                   QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres user=nobody").arg(pg.port())});
    CHECK(wrong == 1);
    CHECK(wrongText.contains(QStringLiteral("cannot connect")));
}
