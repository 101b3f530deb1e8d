// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importservice.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "support/storefiles.h"
#include "support/testsupport.h"

using namespace VisitMap;

namespace {

struct Snapshot
{
    qint64 households, persons, outbox, audit, offices;
    bool operator==(const Snapshot &o) const
    {
        return households == o.households && persons == o.persons && outbox == o.outbox
               && offices == o.offices;
    }
};

Snapshot snapshot(Workspace &ws)
{
    return {Test::count(ws, QStringLiteral("SELECT COUNT(*) FROM households")),
            Test::count(ws, QStringLiteral("SELECT COUNT(*) FROM persons")),
            Test::count(ws, QStringLiteral("SELECT COUNT(*) FROM outbox")),
            Test::count(ws, QStringLiteral("SELECT COUNT(*) FROM audit_log")),
            Test::count(ws, QStringLiteral("SELECT COUNT(*) FROM offices"))};
}

std::unique_ptr<Workspace> leadStore(const Test::TempDir &dir)
{
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    return ws;
}

} // namespace

TEST_CASE("A good households file imports every row in one go", "[core][import]")
{
    for (const char *file : {"households_good.csv", "households_korean_bom.csv", "households_cp949.csv"}) {
        DYNAMIC_SECTION(file)
        {
            Test::TempDir dir;
            auto ws = leadStore(dir);
            auto report = Import::ImportService(*ws).households(Test::dataPath(QString::fromLatin1(file)));
            REQUIRE(report);
            INFO((report->errors.isEmpty() ? QString() : report->errors.first().toString()).toStdString());
            REQUIRE(report->ok());
            CHECK(report->imported == 5);
            CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == 5);
            // The row without adm_cd was placed in the dong holding its point.
            CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households WHERE office_code = '1141056500'")) == 1);
            // Each household went to the outbox and the access log with it.
            CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'household'")) == 5);
            CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND subject_kind = 'household'")) == 5);
            auto list = Storage::HouseholdStore(ws->db()).list({});
            REQUIRE(list);
            QStringList names;
            for (const Household &h : *list)
                names << h.headName;
            CHECK(names.contains(QStringLiteral("이, 철수")));
            // The quoted quote in the address survives.
            bool quoted = false;
            for (const Household &h : *list)
                quoted = quoted || h.roadAddress.contains(QStringLiteral("\"모래내로\""));
            CHECK(quoted);
        }
    }
}

TEST_CASE("A tier given in the file is kept as an override with its source", "[core][import]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    REQUIRE(Import::ImportService(*ws).households(Test::dataPath(QStringLiteral("households_good.csv")))->ok());
    auto list = Storage::HouseholdStore(ws->db()).list({});
    REQUIRE(list);
    int high = 0;
    for (const Household &h : *list) {
        if (h.tier() == RiskTier::High) {
            ++high;
            CHECK((h.tierOverride.has_value() || h.computedTier == RiskTier::High));
        }
        CHECK(h.nextVisitDue.isValid());
    }
    CHECK(high == 1);
    // The 주민등록번호 rests encrypted and reads back for a key holder.
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM persons WHERE rrn_cipher IS NOT NULL")) == 1);
    // Every file of the open store (the import sits in the -wal); the address of the same row,
    // in the clear, shows that the scan sees what the import wrote.
    const QByteArray bytes = Test::storeFilesBytes(ws->path());
    CHECK(bytes.contains(QStringLiteral("통일로 101").toUtf8()));
    CHECK_FALSE(bytes.contains("450311-2000003"));
    CHECK_FALSE(bytes.contains("4503112000003"));
}

TEST_CASE("A bad households file imports nothing and names each bad row", "[core][import]")
{
    struct Case
    {
        const char *file;
        int line;      // a line that must be reported (0: the file as a whole)
        const char *words; // a word the reason must contain
    };
    const Case cases[] = {
        {"households_bad_types.csv", 2, "coordinates"},
        {"households_missing_columns.csv", 1, "lat"},
        {"households_unterminated.csv", 4, "quoted"},
        {"households_outside.csv", 3, "outside Korea"},
        {"households_wrong_dong.csv", 2, "not in the"},
        {"households_bad_encoding.csv", 2, "UTF-8"},
        {"households_empty_lat.csv", 3, "latitude is empty"},
    };
    for (const Case &c : cases) {
        DYNAMIC_SECTION(c.file)
        {
            Test::TempDir dir;
            auto ws = leadStore(dir);
            const Snapshot before = snapshot(*ws);
            auto report = Import::ImportService(*ws).households(Test::dataPath(QString::fromLatin1(c.file)));
            REQUIRE(report);
            REQUIRE_FALSE(report->ok());
            bool found = false;
            QStringList all;
            for (const Import::RowError &e : report->errors) {
                all << e.toString();
                CHECK(e.file.endsWith(QString::fromLatin1(c.file)));
                if (e.line == c.line && e.toString().contains(QString::fromLatin1(c.words)))
                    found = true;
            }
            INFO(all.join(QStringLiteral("\n")).toStdString());
            CHECK(found);
            CHECK(snapshot(*ws) == before);
        }
    }
}

TEST_CASE("Every problem row of a file is reported, not just the first", "[core][import]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    auto report = Import::ImportService(*ws).households(Test::dataPath(QStringLiteral("households_outside.csv")));
    REQUIRE(report);
    QList<int> lines;
    for (const auto &e : report->errors)
        lines << e.line;
    CHECK(lines.contains(3));
    CHECK(lines.contains(4));
    CHECK(lines.contains(5));
    CHECK_FALSE(lines.contains(2)); // the good row is not blamed
}

TEST_CASE("Households outside the account's offices are refused", "[core][import]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::realStoreCopy(dir));
    REQUIRE_OK(ws->signIn(QStringLiteral("case1"), Test::caseworkerPassword())); // 천연동 only
    auto report = Import::ImportService(*ws).households(Test::dataPath(QStringLiteral("households_good.csv")));
    REQUIRE(report);
    REQUIRE_FALSE(report->ok());
    CHECK(report->errors.size() == 4); // every row but the 천연동 one
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == 0);
}

TEST_CASE("The same file twice is refused the second time, not doubled", "[core][import]")
{
    Test::TempDir dir;
    auto ws = leadStore(dir);
    const QString file = dir.path(QStringLiteral("with-ids.csv"));
    QByteArray text = Test::readAll(Test::dataPath(QStringLiteral("households_good.csv")));
    QList<QByteArray> lines = text.split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        if (!lines[i].isEmpty())
            lines[i] = QStringLiteral("01938a4e-0000-7000-8000-00000000000%1").arg(i).toUtf8() + lines[i];
    }
    Test::writeFile(file, lines.join('\n'));
    REQUIRE(Import::ImportService(*ws).households(file)->ok());
    auto again = Import::ImportService(*ws).households(file);
    REQUIRE(again);
    REQUIRE_FALSE(again->ok());
    CHECK(again->errors.first().reason.contains(QStringLiteral("already in the store")));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households")) == 5);
}

TEST_CASE("Real households are not imported into a demo store", "[core][import]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    auto report = Import::ImportService(*ws).households(Test::dataPath(QStringLiteral("households_good.csv")));
    REQUIRE_FALSE(report);
    CHECK(report.error().code == ErrorCode::PermissionDenied);
}
