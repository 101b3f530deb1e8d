// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/columnmap.h"
#include "import/importservice.h"
#include "support/testsupport.h"

#include <catch2/catch.hpp>

using namespace VisitMap;
using Import::RowProblem;

namespace {

// The one problem a file lacking a required column gives: line 1, no field, the column's accepted
// names (the canonical one first) as its fact and in the English reason.
void checkMissing(const Import::ImportReport &r, const QString &file, const QString &accepted)
{
    REQUIRE(r.errors.size() == 1);
    const Import::RowError &e = r.errors.first();
    CHECK(e.file == file);
    CHECK(e.line == 1);
    CHECK(e.field.isEmpty());
    CHECK(e.problem == RowProblem::MissingColumn);
    CHECK(e.args == QStringList{accepted});
    CHECK(e.reason
          == QStringLiteral("no %1 column (the header needs one of: %2)")
                 .arg(accepted.section(QStringLiteral(", "), 0, 0), accepted));
    CHECK(r.imported == 0);
}

} // namespace

TEST_CASE("A facility file and a visit-log file each missing a required column give the same "
          "problem naming the column",
          "[core][import][columns]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    Import::ImportService service(*ws);

    SECTION("a facility list without an address")
    {
        const QString file = dir.path(QStringLiteral("facilities.csv"));
        Test::writeFile(file, QByteArrayLiteral("시설명,전화번호\n행복경로당,02-330-1234\n"));
        auto r = service.facilities(file);
        REQUIRE_OK(r);
        checkMissing(*r, file, QStringLiteral("address, 시설주소, 시설 주소, 주소"));
        CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM facilities")) == 0);
    }
    SECTION("a visit log without an outcome")
    {
        const QString file = dir.path(QStringLiteral("visits.csv"));
        Test::writeFile(file, QByteArrayLiteral("가구ID,구분,일시\nH-1,방문,2026-11-20 10:00\n"));
        auto r = service.visits(file);
        REQUIRE_OK(r);
        checkMissing(*r, file, QStringLiteral("outcome, 결과"));
    }
    SECTION("a households list without an address")
    {
        const QString file = dir.path(QStringLiteral("households.csv"));
        Test::writeFile(file, QByteArrayLiteral("adm_cd,lon,lat\n1141052000,126.95,37.57\n"));
        auto r = service.households(file);
        REQUIRE_OK(r);
        checkMissing(*r, file, QStringLiteral("address, road_address, 주소, 도로명주소"));
    }
}

TEST_CASE("The column map names every required column a header lacks and none it has",
          "[core][import][columns]")
{
    CsvTable table;
    table.header = {QStringLiteral("성명"), QStringLiteral("결과")};
    Import::ImportReport report;
    Import::ColumnMap map(table, QStringLiteral("f.csv"), report);
    constexpr auto required = Import::ColumnMap::Need::Required;
    CHECK(map.find({u"name", u"성명"}, required) == 0);
    CHECK(map.find({u"kind", u"구분"}, required) == -1);
    CHECK(map.find({u"note", u"메모"}) == -1); // optional: never a problem
    CHECK(map.find({u"at", u"일시"}, required) == -1);
    CHECK_FALSE(map.checkRequired());
    REQUIRE(report.errors.size() == 2);
    CHECK(report.errors[0].args == QStringList{QStringLiteral("kind, 구분")});
    CHECK(report.errors[1].args == QStringList{QStringLiteral("at, 일시")});
    CHECK(map.uses().at(1).required);
    CHECK_FALSE(map.uses().at(2).required);

    Import::ImportReport complete;
    Import::ColumnMap all(table, QStringLiteral("f.csv"), complete);
    (void)all.find({u"name", u"성명"}, required);
    (void)all.find({u"outcome", u"결과"}, required);
    CHECK(all.checkRequired());
    CHECK(complete.ok());
}
