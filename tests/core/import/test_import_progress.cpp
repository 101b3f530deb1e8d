// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/boundarycatalog.h"
#include "import/importservice.h"
#include "storage/officestore.h"
#include "support/testsupport.h"

#include <atomic>

using namespace VisitMap;

namespace {

// `rows` plain households of 천연동 (no 주민등록번호), one per line after the header.
QString householdsFile(const Test::TempDir &dir, int rows)
{
    QByteArray csv("adm_cd,address,lon,lat,household_type,members\n");
    for (int i = 0; i < rows; ++i)
        csv += QStringLiteral(
                   "1141052000,서울특별시 서대문구 통일로 %1,126.956161,37.571953,일반,1\n")
                   .arg(i + 1)
                   .toUtf8();
    const QString path = dir.path(QStringLiteral("many.csv"));
    Test::writeFile(path, csv);
    return path;
}

qint64 households(Workspace &ws)
{
    return Test::count(ws, QStringLiteral("SELECT COUNT(*) FROM households"));
}

qint64 offices(Workspace &ws)
{
    return Test::count(ws, QStringLiteral("SELECT COUNT(*) FROM offices"));
}

int seodaemunDongs()
{
    return int(Geo::BoundaryCatalog::bundled().district(QStringLiteral("11410")).size());
}

} // namespace

TEST_CASE("A households import reports its progress through checking and writing to the last row",
          "[core][import][progress]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    const QString file = householdsFile(dir, 3000);
    QList<std::tuple<Import::ImportStage, qint64, qint64>> seen;
    Import::ImportControl control(
        [&](Import::ImportStage stage, qint64 done, qint64 total) {
            seen.append({stage, done, total});
        },
        nullptr);
    auto r = Import::ImportService(*ws, control).households(file);
    REQUIRE(r);
    REQUIRE(r->ok());
    CHECK(r->imported == 3000);
    CHECK(households(*ws) == 3000);
    const auto has = [&](Import::ImportStage stage, qint64 done) {
        return std::any_of(seen.begin(), seen.end(), [&](const auto &s) {
            return std::get<0>(s) == stage && std::get<1>(s) == done && std::get<2>(s) == 3000;
        });
    };
    CHECK(has(Import::ImportStage::Checking, 0));
    CHECK(has(Import::ImportStage::Checking, 3000));
    CHECK(has(Import::ImportStage::Writing, 3000));
    // A few hundred reports, not one per row.
    CHECK(seen.size() < 1000);
    CHECK(seen.size() > 20);
}

TEST_CASE("A households import cancelled while checking or half-way through writing leaves the "
          "store as it was",
          "[core][import][progress]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    const QString file = householdsFile(dir, 3000);
    const auto stage = GENERATE(Import::ImportStage::Checking, Import::ImportStage::Writing);
    std::atomic_bool cancel{false};
    qint64 cancelledAt = -1;
    Import::ImportControl control(
        [&](Import::ImportStage s, qint64 done, qint64) {
            // Writing: only after some batches went into the transaction.
            if (s == stage && !cancel && (s == Import::ImportStage::Checking || done > 0)) {
                cancel = true;
                cancelledAt = done;
            }
        },
        &cancel);
    auto r = Import::ImportService(*ws, control).households(file);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Cancelled);
    CHECK(cancelledAt >= 0);
    CHECK(households(*ws) == 0);
    CHECK(offices(*ws) == 0); // the 행정동 the import would have added are not there either
    CHECK(ws->session()->offices.isEmpty());
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM outbox")) == 0);

    // The same file imports whole afterwards.
    auto again = Import::ImportService(*ws).households(file);
    REQUIRE_OK(again);
    CHECK(again->imported == 3000);
}

TEST_CASE("Households naming a few 행정동 of a 구 bring the bundled boundaries of the whole 구",
          "[core][import][geo]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    auto r = Import::ImportService(*ws).households(
        Test::dataPath(QStringLiteral("households_good.csv")));
    REQUIRE(r);
    REQUIRE(r->ok());
    auto all = Storage::OfficeStore(ws->db()).all();
    REQUIRE(all);
    REQUIRE(seodaemunDongs() > 10);
    CHECK(all->size() == seodaemunDongs());
    for (const Office &o : *all)
        CHECK(o.code.startsWith(QStringLiteral("11410")));
    // The team lead of 서대문구 sees all of it on the map.
    CHECK(ws->session()->offices.size() == seodaemunDongs());
}

TEST_CASE("A boundary file of two 행정동 fills in the rest of their 구 from the bundled "
          "boundaries and keeps its own",
          "[core][import][geo]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    auto r = Import::ImportService(*ws).boundaries(
        Test::dataPath(QStringLiteral("boundaries_two.geojson")));
    REQUIRE(r);
    REQUIRE(r->ok());
    CHECK(r->imported == 2);
    CHECK(offices(*ws) == seodaemunDongs());
    // A second file does not double anything.
    REQUIRE(Import::ImportService(*ws).boundaries(
        Test::dataPath(QStringLiteral("boundaries_two.geojson"))));
    CHECK(offices(*ws) == seodaemunDongs());
}

TEST_CASE("Bad rows carry a reason code and its facts beside the English reason", "[core][import]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    auto r = Import::ImportService(*ws).households(
        Test::dataPath(QStringLiteral("households_one_bad.csv")));
    REQUIRE(r);
    REQUIRE(r->errors.size() == 1);
    const Import::RowError &e = r->errors.first();
    CHECK(e.line == 3);
    CHECK(e.field == QStringLiteral("household_type"));
    CHECK(e.problem == Import::RowProblem::NotOneOf);
    CHECK(e.args.value(0) == QStringLiteral("귀족가구"));
    CHECK(e.reason.contains(QStringLiteral("not a household type")));
    CHECK(households(*ws) == 0);
}

TEST_CASE("Importing households into a demo store is refused as a demo store while other kinds are not",
          "[core][import]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Import::ImportService service(*ws);
    CHECK(service.refusal(Import::ImportKind::Households) == Import::ImportRefusal::DemoStore);
    CHECK(service.refusal(Import::ImportKind::Facilities) == Import::ImportRefusal::None);
    CHECK(service.refusal(Import::ImportKind::Reports) == Import::ImportRefusal::None);
    auto r = service.households(Test::dataPath(QStringLiteral("households_good.csv")));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::PermissionDenied);
    ws->signOut();
    CHECK(service.refusal(Import::ImportKind::Households) == Import::ImportRefusal::NotSignedIn);
}
