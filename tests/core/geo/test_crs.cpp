// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/boundarycatalog.h"
#include "geo/crs.h"
#include "geo/donglocator.h"
#include "geo/geojson.h"
#include "geo/geomath.h"
#include "import/importservice.h"
#include "storage/householdstore.h"
#include "support/testsupport.h"
#include "util/csv.h"
#include "workspace.h"

#include <cmath>

using namespace VisitMap;

TEST_CASE("EPSG:5179 centroids of every dong convert to the WGS84 points the file gives", "[core][geo]")
{
    auto toWgs = Geo::CrsTransform::toWgs84(QStringLiteral("EPSG:5179"));
    REQUIRE_OK(toWgs);
    auto fromWgs = Geo::CrsTransform::fromWgs84(QStringLiteral("urn:ogc:def:crs:EPSG::5179"));
    REQUIRE_OK(fromWgs);
    const Geo::DongLocator locator(Geo::BoundaryCatalog::bundled().all());
    auto table = CsvReader::readFile(Test::productDataPath(QStringLiteral("admdong/dong_centroids_epsg5179_seoul_anyang.csv")));
    REQUIRE(table);
    const int cCode = table->column({u"admcd10"}), cX = table->column({u"x_epsg5179"}), cY = table->column({u"y_epsg5179"}),
              cLon = table->column({u"lon_wgs84_derived"}), cLat = table->column({u"lat_wgs84_derived"}),
              cInside = table->column({u"inside_ver20210401_polygon"});
    int converted = 0, located = 0;
    for (const CsvRecord &r : table->rows) {
        INFO(r.fields.at(cCode).toStdString());
        const double x = r.fields.at(cX).toDouble(), y = r.fields.at(cY).toDouble();
        const auto p = toWgs->apply(x, y);
        REQUIRE(p);
        // The file's lon/lat have six decimals (about 0.1 m).
        CHECK(p->x() == Approx(r.fields.at(cLon).toDouble()).epsilon(0).margin(2e-6));
        CHECK(p->y() == Approx(r.fields.at(cLat).toDouble()).epsilon(0).margin(2e-6));
        // And back to the metre grid within a millimetre.
        const auto back = fromWgs->apply(p->x(), p->y());
        REQUIRE(back);
        CHECK(back->x() == Approx(x).epsilon(0).margin(1e-3));
        CHECK(back->y() == Approx(y).epsilon(0).margin(1e-3));
        ++converted;
        if (r.fields.at(cInside) == QLatin1String("Y")) {
            CHECK(locator.locate(p->x(), p->y()) == r.fields.at(cCode));
            ++located;
        }
    }
    CHECK(converted > 480);
    CHECK(located > 450);
}

TEST_CASE("Korean CRSs agree with each other and unknown ones are refused clearly", "[core][geo]")
{
    auto project = [](const char *code, double lon, double lat) {
        auto t = Geo::CrsTransform::fromWgs84(QString::fromLatin1(code));
        REQUIRE_OK(t);
        const auto p = t->apply(lon, lat);
        REQUIRE(p);
        return *p;
    };
    auto unproject = [](const char *code, double x, double y) {
        auto t = Geo::CrsTransform::toWgs84(QString::fromLatin1(code));
        REQUIRE_OK(t);
        const auto p = t->apply(x, y);
        REQUIRE(p);
        return *p;
    };
    // Each grid's own origin lands on its false origin (the published definitions).
    struct Origin
    {
        const char *code;
        double lon, lat, x, y;
    };
    for (const Origin &o : {Origin{"EPSG:5179", 127.5, 38.0, 1000000, 2000000}, // UTM-K
                            Origin{"EPSG:5181", 127.0, 38.0, 200000, 500000},    // 중부원점, old false northing
                            Origin{"EPSG:5186", 127.0, 38.0, 200000, 600000},    // 중부원점
                            Origin{"5186", 127.0, 38.0, 200000, 600000}}) {
        INFO(o.code);
        const QPointF p = project(o.code, o.lon, o.lat);
        CHECK(p.x() == Approx(o.x).epsilon(0).margin(0.01));
        CHECK(p.y() == Approx(o.y).epsilon(0).margin(0.01));
        const QPointF back = unproject(o.code, o.x, o.y);
        CHECK(back.x() == Approx(o.lon).epsilon(0).margin(1e-9));
        CHECK(back.y() == Approx(o.lat).epsilon(0).margin(1e-9));
    }
    // Web Mercator by its closed formula, independent of PROJ.
    const double lon = 126.9368, lat = 37.5791; // 서대문구청
    const double pi = 3.14159265358979323846, r = 6378137.0;
    const QPointF m = project("EPSG:3857", lon, lat);
    CHECK(m.x() == Approx(r * lon * pi / 180).epsilon(0).margin(0.01));
    CHECK(m.y() == Approx(r * std::log(std::tan(pi / 4 + lat * pi / 360))).epsilon(0).margin(0.01));

    // The same place in 5181 and 5186 is the same point 100 km apart in northing (the two differ
    // only in the false northing), and a point carried from one grid to another through WGS84
    // lands where the other grid puts it directly.
    const QPointF a = project("EPSG:5181", lon, lat), b = project("EPSG:5186", lon, lat);
    CHECK(b.x() == Approx(a.x()).epsilon(0).margin(1e-3));
    CHECK(b.y() - a.y() == Approx(100000).epsilon(0).margin(1e-3));
    const QPointF k = project("EPSG:5179", lon, lat);
    const QPointF viaWgs = unproject("EPSG:5179", k.x(), k.y());
    const QPointF carried = project("EPSG:5186", viaWgs.x(), viaWgs.y());
    CHECK(carried.x() == Approx(b.x()).epsilon(0).margin(1e-3));
    CHECK(carried.y() == Approx(b.y()).epsilon(0).margin(1e-3));
    // Distances agree between the grids and the sphere (within its 0.5 %): about 1.9 km.
    const double lon2 = 126.9368 + 0.0050, lat2 = 37.5791 - 0.0160;
    const double ground = Geo::haversineM(lon, lat, lon2, lat2);
    for (const char *code : {"EPSG:5179", "EPSG:5181", "EPSG:5186"}) {
        INFO(code);
        const QPointF p = project(code, lon, lat), q = project(code, lon2, lat2);
        CHECK(std::hypot(p.x() - q.x(), p.y() - q.y()) == Approx(ground).epsilon(0.005));
    }
    CHECK(viaWgs.x() == Approx(lon).epsilon(0).margin(1e-8));
    CHECK(viaWgs.y() == Approx(lat).epsilon(0).margin(1e-8));

    CHECK(Geo::CrsTransform::toWgs84(QStringLiteral("CRS84"))->isIdentity());
    auto bad = Geo::CrsTransform::toWgs84(QStringLiteral("EPSG:99999"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.contains(QStringLiteral("EPSG:99999")));
    auto nonsense = Geo::CrsTransform::toWgs84(QStringLiteral("UTM-K please"));
    REQUIRE_FALSE(nonsense);
    CHECK(nonsense.error().message.contains(QStringLiteral("not a coordinate system")));
}

TEST_CASE("A boundary file in EPSG:5179 lands where the WGS84 one does", "[core][geo]")
{
    auto features = Geo::parseBoundaries(Test::readAll(Test::dataPath(QStringLiteral("boundary_epsg5179.geojson"))),
                                         QStringLiteral("boundary_epsg5179.geojson"));
    REQUIRE_OK(features);
    REQUIRE(features->size() == 1);
    auto office = Geo::officeFromFeature(features->first());
    REQUIRE_OK(office);
    const Office *bundled = Geo::BoundaryCatalog::bundled().find(office->code);
    REQUIRE(bundled);
    // Same ring, converted: every vertex within a few centimetres of the bundled one.
    const auto &a = office->boundary.first().rings.first();
    const auto &b = bundled->boundary.first().rings.first();
    REQUIRE(a.size() == b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        CHECK(a[i].x() == Approx(b[i].x()).epsilon(0).margin(1e-6));
        CHECK(a[i].y() == Approx(b[i].y()).epsilon(0).margin(1e-6));
    }
    CHECK(Geo::multiPolygonContains(office->boundary, bundled->centroid.longitude(), bundled->centroid.latitude()));
}

TEST_CASE("A households file in UTM-K imports with --crs and is refused without it", "[core][import]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    const QString file = Test::dataPath(QStringLiteral("households_epsg5179.csv"));

    auto refused = Import::ImportService(*ws).households(file);
    REQUIRE(refused);
    REQUIRE_FALSE(refused->ok());
    CHECK(refused->errors.first().toString().contains(QStringLiteral("--crs EPSG:5179")));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == 0);

    Import::ImportOptions options;
    options.crs = QStringLiteral("EPSG:5179");
    auto report = Import::ImportService(*ws).households(file, options);
    REQUIRE(report);
    INFO((report->errors.isEmpty() ? QString() : report->errors.first().toString()).toStdString());
    REQUIRE(report->ok());
    CHECK(report->imported == 5);
    // The same places as the WGS84 file: 통일로 101 at 126.956161, 37.571953.
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households WHERE abs(lon - 126.956161) < 1e-6 "
                                          "AND abs(lat - 37.571953) < 1e-6 AND office_code = '1141052000'")) == 1);
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households WHERE office_code = '1141056500'")) == 1);

    options.crs = QStringLiteral("EPSG:5186"); // the wrong grid puts them far away: refused
    Test::TempDir dir2;
    auto ws2 = Test::openStore(Test::realStoreCopy(dir2));
    REQUIRE_OK(ws2->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    auto wrong = Import::ImportService(*ws2).households(file, options);
    REQUIRE(wrong);
    CHECK_FALSE(wrong->ok());
    CHECK(Test::count(*ws2, QStringLiteral("SELECT COUNT(*) FROM households")) == 0);
}
