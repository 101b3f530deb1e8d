// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/auditlog.h"

#include <QDate>
#include <QList>
#include <QString>

namespace VisitMap::Security {

// Why a day deserves a look, as a code and its numbers (the screen words it).
struct AuditFlag
{
    enum class Kind {
        ManyViews,     // count views, above the account's usual day (usual: the median)
        ManyDownloads, // count exports and prints
        ManyReveals,   // count identifiers shown
        FailedLogins,  // count failed sign-ins
        NightWork,     // count entries between 22:00 and 06:00
    };
    Kind kind = Kind::ManyViews;
    int count = 0;
    int usual = 0; // ManyViews: the median of the account's daily views

    bool operator==(const AuditFlag &) const = default;
};

// One account's activity on one day, for the monthly access-log review.
struct AuditDaySummary
{
    QString account;
    QDate day; // Asia/Seoul
    int views = 0;
    int changes = 0;   // create / update / delete
    int downloads = 0; // exports and prints
    int reveals = 0;
    int failedLogins = 0;
    int offHours = 0;  // entries between 22:00 and 06:00
    QList<AuditFlag> flags; // why the day deserves a look
};

// Finds what a reviewer should look at: an account's day far above its usual volume, many
// exports, identifiers revealed in bulk, repeated failed sign-ins, work at night.
class AuditReview
{
public:
    struct Thresholds
    {
        int viewsFloor = 100;    // a day's views are unusual above max(floor, factor x median)
        double factor = 3.0;
        int downloads = 3;
        int reveals = 20;
        int failedLogins = 3;
    };

    static QList<AuditDaySummary> summarise(const QList<AuditEntry> &entries,
                                            const Thresholds &thresholds);
    static QList<AuditDaySummary> summarise(const QList<AuditEntry> &entries)
    {
        return summarise(entries, Thresholds{});
    }
};

} // namespace VisitMap::Security
