// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/riskscorer.h"
#include "risk/visitcycle.h"
#include "support/testsupport.h"

using namespace VisitMap;
using namespace VisitMap::Risk;

TEST_CASE("The risk score explains itself, strongest reason first", "[core][risk]")
{
    RiskScorer scorer;
    RiskInputs in;
    in.today = QDate(2026, 11, 23);
    in.householdType = QStringLiteral("노인단독");
    in.members = {{84, QStringLiteral("F"), false}};
    in.signals = {{QStringLiteral("E01"), QStringLiteral("단전(전류제한)"), QStringLiteral("에너지·공과금"), 18, {}, {}, in.today.addDays(-10)},
                  {QStringLiteral("E04"), QStringLiteral("전기요금 체납"), QStringLiteral("에너지·공과금"), 8, {}, 4, in.today.addDays(-10)}};
    const RiskAssessment a = scorer.assess(in);
    REQUIRE(a.factors.size() == 4);
    CHECK(a.factors.first().label == QStringLiteral("단전(전류제한)"));
    double sum = 0;
    for (const RiskFactor &f : a.factors)
        sum += f.points;
    CHECK(a.score == Approx(sum).margin(0.1));
    // 18 + 8*1.3*0.5 (second of its category) + 10 + 8 = 41.2: medium.
    CHECK(a.score == Approx(41.2).margin(0.1));
    CHECK(a.tier == RiskTier::Medium);
    in.signals.append({QStringLiteral("S02"), QStringLiteral("자살고위험군"), QStringLiteral("안전·정신건강"), 30, {}, {}, in.today});
    CHECK(scorer.assess(in).tier == RiskTier::High);
    CHECK(RiskScorer().assess(RiskInputs{}).tier == RiskTier::Low);
}

TEST_CASE("Old signals weigh half, and a repeated item counts once", "[core][risk]")
{
    RiskInputs in;
    in.today = QDate(2026, 11, 23);
    in.signals = {{QStringLiteral("H01"), QStringLiteral("임대료 체납"), QStringLiteral("주거"), 10, {}, {}, in.today.addDays(-400)}};
    CHECK(RiskScorer().assess(in).score == Approx(5));
    in.signals.append(in.signals.first());
    CHECK(RiskScorer().assess(in).score == Approx(5));
}

TEST_CASE("Visit cycles follow the tier, or a household's own cycle", "[core][risk]")
{
    const VisitCycle cycle;
    const QDate last(2026, 11, 1), registered(2025, 1, 1);
    CHECK(cycle.nextDue(RiskTier::High, last, registered) == QDate(2026, 11, 15));
    CHECK(cycle.nextDue(RiskTier::Medium, last, registered) == QDate(2026, 12, 1));
    CHECK(cycle.nextDue(RiskTier::Low, last, registered) == QDate(2027, 1, 30));
    CHECK(cycle.nextDue(RiskTier::Low, last, registered, 7) == QDate(2026, 11, 8));
    CHECK(cycle.nextDue(RiskTier::High, QDate(), registered) == QDate(2025, 1, 15));
}
