// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demogenerator.h"
#include "demo/syntheticrrn.h"
#include "export/exportservice.h"
#include "geo/boundarycatalog.h"
#include "geo/donglocator.h"
#include "import/fieldparse.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "support/testsupport.h"
#include "util/csv.h"
#include "util/random.h"

using namespace VisitMap;

namespace {
Demo::DemoSummary generate(const QString &path, quint64 seed, int households = 250)
{
    Demo::DemoOptions o;
    o.households = households;
    o.seed = seed;
    o.today = Test::demoToday();
    auto s = Demo::DemoGenerator::generate(path, o);
    if (!s)
        FAIL(s.error().toString().toStdString());
    return *s;
}

QByteArray exportHouseholds(const QString &store, const QString &out)
{
    auto ws = Test::openStore(store);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    REQUIRE_OK(Export::ExportService(*ws).run({Export::ExportKind::Households, out, QStringLiteral("test"), true}));
    return Test::readAll(out);
}
} // namespace

TEST_CASE("The demo district is the same for the same seed and different for another", "[core][demo]")
{
    Test::TempDir dir;
    generate(dir.path(QStringLiteral("a.visitmap")), 11);
    generate(dir.path(QStringLiteral("b.visitmap")), 11);
    generate(dir.path(QStringLiteral("c.visitmap")), 12);
    const QByteArray a = exportHouseholds(dir.path(QStringLiteral("a.visitmap")), dir.path(QStringLiteral("a.csv")));
    const QByteArray b = exportHouseholds(dir.path(QStringLiteral("b.visitmap")), dir.path(QStringLiteral("b.csv")));
    const QByteArray c = exportHouseholds(dir.path(QStringLiteral("c.visitmap")), dir.path(QStringLiteral("c.csv")));
    CHECK(a.size() > 10000);
    CHECK(a == b);
    CHECK(a != c);
}

TEST_CASE("Every demo household lies inside the polygon of its own dong", "[core][demo]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    auto households = Storage::HouseholdStore(ws->db()).list({});
    REQUIRE(households);
    REQUIRE(households->size() == Test::demoHouseholds);
    const Geo::DongLocator locator(Geo::BoundaryCatalog::bundled().all());
    QSet<QString> dongs;
    for (const Household &h : *households) {
        CHECK(locator.contains(h.officeCode, h.lon, h.lat));
        dongs.insert(h.officeCode);
    }
    CHECK(dongs.size() == 14); // every dong of 서대문구 has households
}

TEST_CASE("A demo district has all three tiers in about the intended shares", "[core][demo]")
{
    Test::TempDir dir;
    const auto s = generate(dir.path(QStringLiteral("d.visitmap")), 3, 4000);
    CHECK(s.households == 4000);
    CHECK(s.high + s.medium + s.low == 4000);
    CHECK(s.high / 4000.0 == Approx(0.10).margin(0.03));
    CHECK(s.medium / 4000.0 == Approx(0.25).margin(0.05));
    CHECK(s.low / 4000.0 == Approx(0.65).margin(0.05));
    CHECK(s.overdue > 0);
    CHECK(s.overdue < 4000 / 3);
    CHECK(s.fresh > 0);
    CHECK(s.visits > s.households);
    CHECK(s.facilities >= 100); // the real 서대문구 facility list
}

TEST_CASE("A demo store is consistent, marked synthetic and its identifiers are encrypted", "[core][demo]")
{
    Test::TempDir dir;
    const QString path = Test::demoStoreCopy(dir);
    auto ws = Test::openStore(path);
    CHECK(ws->isDemo());
    CHECK(ws->db().scalar(QStringLiteral("PRAGMA integrity_check"))->toString() == QStringLiteral("ok"));
    auto fk = ws->db().execute(QStringLiteral("PRAGMA foreign_key_check"));
    REQUIRE(fk);
    CHECK_FALSE(fk->next());
    // Members' 주민등록번호 are ciphertext at rest, and the demo caseworker can read them.
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM persons WHERE rrn_cipher IS NULL")) == 0);
    REQUIRE_OK(ws->signInDemo());
    auto one = Storage::HouseholdStore(ws->db()).list({});
    REQUIRE(one);
    auto members = Storage::HouseholdStore(ws->db()).members(one->first().id, &ws->session()->keyring);
    REQUIRE(members);
    REQUIRE_FALSE(members->isEmpty());
    for (const Person &p : *members) {
        REQUIRE(Import::Field::rrn(p.rrn).has_value());
        // Never a number that could have been issued: the check digit is always wrong.
        CHECK_FALSE(Demo::SyntheticRrn::passesLegacyCheck(p.rrn));
        CHECK(Import::Field::birthDateFromRrn(p.rrn) == p.birthDate);
    }
}

TEST_CASE("The demo generator will not overwrite a file unless told to", "[core][demo]")
{
    Test::TempDir dir;
    const QString path = dir.path(QStringLiteral("keep.visitmap"));
    Test::writeFile(path, "precious");
    Demo::DemoOptions o;
    o.households = 10;
    auto refused = Demo::DemoGenerator::generate(path, o);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::AlreadyExists);
    CHECK(Test::readAll(path) == "precious");
    o.force = true;
    REQUIRE(Demo::DemoGenerator::generate(path, o));
    CHECK(Test::readAll(path) != "precious");
}

TEST_CASE("Synthetic resident numbers look real but fail the check digit", "[core][demo]")
{
    Random r(5);
    for (int i = 0; i < 500; ++i) {
        const QDate birth = QDate(1930, 1, 1).addDays(r.below(30000));
        const bool male = r.chance(0.5);
        const QString rrn = Demo::SyntheticRrn::make(r, birth, male);
        REQUIRE(rrn.size() == 14);
        CHECK(Import::Field::birthDateFromRrn(rrn) == birth);
        CHECK(Import::Field::sexFromRrn(rrn) == (male ? QStringLiteral("M") : QStringLiteral("F")));
        CHECK_FALSE(Demo::SyntheticRrn::passesLegacyCheck(rrn));
    }
    // The formula itself: 800101-123456? has check digit 0 (sum 122, 11 - 122 mod 11 = 10 -> 0).
    CHECK(Demo::SyntheticRrn::checkDigit(QStringLiteral("800101123456")) == 0);
    CHECK(Demo::SyntheticRrn::passesLegacyCheck(QStringLiteral("800101-1234560")));
    CHECK_FALSE(Demo::SyntheticRrn::passesLegacyCheck(QStringLiteral("800101-1234561")));
}
