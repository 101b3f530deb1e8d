// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "riskscorer.h"
#include "util/result.h"
#include "visitcycle.h"

#include <QDateTime>
#include <optional>

namespace VisitMap::Storage {
class Database;
class Journal;
} // namespace VisitMap::Storage

namespace VisitMap::Risk {

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

// Keeps a household's risk current: gathers what the score depends on (members, crisis
// signals, failed contacts, open citizen reports), scores it, records every change of tier, and
// takes a caseworker's override with its reason.
class RiskService
{
public:
    RiskService(Storage::Database &db, RiskScorer scorer = RiskScorer()) : m_db(db), m_scorer(scorer) {}

    Result<RiskInputs> inputs(const QString &householdId, const QDate &today) const;
    Result<RiskAssessment> explain(const QString &householdId, const QDate &today) const;
    // Re-scores the household; a changed tier is recorded. Returns whether the tier changed.
    Result<bool> recompute(const QString &householdId, Storage::Journal &journal, const VisitCycle &cycle);
    // Sets (or, with nullopt, clears) the caseworker's tier; a reason is required either way.
    Status setOverride(const QString &householdId, std::optional<RiskTier> tier, const QString &reason,
                       Storage::Journal &journal, const VisitCycle &cycle);
    Result<QList<RiskChange>> history(const QString &householdId) const;

private:
    Storage::Database &m_db;
    RiskScorer m_scorer;
};

} // namespace VisitMap::Risk
