// SPDX-License-Identifier: GPL-3.0-or-later
// The team lead's figures against a store built by hand, whose every answer is known.
#include "geo/boundarycatalog.h"
#include "report/supervision.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/stores.h"
#include "support/testsupport.h"
#include "workflow/casework.h"
#include "workspace.h"

#include <algorithm>

using namespace VisitMap;

namespace {

const QString office1 = QStringLiteral("1141052000"); // 천연동 (case1's office)
const QString office2 = QStringLiteral("1141055500"); // 북아현동

QDateTime seoul(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Clock::seoul());
}

struct Built
{
    Test::TempDir dir;
    FixedClock clock{seoul(11, 23, 10)}; // Monday 2026-11-23, 10:00
    std::unique_ptr<Workspace> ws;
    QString a, b, c, d, e; // see the constructor

    QString add(const QString &office, const QString &type, const QString &worker)
    {
        Storage::HouseholdRecord r;
        r.household.officeCode = office;
        r.household.roadAddress = QStringLiteral("서울특별시 서대문구 충정로 %1").arg(next());
        r.household.lon = 126.96;
        r.household.lat = 37.56;
        r.household.householdType = type;
        r.household.assignedWorker = worker;
        r.household.headName = QStringLiteral("가구주");
        QList<Storage::HouseholdRecord> one{r};
        REQUIRE_OK(ws->stores().households().add(one, ws->journal(), ws->session()->keyring));
        return one.first().household.id;
    }
    int next() { return ++m_n; }

    void set(const QString &id,
             const QString &tier,
             const QString &due,
             const QString &status = QStringLiteral("active"))
    {
        REQUIRE(ws->db().execute(
            QStringLiteral("UPDATE households SET risk_tier = ?, risk_override = NULL, "
                           "next_visit_due = ?, status = ? WHERE id = ?"),
            {tier, due, status, id}));
    }

    Visit visit(const QString &household, VisitKind kind, VisitOutcome outcome, const QDateTime &at)
    {
        Visit v;
        v.householdId = household;
        v.kind = kind;
        v.outcome = outcome;
        v.at = at;
        return v;
    }

    Built()
    {
        ws = Test::openStore(Test::realStoreCopy(dir), &clock);
        // The district's 행정동, as setting up a store draws them.
        REQUIRE_OK(ws->signIn(QStringLiteral("admin1"), Test::adminPassword()));
        REQUIRE_OK(ws->stores().offices().upsert(
            Geo::BoundaryCatalog::bundled().district(QStringLiteral("11410")), ws->journal()));
        REQUIRE_OK(ws->signIn(QStringLiteral("lead1"), Test::leadPassword()));
        a = add(office1, QStringLiteral("노인단독"), QStringLiteral("case1"));
        b = add(office1, QStringLiteral("1인"), QStringLiteral("case1"));
        c = add(office2, QStringLiteral("노인단독"), {});
        d = add(office2, QStringLiteral("한부모·조손"), {});
        e = add(office1, QStringLiteral("노인단독"), QStringLiteral("case1")); // closed below
        CaseWork work(*ws);
        // Week of 11-16: a visit and two calls on A (one nobody answered); week of 11-23: a
        // 안부확인 on B; week of 11-09: a visit on B taken back (counts nowhere).
        REQUIRE_OK(work.logVisit(visit(a, VisitKind::Visit, VisitOutcome::Met, seoul(11, 17, 14))));
        REQUIRE_OK(
            work.logVisit(visit(a, VisitKind::Phone, VisitOutcome::Absent, seoul(11, 18, 9))));
        REQUIRE_OK(work.logVisit(visit(a, VisitKind::Phone, VisitOutcome::Met, seoul(11, 21, 10))));
        REQUIRE_OK(work.logVisit(visit(b, VisitKind::Check, VisitOutcome::Met, seoul(11, 23, 10))));
        auto mistaken
            = work.logVisit(visit(b, VisitKind::Visit, VisitOutcome::Met, seoul(11, 10, 15)));
        REQUIRE_OK(mistaken);
        REQUIRE_OK(
            work.takeBack(QStringLiteral("visit"), mistaken->id, b, QStringLiteral("다른 가구")));
        // A's needs: an older assessment (경제 높음) and the latest (건강 보통, 경제 낮음).
        NeedAssessment older;
        older.householdId = a;
        older.assessedAt = seoul(10, 5, 10);
        older.items = {{QStringLiteral("5000000"), 3}};
        REQUIRE_OK(work.assess(older));
        NeedAssessment latest;
        latest.householdId = a;
        latest.assessedAt = seoul(11, 17, 14);
        latest.items = {{QStringLiteral("1000000"), 2},
                        {QStringLiteral("5000000"), 1},
                        {QStringLiteral("6000000"), 0}};
        REQUIRE_OK(work.assess(latest));
        // A case on A, taken in 2026-11-01 and never assessed: its 10-day deadline has passed.
        auto opened = work.openCase(a, CaseType::General);
        REQUIRE_OK(opened);
        REQUIRE(
            ws->db().execute(QStringLiteral("UPDATE cases SET intake_at = '2026-11-01', worker = "
                                            "'case1' WHERE id = ?"),
                             {opened->id}));
        // A case opened on C by mistake and taken back.
        auto wrong = work.openCase(c, CaseType::General);
        REQUIRE_OK(wrong);
        REQUIRE_OK(
            work.takeBack(QStringLiteral("case"), wrong->id, c, QStringLiteral("잘못 열림")));
        // A service asked for A.
        ServiceLink link;
        link.householdId = a;
        link.resourceId = QStringLiteral("00000000-0000-7000-8000-000000000001");
        link.requestedAt = QDate(2026, 11, 17);
        REQUIRE_OK(work.linkService(link));
        // Discoveries: a citizen's report through the app on A, reached the next day by the call
        // of 11-21 10:00 (25 h); one by phone not yet tied to anyone; B listed twice in a 발굴
        // round of 11-15, reached by the 안부확인 of 11-23 10:00 (8 days 10 h).
        const QString now = Iso::utc(clock.now());
        for (const auto &[id, channel, at, household] :
             {std::tuple{QStringLiteral("R1"), QStringLiteral("app"), seoul(11, 20, 9), a},
              std::tuple{QStringLiteral("R2"), QStringLiteral("phone"), seoul(11, 22, 9),
                         QString()}}) {
            REQUIRE(ws->db().execute(
                QStringLiteral("INSERT INTO crisis_reports (id, external_id, office_code, channel, "
                               "received_at, reporter_type, categories, status, household_id, "
                               "created_at, created_by) VALUES (?, ?, ?, ?, ?, 'neighbour', '[]', "
                               "?, ?, ?, 'lead1')"),
                {id, id, office1, channel, Iso::utc(at),
                 household.isEmpty() ? QStringLiteral("new") : QStringLiteral("linked"),
                 household.isEmpty() ? QVariant() : QVariant(household), now}));
        }
        for (const auto &[item, code] : {std::pair{QStringLiteral("S1"), QStringLiteral("E01")},
                                         std::pair{QStringLiteral("S2"), QStringLiteral("E02")}}) {
            REQUIRE(ws->db().execute(
                QStringLiteral(
                    "INSERT INTO crisis_signals (id, office_code, household_id, round_id, "
                    "item_version, item_code, received_date, created_at, created_by) "
                    "VALUES (?, ?, ?, '2026-6', '2024-11', ?, '2026-11-15', ?, 'lead1')"),
                {item, office1, b, code, now}));
        }
        // The tiers and due dates the figures are about, set last (logging moves due dates).
        set(a, QStringLiteral("high"), QStringLiteral("2026-11-20"));   // 3 days late
        set(b, QStringLiteral("medium"), QStringLiteral("2026-11-01")); // 22 days late
        set(c, QStringLiteral("low"), QStringLiteral("2026-09-01"));    // 83 days late
        set(d, QStringLiteral("low"), QStringLiteral("2026-12-10"));    // not due yet
        set(e, QStringLiteral("high"), QStringLiteral("2026-10-01"), QStringLiteral("closed"));
    }

private:
    int m_n = 0;
};

template<typename T, typename F>
const T *find(const QList<T> &list, F pred)
{
    auto it = std::find_if(list.begin(), list.end(), pred);
    return it == list.end() ? nullptr : &*it;
}

} // namespace

TEST_CASE("The team lead's figures count each household, contact, need, case, service and "
          "discovery of the scope once, and what was taken back or closed not at all",
          "[report][supervision]")
{
    Built s;
    auto f = Report::Supervision(*s.ws).figures({{office1, office2}, {}, {}, {}});
    REQUIRE_OK(f);

    // Households by office and tier: the closed one counts nowhere.
    REQUIRE(f->tiers.size() == 2);
    const auto *one = find(f->tiers, [](const auto &t) { return t.office == office1; });
    const auto *two = find(f->tiers, [](const auto &t) { return t.office == office2; });
    REQUIRE(one);
    REQUIRE(two);
    CHECK((one->high == 1 && one->medium == 1 && one->low == 0));
    CHECK((two->high == 0 && two->medium == 0 && two->low == 2));

    // By household type, most first.
    REQUIRE(f->types.size() == 3);
    CHECK(f->types.first().type == QStringLiteral("노인단독"));
    CHECK(f->types.first().households == 2);

    // Overdue by worker and lateness.
    REQUIRE(f->overdue.size() == 2);
    const auto *unassigned = find(f->overdue, [](const auto &o) { return o.worker.isEmpty(); });
    const auto *case1
        = find(f->overdue, [](const auto &o) { return o.worker == QStringLiteral("case1"); });
    REQUIRE(unassigned);
    REQUIRE(case1);
    CHECK((case1->upToWeek == 1 && case1->upToMonth == 1 && case1->longer == 0));
    CHECK((unassigned->upToWeek == 0 && unassigned->upToMonth == 0 && unassigned->longer == 1));

    // Contacts per week over the default 12 weeks to today: every Monday listed, the taken-back
    // visit not counted.
    REQUIRE(f->weeks.size() == 13);
    CHECK(f->weeks.first().monday == QDate(2026, 8, 31));
    CHECK(f->weeks.last().monday == QDate(2026, 11, 23));
    int total = 0;
    for (const auto &w : f->weeks)
        total += w.total();
    CHECK(total == 4);
    const auto *w16 = find(f->weeks, [](const auto &w) { return w.monday == QDate(2026, 11, 16); });
    REQUIRE(w16);
    CHECK((w16->visits == 1 && w16->calls == 2 && w16->checks == 0));
    CHECK(f->weeks.last().checks == 1);

    // Needs: only each household's latest assessment, domains above 없음.
    REQUIRE(f->needs.size() == 2);
    const auto *health
        = find(f->needs, [](const auto &n) { return n.domain == QStringLiteral("1000000"); });
    const auto *economy
        = find(f->needs, [](const auto &n) { return n.domain == QStringLiteral("5000000"); });
    REQUIRE(health);
    REQUIRE(economy);
    CHECK((health->office == office1 && health->level == 2 && health->households == 1));
    CHECK((economy->level == 1 && economy->households == 1));

    // Cases: the one on A, past its legal deadline; the one taken back counts nowhere.
    REQUIRE(f->stages.size() == 1);
    CHECK(f->stages.first().stage == CaseStage::Discovery);
    CHECK(f->stages.first().cases == 1);
    CHECK(f->casesPastDeadline == 1);

    // Services by kind and status.
    REQUIRE(f->services.size() == 1);
    CHECK(f->services.first().resourceKind == QStringLiteral("public"));
    CHECK(f->services.first().status == QStringLiteral("requested"));
    CHECK(f->services.first().links == 1);

    // Discoveries by channel and how fast each was first reached.
    const auto *app
        = find(f->discoveries, [](const auto &c) { return c.channel == QStringLiteral("app"); });
    const auto *phone
        = find(f->discoveries, [](const auto &c) { return c.channel == QStringLiteral("phone"); });
    const auto *round
        = find(f->discoveries, [](const auto &c) { return c.channel == QStringLiteral("round"); });
    REQUIRE(app);
    REQUIRE(phone);
    REQUIRE(round);
    CHECK((app->items == 1 && app->contacted == 1));
    REQUIRE(app->medianHours);
    CHECK(*app->medianHours == Approx(25.0));
    CHECK((phone->items == 1 && phone->contacted == 0 && !phone->medianHours));
    CHECK((round->items == 1 && round->contacted == 1)); // listed for two items, one person
    REQUIRE(round->medianHours);
    CHECK(*round->medianHours == Approx(8 * 24 + 10.0));
}

TEST_CASE("A worker filter narrows the figures to that worker's households, and a period what "
          "was done",
          "[report][supervision]")
{
    Built s;
    auto f = Report::Supervision(*s.ws).figures(
        {{}, QStringLiteral("case1"), QDate(2026, 11, 16), QDate(2026, 11, 22)});
    REQUIRE_OK(f);
    REQUIRE(f->tiers.size() == 1);
    CHECK(f->tiers.first().office == office1);
    CHECK(f->tiers.first().total() == 2);
    REQUIRE(f->overdue.size() == 1);
    CHECK(f->overdue.first().worker == QStringLiteral("case1"));
    REQUIRE(f->weeks.size() == 1);
    CHECK(f->weeks.first().total() == 3); // the 안부확인 of 11-23 is after the period
    // The round of 11-15 is before the period; the unlinked phone report is nobody's.
    CHECK(find(f->discoveries, [](const auto &c) { return c.channel == QStringLiteral("round"); })
          == nullptr);
    CHECK(find(f->discoveries, [](const auto &c) { return c.channel == QStringLiteral("phone"); })
          == nullptr);
    CHECK(f->casesPastDeadline == 1);

    auto backwards
        = Report::Supervision(*s.ws).figures({{}, {}, QDate(2026, 11, 22), QDate(2026, 11, 16)});
    REQUIRE_FALSE(backwards);
    CHECK(backwards.error().code == ErrorCode::Validation);
}

TEST_CASE("A caseworker's figures are of their own households, and an office outside their grant "
          "is refused",
          "[report][supervision][privacy]")
{
    Built s;
    REQUIRE_OK(s.ws->signIn(QStringLiteral("case1"), Test::caseworkerPassword()));
    Report::Supervision supervision(*s.ws);
    // Asking for every worker still gives their own.
    auto f = supervision.figures({{}, {}, {}, {}});
    REQUIRE_OK(f);
    CHECK(f->scope.worker == QStringLiteral("case1"));
    CHECK(f->scope.offices == QStringList{office1});
    REQUIRE(f->tiers.size() == 1);
    CHECK(f->tiers.first().total() == 2);
    for (const auto &o : f->overdue)
        CHECK(o.worker == QStringLiteral("case1"));
    auto outside = supervision.figures({{office2}, {}, {}, {}});
    REQUIRE_FALSE(outside);
    CHECK(outside.error().code == ErrorCode::PermissionDenied);
}
