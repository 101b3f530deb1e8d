// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/crisissignal.h"
#include "model/household.h"
#include "model/office.h"
#include "model/person.h"
#include "model/visit.h"
#include "risk/riskscorer.h"
#include "risk/visitcycle.h"

#include <QList>
#include <QPointF>
#include <optional>

namespace VisitMap {
class Random;
}

namespace VisitMap::Demo {

struct SynthContext
{
    QDate today;
    QString itemVersion;
    QList<CrisisItem> items;
    Risk::RiskScorer scorer;
    Risk::VisitCycle cycle;
    QStringList roads;
    QStringList workers;   // caseworker accounts households are assigned to
    QString nurse;         // joins some home visits to high-risk households
    QString addressPrefix; // 서울특별시 서대문구
};

struct SynthStageChange
{
    CaseStage from = CaseStage::Discovery;
    CaseStage to = CaseStage::Discovery;
    QDate at;
};

struct SynthCase
{
    QString id;
    CaseType caseType = CaseType::General;
    CaseStage stage = CaseStage::Discovery;
    QDate stageSince;
    QDate discovered;
    QDate intake;
    QDate assessed;
    QDate planned;
    QList<SynthStageChange> history;
};

struct SynthHousehold
{
    Household household;
    QList<Person> members;
    QList<CrisisSignal> signals;
    QList<Visit> visits;
    std::optional<SynthCase> kase;
};

// Makes one plausible household of a managed caseload: type in realistic proportions, members of
// fitting ages and names, housing, crisis signals that explain its tier (about 10% high, 25%
// medium, 65% low), a visit history that leaves some overdue, and for most high-risk households
// a 통합사례관리 case at some stage.
class HouseholdSynth
{
public:
    explicit HouseholdSynth(const SynthContext &context) : m_ctx(context) {}

    SynthHousehold make(Random &random, const Office &office, const QPointF &position, int tong,
                        std::int64_t idMs) const;

private:
    void makeMembers(Random &random, SynthHousehold &out, std::int64_t idMs) const;
    void makeSignals(Random &random, SynthHousehold &out, RiskTier target, std::int64_t idMs) const;
    void makeVisits(Random &random, SynthHousehold &out, std::int64_t idMs) const;
    // Each round's listing of the household gets its urgency and response deadline by the rules
    // imported entries follow (Intake::UrgencyRules over the items it lists).
    void classifySignals(SynthHousehold &out) const;
    // An office answers a 긴급 listing the same day: a phone call that reached the person on the
    // day it was received, when the history has no contact since. Drawn from a stream of its own,
    // so the rest of the district is as it was.
    void answerUrgent(SynthHousehold &out, std::int64_t idMs) const;
    // A 긴급 or 우선 listing nobody has reached since it came brings the next contact forward to
    // its deadline, as the store's own refresh does (so a synced copy agrees with the demo).
    void bringForwardToDeadlines(SynthHousehold &out) const;
    void makeCase(Random &random, SynthHousehold &out, std::int64_t idMs) const;
    Risk::RiskInputs inputsFor(const SynthHousehold &out) const;

    const SynthContext &m_ctx;
};

} // namespace VisitMap::Demo
