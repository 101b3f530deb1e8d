// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/householdstore.h"

#include <QStringList>

namespace VisitMap::Export {

// Which households an export covers: all the account may see, those the household list's filter
// selects (the list's own Storage::HouseholdQuery, read as it is), or a chosen set of ids. It is
// always cut down to the account's 행정동.
struct ExportScope
{
    enum class Kind { All, Filter, Households };
    Kind kind = Kind::All;
    Storage::HouseholdQuery filter; // Kind::Filter
    QStringList householdIds;       // Kind::Households

    static ExportScope all() { return {}; }
    static ExportScope matching(const Storage::HouseholdQuery &filter)
    {
        return {Kind::Filter, filter, {}};
    }
    static ExportScope households(const QStringList &ids) { return {Kind::Households, {}, ids}; }

    // Whether a list query narrows what its base (every household of the account's offices)
    // shows: a tier, overdue or new, a worker, 통/반, a case stage, search words or fewer 행정동.
    static bool narrows(const Storage::HouseholdQuery &query, const QStringList &accountOffices);
};

} // namespace VisitMap::Export
