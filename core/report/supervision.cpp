// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervision.h"

#include "risk/casedeadlines.h"
#include "storage/casestore.h"
#include "storage/stores.h"
#include "util/clock.h"
#include "workspace.h"

#include <QMap>
#include <algorithm>

namespace VisitMap::Report {

using Security::Permission;

Result<Storage::FigureScope> Supervision::scopeOf(const FigureFilter &filter) const
{
    if (auto ok = m_ws.require(Permission::ViewHouseholds); !ok)
        return fail(ok.error());
    const Security::Session &session = *m_ws.session();
    Storage::FigureScope scope;
    scope.today = m_ws.clock().today();
    for (const QString &office : filter.offices.isEmpty() ? session.offices : filter.offices) {
        if (!session.offices.contains(office))
            return fail(ErrorCode::PermissionDenied,
                        QStringLiteral("행정동 %1 is outside your offices").arg(office));
        scope.offices << office;
    }
    // Who cannot assign households sees their own only.
    scope.worker = session.can(Permission::AssignHouseholds) ? filter.worker : session.name();
    scope.to = filter.to.isValid() ? filter.to : scope.today;
    scope.from = filter.from.isValid() ? filter.from : scope.to.addDays(-7 * 12 + 1);
    if (scope.from > scope.to)
        return fail(ErrorCode::Validation,
                    QStringLiteral("the period starts (%1) after it ends (%2)")
                        .arg(Iso::date(scope.from), Iso::date(scope.to)));
    return scope;
}

namespace {

// Every Monday from the one of `from`'s week to the one of `to`'s, with the counts there are.
QList<Storage::WeekContacts>
everyWeek(const QList<Storage::WeekContacts> &counted, const QDate &from, const QDate &to)
{
    QMap<QDate, Storage::WeekContacts> byMonday;
    for (const Storage::WeekContacts &w : counted)
        byMonday.insert(w.monday, w);
    QList<Storage::WeekContacts> out;
    for (QDate monday = from.addDays(1 - from.dayOfWeek()); monday <= to;
         monday = monday.addDays(7))
        out.append(byMonday.value(monday, Storage::WeekContacts{monday}));
    return out;
}

QList<ChannelFigures> byChannel(const QList<Storage::DiscoveryItem> &items)
{
    QMap<QString, QList<double>> hours;
    QMap<QString, ChannelFigures> out;
    for (const Storage::DiscoveryItem &d : items) {
        ChannelFigures &c = out[d.channel];
        c.channel = d.channel;
        ++c.items;
        if (d.firstContact) {
            ++c.contacted;
            hours[d.channel].append(double(d.received.secsTo(*d.firstContact)) / 3600.0);
        }
    }
    for (auto it = hours.begin(); it != hours.end(); ++it) {
        QList<double> &h = *it;
        std::sort(h.begin(), h.end());
        const qsizetype n = h.size();
        out[it.key()].medianHours = n % 2 ? h[n / 2] : (h[n / 2 - 1] + h[n / 2]) / 2.0;
    }
    QList<ChannelFigures> list = out.values();
    std::stable_sort(
        list.begin(), list.end(),
        [](const ChannelFigures &a, const ChannelFigures &b) { return a.items > b.items; });
    return list;
}

} // namespace

Result<Figures> Supervision::figures(const FigureFilter &filter) const
{
    auto scope = scopeOf(filter);
    if (!scope)
        return fail(scope.error());
    const Storage::FiguresStore &store = m_ws.stores().figures();
    Figures f;
    f.scope = *scope;
    auto tiers = store.tiersByOffice(*scope);
    if (!tiers)
        return fail(tiers.error());
    auto types = store.byHouseholdType(*scope);
    if (!types)
        return fail(types.error());
    auto overdue = store.overdueByWorker(*scope);
    if (!overdue)
        return fail(overdue.error());
    auto weeks = store.contactsByWeek(*scope);
    if (!weeks)
        return fail(weeks.error());
    auto needs = store.needs(*scope);
    if (!needs)
        return fail(needs.error());
    auto stages = store.casesByStage(*scope);
    if (!stages)
        return fail(stages.error());
    auto services = store.services(*scope);
    if (!services)
        return fail(services.error());
    auto discoveries = store.discoveries(*scope);
    if (!discoveries)
        return fail(discoveries.error());
    f.tiers = *tiers;
    f.types = *types;
    f.overdue = *overdue;
    f.weeks = everyWeek(*weeks, scope->from, scope->to);
    f.needs = *needs;
    f.stages = *stages;
    f.services = *services;
    f.discoveries = byChannel(*discoveries);
    // Legal deadlines (조사 10일, 계획 30일 from 접수 …) passed on open cases of the scope.
    // The worker is the household's, as in every other figure.
    auto open = m_ws.stores().cases().open(scope->offices, scope->worker);
    if (!open)
        return fail(open.error());
    for (const CaseFile &c : *open) {
        const auto deadlines = Risk::CaseDeadlines::forCase(c, scope->today);
        f.casesPastDeadline += std::any_of(deadlines.begin(), deadlines.end(), [](const auto &d) {
            return d.state == Risk::Deadline::State::Late;
        });
    }
    return f;
}

} // namespace VisitMap::Report
