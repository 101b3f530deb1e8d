// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migrator.h"
#include "support/testsupport.h"

using namespace VisitMap;
using namespace VisitMap::Storage;

TEST_CASE("Migrations take an empty store to the latest schema with every table", "[core][storage]")
{
    auto db = Database::open(QStringLiteral(":memory:"));
    REQUIRE(db);
    REQUIRE((*db)->userVersion() == 0);
    auto ran = Migrator(**db).migrate();
    REQUIRE(ran);
    CHECK(*ran == Migrator::bundled().size());
    CHECK((*db)->userVersion() == Migrator::latestVersion());
    for (const char *table : {"offices", "staff", "households", "persons", "cases", "crisis_signals",
                              "crisis_reports", "visits", "need_assessments", "counseling_notes",
                              "service_links", "resources", "facilities", "attachments", "audit_log",
                              "outbox", "sync_state", "conflicts"}) {
        INFO(table);
        auto n = (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                              "'table' AND name = ?"),
                               {QString::fromLatin1(table)});
        REQUIRE(n);
        CHECK(n->toInt() == 1);
    }
    // The versioned crisis-item table holds the 47 items of version 2024-11.
    CHECK((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM crisis_item_codes WHERE version = '2024-11'"))->toInt() == 47);
    CHECK((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM need_domains"))->toInt() == 11);
    // Running again changes nothing.
    auto again = Migrator(**db).migrate();
    REQUIRE(again);
    CHECK(*again == 0);
}

TEST_CASE("A store from a newer program is refused and left untouched", "[core][storage]")
{
    Test::TempDir dir;
    const QString path = dir.path(QStringLiteral("future.visitmap"));
    {
        auto db = Database::open(path);
        REQUIRE(db);
        REQUIRE((*db)->setUserVersion(Migrator::latestVersion() + 5));
    }
    auto db = Database::open(path);
    REQUIRE(db);
    auto ran = Migrator(**db).migrate();
    REQUIRE_FALSE(ran);
    CHECK(ran.error().message.contains(QStringLiteral("newer")));
    CHECK((*db)->userVersion() == Migrator::latestVersion() + 5);
}

TEST_CASE("Statement splitting keeps trigger bodies and quoted semicolons whole", "[core][storage]")
{
    const QString sql = QStringLiteral(
        "CREATE TABLE a (x TEXT DEFAULT ';');\n-- a comment; with a semicolon\n"
        "CREATE TRIGGER t BEFORE UPDATE ON a\nBEGIN SELECT RAISE(ABORT, 'no; never'); END;\n"
        "INSERT INTO a VALUES ('1;2');\n");
    const QStringList parts = Migrator::splitStatements(sql);
    REQUIRE(parts.size() == 3);
    CHECK(parts[1].startsWith(QStringLiteral("CREATE TRIGGER")));
    CHECK(parts[1].endsWith(QStringLiteral("END;")));
}

TEST_CASE("A failed unit of work leaves nothing behind, nested or not", "[core][storage]")
{
    auto db = Database::open(QStringLiteral(":memory:"));
    REQUIRE(db);
    REQUIRE((*db)->exec(QStringLiteral("CREATE TABLE t (v INTEGER NOT NULL)")));
    auto result = (*db)->transaction([&]() -> Status {
        REQUIRE((*db)->exec(QStringLiteral("INSERT INTO t VALUES (1)")));
        auto inner = (*db)->transaction([&]() -> Status {
            REQUIRE((*db)->exec(QStringLiteral("INSERT INTO t VALUES (2)")));
            return (*db)->exec(QStringLiteral("INSERT INTO t VALUES (NULL)")); // fails
        });
        CHECK_FALSE(inner);
        // The inner failure rolled back only its own rows.
        CHECK((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM t"))->toInt() == 1);
        return fail(ErrorCode::Validation, QStringLiteral("the whole action fails"));
    });
    CHECK_FALSE(result);
    CHECK((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM t"))->toInt() == 0);
}

TEST_CASE("Visit logs are append-only in the store itself", "[core][storage]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    CHECK_FALSE(ws->db().exec(QStringLiteral("UPDATE visits SET notes = 'edited'")));
    CHECK_FALSE(ws->db().exec(QStringLiteral("DELETE FROM visits")));
    CHECK_FALSE(ws->db().exec(QStringLiteral("UPDATE audit_log SET detail = 'x'")));
    CHECK_FALSE(ws->db().exec(QStringLiteral("DELETE FROM audit_log")));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM visits")) > 0);
}
