// SPDX-License-Identifier: GPL-3.0-or-later
#include "intake/reportintake.h"
#include "intake/urgentescalation.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/reportstore.h"
#include "storage/riskstore.h"
#include "support/testsupport.h"
#include "util/clock.h"
#include "workflow/casework.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace VisitMap;
using Intake::UrgentEscalation;

namespace {

// 2026-11-23 10:00 in Seoul: the demo store's today.
QDateTime demoMorning()
{
    return QDateTime(Test::demoToday(), QTime(10, 0), Clock::seoul());
}

// One report of 자살 위험 (긴급) in 충정로, imported; its stored form.
CrisisReport importUrgentReport(Workspace &ws)
{
    const QJsonObject o{
        {QStringLiteral("id"), QStringLiteral("SUICIDE-7")},
        {QStringLiteral("received_at"), QStringLiteral("2026-11-23T08:30:00+09:00")},
        {QStringLiteral("channel"), QStringLiteral("app")},
        {QStringLiteral("reporter_type"), QStringLiteral("neighbour")},
        {QStringLiteral("anonymous"), true},
        {QStringLiteral("categories"), QJsonArray{QStringLiteral("suicide")}},
        {QStringLiteral("description"), QStringLiteral("이웃 어르신이 혼자 지내며 힘들다고 함")},
        {QStringLiteral("address_text"), QStringLiteral("서울특별시 서대문구 충정로 5")},
        {QStringLiteral("location"),
         QJsonObject{{QStringLiteral("lon"), 126.9578}, {QStringLiteral("lat"), 37.5698}}}};
    auto r = Intake::ReportIntake(ws).importReports(QJsonDocument(QJsonArray{o}).toJson(),
                                                    QStringLiteral("r.json"), {});
    REQUIRE_OK(r);
    REQUIRE(r->ok());
    auto stored = Storage::ReportStore(ws.db()).byExternalId(QStringLiteral("SUICIDE-7"));
    REQUIRE_OK(stored);
    REQUIRE(stored->urgency == Urgency::Urgent);
    return *stored;
}

// A household below 고위험, not flagged new, met recently enough that no cycle makes it due this
// week; made unassigned.
QString quietUnassignedHousehold(Workspace &ws)
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

Household household(Workspace &ws, const QString &id)
{
    auto h = Storage::HouseholdStore(ws.db()).get(id);
    REQUIRE_OK(h);
    return *h;
}

// 고위험 by an override naming the report, with the duty worker and due today.
void checkEscalated(Workspace &ws, const QString &id, const QString &worker)
{
    const Household h = household(ws, id);
    CHECK(h.tierOverride == RiskTier::High);
    CHECK(h.tier() == RiskTier::High);
    CHECK(h.overrideReason.contains(QStringLiteral("자살 위험")));
    CHECK(h.overrideReason.contains(QStringLiteral("SUICIDE-7")));
    CHECK(h.overrideReason.contains(QStringLiteral("당일 연락 대상")));
    CHECK(h.assignedWorker == worker);
    CHECK(h.nextVisitDue == Test::demoToday());
}

} // namespace

TEST_CASE("The urgent escalation makes a household tied to an urgent report 고위험 with the "
          "report as reason, gives it to the duty worker and makes it due today",
          "[intake][urgency][escalation]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    UrgentEscalation escalation(*ws);
    REQUIRE_OK(escalation.setDutyWorker(QStringLiteral("demo-caseworker")));
    CHECK(escalation.dutyWorker() == QLatin1String("demo-caseworker"));
    const CrisisReport report = importUrgentReport(*ws);
    const QString what = UrgentEscalation::reportText(report);
    CHECK(what.contains(QStringLiteral("자살 위험")));
    CHECK(what.contains(QStringLiteral("SUICIDE-7")));

    SECTION("an unassigned household goes to the duty worker")
    {
        const QString id = quietUnassignedHousehold(*ws);
        CHECK(household(*ws, id).nextVisitDue != Test::demoToday());
        REQUIRE_OK(ws->db().transaction([&]() -> Status {
            if (auto ok = Storage::ReportStore(ws->db()).resolve(
                    report.id, QStringLiteral("linked"), id, {}, ws->journal());
                !ok)
                return ok;
            return escalation.escalate(id, what);
        }));
        checkEscalated(*ws, id, QStringLiteral("demo-caseworker"));
    }
    SECTION("a household someone looks after stays theirs")
    {
        const QString id = quietUnassignedHousehold(*ws);
        REQUIRE_OK(CaseWork(*ws).assign({id}, QStringLiteral("demo-lead")));
        REQUIRE_OK(ws->db().transaction([&]() -> Status {
            if (auto ok = Storage::ReportStore(ws->db()).resolve(
                    report.id, QStringLiteral("linked"), id, {}, ws->journal());
                !ok)
                return ok;
            return escalation.escalate(id, what);
        }));
        checkEscalated(*ws, id, QStringLiteral("demo-lead"));
    }
    SECTION("an account that cannot hold households is never the duty worker")
    {
        auto refused = escalation.setDutyWorker(QStringLiteral("demo-admin"));
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::Validation);
        CHECK(escalation.dutyWorker() == QLatin1String("demo-caseworker"));
    }
}

TEST_CASE("An urgent report opened as a new household through the intake is 고위험 with the "
          "reason, the duty worker's and due today",
          "[intake][urgency][escalation]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::UrgentEscalation escalation(*ws);
    Intake::ReportIntake reportIntake(*ws);
    REQUIRE_OK(escalation.setDutyWorker(QStringLiteral("demo-caseworker")));
    CHECK(UrgentEscalation(*ws).dutyWorker() == QLatin1String("demo-caseworker"));
    importUrgentReport(*ws);
    auto opened = reportIntake.openHousehold(QStringLiteral("SUICIDE-7"));
    REQUIRE_OK(opened);
    checkEscalated(*ws, *opened, QStringLiteral("demo-caseworker"));
    CHECK_FALSE(*escalation.awaitsWorker(*opened));
    // The timeline says why.
    auto history = Storage::RiskStore(ws->db()).history(*opened);
    REQUIRE_OK(history);
    CHECK(std::any_of(history->begin(), history->end(), [](const Storage::RiskChange &c) {
        return c.kind == QLatin1String("override") && c.to == RiskTier::High
               && c.reason.contains(QStringLiteral("SUICIDE-7"));
    }));
}
