// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/boundarycatalog.h"
#include "import/importservice.h"
#include "storage/facilitystore.h"
#include "storage/officestore.h"
#include "support/testsupport.h"

using namespace VisitMap;

TEST_CASE("Boundary files import all features or none", "[core][import]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    Import::ImportService service(*ws);
    SECTION("good")
    {
        auto r = service.boundaries(Test::dataPath(QStringLiteral("boundaries_two.geojson")));
        REQUIRE(r);
        REQUIRE(r->ok());
        CHECK(r->imported == 2);
        auto offices = Storage::OfficeStore(ws->db()).all();
        REQUIRE(offices);
        // The file's two and the rest of 서대문구 from the bundled boundaries.
        const qsizetype district
            = Geo::BoundaryCatalog::bundled().district(QStringLiteral("11410")).size();
        CHECK(offices->size() == district);
        CHECK(std::any_of(offices->begin(), offices->end(),
                          [](const Office &o) { return o.name == QStringLiteral("천연동"); }));
        CHECK(ws->session()->offices.size() == district); // the lead's grant covers them now
    }
    SECTION("broken JSON names its line")
    {
        auto r = service.boundaries(Test::dataPath(QStringLiteral("boundaries_broken.geojson")));
        REQUIRE(r);
        REQUIRE_FALSE(r->ok());
        CHECK(r->errors.first().line > 1);
        CHECK(r->errors.first().reason.contains(QStringLiteral("JSON")));
    }
    SECTION("a projected CRS is refused")
    {
        auto r = service.boundaries(Test::dataPath(QStringLiteral("boundaries_epsg5179.geojson")));
        REQUIRE(r);
        REQUIRE_FALSE(r->ok());
        CHECK(r->errors.first().reason.contains(QStringLiteral("WGS84")));
    }
    SECTION("a feature without a code is named")
    {
        auto r = service.boundaries(Test::dataPath(QStringLiteral("boundaries_missing_code.geojson")));
        REQUIRE(r);
        REQUIRE_FALSE(r->ok());
        CHECK(r->errors.first().field == QStringLiteral("feature 2"));
    }
    CHECK((Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM offices")) == 0
           || Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM offices"))
                  == Geo::BoundaryCatalog::bundled().district(QStringLiteral("11410")).size()));
}

TEST_CASE("Facility lists import with and without coordinates, bad ones not at all", "[core][import]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    const qint64 before = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM facilities"));
    Import::ImportService service(*ws);
    auto bad = service.facilities(Test::dataPath(QStringLiteral("facilities_bad.csv")));
    REQUIRE(bad);
    REQUIRE_FALSE(bad->ok());
    CHECK(bad->errors.size() == 2); // the coordinate out of range (line 3) and the nameless row (line 4)
    CHECK(bad->errors[0].line == 3);
    CHECK(bad->errors[1].line == 4);
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM facilities")) == before);

    auto good = service.facilities(Test::dataPath(QStringLiteral("facilities_good.csv")));
    REQUIRE(good);
    REQUIRE(good->ok());
    CHECK(good->imported == 2);
    auto all = Storage::FacilityStore(ws->db()).all();
    REQUIRE(all);
    int placed = 0;
    for (const Facility &f : *all) {
        if (f.code == QLatin1String("T001")) {
            CHECK(f.isPlaced());
            CHECK(f.officeCode == QStringLiteral("1141052000"));
            ++placed;
        }
        if (f.code == QLatin1String("T002"))
            CHECK_FALSE(f.isPlaced());
    }
    CHECK(placed == 1);
    // Importing the same list again adds nothing.
    auto again = service.facilities(Test::dataPath(QStringLiteral("facilities_good.csv")));
    REQUIRE(again);
    CHECK(again->imported == 0);
    CHECK(again->skipped == 2);
}
