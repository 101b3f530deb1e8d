// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's 발굴 entries carry their urgency and response deadline, decided by the same rules
// as imported ones, so the demo shows 긴급, 우선 and 일반 as a real office would.
#include "risk/urgencyrules.h"
#include "storage/crisisstore.h"
#include "storage/database.h"
#include "support/testsupport.h"

#include <QHash>
#include <QSet>

using namespace VisitMap;

TEST_CASE("Every demo 발굴 entry has the urgency and response deadline the intake rules give its "
          "listing",
          "[core][demo][urgency]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    Storage::Database &db = ws->db();
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM crisis_signals")) > 100);
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM crisis_signals WHERE urgency IS "
                                          "NULL OR response_due IS NULL"))
          == 0);

    auto items = Storage::CrisisStore(db).itemTable();
    REQUIRE(items);
    // Each household's entries of one round are one listing, decided together.
    struct Listing
    {
        QList<CrisisItem> items;
        QDate received;
        QSet<QString> urgencies, dues;
    };
    QHash<QString, Listing> listings;
    auto q = db.execute(QStringLiteral(
        "SELECT household_id, round_id, item_version, item_code, received_date, urgency, "
        "response_due FROM crisis_signals"));
    REQUIRE(q);
    while (q->next()) {
        Listing &l = listings[q->value(0).toString() + u'|' + q->value(1).toString()];
        l.items << (*items)[q->value(2).toString()].value(q->value(3).toString());
        const QDate received = QDate::fromString(q->value(4).toString(), Qt::ISODate);
        if (!l.received.isValid() || received < l.received)
            l.received = received;
        l.urgencies << q->value(5).toString();
        l.dues << q->value(6).toString();
    }
    QHash<QString, int> levels;
    for (const Listing &l : std::as_const(listings)) {
        const Urgency want
            = Intake::UrgencyRules::assess(Intake::UrgencyRules::factsOf(l.items)).level;
        REQUIRE(l.urgencies.size() == 1);
        REQUIRE(l.dues.size() == 1);
        CHECK(*l.urgencies.begin() == toCode(want));
        CHECK(*l.dues.begin()
              == Intake::UrgencyRules::responseDue(want, l.received).toString(Qt::ISODate));
        ++levels[toCode(want)];
    }
    // A mix, as a real round brings.
    INFO("urgent " << levels.value(QStringLiteral("urgent")) << " priority "
                   << levels.value(QStringLiteral("priority")) << " normal "
                   << levels.value(QStringLiteral("normal")));
    CHECK(levels.value(QStringLiteral("urgent")) > 0);
    CHECK(levels.value(QStringLiteral("priority")) > 0);
    CHECK(levels.value(QStringLiteral("normal")) > 0);
}

TEST_CASE("The demo office reached every 긴급 발굴 listing on the day it came, so none waits "
          "uncontacted",
          "[core][demo][urgency]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    CHECK(Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM crisis_signals WHERE urgency = "
                                          "'urgent'"))
          > 0);
    CHECK(Test::count(*ws,
                      QStringLiteral(
                          "SELECT COUNT(*) FROM crisis_signals s WHERE s.urgency = 'urgent' AND "
                          "NOT EXISTS (SELECT 1 FROM visits v WHERE v.household_id = "
                          "s.household_id AND v.at >= s.received_date AND v.outcome <> 'absent')"))
          == 0);
    // The call is the household's latest meeting when it came last, and the next visit follows
    // from it.
    CHECK(
        Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households h WHERE h.last_visit_at < "
                                        "(SELECT MAX(v.at) FROM visits v WHERE v.household_id = "
                                        "h.id AND v.outcome = 'met')"))
        == 0);
}
