// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace VisitMap {

// Risk tier: 고위험 / 중위험 / 저위험 (a product convention; see research-notes §0).
enum class RiskTier { High, Medium, Low };

// Account roles, least privilege (DESIGN §7).
enum class Role { Caseworker, Nurse, TeamLead, Admin };

enum class VisitKind { Visit, Phone, Office, Check };    // 방문 / 전화 / 내방 / 안부확인
enum class VisitOutcome { Met, Absent, Refused, Moved }; // 만남 / 부재 / 거부 / 이사

// 통합사례관리 stages in order.
enum class CaseStage {
    Discovery,      // 대상자 발굴
    InitialCounsel, // 초기상담
    Intake,         // 접수
    Assessment,     // 욕구 및 위기도 조사
    CaseConference, // 사례회의
    Selection,      // 대상자 구분·선정
    ServicePlan,    // 서비스 제공계획
    Provision,      // 서비스 제공 및 점검
    Closure,        // 종결
    FollowUp,       // 사후관리
};

// Where a household stands: 관리중 / 종결 / 전출 / 사망. Only an active household is due a visit.
enum class HouseholdStatus { Active, Closed, Moved, Deceased };

// 통합사례관리 case types: 일반사례 / 고난도사례 / 서비스연계.
enum class CaseType { General, Intensive, Linkage };

// How a 발굴 round's entry stands against the store's households: tied to a household that was
// there, not yet tied, or tied to a household the round made.
enum class MatchStatus { Matched, Unmatched, NewHousehold };

// Stable text codes used in storage, files and the command line.
QString toCode(RiskTier tier);
QString toCode(Role role);
QString toCode(VisitKind kind);
QString toCode(VisitOutcome outcome);
QString toCode(CaseStage stage);
QString toCode(CaseType type);
QString toCode(HouseholdStatus status);
QString toCode(MatchStatus status);

std::optional<RiskTier> riskTierFromCode(QStringView code);
std::optional<Role> roleFromCode(QStringView code);
std::optional<VisitKind> visitKindFromCode(QStringView code);
std::optional<VisitOutcome> visitOutcomeFromCode(QStringView code);
std::optional<CaseStage> caseStageFromCode(QStringView code);
std::optional<CaseType> caseTypeFromCode(QStringView code);
// A code or the Korean word our own exports write (관리중, 종결, 전출, 사망).
std::optional<HouseholdStatus> householdStatusFromCode(QStringView code);
std::optional<MatchStatus> matchStatusFromCode(QStringView code);

// Korean labels for screens and printed sheets.
QString label(RiskTier tier);
QString label(Role role);
QString label(VisitKind kind);
QString label(VisitOutcome outcome);
QString label(CaseStage stage);
QString label(CaseType type);
QString label(HouseholdStatus status);
QString label(MatchStatus status);

constexpr int caseStageCount = 10;

} // namespace VisitMap
