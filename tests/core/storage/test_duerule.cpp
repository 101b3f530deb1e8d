// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/household.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/statsstore.h"
#include "support/testsupport.h"
#include "util/clock.h"
#include "workspace.h"

#include <QSet>

using namespace VisitMap;

TEST_CASE("방문 지남 is one rule: the list, the map, the counts and the statistics agree with the household itself",
          "[storage]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE(ws);
    Storage::Database &db = ws->db();
    const QDate today = Test::demoToday();
    Storage::HouseholdStore store(db);

    // The edges of the rule, on households of the demo: one due today (not yet overdue), one a day
    // past due but closed (not overdue: nobody visits a closed household), one without a due date,
    // one with an empty due date as an older import may have left, and one a day past due and
    // active (overdue).
    auto all = store.list({});
    REQUIRE(all);
    REQUIRE(all->size() == Test::demoHouseholds);
    const auto set = [&](const QString &id, const QVariant &due, const QString &status) {
        REQUIRE(db.execute(QStringLiteral("UPDATE households SET next_visit_due = ?, status = ? WHERE id = ?"),
                           {due, status, id}));
    };
    set(all->at(0).id, Iso::date(today), QStringLiteral("active"));
    set(all->at(1).id, Iso::date(today.addDays(-1)), QStringLiteral("closed"));
    set(all->at(2).id, QVariant(), QStringLiteral("active"));
    set(all->at(3).id, Iso::date(today.addDays(-1)), QStringLiteral("active"));
    set(all->at(4).id, QStringLiteral(""), QStringLiteral("active"));

    all = store.list({});
    REQUIRE(all);
    QSet<QString> expected;
    for (const Household &h : *all)
        if (h.isOverdue(today))
            expected.insert(h.id);
    CHECK_FALSE(expected.contains(all->at(0).id));
    CHECK_FALSE(expected.contains(all->at(1).id));
    CHECK_FALSE(expected.contains(all->at(2).id));
    CHECK(expected.contains(all->at(3).id));
    CHECK_FALSE(expected.contains(all->at(4).id));
    REQUIRE(expected.size() > 10);

    Storage::HouseholdQuery overdue;
    overdue.overdueOnly = true;
    overdue.today = today;
    auto listed = store.list(overdue);
    REQUIRE(listed);
    QSet<QString> listedIds;
    for (const Household &h : *listed)
        listedIds.insert(h.id);
    QStringList extra, missing;
    for (const QString &id : listedIds)
        if (!expected.contains(id))
            extra << id;
    for (const QString &id : expected)
        if (!listedIds.contains(id))
            missing << id;
    CHECK(extra.join(u',').toStdString() == "");
    CHECK(missing.join(u',').toStdString() == "");

    auto counts = store.counts({}, today);
    REQUIRE(counts);
    CHECK(counts->overdue == expected.size());

    auto points = store.points(today);
    REQUIRE(points);
    CHECK(std::count_if(points->begin(), points->end(), [](const auto &p) { return p.overdue; }) == expected.size());

    auto stats = Storage::StatsStore(db).compute(today);
    REQUIRE(stats);
    CHECK(stats->overdue == expected.size());
    auto load = Storage::StatsStore(db).workload(today);
    REQUIRE(load);
    int byWorker = 0;
    for (const auto &w : *load)
        byWorker += w.overdue;
    CHECK(byWorker == expected.size());
}
