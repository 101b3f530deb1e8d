// SPDX-License-Identifier: GPL-3.0-or-later
#include "enums.h"

#include <QCoreApplication>

#include <array>

namespace VisitMap {

namespace {

// The words a person reads for each value go through Qt's translation like every other text on
// screen (lupdate collects them from the QT_TRANSLATE_NOOP marks below); the stored codes and
// the Korean words an imported file may use are parsed untranslated.
constexpr const char *labelContext = "VisitMap::Label";

template<typename E, std::size_t N>
struct Table
{
    std::array<E, N> values;
    std::array<const char *, N> codes;
    std::array<const char *, N> labels;

    QString code(E e) const
    {
        for (std::size_t i = 0; i < N; ++i)
            if (values[i] == e)
                return QString::fromLatin1(codes[i]);
        return {};
    }
    QString label(E e) const
    {
        for (std::size_t i = 0; i < N; ++i)
            if (values[i] == e)
                return QCoreApplication::translate(labelContext, labels[i]);
        return {};
    }
    std::optional<E> parse(QStringView text) const
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (text.compare(QLatin1String(codes[i]), Qt::CaseInsensitive) == 0
                || text == QString::fromUtf8(labels[i]))
                return values[i];
        }
        return std::nullopt;
    }
};

const Table<RiskTier, 3> tiers{{RiskTier::High, RiskTier::Medium, RiskTier::Low},
                               {"high", "medium", "low"},
                               {QT_TRANSLATE_NOOP("VisitMap::Label", "고위험"),
                                QT_TRANSLATE_NOOP("VisitMap::Label", "중위험"),
                                QT_TRANSLATE_NOOP("VisitMap::Label", "저위험")}};
const Table<Role, 4> roles{{Role::Caseworker, Role::Nurse, Role::TeamLead, Role::Admin},
                           {"caseworker", "nurse", "team_lead", "admin"},
                           {QT_TRANSLATE_NOOP("VisitMap::Label", "사회복지사"),
                            QT_TRANSLATE_NOOP("VisitMap::Label", "방문간호사"),
                            QT_TRANSLATE_NOOP("VisitMap::Label", "팀장"),
                            QT_TRANSLATE_NOOP("VisitMap::Label", "관리자")}};
const Table<VisitKind, 4> kinds{
    {VisitKind::Visit, VisitKind::Phone, VisitKind::Office, VisitKind::Check},
    {"visit", "phone", "office", "check"},
    {QT_TRANSLATE_NOOP("VisitMap::Label", "방문"), QT_TRANSLATE_NOOP("VisitMap::Label", "전화"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "내방"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "안부확인")}};
const Table<VisitOutcome, 4> outcomes{
    {VisitOutcome::Met, VisitOutcome::Absent, VisitOutcome::Refused, VisitOutcome::Moved},
    {"met", "absent", "refused", "moved"},
    {QT_TRANSLATE_NOOP("VisitMap::Label", "만남"), QT_TRANSLATE_NOOP("VisitMap::Label", "부재"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "거부"), QT_TRANSLATE_NOOP("VisitMap::Label", "이사")}};
const Table<CaseStage, 10> stages{
    {CaseStage::Discovery, CaseStage::InitialCounsel, CaseStage::Intake, CaseStage::Assessment,
     CaseStage::CaseConference, CaseStage::Selection, CaseStage::ServicePlan, CaseStage::Provision,
     CaseStage::Closure, CaseStage::FollowUp},
    {"discovery", "initial_counsel", "intake", "assessment", "case_conference", "selection",
     "service_plan", "provision", "closure", "follow_up"},
    {QT_TRANSLATE_NOOP("VisitMap::Label", "발굴"), QT_TRANSLATE_NOOP("VisitMap::Label", "초기상담"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "접수"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "욕구·위기도 조사"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "사례회의"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "구분·선정"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "서비스 제공계획"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "제공·점검"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "종결"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "사후관리")}};
const Table<HouseholdStatus, 4> householdStatuses{
    {HouseholdStatus::Active, HouseholdStatus::Closed, HouseholdStatus::Moved,
     HouseholdStatus::Deceased},
    {"active", "closed", "moved", "deceased"},
    {QT_TRANSLATE_NOOP("VisitMap::Label", "관리중"), QT_TRANSLATE_NOOP("VisitMap::Label", "종결"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "전출"), QT_TRANSLATE_NOOP("VisitMap::Label", "사망")}};
const Table<CaseType, 3> caseTypes{{CaseType::General, CaseType::Intensive, CaseType::Linkage},
                                   {"general", "intensive", "linkage"},
                                   {QT_TRANSLATE_NOOP("VisitMap::Label", "일반사례"),
                                    QT_TRANSLATE_NOOP("VisitMap::Label", "고난도사례"),
                                    QT_TRANSLATE_NOOP("VisitMap::Label", "서비스연계")}};
const Table<MatchStatus, 3> matchStatuses{
    {MatchStatus::Matched, MatchStatus::Unmatched, MatchStatus::NewHousehold},
    {"matched", "unmatched", "new_household"},
    {QT_TRANSLATE_NOOP("VisitMap::Label", "가구 연결"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "미연결"),
     QT_TRANSLATE_NOOP("VisitMap::Label", "신규 가구")}};

} // namespace

QString toCode(RiskTier v) { return tiers.code(v); }
QString toCode(Role v) { return roles.code(v); }
QString toCode(VisitKind v) { return kinds.code(v); }
QString toCode(VisitOutcome v) { return outcomes.code(v); }
QString toCode(CaseStage v) { return stages.code(v); }
QString toCode(CaseType v) { return caseTypes.code(v); }
QString toCode(HouseholdStatus v) { return householdStatuses.code(v); }
QString toCode(MatchStatus v) { return matchStatuses.code(v); }

std::optional<RiskTier> riskTierFromCode(QStringView c) { return tiers.parse(c); }
std::optional<Role> roleFromCode(QStringView c) { return roles.parse(c); }
std::optional<VisitKind> visitKindFromCode(QStringView c) { return kinds.parse(c); }
std::optional<VisitOutcome> visitOutcomeFromCode(QStringView c) { return outcomes.parse(c); }
std::optional<CaseStage> caseStageFromCode(QStringView c) { return stages.parse(c); }
std::optional<CaseType> caseTypeFromCode(QStringView c) { return caseTypes.parse(c); }
std::optional<HouseholdStatus> householdStatusFromCode(QStringView c) { return householdStatuses.parse(c); }
std::optional<MatchStatus> matchStatusFromCode(QStringView c) { return matchStatuses.parse(c); }

QString label(RiskTier v) { return tiers.label(v); }
QString label(Role v) { return roles.label(v); }
QString label(VisitKind v) { return kinds.label(v); }
QString label(VisitOutcome v) { return outcomes.label(v); }
QString label(CaseStage v) { return stages.label(v); }
QString label(CaseType v) { return caseTypes.label(v); }
QString label(HouseholdStatus v) { return householdStatuses.label(v); }
QString label(MatchStatus v) { return matchStatuses.label(v); }

} // namespace VisitMap
