// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"

#include <QDate>

namespace VisitMap::Risk {

// How often each tier is visited. No official rule exists (research-notes §2); the defaults are
// a product choice (고 2주, 중 월 1회, 저 분기) and an admin can change them per store.
struct VisitCycle
{
    int highDays = 14;
    int mediumDays = 30;
    int lowDays = 90;

    int daysFor(RiskTier tier) const
    {
        switch (tier) {
        case RiskTier::High:
            return highDays;
        case RiskTier::Medium:
            return mediumDays;
        case RiskTier::Low:
            return lowDays;
        }
        return lowDays;
    }

    // The next visit is due one cycle after the last contact that reached the person; a
    // household never reached is due one cycle after it was registered. A household-specific
    // cycle (overrideDays > 0) wins over the tier's.
    QDate nextDue(RiskTier tier, const QDate &lastCompleted, const QDate &registered,
                  int overrideDays = 0) const
    {
        const int days = overrideDays > 0 ? overrideDays : daysFor(tier);
        const QDate from = lastCompleted.isValid() ? lastCompleted : registered;
        return from.isValid() ? from.addDays(days) : QDate();
    }
};

} // namespace VisitMap::Risk
