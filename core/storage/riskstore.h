// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "risk/riskscorer.h"
#include "util/result.h"
#include "risk/visitcycle.h"

#include <QDateTime>
#include <optional>

namespace VisitMap::Storage {

class Database;
class Journal;

struct RiskChange
{
    QString id;
    QString kind; // computed / override / cleared
    std::optional<RiskTier> from;
    RiskTier to = RiskTier::Low;
    double score = 0;
    QString reason;
    QDateTime at;
    QString by;
};

// A household's risk in the local store, kept current: gathers what the score depends on
// (members, crisis signals, failed contacts, open citizen reports), scores it with the pure
// Risk::RiskScorer, records every change of tier, and takes a caseworker's override with its reason.
class RiskStore
{
public:
    RiskStore(Database &db, Risk::RiskScorer scorer = Risk::RiskScorer()) : m_db(db), m_scorer(scorer) {}

    Result<Risk::RiskInputs> inputs(const QString &householdId, const QDate &today) const;
    Result<Risk::RiskAssessment> explain(const QString &householdId, const QDate &today) const;
    // Re-scores the household; a changed tier is recorded. Returns whether the tier changed.
    Result<bool> recompute(const QString &householdId, Journal &journal, const Risk::VisitCycle &cycle);
    // Sets (or, with nullopt, clears) the caseworker's tier; a reason is required either way.
    Status setOverride(const QString &householdId, std::optional<RiskTier> tier, const QString &reason,
                       Journal &journal, const Risk::VisitCycle &cycle);
    Result<QList<RiskChange>> history(const QString &householdId) const;

private:
    Database &m_db;
    Risk::RiskScorer m_scorer;
};

} // namespace VisitMap::Storage
