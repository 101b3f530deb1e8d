// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/crisisreport.h"
#include "model/crisissignal.h"
#include "model/urgency.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace VisitMap::Intake {

// What an intake item says that bears on how soon to answer it.
struct UrgencyFacts
{
    QStringList categories;     // the report's crisis situations (CrisisCategories codes)
    QString text;               // free text: the report's description
    QString householdType;      // 1인, 노인단독, …
    QStringList itemNames;      // 발굴 items listed (e.g. "자살고위험군")
    QStringList itemCategories; // their categories (e.g. "안전·정신건강")
};

// Why an item got its urgency, as facts the screen puts into words.
struct UrgencyReason
{
    enum class Kind {
        Category,    // value: a crisis category code (suicide, violence, health …)
        Keyword,     // value: the words found in the free text (자살, 쓰러 …)
        AloneUnseen, // someone living alone not seen lately (mail piling up, …); value: the words
        Item,        // value: a 발굴 item's name
    };
    Kind kind;
    QString value;
    bool operator==(const UrgencyReason &) const = default;
};

struct UrgencyAssessment
{
    Urgency level = Urgency::Normal;
    QList<UrgencyReason> reasons; // those of the level decided, strongest first
};

// The one place that decides an intake item's urgency and its response deadline.
//
// 긴급 (answer the same day):
//   - the report's situation is 자살 위험 (suicide) or 폭력·학대 (violence);
//   - the free text or a 발굴 item names suicide or self-harm (자살, 자해, 죽고 싶, 목숨, 극단적
//     선택, 유서, 번개탄, 투신), violence or abuse (폭력, 폭행, 학대, 때리·때린·때려, 감금, 흉기)
//     or a health emergency (쓰러, 응급상황, 위급, 의식이 없, 의식불명, 숨을 못/안 쉬, 호흡곤란,
//     피를 흘).
// 우선 (answer within 3 days; 긴급복지지원 aids within 72 hours):
//   - the situation is 건강 문제, 끼니 해결 곤란, 돌봄 공백 or 재난·사고;
//   - someone living alone (1인, 노인단독, 고립·고독, or the text says 혼자/홀로 사는·지내는·계신,
//   독거, 홀몸) is
//     said not to have been seen (안 보이, 보이지 않, 못 봤, 인기척, 우편물·우편함·신문이 쌓,
//     연락이 안 되/두절/닿지 않, 문을 안 열, 악취);
//   - a 발굴 item of 안전·정신건강 (범죄피해, 화재, 재난) or a cut supply (단전, 단수, 단가스).
// 일반 (answer within 14 days): everything else.
// Words are matched with spaces ignored ("죽고싶" = "죽고 싶"). A denial does not lower the
// level ("자살 생각은 없다고 함" is still 긴급): a person reads an urgent item the same day, and
// missing one costs more than answering one early.
class UrgencyRules
{
public:
    static constexpr int priorityDays = 3;
    static constexpr int normalDays = 14;

    static UrgencyAssessment assess(const UrgencyFacts &facts);
    static UrgencyFacts factsOf(const CrisisReport &report);
    // A 발굴 listing: the code-table entries of the items it lists about one person.
    static UrgencyFacts factsOf(const QList<CrisisItem> &items);

    // The last day to answer an item of this urgency received on this day (Asia/Seoul).
    static QDate responseDue(Urgency urgency, const QDate &received);
    // The day a report was received, in Asia/Seoul.
    static QDate receivedDay(const CrisisReport &report);
    // Queue order: more urgent first, then the one waiting longer.
    static bool
    precedes(Urgency a, const QDateTime &receivedA, Urgency b, const QDateTime &receivedB);
};

} // namespace VisitMap::Intake
