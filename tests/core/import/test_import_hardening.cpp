// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/boundaryvalidator.h"
#include "import/importfile.h"
#include "import/importservice.h"
#include "intake/reportintake.h"
#include "storage/database.h"
#include "support/testsupport.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>
#include <cmath>
#include <sys/stat.h>

using namespace VisitMap;

namespace {

const char *householdHeader
    = "id,adm_cd,address,address_detail,tong,ban,lon,lat,household_type,housing,phone,"
      "head_name,head_rrn,head_birth,head_sex,members,risk,worker,last_visit,"
      "next_visit_due,status\n";

// One household of 천연동 with the given worker, RRN, birth date and sex.
QByteArray householdRow(const char *worker,
                        const char *rrn = "450311-2000003",
                        const char *birth = "",
                        const char *sex = "")
{
    return QByteArray(",1141052000,서울특별시 서대문구 통일로 101,101동 "
                      "202호,3,2,126.956161,37.571953,노인단독,"
                      "공공임대,010-0123-4567,김영자,")
           + rrn + ',' + birth + ',' + sex + ",1,high," + worker + ",2026-11-01,,active\n";
}

std::unique_ptr<Workspace> leadStore(const Test::TempDir &dir)
{
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    return ws;
}

// The single error of a refused import, with where it points.
const Import::RowError &onlyError(const Import::ImportReport &r)
{
    INFO((r.errors.isEmpty() ? QStringLiteral("(no error)") : r.errors.first().toString())
             .toStdString());
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    return r.errors.first();
}

QJsonObject feature(const QString &code, const QString &name, const QJsonArray &ring)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("Feature")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("adm_cd2"), code},
                     {QStringLiteral("adm_nm"), QStringLiteral("서울특별시 서대문구 ") + name},
                     {QStringLiteral("sggnm"), QStringLiteral("서대문구")},
                     {QStringLiteral("sidonm"), QStringLiteral("서울특별시")}}},
        {QStringLiteral("geometry"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("Polygon")},
                     {QStringLiteral("coordinates"), QJsonArray{ring}}}}};
}

QJsonArray ringOf(const QList<QPointF> &points)
{
    QJsonArray ring;
    for (const QPointF &p : points)
        ring.append(QJsonArray{p.x(), p.y()});
    return ring;
}

QByteArray collection(const QList<QJsonObject> &features)
{
    QJsonArray a;
    for (const QJsonObject &f : features)
        a.append(f);
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                                     {QStringLiteral("features"), a}})
        .toJson(QJsonDocument::Indented);
}

} // namespace

TEST_CASE(
    "A households file naming a worker who is not an account of the store is refused at the row",
    "[core][import][hardening]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    const QString file = dir.path(QStringLiteral("households.csv"));
    SECTION("no such account")
    {
        Test::writeFile(file, householdHeader + householdRow("case1") + householdRow("ghost"));
        auto r = Import::ImportService(*ws).households(file);
        REQUIRE(r);
        const Import::RowError &e = onlyError(*r);
        CHECK(e.toString().startsWith(file
                                      + QStringLiteral(":3: worker: 'ghost' is not an account")));
    }
    SECTION("an admin account holds no households")
    {
        Test::writeFile(file, householdHeader + householdRow("admin1"));
        auto r = Import::ImportService(*ws).households(file);
        REQUIRE(r);
        const Import::RowError &e = onlyError(*r);
        CHECK(e.line == 2);
        CHECK(e.field == QStringLiteral("worker"));
        CHECK(e.reason.contains(QStringLiteral("cannot be assigned")));
    }
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == 0);
}

TEST_CASE(
    "A households row whose 주민등록번호 disagrees with its head_birth or head_sex is refused",
    "[core][import][hardening]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    const QString file = dir.path(QStringLiteral("households.csv"));
    SECTION("birth date")
    {
        Test::writeFile(file, householdHeader
                                  + householdRow("case1", "450311-2000003", "1945-03-11")
                                  + householdRow("case1", "450311-2000003", "1950-01-01"));
        auto r = Import::ImportService(*ws).households(file);
        REQUIRE(r);
        const Import::RowError &e = onlyError(*r);
        CHECK(e.line == 3);
        CHECK(e.field == QStringLiteral("head_birth"));
        CHECK(e.reason.contains(QStringLiteral("1945-03-11")));
    }
    SECTION("sex")
    {
        Test::writeFile(file, householdHeader + householdRow("case1", "450311-2000003", "", "M"));
        auto r = Import::ImportService(*ws).households(file);
        REQUIRE(r);
        const Import::RowError &e = onlyError(*r);
        CHECK(e.line == 2);
        CHECK(e.field == QStringLiteral("head_sex"));
    }
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == 0);
}

TEST_CASE("A CSV header naming a column twice is refused on line 1 instead of using the first",
          "[core][import][hardening]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    const QString file = dir.path(QStringLiteral("households.csv"));
    SECTION("the same name twice")
    {
        QByteArray header(householdHeader);
        header.replace("status\n", "status,worker\n");
        Test::writeFile(file, header + householdRow("case1").replace("active\n", "active,ghost\n"));
        auto r = Import::ImportService(*ws).households(file);
        REQUIRE(r);
        const Import::RowError &e = onlyError(*r);
        CHECK(e.line == 1);
        CHECK(e.field == QStringLiteral("worker"));
        CHECK(e.reason.contains(QStringLiteral("column 18 (worker), column 22 (worker)")));
    }
    SECTION("two spellings of one column")
    {
        QByteArray header(householdHeader);
        header.replace("status\n", "status,경도\n");
        Test::writeFile(file, header + householdRow("case1").replace("active\n", "active,127.5\n"));
        auto r = Import::ImportService(*ws).households(file);
        REQUIRE(r);
        const Import::RowError &e = onlyError(*r);
        CHECK(e.line == 1);
        CHECK(e.reason.contains(QStringLiteral("(경도)")));
    }
    SECTION("in a facilities file too")
    {
        const QString facilities = dir.path(QStringLiteral("facilities.csv"));
        Test::writeFile(
            facilities,
            "name,code,시설명,address\n노인복지관,T1,경로당,서울특별시 서대문구 연희로 1\n");
        auto r = Import::ImportService(*ws).facilities(facilities);
        REQUIRE(r);
        const Import::RowError &e = onlyError(*r);
        CHECK(e.toString().startsWith(
            facilities + QStringLiteral(":1: name: the same column appears more than once")));
        CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM facilities")) == 0);
    }
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == 0);
}

TEST_CASE("A households file over the size cap is refused from its size, before it is read",
          "[core][import][hardening]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    const QString file = dir.path(QStringLiteral("huge.csv"));
    {
        // Sparse: a good header and row, then 65 MB of nothing; reading it would take long.
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(householdHeader + householdRow("case1"));
        REQUIRE(f.resize(Import::ImportFile::maxBytes + 1024 * 1024));
    }
    QElapsedTimer timer;
    timer.start();
    auto r = Import::ImportService(*ws).households(file);
    REQUIRE(r);
    const Import::RowError &e = onlyError(*r);
    CHECK(timer.elapsed() < 2000);
    CHECK(e.file == file);
    CHECK(e.reason.contains(QStringLiteral("65.0 MB")));
    CHECK(e.reason.contains(QStringLiteral("up to 64 MB")));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == 0);
}

TEST_CASE("Boundaries with an unclosed, too short or self-intersecting ring, or too many vertices, "
          "are refused and the 행정동 kept",
          "[core][import][hardening][geo]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    Import::ImportService service(*ws);
    auto good = service.boundaries(Test::dataPath(QStringLiteral("boundaries_two.geojson")));
    REQUIRE(good);
    REQUIRE(good->ok());
    const QString before
        = ws->db()
              .scalar(QStringLiteral("SELECT boundary FROM offices WHERE code = '1141052000'"))
              ->toString();
    REQUIRE_FALSE(before.isEmpty());
    const qint64 offices = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM offices"));

    // A square in 천연동, and variants of it.
    const QList<QPointF> square{{126.955, 37.568},
                                {126.962, 37.568},
                                {126.962, 37.574},
                                {126.955, 37.574},
                                {126.955, 37.568}};
    const QList<QPointF> bowtie{{126.955, 37.568},
                                {126.962, 37.574},
                                {126.962, 37.568},
                                {126.955, 37.574},
                                {126.955, 37.568}};
    QList<QPointF> unclosed = square;
    unclosed.removeLast();
    const QList<QPointF> triangle{{126.955, 37.568}, {126.962, 37.568}, {126.955, 37.568}};
    QList<QPointF> dense;
    const int n = int(Import::BoundaryValidator::maxVerticesPerDong) + 1;
    for (int i = 0; i < n - 1; ++i) {
        const double a = 2 * M_PI * i / (n - 1);
        dense.append({126.9585 + 0.003 * std::cos(a), 37.571 + 0.003 * std::sin(a)});
    }
    dense.append(dense.first());

    struct Case
    {
        const char *name;
        QList<QPointF> ring;
        QString why;
    };
    const QList<Case> cases{
        {"self-intersecting", bowtie, QStringLiteral("not a valid polygon: Self-intersection at ")},
        {"unclosed", unclosed, QStringLiteral("is not closed")},
        {"three points", triangle, QStringLiteral("has 3 points")},
        {"too many vertices", dense, QStringLiteral("one 행정동 may have at most 200,000")},
    };
    const QString file = dir.path(QStringLiteral("boundaries.geojson"));
    for (const Case &c : cases) {
        DYNAMIC_SECTION(c.name)
        {
            // The bad feature is the second: its line and code are named.
            const QByteArray json = collection(
                {feature(QStringLiteral("1141062000"), QStringLiteral("홍제1동"), ringOf(square)),
                 feature(QStringLiteral("1141052000"), QStringLiteral("천연동"), ringOf(c.ring))});
            const QList<int> lines = Import::BoundaryValidator::featureLines(json);
            REQUIRE(lines.size() == 2);
            CHECK(json.split('\n').value(lines[1] - 1).trimmed() == "{");
            Test::writeFile(file, json);
            auto r = service.boundaries(file);
            REQUIRE(r);
            const Import::RowError &e = onlyError(*r);
            CHECK(e.file == file);
            CHECK(e.line == lines[1]);
            CHECK(e.field == QStringLiteral("feature 2 (1141052000)"));
            CHECK(e.reason.contains(c.why));
            CHECK(ws->db()
                      .scalar(
                          QStringLiteral("SELECT boundary FROM offices WHERE code = '1141052000'"))
                      ->toString()
                  == before);
            CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM offices")) == offices);
        }
    }
}

TEST_CASE("The bundled 서대문구 boundaries pass the boundary checks",
          "[core][import][hardening][geo]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    auto r = Import::ImportService(*ws).boundaries(
        Test::productDataPath(QStringLiteral("admdong/seodaemun_admdong_ver20210401.geojson")));
    REQUIRE(r);
    INFO((r->errors.isEmpty() ? QString() : r->errors.first().toString()).toStdString());
    CHECK(r->ok());
    CHECK(r->imported == 14);
}

TEST_CASE("A facilities file listing one code twice is refused with the line of the repeat, not an "
          "SQL error",
          "[core][import][hardening]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    const qint64 before = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM facilities"));
    const QString file = dir.path(QStringLiteral("facilities.csv"));
    Test::writeFile(file, "name,code,category,address\n"
                          "서대문노인복지관,T001,노인복지관,서울특별시 서대문구 연희로 1\n"
                          "북아현지역아동센터,T002,지역아동센터,서울특별시 서대문구 북아현로 10\n"
                          "연희경로당,T001,경로당,서울특별시 서대문구 연희로 2\n");
    auto r = Import::ImportService(*ws).facilities(file);
    REQUIRE(r);
    const Import::RowError &e = onlyError(*r);
    CHECK(e.toString()
          == file
                 + QStringLiteral(":4: code: the code T001 appears twice (first on line 2); a "
                                  "facility is listed once"));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM facilities")) == before);
}

TEST_CASE(
    "Importing the same visit log twice does not double a visit, and a repeated row is skipped",
    "[core][import][hardening][visits]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    Import::ImportService service(*ws);
    REQUIRE(service.households(Test::dataPath(QStringLiteral("households_good.csv")))->ok());
    auto ids = ws->db().execute(
        QStringLiteral("SELECT id FROM households ORDER BY road_address LIMIT 2"));
    REQUIRE(ids);
    QStringList households;
    while (ids->next())
        households << ids->value(0).toString();
    REQUIRE(households.size() == 2);
    const QString file = dir.path(QStringLiteral("visits.csv"));
    Test::writeFile(file, QStringLiteral("household,kind,outcome,at,note\n"
                                         "%1,방문,만남,2026-11-20 14:30,첫 방문\n"
                                         "%2,전화,부재,2026-11-21 10:00,\n"
                                         "%1,방문,만남,2026-11-20 14:30,첫 방문\n")
                              .arg(households[0], households[1])
                              .toUtf8());
    const auto visits = [&] {
        return Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits"));
    };
    auto first = service.visits(file);
    REQUIRE(first);
    REQUIRE(first->ok());
    CHECK(first->imported == 2);
    CHECK(first->skipped == 1);
    CHECK(first->notes.contains(file + QStringLiteral(":4: the same visit as line 2; skipped")));
    CHECK(visits() == 2);

    auto again = service.visits(file);
    REQUIRE(again);
    REQUIRE(again->ok());
    CHECK(again->imported == 0);
    CHECK(again->skipped == 3);
    CHECK(again->notes.contains(file
                                + QStringLiteral(":2: this visit (household, time, kind and "
                                                 "outcome) is already in the store; skipped")));
    CHECK(visits() == 2);
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'visit'"))
          == 2);
}

TEST_CASE("A report received in the future is refused with its line and nothing is written",
          "[intake][import][hardening]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    QJsonObject report{
        {QStringLiteral("id"), QStringLiteral("FUTURE-1")},
        {QStringLiteral("received_at"), QStringLiteral("2099-01-01T09:00:00+09:00")},
        {QStringLiteral("channel"), QStringLiteral("app")},
        {QStringLiteral("reporter_type"), QStringLiteral("neighbour")},
        {QStringLiteral("categories"), QJsonArray{QStringLiteral("isolation")}},
        {QStringLiteral("address_text"), QStringLiteral("서울특별시 서대문구 충정로 5")}};
    const QString file = dir.path(QStringLiteral("reports.json"));
    Test::writeFile(file, QJsonDocument(QJsonArray{report}).toJson(QJsonDocument::Indented));
    auto r = Intake::ReportIntake(*ws).importReports(file);
    REQUIRE(r);
    const Import::RowError &e = onlyError(*r);
    CHECK(e.toString().startsWith(
        file + QStringLiteral(":2: received_at: '2099-01-01T09:00:00+09:00' is in the future")));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM crisis_reports")) == 0);
}

TEST_CASE("An import file that is a pipe, a device or a folder is refused without waiting on it",
          "[core][import][hardening]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    const QString pipe = dir.path(QStringLiteral("households.csv"));
    REQUIRE(::mkfifo(QFile::encodeName(pipe).constData(), 0600) == 0);
    // Section names stay the same from run to run (the folder's path does not).
    const QList<std::pair<const char *, QString>> cases{{"a pipe", pipe},
                                                        {"a device", QStringLiteral("/dev/zero")},
                                                        {"a folder", dir.path(QString())}};
    for (const auto &[name, path] : cases) {
        DYNAMIC_SECTION(name)
        {
            QElapsedTimer timer;
            timer.start();
            auto r = Import::ImportService(*ws).households(path);
            REQUIRE(r);
            const Import::RowError &e = onlyError(*r);
            CHECK(timer.elapsed() < 2000);
            CHECK(e.file == path);
            CHECK(e.reason.contains(QStringLiteral("not a regular file")));
        }
    }
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == 0);
}
