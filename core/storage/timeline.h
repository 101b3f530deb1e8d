// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"
#include "model/logentries.h"
#include "model/visit.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

namespace VisitMap::Security {
class Keyring;
}

namespace VisitMap::Storage {

class Database;

// What an entry of the timeline says, as facts; the UI words them (TimelineWords).
namespace TimelineFacts {
struct Signal // a 발굴 listing
{
    QString item;     // the crisis item's name, from the item table
    QString category; // its category, from the item table
    std::optional<int> months;
    std::optional<qint64> amount; // 원
    QString round;
};
struct Report // a citizen's crisis report; who reported is said only as self / neighbour
{
    enum class Reporter { Self, Neighbour, AnonymousNeighbour };
    QStringList categories; // codes (CrisisCategories)
    QString description;
    Reporter reporter = Reporter::Neighbour;
};
struct Visit
{
    VisitKind kind = VisitKind::Visit;
    VisitOutcome outcome = VisitOutcome::Met;
    QString metWhom;
    QString notes;
};
struct Assessment
{
    int domainsWithNeed = 0; // rated above 없음: the others were looked at and had none
    QList<NeedItem> marked;  // the domains at 보통 or 높음
};
struct Counseling
{
    QString topic;
    QString body;
    bool sealed = false; // the body is encrypted and was not opened for this reader
};
struct Service
{
    QString resource;
    QString status; // requested / provided / declined / ended
    QString note;
};
struct Stage
{
    CaseStage from = CaseStage::Discovery;
    CaseStage to = CaseStage::Discovery;
    QString note;
};
struct Risk
{
    enum class Change { Computed, Override, Cleared };
    Change change = Change::Computed;
    std::optional<RiskTier> from;
    RiskTier to = RiskTier::Low;
    QString reason;
};
struct Attachment
{
    QString fileName;
    qint64 size = 0;
    bool consent = false;
};
} // namespace TimelineFacts

// One line of a household's history.
struct TimelineEntry
{
    enum class Kind {
        Signal,
        Report,
        Visit,
        Assessment,
        Counseling,
        Service,
        Stage,
        Risk,
        Attachment
    };
    using Facts = std::variant<TimelineFacts::Signal,
                               TimelineFacts::Report,
                               TimelineFacts::Visit,
                               TimelineFacts::Assessment,
                               TimelineFacts::Counseling,
                               TimelineFacts::Service,
                               TimelineFacts::Stage,
                               TimelineFacts::Risk,
                               TimelineFacts::Attachment>;
    Kind kind = Kind::Visit;
    QDateTime at;
    Facts facts;
    QString by;     // the account or the staff present; empty for a citizen's report
    QString entity; // for taking an entry back: visit / assessment / counseling / service_link /
                    // stage_change / attachment
    QString entityId;
    bool voided = false;
    QString voidReason;
    bool isNew = false; // after the last time someone met the household

    template<typename T>
    const T *as() const
    {
        return std::get_if<T>(&facts);
    }
};

// Everything that happened to a household, newest first: crisis signals, citizen reports, visits,
// needs assessments, counselling notes, services, case stages, risk changes, photos. Entries since
// the last visit that reached the person are marked new.
class Timeline
{
public:
    // Counselling bodies are included when keys are given (the caller decides who may read them).
    static Result<QList<TimelineEntry>>
    forHousehold(Database &db, const QString &householdId, const Security::Keyring *counselingKeys);
};

} // namespace VisitMap::Storage
