// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/casedeadlines.h"
#include "storage/riskstore.h"
#include "access/accountadmin.h"
#include "storage/casestore.h"
#include "storage/checkinstore.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/searchkeys.h"
#include "storage/servicestore.h"
#include "storage/statsstore.h"
#include "storage/timeline.h"
#include "support/storefiles.h"
#include "support/testsupport.h"
#include "workflow/casework.h"

using namespace VisitMap;

namespace {

struct Fixture
{
    Test::TempDir dir;
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC)}; // 10:00 in Seoul
    std::unique_ptr<Workspace> ws;
    QString household;

    explicit Fixture(const QString &account = QStringLiteral("demo-caseworker"))
    {
        ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
        REQUIRE_OK(ws->signInDemo(account));
        // A low-risk household with a recent meeting, no open case.
        household = ws->db().scalar(QStringLiteral(
                                        "SELECT id FROM households WHERE risk_tier = 'low' AND risk_override IS NULL "
                                        "AND flagged_new_at IS NULL AND id NOT IN (SELECT household_id FROM cases) "
                                        "ORDER BY rowid LIMIT 1"))->toString();
        REQUIRE_FALSE(household.isEmpty());
    }
    Household get() { return *Storage::HouseholdStore(ws->db()).get(household); }
    Visit visit(VisitOutcome outcome, int minutesAgo = 30)
    {
        Visit v;
        v.householdId = household;
        v.kind = VisitKind::Visit;
        v.outcome = outcome;
        v.at = clock.now().addSecs(-60 * minutesAgo);
        return v;
    }
};

} // namespace

TEST_CASE("초성 and partial names, roads and phone digits find households", "[core][search]")
{
    using namespace Storage::SearchKeys;
    CHECK(chosung(QStringLiteral("김민수")) == QStringLiteral("ㄱㅁㅅ"));
    CHECK(chosung(QStringLiteral("이 철수 2")) == QStringLiteral("ㅇ ㅊㅅ 2"));
    const QString keys = forHousehold(QStringLiteral("김민수"), QStringLiteral("서울특별시 서대문구 연희로11길 5 (연희동)"),
                                      QStringLiteral("010-0123-4567"));
    for (const char *k : {"김민수", "민수", "ㄱㅁㅅ", "ㅁㅅ", "연희로11길", "연희동", "01001234567", "4567"})
        CHECK(keys.split(u' ').contains(QString::fromUtf8(k)));
    CHECK_FALSE(keys.contains(QStringLiteral("서대문구")));
    CHECK(matchExpression(QStringLiteral("ㄱㅁㅅ 연희")) == QStringLiteral("\"ㄱㅁㅅ\"* AND \"연희\"*"));
    CHECK(matchExpression(QStringLiteral("0123-4567")) == QStringLiteral("\"01234567\"*"));
    CHECK(matchExpression(QStringLiteral("\" OR * NEAR(")) == QStringLiteral("\"OR\"* AND \"NEAR\"*"));
    CHECK(matchExpression(QStringLiteral("  ")).isEmpty());
}

TEST_CASE("Searching a district by 초성 returns exactly the matching households", "[core][search]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    Storage::HouseholdStore store(ws->db());
    auto all = store.list({});
    REQUIRE(all);
    const Household &target = all->at(42);
    const QString cho = Storage::SearchKeys::chosung(target.headName);
    int expected = 0;
    for (const Household &h : *all) {
        const QString c = Storage::SearchKeys::chosung(h.headName);
        const QString given = c.mid(1);
        expected += c.startsWith(cho) || given.startsWith(cho);
    }
    Storage::HouseholdQuery q;
    q.text = cho;
    auto found = store.list(q);
    REQUIRE(found);
    CHECK(found->size() == expected);
    bool hasTarget = false;
    for (const Household &h : *found)
        hasTarget = hasTarget || h.id == target.id;
    CHECK(hasTarget);
    // The last four digits of the phone, and a road name, narrow it to that household's.
    q.text = target.phone.right(4) + QLatin1Char(' ') + target.headName.left(2);
    auto narrow = store.list(q);
    REQUIRE(narrow);
    REQUIRE_FALSE(narrow->isEmpty());
    for (const Household &h : *narrow)
        CHECK((h.phone.endsWith(target.phone.right(4)) && h.headName.startsWith(target.headName.left(2))));
}

TEST_CASE("A visit that reaches the person moves the next visit, an absence does not", "[core][workflow]")
{
    Fixture f;
    const Household before = f.get();
    CaseWork work(*f.ws);
    REQUIRE(work.logVisit(f.visit(VisitOutcome::Absent)));
    CHECK(f.get().nextVisitDue == before.nextVisitDue); // nobody was met
    REQUIRE(work.logVisit(f.visit(VisitOutcome::Met, 10)));
    const Household after = f.get();
    CHECK(after.nextVisitDue == f.clock.today().addDays(f.ws->visitCycle().daysFor(after.tier())));
    CHECK(after.lastVisitAt.toTimeZone(Clock::seoul()).date() == f.clock.today());
    CHECK_FALSE(after.isOverdue(f.clock.today()));
    // One cycle later, the household is overdue.
    f.clock.advanceSecs(qint64(f.ws->visitCycle().daysFor(after.tier()) + 1) * 86400);
    CHECK(f.get().isOverdue(f.clock.today()));
    // A visit in the future is refused with a reason.
    auto future = work.logVisit(f.visit(VisitOutcome::Met, -24 * 60));
    REQUIRE_FALSE(future);
    CHECK(future.error().message.contains(QStringLiteral("future")));
}

TEST_CASE("Repeated absences raise the risk score and the reason says so", "[core][workflow][risk]")
{
    Fixture f;
    CaseWork work(*f.ws);
    const double before = f.get().riskScore;
    for (int i = 0; i < 3; ++i)
        REQUIRE(work.logVisit(f.visit(VisitOutcome::Absent, 100 - i)));
    const Household after = f.get();
    CHECK(after.riskScore > before);
    auto why = Storage::RiskStore(f.ws->db()).explain(f.household, f.clock.today());
    REQUIRE(why);
    bool named = false;
    for (const auto &factor : why->factors)
        named = named || factor.label.contains(QStringLiteral("연속 부재"));
    CHECK(named);
}

TEST_CASE("A risk override needs a reason, is kept in the history and can be cleared", "[core][workflow][risk]")
{
    Fixture f;
    CaseWork work(*f.ws);
    CHECK_FALSE(work.setRiskOverride(f.household, RiskTier::High, QString()));
    REQUIRE_OK(work.setRiskOverride(f.household, RiskTier::High, QStringLiteral("방문 중 자해 위험 발언")));
    Household h = f.get();
    CHECK(h.tier() == RiskTier::High);
    CHECK(h.overrideReason == QStringLiteral("방문 중 자해 위험 발언"));
    // A high tier means a two-week cycle.
    CHECK(h.nextVisitDue <= f.clock.today().addDays(f.ws->visitCycle().highDays));
    REQUIRE_OK(work.setRiskOverride(f.household, std::nullopt, QStringLiteral("위기 해소, 재평가")));
    CHECK(f.get().tier() == f.get().computedTier);
    auto history = Storage::RiskStore(f.ws->db()).history(f.household);
    REQUIRE(history);
    REQUIRE(history->size() == 2);
    CHECK(history->at(0).kind == QStringLiteral("override"));
    CHECK(history->at(0).reason == QStringLiteral("방문 중 자해 위험 발언"));
    CHECK(history->at(1).kind == QStringLiteral("cleared"));
}

TEST_CASE("Taking a visit back keeps it, struck through, and restores the due date", "[core][workflow]")
{
    Fixture f;
    CaseWork work(*f.ws);
    const QDate dueBefore = f.get().nextVisitDue;
    auto v = work.logVisit(f.visit(VisitOutcome::Met));
    REQUIRE(v);
    CHECK(f.get().nextVisitDue != dueBefore);
    CHECK_FALSE(work.takeBack(QStringLiteral("visit"), v->id, f.household, QString())); // a reason is required
    REQUIRE_OK(work.takeBack(QStringLiteral("visit"), v->id, f.household, QStringLiteral("다른 가구에 잘못 기록")));
    CHECK(f.get().nextVisitDue == dueBefore);
    CHECK(Test::count(*f.ws, QStringLiteral("SELECT COUNT(*) FROM visits WHERE id = '%1'").arg(v->id)) == 1);
    auto timeline = Storage::Timeline::forHousehold(f.ws->db(), f.household, nullptr);
    REQUIRE(timeline);
    bool struck = false;
    for (const auto &e : *timeline)
        struck = struck || (e.entityId == v->id && e.voided && e.voidReason == QStringLiteral("다른 가구에 잘못 기록"));
    CHECK(struck);
    CHECK_FALSE(work.takeBack(QStringLiteral("visit"), v->id, f.household, QStringLiteral("again")));
}

TEST_CASE("A case moves stage by stage and its legal deadlines fall due", "[core][workflow][case]")
{
    Fixture f;
    CaseWork work(*f.ws);
    auto c = work.openCase(f.household, CaseType::General);
    REQUIRE(c);
    CHECK_FALSE(work.openCase(f.household, CaseType::General)); // one open case at a time
    CHECK_FALSE(work.moveCase(c->id, CaseStage::Intake, {}));          // one stage at a time
    REQUIRE_OK(work.moveCase(c->id, CaseStage::InitialCounsel, {}));
    REQUIRE_OK(work.moveCase(c->id, CaseStage::Intake, {}));
    auto stored = Storage::CaseStore(f.ws->db()).get(c->id);
    REQUIRE(stored);
    CHECK(stored->intakeAt == f.clock.today());
    auto deadlines = Risk::CaseDeadlines::forCase(*stored, f.clock.today());
    REQUIRE(deadlines.size() == 2);
    CHECK(deadlines[0].due == f.clock.today().addDays(10));
    CHECK(deadlines[0].state == Risk::Deadline::State::Upcoming);
    CHECK(deadlines[1].due == f.clock.today().addDays(30));
    // Eight days later the assessment is due soon; eleven days later it is late.
    CHECK(Risk::CaseDeadlines::forCase(*stored, f.clock.today().addDays(8))[0].state == Risk::Deadline::State::DueSoon);
    CHECK(Risk::CaseDeadlines::forCase(*stored, f.clock.today().addDays(11))[0].state == Risk::Deadline::State::Late);
    f.clock.advanceSecs(5 * 86400);
    REQUIRE_OK(work.moveCase(c->id, CaseStage::Assessment, {}));
    REQUIRE_OK(work.moveCase(c->id, CaseStage::CaseConference, {}));
    stored = Storage::CaseStore(f.ws->db()).get(c->id);
    auto met = Risk::CaseDeadlines::forCase(*stored, f.clock.today());
    CHECK(met[0].state == Risk::Deadline::State::Met); // assessed on day 5, within 10
    CHECK(met.size() == 3);                             // and 사례회의 -> 선정 within 5 days now
    // Going back needs a reason.
    CHECK_FALSE(work.moveCase(c->id, CaseStage::Assessment, {}));
    REQUIRE_OK(work.moveCase(c->id, CaseStage::Assessment, QStringLiteral("추가 조사 필요")));
    auto history = Storage::CaseStore(f.ws->db()).history(c->id);
    REQUIRE(history);
    CHECK(history->size() == 5);
}

TEST_CASE("Needs, notes, services and photos are recorded, notes and photos encrypted", "[core][workflow]")
{
    Fixture f;
    CaseWork work(*f.ws);
    NeedAssessment a;
    a.householdId = f.household;
    CHECK_FALSE(work.assess(a)); // nothing rated
    a.items = {{QStringLiteral("1000000"), 3, QStringLiteral("당뇨 관리 안 됨")}, {QStringLiteral("5000000"), 2, {}}};
    REQUIRE(work.assess(a));
    a.items = {{QStringLiteral("XYZ"), 1, {}}};
    CHECK_FALSE(work.assess(a));

    CounselingNote n;
    n.householdId = f.household;
    n.topic = QStringLiteral("건강 주제 5d2e"); // the topic rests in the clear, the body does not
    n.body = QStringLiteral("우울감 호소, 정신건강복지센터 연계 동의 — 고유문구 7c1f");
    REQUIRE(work.addNote(n));
    {
        // The store is open, so the note sits in the -wal: the scan reads every file of the store,
        // and finding the clear topic written in the same change shows that it can see the note.
        const QByteArray onDisk = Test::storeFilesBytes(f.ws->path());
        CHECK(onDisk.contains(QStringLiteral("건강 주제 5d2e").toUtf8()));
        CHECK_FALSE(onDisk.contains(QStringLiteral("고유문구 7c1f").toUtf8()));
    }

    auto resources = Storage::ServiceStore(f.ws->db()).resources({QString(), QStringLiteral("노년"), QString(), QString(), QString()});
    REQUIRE(resources);
    REQUIRE_FALSE(resources->isEmpty());
    ServiceLink link;
    link.householdId = f.household;
    link.resourceId = resources->first().id;
    auto linked = work.linkService(link);
    REQUIRE(linked);
    REQUIRE_OK(work.setServiceStatus(f.household, linked->id, QStringLiteral("provided"), QStringLiteral("주 2회")));
    CHECK_FALSE(work.setServiceStatus(f.household, linked->id, QStringLiteral("finished?"), {}));

    CHECK_FALSE(work.attach(f.household, QStringLiteral("photo.png"), QByteArray("\x89PNG....", 8), false));
    REQUIRE(work.attach(f.household, QStringLiteral("photo-3e9f.png"), QByteArray("\x89PNG unique-bytes-91ab", 22), true));
    {
        const QByteArray onDisk = Test::storeFilesBytes(f.ws->path());
        CHECK(onDisk.contains("photo-3e9f.png")); // the file name is in the clear, beside the photo
        CHECK_FALSE(onDisk.contains("unique-bytes-91ab"));
    }

    auto view = work.open(f.household);
    REQUIRE(view);
    using Kind = Storage::TimelineEntry::Kind;
    QList<Kind> kinds;
    for (const auto &e : view->timeline)
        kinds << e.kind;
    for (Kind k : {Kind::Assessment, Kind::Counseling, Kind::Service, Kind::Attachment})
        CHECK(kinds.contains(k));
    bool noteRead = false;
    for (const auto &e : view->timeline)
        if (const auto *note = e.as<Storage::TimelineFacts::Counseling>())
            noteRead = noteRead || note->body.contains(QStringLiteral("고유문구 7c1f"));
    CHECK(noteRead);
    // Everything since the last meeting is new; a meeting now makes it history.
    for (const auto &e : view->timeline)
        if (e.kind == Storage::TimelineEntry::Kind::Counseling)
            CHECK(e.isNew);
    f.clock.advanceSecs(60);
    REQUIRE(work.logVisit(f.visit(VisitOutcome::Met, 0)));
    auto later = work.open(f.household);
    REQUIRE(later);
    for (const auto &e : later->timeline)
        if (e.kind == Storage::TimelineEntry::Kind::Counseling)
            CHECK_FALSE(e.isNew);
}

TEST_CASE("Only team leads assign households, and workload counts follow", "[core][workflow]")
{
    Fixture caseworker;
    CHECK_FALSE(CaseWork(*caseworker.ws).assign({caseworker.household}, QStringLiteral("demo-worker2")));
    Fixture lead(QStringLiteral("demo-lead"));
    auto previous = CaseWork(*lead.ws).assign({lead.household}, QStringLiteral("demo-worker3"));
    REQUIRE(previous);
    CHECK(lead.get().assignedWorker == QStringLiteral("demo-worker3"));
    CHECK_FALSE(CaseWork(*lead.ws).assign({lead.household}, QStringLiteral("demo-admin"))); // admins do no case work
    REQUIRE_OK(CaseWork(*lead.ws).assignEach(*previous)); // undo
    CHECK(lead.get().assignedWorker == previous->value(lead.household));
    auto load = Storage::StatsStore(lead.ws->db()).workload(lead.clock.today(), lead.ws->session()->offices);
    REQUIRE(load);
    int total = 0;
    for (const auto &w : *load)
        total += w.total();
    CHECK(total == Test::demoHouseholds);
}

TEST_CASE("A home visit left checked in past its time shows as overdue", "[core][workflow]")
{
    Fixture f;
    CaseWork work(*f.ws);
    CHECK_FALSE(work.checkIn(f.household, 1));
    auto c = work.checkIn(f.household, 45);
    REQUIRE(c);
    Storage::CheckinStore store(f.ws->db());
    CHECK(store.overdue({}, f.clock.now())->isEmpty());
    f.clock.advanceSecs(46 * 60);
    REQUIRE(store.overdue({}, f.clock.now())->size() == 1);
    REQUIRE_OK(work.checkOut(c->id));
    CHECK(store.overdue({}, f.clock.now())->isEmpty());
    CHECK_FALSE(work.checkOut(c->id));
}

TEST_CASE("Opening a household is a logged view, refreshing it after an edit is not", "[core][workflow]")
{
    Fixture f;
    CaseWork work(*f.ws);
    auto views = [&] {
        return Test::count(*f.ws, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND subject = '%1'")
                                      .arg(f.household));
    };
    REQUIRE(work.open(f.household));
    CHECK(views() == 1);
    REQUIRE(work.open(f.household, CaseWork::ViewLog::Refresh));
    CHECK(views() == 1);
    // An admin does no case work at all.
    REQUIRE_OK(f.ws->signIn(QStringLiteral("demo-admin"), QStringLiteral("visitmap-admin-demo")));
    CHECK(work.open(f.household).error().code == ErrorCode::PermissionDenied);
    // A caseworker of another 행정동 may open households, but not one outside their office: the
    // office check, not the role check, refuses it, and no view is logged.
    const QString household = f.household;
    const QString office = f.ws->db().scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"),
                                             {household})->toString();
    const QString other = f.ws->db().scalar(QStringLiteral("SELECT office_code FROM households WHERE office_code <> ? "
                                                           "ORDER BY rowid LIMIT 1"),
                                            {office})->toString();
    REQUIRE_FALSE(other.isEmpty());
    REQUIRE(Security::AccountAdmin(*f.ws).create({QStringLiteral("worker-other"), QStringLiteral("다른동 주무관"),
                                                  Role::Caseworker, {other}, QStringLiteral("Other-pass-12")}));
    REQUIRE_OK(f.ws->signIn(QStringLiteral("worker-other"), QStringLiteral("Other-pass-12")));
    const QString own = f.ws->db().scalar(QStringLiteral("SELECT id FROM households WHERE office_code = ? ORDER BY rowid LIMIT 1"),
                                          {other})->toString();
    REQUIRE(work.open(own));
    auto refused = work.open(household);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::PermissionDenied);
    CHECK(refused.error().message.contains(office));
    CHECK(views() == 1);
}
