// SPDX-License-Identifier: GPL-3.0-or-later
// The welfare-facility directory: edits checked and logged, positions set by the map or by a
// household at the same road address, and every change on its way to the central store.
#include "intake/matcher.h"
#include "security/permissions.h"
#include "storage/database.h"
#include "storage/facilitystore.h"
#include "support/syncfixture.h"
#include "support/testsupport.h"
#include "workflow/facilitydirectory.h"
#include "workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <catch2/catch.hpp>

using namespace VisitMap;

namespace {

struct Directory
{
    Test::TempDir dir;
    std::unique_ptr<Workspace> ws = Test::openStore(Test::demoStoreCopy(dir));
    explicit Directory(const QString &account = QStringLiteral("demo-lead"))
    {
        REQUIRE_OK(ws->signInDemo(account));
    }
    FacilityDirectory directory() { return FacilityDirectory(*ws); }
    Facility unplaced()
    {
        auto all = Storage::FacilityStore(ws->db()).all();
        REQUIRE(all);
        for (const Facility &f : *all) {
            if (!f.isPlaced())
                return f;
        }
        FAIL("the demo store has no facility without a position");
        return {};
    }
    Facility get(const QString &id) { return *Storage::FacilityStore(ws->db()).get(id); }
    struct Change
    {
        QString op, office;
        QJsonObject payload, base;
    };
    QList<Change> outbox(const QString &id)
    {
        auto q = ws->db().execute(
            QStringLiteral("SELECT op, office_code, payload, base FROM outbox WHERE "
                           "entity = 'facility' AND entity_id = ? ORDER BY seq"),
            {id});
        REQUIRE(q);
        QList<Change> out;
        while (q->next())
            out.append({q->value(0).toString(), q->value(1).toString(),
                        QJsonDocument::fromJson(q->value(2).toByteArray()).object(),
                        QJsonDocument::fromJson(q->value(3).toByteArray()).object()});
        return out;
    }
    qint64 audits(const QString &id)
    {
        return Test::count(
            *ws, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject_kind = 'facility' "
                                "AND subject = '%1' AND action = 'update'")
                     .arg(id));
    }
    // A household's position and road address, to place facilities at.
    struct Home
    {
        QString office, road;
        double lon = 0, lat = 0;
    };
    Home home()
    {
        auto q = ws->db().execute(
            QStringLiteral("SELECT office_code, road_address, lon, lat FROM households "
                           "ORDER BY rowid LIMIT 1"));
        REQUIRE(q);
        REQUIRE(q->next());
        return {q->value(0).toString(), q->value(1).toString(), q->value(2).toDouble(),
                q->value(3).toDouble()};
    }
};

} // namespace

TEST_CASE("The demo store lists every facility, also those without a position",
          "[core][facilities]")
{
    Directory d;
    auto all = d.directory().list();
    REQUIRE(all);
    int placed = 0;
    for (const Facility &f : *all)
        placed += f.isPlaced() ? 1 : 0;
    CHECK(all->size() == Test::count(*d.ws, QStringLiteral("SELECT COUNT(*) FROM facilities")));
    CHECK(placed < all->size()); // the unplaced ones are listed too
}

TEST_CASE(
    "Placing a facility by a click sets its 행정동 and sends the whole row once as an insert, "
    "later edits as updates with the old values as base",
    "[core][facilities][sync]")
{
    Directory d;
    const Facility f = d.unplaced();
    REQUIRE(d.outbox(f.id).isEmpty());
    const auto at = d.home();

    REQUIRE_OK(d.directory().placeAt(f.id, at.lon, at.lat, FacilityDirectory::PlacedBy::Map));
    const Facility placed = d.get(f.id);
    REQUIRE(placed.isPlaced());
    CHECK(*placed.lon == Approx(at.lon));
    CHECK(placed.officeCode == at.office);
    CHECK(placed.placedBy == QStringLiteral("user"));
    auto changes = d.outbox(f.id);
    REQUIRE(changes.size() == 1);
    // The central store never held it: an update would be refused there.
    CHECK(changes[0].op == QStringLiteral("insert"));
    CHECK(changes[0].office == at.office);
    CHECK(changes[0].payload.value(QStringLiteral("name")).toString() == f.name);
    CHECK(changes[0].payload.value(QStringLiteral("office_code")).toString() == at.office);
    CHECK(d.audits(f.id) == 1);

    Facility edited = placed;
    edited.name = QStringLiteral("  연희종합사회복지관  ");
    edited.phone = QStringLiteral("02-330-1234");
    REQUIRE_OK(d.directory().edit(edited));
    CHECK(d.get(f.id).name == QStringLiteral("연희종합사회복지관"));
    CHECK(d.get(f.id).phone == QStringLiteral("02-330-1234"));
    changes = d.outbox(f.id);
    REQUIRE(changes.size() == 2);
    CHECK(changes[1].op == QStringLiteral("update"));
    CHECK(changes[1].payload.value(QStringLiteral("name")).toString()
          == QStringLiteral("연희종합사회복지관"));
    // The base holds what was edited, as it was, and nothing else.
    CHECK(changes[1].base.value(QStringLiteral("name")).toString() == f.name);
    CHECK(changes[1].base.contains(QStringLiteral("phone")));
    CHECK_FALSE(changes[1].base.contains(QStringLiteral("address")));
    CHECK(d.audits(f.id) == 2);

    // Saving it unchanged is no change.
    REQUIRE_OK(d.directory().edit(d.get(f.id)));
    CHECK(d.outbox(f.id).size() == 2);
    CHECK(d.audits(f.id) == 2);
}

TEST_CASE("An edit of a facility not yet placed stays in the store and goes with it once placed",
          "[core][facilities][sync]")
{
    Directory d;
    Facility f = d.unplaced();
    f.name = QStringLiteral("새이름 복지관");
    REQUIRE_OK(d.directory().edit(f));
    CHECK(d.get(f.id).name == QStringLiteral("새이름 복지관"));
    CHECK(d.outbox(f.id).isEmpty());
    CHECK(d.audits(f.id) == 1);
    const auto at = d.home();
    REQUIRE_OK(d.directory().placeAt(f.id, at.lon, at.lat, FacilityDirectory::PlacedBy::Map));
    const auto changes = d.outbox(f.id);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].payload.value(QStringLiteral("name")).toString()
          == QStringLiteral("새이름 복지관"));
}

TEST_CASE("A facility edit that fails a check changes nothing and says which check",
          "[core][facilities]")
{
    Directory d;
    const Facility f = d.unplaced();
    Facility bad = f;
    bad.name = QStringLiteral("   ");
    bad.phone = QStringLiteral("02-123-4567; DROP");
    const auto problems = FacilityDirectory::check(bad);
    CHECK(problems.contains(FacilityDirectory::Problem::NameMissing));
    CHECK(problems.contains(FacilityDirectory::Problem::PhoneInvalid));
    auto r = d.directory().edit(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Validation);
    CHECK(d.get(f.id).name == f.name);
    CHECK(d.audits(f.id) == 0);

    Facility longName = f;
    longName.name = QString(FacilityDirectory::maxName + 1, u'가');
    CHECK(FacilityDirectory::check(longName).contains(FacilityDirectory::Problem::NameTooLong));
    CHECK(FacilityDirectory::check(f).isEmpty());
}

TEST_CASE("Only a team lead edits or places facilities, and never outside the store's 행정동",
          "[core][facilities][security]")
{
    {
        Directory d(QStringLiteral("demo-caseworker"));
        const Facility f = d.unplaced();
        const auto at = d.home();
        auto placed = d.directory().placeAt(f.id, at.lon, at.lat, FacilityDirectory::PlacedBy::Map);
        REQUIRE_FALSE(placed);
        CHECK(placed.error().code == ErrorCode::PermissionDenied);
        CHECK_FALSE(d.get(f.id).isPlaced());
        CHECK(d.directory().list()); // the list is for everyone who works the district
    }
    Directory d;
    const Facility f = d.unplaced();
    // 부산 (inside Korea, outside the demo district).
    auto far = d.directory().placeAt(f.id, 129.0756, 35.1796, FacilityDirectory::PlacedBy::Map);
    REQUIRE_FALSE(far);
    CHECK(far.error().code == ErrorCode::Validation);
    CHECK_FALSE(d.get(f.id).isPlaced());
    CHECK(d.outbox(f.id).isEmpty());
}

TEST_CASE("A facility is placed at the households that share its road address",
          "[core][facilities]")
{
    Directory d;
    Facility f = d.unplaced();
    const auto at = d.home();
    const auto road = Intake::Matcher::roadAddress(at.road);
    REQUIRE_FALSE(road.isEmpty());
    // Listed with its 시 and 구 and a floor, as public lists write it.
    f.address = QStringLiteral("서울특별시 서대문구 %1 %2 3층").arg(road.road, road.number);
    REQUIRE(at.office.startsWith(f.sggCode)); // the demo lists its own 구's facilities
    REQUIRE_OK(d.directory().edit(f));
    auto match = d.directory().addressCandidates(f.id);
    REQUIRE(match);
    CHECK(match->addressUsable);
    CHECK(match->road == road.road);
    REQUIRE_FALSE(match->candidates.isEmpty());
    // The synthetic district may repeat a road number in several 행정동: one candidate each.
    const auto found = std::find_if(match->candidates.begin(), match->candidates.end(),
                                    [&](const auto &x) { return x.officeCode == at.office; });
    REQUIRE(found != match->candidates.end());
    const auto c = *found;
    CHECK(c.households >= 1);
    CHECK(c.lon == Approx(at.lon).margin(0.01));
    // Same road, another number: not the facility's building.
    Facility other = f;
    other.address = QStringLiteral("%1 %2").arg(road.road, road.number + QStringLiteral("99"));
    REQUIRE_OK(d.directory().edit(other));
    auto none = d.directory().addressCandidates(f.id);
    REQUIRE(none);
    CHECK(none->candidates.isEmpty());
    // An address without a road name and number cannot be matched.
    other.address = QStringLiteral("서대문구 연희동 산1");
    REQUIRE_OK(d.directory().edit(other));
    CHECK_FALSE(d.directory().addressCandidates(f.id)->addressUsable);

    REQUIRE_OK(d.directory().placeAt(f.id, c.lon, c.lat, FacilityDirectory::PlacedBy::Address));
    CHECK(d.get(f.id).placedBy == QStringLiteral("address"));
    CHECK(d.get(f.id).officeCode == at.office);
}

TEST_CASE("A facility placed and then edited reaches the central store at the next syncs",
          "[core][facilities][sync]")
{
    Test::District d;
    d.syncLead(); // publishes the demo district
    REQUIRE_OK(d.lead->signInDemo(QStringLiteral("demo-lead")));
    const QString id = d.lead->db()
                           .scalar(QStringLiteral(
                               "SELECT id FROM facilities WHERE lon IS NULL ORDER BY name LIMIT 1"))
                           ->toString();
    auto home = d.lead->db().execute(
        QStringLiteral("SELECT lon, lat FROM households WHERE office_code = ? LIMIT 1"),
        {d.officeA});
    REQUIRE(home);
    REQUIRE(home->next());
    FacilityDirectory directory(*d.lead);
    REQUIRE_OK(directory.placeAt(id, home->value(0).toDouble(), home->value(1).toDouble(),
                                 FacilityDirectory::PlacedBy::Map));
    d.syncLead();
    const auto central = [&](const QString &where) {
        return d.central.count(
            QStringLiteral("SELECT COUNT(*) FROM visitmap.entities WHERE entity = 'facility' AND "
                           "entity_id = '%1' AND %2")
                .arg(id, where));
    };
    CHECK(d.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.refused_changes WHERE entity_id = '%1'")
                  .arg(id))
          == 0);
    CHECK(central(QStringLiteral("office_code = '%1' AND data->>'lon' IS NOT NULL").arg(d.officeA))
          == 1);

    Facility f = *Storage::FacilityStore(d.lead->db()).get(id);
    f.name = QStringLiteral("북가좌 어르신 쉼터");
    REQUIRE_OK(directory.edit(f));
    d.syncLead();
    CHECK(central(QStringLiteral("data->>'name' = '북가좌 어르신 쉼터'")) == 1);
    CHECK(
        Test::count(*d.lead,
                    QStringLiteral(
                        "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND entity = 'facility' "
                        "AND entity_id = '%1'")
                        .arg(id))
        == 0);
}
