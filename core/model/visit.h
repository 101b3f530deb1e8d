// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace VisitMap {

// One contact with a household. Append-only: a mistake is voided, never edited.
struct Visit
{
    QString id;
    QString householdId;
    QString officeCode;
    VisitKind kind = VisitKind::Visit;
    QDateTime at;
    QString staffPresent; // account names, comma separated
    QString metWhom;
    VisitOutcome outcome = VisitOutcome::Met;
    QString notes;
    std::optional<double> lon;
    std::optional<double> lat;
    QDateTime createdAt;
    QString createdBy;
    bool voided = false;
    QString voidReason;

    // A visit that completes the cycle: the person was reached.
    bool completesCycle() const { return outcome == VisitOutcome::Met; }
};

} // namespace VisitMap
