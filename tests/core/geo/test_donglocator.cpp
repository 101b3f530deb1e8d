// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/boundarycatalog.h"
#include "geo/donglocator.h"
#include "geo/geojson.h"
#include "geo/geomath.h"
#include "support/testsupport.h"
#include "util/csv.h"

using namespace VisitMap;

namespace {
QList<Office> load(const QString &file)
{
    auto features = Geo::parseBoundaries(Test::readAll(Test::productDataPath(file)), file);
    REQUIRE(features);
    QList<Office> offices;
    for (const auto &f : *features) {
        auto o = Geo::officeFromFeature(f);
        REQUIRE(o);
        offices.append(*o);
    }
    return offices;
}
} // namespace

TEST_CASE("The bundled boundaries parse with 10-digit codes and names", "[core][geo]")
{
    const QList<Office> seodaemun = load(QStringLiteral("admdong/seodaemun_admdong_ver20210401.geojson"));
    REQUIRE(seodaemun.size() == 14);
    for (const Office &o : seodaemun) {
        CHECK(o.code.size() == 10);
        CHECK(o.sggCode == QStringLiteral("11410"));
        CHECK(o.sggName == QStringLiteral("서대문구"));
        // The representative point lies inside the dong.
        CHECK(Geo::multiPolygonContains(o.boundary, o.centroid.longitude(), o.centroid.latitude()));
    }
    CHECK(load(QStringLiteral("admdong/anyang_admdong_ver20210401.geojson")).size() == 31);
    CHECK(Geo::BoundaryCatalog::bundled().all().size() == 425 + 31);
}

TEST_CASE("Points land in the dong the official centroid file names", "[core][geo]")
{
    const Geo::DongLocator locator(Geo::BoundaryCatalog::bundled().all());
    auto table = CsvReader::readFile(Test::productDataPath(QStringLiteral("admdong/dong_centroids_epsg5179_seoul_anyang.csv")));
    REQUIRE(table);
    const int cCode = table->column({u"admcd10"}), cLon = table->column({u"lon_wgs84_derived"}),
              cLat = table->column({u"lat_wgs84_derived"}), cInside = table->column({u"inside_ver20210401_polygon"});
    int checked = 0;
    for (const CsvRecord &r : table->rows) {
        if (r.fields.at(cInside) != QLatin1String("Y"))
            continue;
        INFO(r.fields.at(cCode).toStdString());
        CHECK(locator.locate(r.fields.at(cLon).toDouble(), r.fields.at(cLat).toDouble()) == r.fields.at(cCode));
        ++checked;
    }
    CHECK(checked > 450);
    // The sea off Incheon and Busan are in no dong of ours.
    CHECK(locator.locate(126.5, 37.4).isEmpty());
    CHECK(locator.locate(129.07, 35.18).isEmpty());
}

TEST_CASE("Distances to a dong are zero inside and grow outside", "[core][geo]")
{
    const QList<Office> offices = load(QStringLiteral("admdong/seodaemun_admdong_ver20210401.geojson"));
    const Office &o = offices.first();
    CHECK(Geo::distanceToM(o.boundary, o.centroid.longitude(), o.centroid.latitude()) == 0);
    const double far = Geo::distanceToM(o.boundary, o.centroid.longitude() + 0.1, o.centroid.latitude());
    CHECK(far > 3000);
    CHECK(Geo::haversineM(126.9780, 37.5665, 127.0276, 37.4979) == Approx(8780).epsilon(0.02));
}
