// SPDX-License-Identifier: GPL-3.0-or-later
// The matcher says why a household may be the one a report is about as facts; the queue and the
// command line read them in words.
#include "intake/matcher.h"

#include <catch2/catch.hpp>

using namespace VisitMap;
using Intake::MatchReason;
using Kind = Intake::MatchReason::Kind;

TEST_CASE("A candidate's reasons are facts the queue words: place, address, who lives there, type",
          "[intake][matching]")
{
    CrisisReport report;
    report.lon = 126.9380;
    report.lat = 37.5790;
    report.addressText = QStringLiteral("서울특별시 서대문구 수색로 12-3 2층");
    report.sex = QStringLiteral("F");
    report.ageBand = QStringLiteral("70대");
    report.householdType = QStringLiteral("노인단독");

    Intake::CandidateInput in;
    in.household.id = QStringLiteral("h1");
    in.household.lon = 126.9380;
    in.household.lat = 37.57909; // about 10 m north
    in.household.roadAddress = QStringLiteral("서울특별시 서대문구 수색로 12-3");
    in.household.householdType = QStringLiteral("노인단독");
    Person p;
    p.name = QStringLiteral("박순자");
    p.sex = QStringLiteral("F");
    p.birthDate = QDate(1951, 5, 1);
    in.members << p;

    const Intake::Candidate c = Intake::Matcher::score(report, in, QDate(2026, 11, 23));
    REQUIRE(c.reasons.size() == 4);
    CHECK(c.reasons[0] == MatchReason{Kind::NearLocation, QStringLiteral("10"), {}});
    CHECK(c.reasons[1] == MatchReason{Kind::SameAddress, QStringLiteral("수색로 12-3"), {}});
    CHECK(c.reasons[2]
          == MatchReason{Kind::MemberFits, QStringLiteral("70대"), QStringLiteral("F")});
    CHECK(c.reasons[3] == MatchReason{Kind::SameHouseholdType, QStringLiteral("노인단독"), {}});
    CHECK(Intake::words(c.reasons)
          == QStringList{
              QStringLiteral("신고 위치에서 10 m"), QStringLiteral("주소 일치 (수색로 12-3)"),
              QStringLiteral("70대 여성 가구원"), QStringLiteral("가구유형 일치 (노인단독)")});

    // A man of the band lives there instead: the household loses points and says why.
    in.members.first().sex = QStringLiteral("M");
    const Intake::Candidate other = Intake::Matcher::score(report, in, QDate(2026, 11, 23));
    CHECK(other.score < c.score);
    CHECK(other.reasons.contains(
        MatchReason{Kind::NoMemberFits, QStringLiteral("70대"), QStringLiteral("F")}));
    CHECK(
        Intake::words(MatchReason{Kind::NoMemberFits, QStringLiteral("70대"), QStringLiteral("F")})
        == QStringLiteral("70대 여성 가구원 없음"));
    CHECK(Intake::words(MatchReason{Kind::MemberFits, {}, QStringLiteral("M")})
          == QStringLiteral("남성 가구원"));
    CHECK(Intake::words(MatchReason{Kind::SameRoad, QStringLiteral("연희로"), {}})
          == QStringLiteral("같은 도로 (연희로)"));
}
