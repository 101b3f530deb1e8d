// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

namespace VisitMap::Storage {
class Database;
}

namespace VisitMap::Intake {

// Gives the reports and 발굴 entries stored before urgencies were kept their urgency and
// response deadline (UrgencyRules over what they say). Run once, after migration 0014, inside a
// transaction. Households are left as they are: an urgent item a household waits on brings its
// next visit forward the next time the household's visits are worked out (a visit, a new score).
class UrgencyBackfill
{
public:
    // How many items were classified.
    static Result<int> run(Storage::Database &db);
};

} // namespace VisitMap::Intake
