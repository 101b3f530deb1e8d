// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "support/testsupport.h"

using namespace VisitMap;

TEST_CASE("An office filter of none, one or several offices finds exactly those offices' rows", "[storage]")
{
    Test::TempDir dir;
    auto db = Storage::Database::open(dir.path(QStringLiteral("inlist.visitmap")));
    REQUIRE(db);
    Storage::Database &store = **db;
    REQUIRE(store.exec(QStringLiteral("CREATE TABLE t (office TEXT)")));
    for (const char *code : {"A", "B", "C", "D"})
        REQUIRE(store.execute(QStringLiteral("INSERT INTO t VALUES (?)"), {QString::fromLatin1(code)}));

    const auto count = [&](const QStringList &offices) {
        QVariantList binds;
        const QString where = Storage::Database::inList(QStringLiteral("office"), offices, binds);
        CHECK(binds.size() == offices.size());
        const auto n = store.scalar(QStringLiteral("SELECT COUNT(*) FROM t WHERE ") + where, binds);
        REQUIRE(n);
        return n->toInt();
    };
    CHECK(count({}) == 0);
    CHECK(count({QStringLiteral("B")}) == 1);
    CHECK(count({QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("D")}) == 3);
    CHECK(count({QStringLiteral("A"), QStringLiteral("Z")}) == 1);
}
