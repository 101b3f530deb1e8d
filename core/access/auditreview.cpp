// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditreview.h"

#include "util/clock.h"

#include <QHash>
#include <algorithm>

namespace VisitMap::Security {

QList<AuditDaySummary> AuditReview::summarise(const QList<AuditEntry> &entries, const Thresholds &t)
{
    QHash<QString, int> index;
    QList<AuditDaySummary> days;
    for (const AuditEntry &e : entries) {
        const QDateTime local = e.at.toTimeZone(Clock::seoul());
        const QString key = e.account + QLatin1Char('|') + local.date().toString(Qt::ISODate);
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.insert(key, int(days.size()));
            days.append({e.account, local.date()});
        }
        AuditDaySummary &d = days[*it];
        if (e.action == QLatin1String("view"))
            ++d.views;
        else if (e.action == QLatin1String("create") || e.action == QLatin1String("update")
                 || e.action == QLatin1String("delete"))
            ++d.changes;
        else if (e.action == QLatin1String("download") || e.action == QLatin1String("print"))
            ++d.downloads;
        else if (e.action == QLatin1String("reveal"))
            ++d.reveals;
        else if (e.action == QLatin1String("login_failed"))
            ++d.failedLogins;
        const int hour = local.time().hour();
        if (hour >= 22 || hour < 6)
            ++d.offHours;
    }
    // Each account's usual day: the median of its daily views.
    QHash<QString, QList<int>> viewsByAccount;
    for (const AuditDaySummary &d : days)
        viewsByAccount[d.account].append(d.views);
    QHash<QString, double> median;
    for (auto it = viewsByAccount.begin(); it != viewsByAccount.end(); ++it) {
        QList<int> v = it.value();
        std::sort(v.begin(), v.end());
        median.insert(it.key(), v.isEmpty() ? 0 : v.at(v.size() / 2));
    }
    for (AuditDaySummary &d : days) {
        const double limit = std::max(double(t.viewsFloor), t.factor * median.value(d.account));
        using K = AuditFlag::Kind;
        if (d.views > limit)
            d.flags << AuditFlag{K::ManyViews, d.views, int(median.value(d.account))};
        if (d.downloads >= t.downloads)
            d.flags << AuditFlag{K::ManyDownloads, d.downloads};
        if (d.reveals >= t.reveals)
            d.flags << AuditFlag{K::ManyReveals, d.reveals};
        if (d.failedLogins >= t.failedLogins)
            d.flags << AuditFlag{K::FailedLogins, d.failedLogins};
        if (d.offHours > 0)
            d.flags << AuditFlag{K::NightWork, d.offHours};
    }
    std::sort(days.begin(), days.end(), [](const AuditDaySummary &a, const AuditDaySummary &b) {
        return a.day != b.day ? a.day > b.day : a.account < b.account;
    });
    return days;
}

} // namespace VisitMap::Security
