// SPDX-License-Identifier: GPL-3.0-or-later
#include "intake/reportintake.h"
#include "intake/roundintake.h"
#include "intake/urgentescalation.h"
#include "risk/urgencyrules.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/reportstore.h"
#include "storage/riskstore.h"
#include "storage/stores.h"
#include "storage/urgencystore.h"
#include "storage/visitstore.h"
#include "support/testsupport.h"
#include "util/csv.h"
#include "workflow/casework.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace VisitMap;
using Intake::UrgencyFacts;
using Intake::UrgencyReason;
using Intake::UrgencyRules;

namespace {

Urgency levelOf(const UrgencyFacts &f)
{
    return UrgencyRules::assess(f).level;
}

UrgencyFacts report(QStringList categories, QString text = {}, QString householdType = {})
{
    UrgencyFacts f;
    f.categories = std::move(categories);
    f.text = std::move(text);
    f.householdType = std::move(householdType);
    return f;
}

UrgencyFacts listing(const QList<std::pair<QString, QString>> &items)
{
    QList<CrisisItem> listed;
    for (const auto &[name, category] : items)
        listed.append(
            {QStringLiteral("2024-11"), QString(), name, category, QStringLiteral("flag"), 0});
    return UrgencyRules::factsOf(listed);
}

// 2026-11-23 10:00 in Seoul: the demo store's today.
QDateTime demoMorning()
{
    return QDateTime(Test::demoToday(), QTime(10, 0), Clock::seoul());
}

QJsonObject reportJson(const QString &id,
                       const QString &receivedAt,
                       const QStringList &categories,
                       const QString &description = {})
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("received_at"), receivedAt},
        {QStringLiteral("channel"), QStringLiteral("app")},
        {QStringLiteral("reporter_type"), QStringLiteral("neighbour")},
        {QStringLiteral("anonymous"), true},
        {QStringLiteral("categories"), QJsonArray::fromStringList(categories)},
        {QStringLiteral("description"), description},
        {QStringLiteral("address_text"), QStringLiteral("서울특별시 서대문구 충정로 5")},
        {QStringLiteral("location"),
         QJsonObject{{QStringLiteral("lon"), 126.9578}, {QStringLiteral("lat"), 37.5698}}}};
}

void importReports(Intake::ReportIntake &intake, const QList<QJsonObject> &reports)
{
    QJsonArray a;
    for (const QJsonObject &o : reports)
        a.append(o);
    auto r = intake.importReports(QJsonDocument(a).toJson(), QStringLiteral("reports.json"), {});
    REQUIRE(r);
    if (!r->ok())
        FAIL(r->errors.first().toString().toStdString());
}

Household household(Workspace &ws, const QString &id)
{
    auto h = Storage::HouseholdStore(ws.db()).get(id);
    REQUIRE(h);
    return *h;
}

// A household of the demo store below 고위험, not flagged new, last met recently enough that even
// the 고위험 cycle would not make it due before next week; made unassigned.
QString unassignedHousehold(Workspace &ws)
{
    auto id
        = ws.db().scalar(QStringLiteral("SELECT id FROM households WHERE risk_tier <> 'high' "
                                        "AND flagged_new_at IS NULL AND risk_override IS NULL "
                                        "AND last_visit_at > '2026-11-18' ORDER BY id LIMIT 1"));
    REQUIRE(id);
    REQUIRE_FALSE(id->isNull());
    REQUIRE(ws.db().execute(
        QStringLiteral("UPDATE households SET assigned_worker = NULL WHERE id = ?"), {*id}));
    return id->toString();
}

Visit visitOn(const QString &householdId, VisitOutcome outcome, const QDateTime &at)
{
    Visit v;
    v.householdId = householdId;
    v.kind = VisitKind::Phone;
    v.outcome = outcome;
    v.at = at;
    return v;
}

} // namespace

TEST_CASE("Urgency rules make suicide, violence and health emergencies 긴급, by category or by the "
          "words of the report",
          "[intake][urgency]")
{
    using Kind = UrgencyReason::Kind;
    SECTION("the report's situation")
    {
        const auto suicide = UrgencyRules::assess(report({QStringLiteral("suicide")}));
        CHECK(suicide.level == Urgency::Urgent);
        CHECK(suicide.reasons.contains(UrgencyReason{Kind::Category, QStringLiteral("suicide")}));
        CHECK(levelOf(report({QStringLiteral("economic"), QStringLiteral("violence")}))
              == Urgency::Urgent);
    }
    SECTION("the words, however they are spaced")
    {
        const auto said = UrgencyRules::assess(
            report({QStringLiteral("economic")}, QStringLiteral("요즘 죽고 싶다는 말을 자주 함")));
        CHECK(said.level == Urgency::Urgent);
        CHECK(said.reasons.contains(UrgencyReason{Kind::Keyword, QStringLiteral("죽고싶")}));
        CHECK(levelOf(report({}, QStringLiteral("죽고싶다고 문자를 보냄"))) == Urgency::Urgent);
        CHECK(levelOf(report({}, QStringLiteral("아이를 때리는 소리가 매일 밤 들림")))
              == Urgency::Urgent);
        CHECK(levelOf(report({}, QStringLiteral("아동 학대가 의심됩니다"))) == Urgency::Urgent);
        CHECK(levelOf(report({QStringLiteral("health")},
                             QStringLiteral("어제 계단에서 쓰러지셨는데 병원에 안 가심")))
              == Urgency::Urgent);
        CHECK(levelOf(report({}, QStringLiteral("숨을 잘 못 쉬시고 의식이 없어 보였음")))
              == Urgency::Urgent);
    }
    SECTION("a denial does not lower it")
    {
        CHECK(
            levelOf(report({QStringLiteral("isolation")}, QStringLiteral("자살 생각은 없다고 함")))
            == Urgency::Urgent);
    }
    SECTION("a 발굴 listing of suicide risk or self-harm")
    {
        const auto a = UrgencyRules::assess(
            listing({{QStringLiteral("자살고위험군"), QStringLiteral("안전·정신건강")}}));
        CHECK(a.level == Urgency::Urgent);
        CHECK(a.reasons.contains(UrgencyReason{Kind::Item, QStringLiteral("자살고위험군")}));
        CHECK(levelOf(listing(
                  {{QStringLiteral("전기요금 체납"), QStringLiteral("에너지·공과금")},
                   {QStringLiteral("자해·자살 시도 내원"), QStringLiteral("안전·정신건강")}}))
              == Urgency::Urgent);
    }
}

TEST_CASE(
    "Urgency rules make a person living alone not seen lately, and pressing needs, at least 우선",
    "[intake][urgency]")
{
    using Kind = UrgencyReason::Kind;
    SECTION("an elderly person living alone, not seen for days, mail piling up")
    {
        const auto a = UrgencyRules::assess(report(
            {QStringLiteral("isolation")},
            QStringLiteral("며칠째 안 보이시고 우편물이 쌓여 있어요"), QStringLiteral("노인단독")));
        CHECK(a.level == Urgency::Priority);
        REQUIRE(a.reasons.size() == 1);
        CHECK(a.reasons.first().kind == Kind::AloneUnseen);
        CHECK(a.reasons.first().value.contains(QStringLiteral("우편물")));
    }
    SECTION("living alone said in the words, with no household type")
    {
        CHECK(levelOf(report({}, QStringLiteral("혼자 사시는 할머니가 일주일째 보이지 않습니다")))
              == Urgency::Priority);
        CHECK(levelOf(report({}, QStringLiteral("독거 어르신 댁 문 앞에 신문이 쌓여 있음")))
              == Urgency::Priority);
    }
    SECTION("situations that cannot wait two weeks")
    {
        CHECK(levelOf(report({QStringLiteral("food")})) == Urgency::Priority);
        CHECK(
            levelOf(report({QStringLiteral("health")}, QStringLiteral("허리가 아파 거동이 불편함")))
            == Urgency::Priority);
        CHECK(levelOf(report({QStringLiteral("care")})) == Urgency::Priority);
    }
    SECTION("a 발굴 listing of a cut supply or a safety item")
    {
        CHECK(
            levelOf(listing({{QStringLiteral("단전(전류제한)"), QStringLiteral("에너지·공과금")}}))
            == Urgency::Priority);
        CHECK(levelOf(listing({{QStringLiteral("범죄피해자"), QStringLiteral("안전·정신건강")}}))
              == Urgency::Priority);
    }
}

TEST_CASE("Urgency rules leave ordinary items 일반, and words that only look alike do not count",
          "[intake][urgency]")
{
    CHECK(levelOf(report({QStringLiteral("economic")}, QStringLiteral("월세가 석 달 밀렸다고 함")))
          == Urgency::Normal);
    CHECK(levelOf(report({QStringLiteral("housing")}, QStringLiteral("집 앞에 쓰레기가 많음")))
          == Urgency::Normal);
    CHECK(levelOf(report({QStringLiteral("economic")}, QStringLiteral("응급실 진료비가 밀려 있음")))
          == Urgency::Normal);
    // Not seen lately, but not living alone.
    CHECK(levelOf(report({QStringLiteral("economic")},
                         QStringLiteral("요즘 안 보이고 우편물이 쌓여 있음"),
                         QStringLiteral("다자녀")))
          == Urgency::Normal);
    // Living alone, but nothing says they were not seen.
    CHECK(levelOf(report({QStringLiteral("economic")}, QStringLiteral("생활비가 부족하다고 함"),
                         QStringLiteral("노인단독")))
          == Urgency::Normal);
    CHECK(levelOf(report({})) == Urgency::Normal);
    CHECK(UrgencyRules::assess(report({})).reasons.isEmpty());
    CHECK(levelOf(listing({{QStringLiteral("전기요금 체납"), QStringLiteral("에너지·공과금")},
                           {QStringLiteral("건강보험료 체납"), QStringLiteral("보험·금융")}}))
          == Urgency::Normal);
}

TEST_CASE("A response is due the same day for 긴급, in 3 days for 우선 and in 14 for 일반, and the "
          "queue puts urgency before age",
          "[intake][urgency]")
{
    const QDate day(2026, 11, 20);
    CHECK(UrgencyRules::responseDue(Urgency::Urgent, day) == day);
    CHECK(UrgencyRules::responseDue(Urgency::Priority, day) == QDate(2026, 11, 23));
    CHECK(UrgencyRules::responseDue(Urgency::Normal, day) == QDate(2026, 12, 4));
    const QDateTime early(day, QTime(8, 0), Clock::seoul()), late = early.addDays(2);
    CHECK(UrgencyRules::precedes(Urgency::Urgent, late, Urgency::Normal, early));
    CHECK(UrgencyRules::precedes(Urgency::Priority, late, Urgency::Normal, early));
    CHECK_FALSE(UrgencyRules::precedes(Urgency::Normal, early, Urgency::Priority, late));
    CHECK(UrgencyRules::precedes(Urgency::Urgent, early, Urgency::Urgent, late));
    CHECK_FALSE(UrgencyRules::precedes(Urgency::Urgent, late, Urgency::Urgent, early));
    // A report received late in the evening in Seoul is due that Seoul day.
    CrisisReport r;
    r.receivedAt = QDateTime(day, QTime(23, 30), Clock::seoul()).toUTC();
    CHECK(UrgencyRules::receivedDay(r) == day);
}

TEST_CASE("Imported reports keep their urgency and deadline, and the queue lists the most urgent "
          "first, then the oldest",
          "[intake][urgency]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::ReportIntake reportIntake(*ws);
    importReports(
        reportIntake,
        {reportJson(QStringLiteral("OLD-NORMAL"), QStringLiteral("2026-11-18T09:00:00+09:00"),
                    {QStringLiteral("economic")}),
         reportJson(QStringLiteral("PRIORITY"), QStringLiteral("2026-11-21T09:00:00+09:00"),
                    {QStringLiteral("food")}),
         reportJson(QStringLiteral("URGENT-LATE"), QStringLiteral("2026-11-22T20:00:00+09:00"),
                    {QStringLiteral("suicide")}),
         reportJson(QStringLiteral("URGENT-EARLY"), QStringLiteral("2026-11-22T08:00:00+09:00"),
                    {QStringLiteral("isolation")},
                    QStringLiteral("이웃에게 맞아 다쳤다고 함, 폭행"))});
    auto stored = Storage::ReportStore(ws->db()).byExternalId(QStringLiteral("PRIORITY"));
    REQUIRE(stored);
    CHECK(stored->urgency == Urgency::Priority);
    CHECK(stored->responseDue == QDate(2026, 11, 24));
    CHECK(Test::count(*ws,
                      QStringLiteral("SELECT count(*) FROM crisis_reports WHERE urgency = 'urgent' "
                                     "AND response_due = '2026-11-22'"))
          == 2);

    auto queue = reportIntake.queue();
    REQUIRE(queue);
    QStringList order;
    for (const auto &e : *queue)
        order << e.report.externalId;
    CHECK(order
          == QStringList{QStringLiteral("URGENT-EARLY"), QStringLiteral("URGENT-LATE"),
                         QStringLiteral("PRIORITY"), QStringLiteral("OLD-NORMAL")});
    CHECK(queue->first().urgency.reasons.contains(
        UrgencyReason{UrgencyReason::Kind::Keyword, QStringLiteral("폭행")}));
}

TEST_CASE("Opening a new household from an urgent report makes it 고위험, gives it to the duty "
          "worker and due today",
          "[intake][urgency]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::UrgentEscalation escalation(*ws);
    Intake::ReportIntake reportIntake(*ws);
    importReports(
        reportIntake,
        {reportJson(QStringLiteral("SUICIDE-1"), QStringLiteral("2026-11-20T09:15:00+09:00"),
                    {QStringLiteral("suicide"), QStringLiteral("isolation")})});

    SECTION("with a duty worker set")
    {
        REQUIRE_OK(escalation.setDutyWorker(QStringLiteral("demo-caseworker")));
        CHECK(escalation.dutyWorker() == QLatin1String("demo-caseworker"));
        auto opened = reportIntake.openHousehold(QStringLiteral("SUICIDE-1"));
        REQUIRE_OK(opened);
        const Household h = household(*ws, *opened);
        CHECK(h.tier() == RiskTier::High);
        CHECK(h.overrideReason.contains(QStringLiteral("자살 위험")));
        CHECK(h.overrideReason.contains(QStringLiteral("SUICIDE-1")));
        CHECK(h.assignedWorker == QLatin1String("demo-caseworker"));
        CHECK(h.nextVisitDue == Test::demoToday());
        CHECK_FALSE(*escalation.awaitsWorker(*opened));
        // The timeline keeps why: the tier change with the report named.
        auto history = Storage::RiskStore(ws->db()).history(*opened);
        REQUIRE(history);
        bool named = false;
        for (const Storage::RiskChange &c : *history)
            named = named
                    || (c.kind == QLatin1String("override") && c.to == RiskTier::High
                        && c.reason.contains(QStringLiteral("자살 위험")));
        CHECK(named);
        // The score says honestly what it is made of: the report itself, not an invented number.
        auto why = Storage::RiskStore(ws->db()).explain(*opened, Test::demoToday());
        REQUIRE(why);
        REQUIRE_FALSE(why->factors.isEmpty());
        CHECK(why->factors.first().label.contains(QStringLiteral("자살 위험")));
    }
    SECTION("without a duty worker: unassigned, and the screen is told to ask")
    {
        auto opened = reportIntake.openHousehold(QStringLiteral("SUICIDE-1"));
        REQUIRE_OK(opened);
        const Household h = household(*ws, *opened);
        CHECK(h.tier() == RiskTier::High);
        CHECK(h.assignedWorker.isEmpty());
        CHECK(h.nextVisitDue == Test::demoToday());
        auto asks = escalation.awaitsWorker(*opened);
        REQUIRE(asks);
        CHECK(*asks);
    }
}

TEST_CASE("A non-urgent report opened as a household is neither raised to 고위험 nor given to the "
          "duty worker",
          "[intake][urgency]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::UrgentEscalation escalation(*ws);
    Intake::ReportIntake reportIntake(*ws);
    REQUIRE_OK(escalation.setDutyWorker(QStringLiteral("demo-caseworker")));
    importReports(reportIntake,
                  {reportJson(QStringLiteral("ECON-1"), QStringLiteral("2026-11-20T09:15:00+09:00"),
                              {QStringLiteral("economic")})});
    auto opened = reportIntake.openHousehold(QStringLiteral("ECON-1"));
    REQUIRE_OK(opened);
    const Household h = household(*ws, *opened);
    CHECK_FALSE(h.tierOverride.has_value());
    CHECK(h.tier() != RiskTier::High);
    CHECK(h.assignedWorker.isEmpty());
    CHECK_FALSE(*escalation.awaitsWorker(*opened));
}

TEST_CASE("Linking an urgent report keeps the household's own worker, and a contact that reaches "
          "someone ends the same-day due",
          "[intake][urgency]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::UrgentEscalation escalation(*ws);
    Intake::ReportIntake reportIntake(*ws);
    REQUIRE_OK(escalation.setDutyWorker(QStringLiteral("demo-lead")));
    const QString id = unassignedHousehold(*ws);
    REQUIRE_OK(CaseWork(*ws).assign({id}, QStringLiteral("demo-caseworker")));
    importReports(reportIntake,
                  {reportJson(QStringLiteral("HURT-1"), QStringLiteral("2026-11-23T08:00:00+09:00"),
                              {QStringLiteral("health")},
                              QStringLiteral("할아버지가 집에서 쓰러지셨다고 함"))});
    CHECK(*escalation.urgentUncontacted() == 1);
    REQUIRE_OK(reportIntake.link(QStringLiteral("HURT-1"), id));
    Household h = household(*ws, id);
    CHECK(h.tier() == RiskTier::High);
    CHECK(h.overrideReason.contains(QStringLiteral("'쓰러' 언급")));
    CHECK(h.assignedWorker == QLatin1String("demo-caseworker"));
    CHECK(h.nextVisitDue == Test::demoToday());
    CHECK(*escalation.urgentUncontacted() == 1); // linked, nobody reached yet

    // Nobody answered: still waiting.
    clock.advanceSecs(3600);
    REQUIRE_OK(CaseWork(*ws).logVisit(visitOn(id, VisitOutcome::Absent, clock.now())));
    CHECK(*escalation.urgentUncontacted() == 1);
    CHECK(household(*ws, id).nextVisitDue == Test::demoToday());
    // Reached: the urgent item is answered, the next visit follows the 고위험 cycle.
    clock.advanceSecs(3600);
    REQUIRE_OK(CaseWork(*ws).logVisit(visitOn(id, VisitOutcome::Met, clock.now())));
    CHECK(*escalation.urgentUncontacted() == 0);
    h = household(*ws, id);
    CHECK(h.nextVisitDue == Test::demoToday().addDays(ws->visitCycle().highDays));
    CHECK(h.tier()
          == RiskTier::High); // the caseworker lowers it, with a reason, when it is right to
}

TEST_CASE("The urgent items not yet contacted are counted once each: waiting, linked and "
          "unreached, never closed ones",
          "[intake][urgency]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::UrgentEscalation escalation(*ws);
    Intake::ReportIntake reportIntake(*ws);
    importReports(reportIntake,
                  {reportJson(QStringLiteral("U-1"), QStringLiteral("2026-11-22T09:00:00+09:00"),
                              {QStringLiteral("suicide")}),
                   reportJson(QStringLiteral("U-2"), QStringLiteral("2026-11-22T10:00:00+09:00"),
                              {QStringLiteral("violence")}),
                   reportJson(QStringLiteral("P-1"), QStringLiteral("2026-11-22T11:00:00+09:00"),
                              {QStringLiteral("food")})});
    CHECK(*escalation.urgentUncontacted() == 2); // the 우선 one is not counted
    REQUIRE_OK(reportIntake.markDuplicate(QStringLiteral("U-2"), QStringLiteral("U-1")));
    CHECK(*escalation.urgentUncontacted() == 1); // a duplicate is closed
    auto opened = reportIntake.openHousehold(QStringLiteral("U-1"));
    REQUIRE_OK(opened);
    CHECK(*escalation.urgentUncontacted() == 1);
    REQUIRE_OK(CaseWork(*ws).logVisit(visitOn(*opened, VisitOutcome::Met, clock.now())));
    CHECK(*escalation.urgentUncontacted() == 0);

    // A caseworker of another office does not see this office's count: the lead's count is by
    // office.
    CHECK(*Storage::UrgencyStore(ws->db()).uncontactedUrgent({QStringLiteral("0000000000")}) == 0);
}

TEST_CASE("A 발굴 round listing someone at suicide risk escalates the matched household and leads "
          "the round queue",
          "[intake][urgency][signals]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::UrgentEscalation escalation(*ws);
    Intake::RoundIntake roundIntake(*ws);
    REQUIRE_OK(escalation.setDutyWorker(QStringLiteral("demo-caseworker")));
    const QString id = unassignedHousehold(*ws);
    const QString csv
        = QStringLiteral("회차,성명,생년월일,주민등록번호,주소,가구ID,위기정보코드,금액,개월수\n")
          + QStringLiteral("2026-6,,,,,%1,S02,,\n").arg(id)
          + QStringLiteral("2026-6,홍길순,1948-03-02,,서울특별시 서대문구 없는로 1,,E04,,4\n")
          + QStringLiteral("2026-6,김미상,1950-05-05,,서울특별시 서대문구 없는로 2,,S01,,\n");
    auto table = CsvReader::parse(csv, QStringLiteral("round.csv"));
    REQUIRE(table);
    auto r = roundIntake.importSignals(*table, QStringLiteral("round.csv"));
    REQUIRE(r);
    REQUIRE(r->ok());
    const Household h = household(*ws, id);
    CHECK(h.tier() == RiskTier::High);
    CHECK(h.overrideReason.contains(QStringLiteral("자살고위험군")));
    CHECK(h.assignedWorker == QLatin1String("demo-caseworker"));
    CHECK(h.nextVisitDue == Test::demoToday());

    auto queue = roundIntake.signalQueue();
    REQUIRE(queue);
    REQUIRE(queue->size() == 2);
    CHECK(queue->at(0).listing.subjectName == QStringLiteral("김미상"));
    CHECK(queue->at(0).urgency.level == Urgency::Urgent);
    CHECK(queue->at(0).responseDue == Test::demoToday());
    CHECK(queue->at(1).urgency.level == Urgency::Normal);
    // Matched and unmatched urgent listings alike wait for a contact.
    CHECK(*escalation.urgentUncontacted() == 2);
}

TEST_CASE("Reports and round entries stored before urgencies were kept are classified when the "
          "store is opened",
          "[intake][urgency][migration]")
{
    Test::TempDir dir;
    const QString path = Test::demoStoreCopy(dir);
    FixedClock clock(demoMorning());
    QString linked;
    {
        auto ws = Test::openStore(path, &clock);
        REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
        Intake::ReportIntake reportIntake(*ws);
        importReports(
            reportIntake,
            {reportJson(QStringLiteral("B-1"), QStringLiteral("2026-11-23T08:00:00+09:00"),
                        {QStringLiteral("violence")}),
             reportJson(QStringLiteral("B-2"), QStringLiteral("2026-11-20T08:00:00+09:00"),
                        {QStringLiteral("isolation")},
                        QStringLiteral("홀로 사시는데 인기척이 없음"))});
        linked = unassignedHousehold(*ws);
        REQUIRE_OK(reportIntake.link(QStringLiteral("B-1"), linked));
        // As an older program left it: no urgency.
        REQUIRE_OK(ws->db().exec(
            QStringLiteral("UPDATE crisis_reports SET urgency = NULL, response_due = NULL")));
        CHECK_FALSE(*Storage::UrgencyStore(ws->db()).pendingDue(linked));
        REQUIRE_OK(ws->db().exec(QStringLiteral(
            "INSERT OR REPLACE INTO store_meta (key, value) VALUES ('urgency_pending', '1')")));
    }
    auto ws = Test::openStore(path, &clock);
    CHECK(Test::count(*ws,
                      QStringLiteral("SELECT count(*) FROM crisis_reports WHERE urgency IS NULL"))
          == 0);
    CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM crisis_reports WHERE external_id = "
                                          "'B-1' AND urgency = 'urgent' "
                                          "AND response_due = '2026-11-23'"))
          == 1);
    CHECK(Test::count(
              *ws, QStringLiteral("SELECT count(*) FROM crisis_reports WHERE external_id = 'B-2' "
                                  "AND urgency = 'priority' AND response_due = '2026-11-23'"))
          == 1);
    // The household waits on its urgent report from the day it was linked.
    CHECK(Storage::UrgencyStore(ws->db()).pendingDue(linked)->value_or(QDate())
          == Test::demoToday());
    CHECK(Test::count(
              *ws, QStringLiteral("SELECT count(*) FROM store_meta WHERE key = 'urgency_pending'"))
          == 0);
}

TEST_CASE("Refreshing many households at once (a pulled batch) brings forward the ones with an "
          "urgent item exactly as refreshing each does",
          "[intake][urgency][sync]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::ReportIntake reportIntake(*ws);
    const QString urgent = unassignedHousehold(*ws);
    importReports(reportIntake,
                  {reportJson(QStringLiteral("HURT-2"), QStringLiteral("2026-11-23T08:00:00+09:00"),
                              {QStringLiteral("health")},
                              QStringLiteral("할아버지가 집에서 쓰러지셨다고 함"))});
    REQUIRE_OK(reportIntake.link(QStringLiteral("HURT-2"), urgent));
    REQUIRE(household(*ws, urgent).nextVisitDue == Test::demoToday());
    const QString plain
        = ws->db()
              .scalar(QStringLiteral("SELECT id FROM households WHERE id <> ? AND "
                                     "next_visit_due > '2026-12-01' ORDER BY id LIMIT 1"),
                      {urgent})
              ->toString();
    REQUIRE_FALSE(plain.isEmpty());
    const QDate plainDue = household(*ws, plain).nextVisitDue;
    // Both dates spoiled, as a pulled change could leave them before the refresh.
    REQUIRE(ws->db().execute(
        QStringLiteral("UPDATE households SET next_visit_due = '2031-01-01' WHERE id IN (?, ?)"),
        {urgent, plain}));
    Storage::VisitStore &visits = ws->stores().visits();
    using Missing = Storage::VisitStore::RefreshMissing;
    // A household this store does not hold is refused when asked to fail, passed over when not.
    auto refused = visits.refreshHouseholds({urgent, plain, QStringLiteral("no-such-household")},
                                            ws->journal(), ws->visitCycle(), Missing::Fail);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::NotFound);
    REQUIRE_OK(visits.refreshHouseholds({urgent, plain, QStringLiteral("no-such-household")},
                                        ws->journal(), ws->visitCycle(), Missing::Skip));
    CHECK(household(*ws, urgent).nextVisitDue == Test::demoToday());
    CHECK(household(*ws, plain).nextVisitDue == plainDue);
}
