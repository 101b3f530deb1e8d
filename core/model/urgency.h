// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace VisitMap {

// How soon an intake item (a 복지위기 알림 report, a 발굴 round entry) must be answered: 긴급
// the same day, 우선 within days, 일반 in the usual course. Intake::UrgencyRules decides it from
// the item's facts; it is stored with the item (urgency, response_due).
enum class Urgency { Urgent, Priority, Normal };

// Stored and synced codes: urgent / priority / normal.
QString toCode(Urgency urgency);
std::optional<Urgency> urgencyFromCode(const QString &code);
// 0 for the most urgent: the queue's first sort key.
inline int urgencyRank(Urgency urgency)
{
    return int(urgency);
}

} // namespace VisitMap
