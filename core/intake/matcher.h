// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/crisisreport.h"
#include "model/household.h"
#include "model/person.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace VisitMap::Storage {
struct PersonRef;
}

namespace VisitMap::Intake {

// Why a household may be the one an item is about, as facts; words() puts one in the words the
// caseworker reads ("신고 위치에서 12 m", "주소 일치 (수색로 12)", "70대 여성 가구원" …).
struct MatchReason
{
    enum class Kind {
        NearLocation,      // value: metres from the reported place
        SameAddress,       // value: road and number ("수색로 12-3")
        SameRoad,          // value: the road
        NameAndBirth,      // a member with the name and birth date
        NameOtherBirth,    // a member with the name, born another day
        Name,              // a member with the name (no birth date to compare)
        MaskedNameFits,    // a masked name ("김*숙") fits a member's surname and length
        MemberFits,        // a member of the reported age band and sex; value: the band, sex: F/M
        NoMemberFits,      // no member of them (costs points)
        SameHouseholdType, // value: the type
    };
    Kind kind;
    QString value;
    QString sex; // MemberFits, NoMemberFits: "F" or "M" as reported, empty when not given

    bool operator==(const MatchReason &) const = default;
};
QString words(const MatchReason &reason);
QStringList words(const QList<MatchReason> &reasons);

// A household that may be the one a report is about, with the score and the reasons for it.
struct Candidate
{
    QString householdId;
    double score = 0;         // 0–100
    double distanceM = -1;    // from the report's location; -1 when either has none
    QList<MatchReason> reasons;
};

struct CandidateInput
{
    Household household;
    QList<Person> members;
};

// Scores households against a report. Written here because the weighting is the product's own:
// place (distance, then address) counts most, then who lives there (name, sex and age band
// together, household type); a detail that contradicts the report costs points.
class Matcher
{
public:
    static constexpr double minScore = 15;
    static Candidate score(const CrisisReport &report, const CandidateInput &in, const QDate &today);
    // Best first, at most max, none under minScore.
    static QList<Candidate> rank(const CrisisReport &report, const QList<CandidateInput> &inputs, const QDate &today,
                                 int max = 5);

    // "서울특별시 서대문구 수색로 12-3 2층" → {"수색로", "12-3"}; empty when no road address is in it.
    struct RoadAddress
    {
        QString road;
        QString number;
        bool isEmpty() const { return road.isEmpty(); }
    };
    static RoadAddress roadAddress(const QString &text);
    static double distanceM(double lon1, double lat1, double lon2, double lat2);

    // Who a 발굴 listing is among the people of the account's offices with its name and birth
    // date: when several are, those at the listed road address if any is, else all of them (one
    // left: the person; more: the caseworker chooses in the queue).
    static QList<Storage::PersonRef> listedPerson(const QList<Storage::PersonRef> &namesakes,
                                                  const QString &listedAddress);
    // The person of that household among these (empty when none is).
    static QString personIn(const QList<Storage::PersonRef> &people, const QString &householdId);
};

} // namespace VisitMap::Intake
