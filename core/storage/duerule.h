// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace VisitMap::Storage::DueRule {

// "방문 지남" as SQL: an active household whose next visit was due before today. It is
// Household::isOverdue written for the households table (under the alias given, "" for none), with
// one placeholder for today's ISO date. A household without a due date (NULL, or the empty text
// an older import left) is not overdue, as it is not in C++. Every count, filter and map flag of overdue households
// uses this one condition, so the list, the map, the statistics and the panel agree.
QString overdue(const QString &alias = {});

// An active household whose next visit falls between two dates (two placeholders, inclusive).
QString dueBetween(const QString &alias = {});

} // namespace VisitMap::Storage::DueRule
