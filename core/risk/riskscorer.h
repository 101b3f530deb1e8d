// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace VisitMap::Risk {

// One reason a household scores what it does, shown to the caseworker ("why is this red?").
struct RiskFactor
{
    QString label;
    double points = 0;
    QString kind; // signal / household / contact
};

struct RiskAssessment
{
    double score = 0;
    RiskTier tier = RiskTier::Low;
    QList<RiskFactor> factors; // largest first
};

struct SignalInput
{
    QString code;
    QString name;
    QString category;
    double weight = 0;
    std::optional<qint64> amount;
    std::optional<int> months;
    QDate received;
};

struct MemberInput
{
    int age = -1;
    QString sex;
    bool disability = false;
};

struct RiskInputs
{
    QString householdType;
    QString housing;
    QList<MemberInput> members;
    QList<SignalInput> signals;
    int recentRefusals = 0;     // refused contacts in the last 90 days
    int consecutiveAbsences = 0;// absences since the last time someone was met
    QStringList reportCategories; // crisis categories of open citizen reports
    QDate today;
};

// An explainable additive score: each crisis signal adds its item weight (more for long or large
// arrears, less once a year old, half for further signals of the same category), household
// circumstances add fixed points, and contacts that fail add more. The weights are a product
// choice documented in README; the official 발굴 model is not public.
class RiskScorer
{
public:
    struct Thresholds
    {
        double high = 50;
        double medium = 25;
    };

    RiskScorer() = default;
    explicit RiskScorer(Thresholds t) : m_thresholds(t) {}

    RiskAssessment assess(const RiskInputs &inputs) const;
    RiskTier tierFor(double score) const;
    const Thresholds &thresholds() const { return m_thresholds; }

private:
    Thresholds m_thresholds;
};

} // namespace VisitMap::Risk
