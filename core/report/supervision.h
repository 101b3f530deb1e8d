// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/figuresstore.h"
#include "util/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Report {

// What a team lead (or a caseworker, for their own households) asks the figures for.
struct FigureFilter
{
    QStringList offices; // empty: every office of the session
    QString worker;      // empty: every worker (a caseworker always gets their own)
    QDate from;          // the period, inclusive; invalid: the 12 weeks up to today
    QDate to;
};

// How one channel's discoveries of the period were answered.
struct ChannelFigures
{
    QString channel; // a report's channel (app, phone, visit, …) or "round" for 발굴 listings
    int items = 0;
    int contacted = 0;                 // reached since it came in
    std::optional<double> medianHours; // from coming in to the first reaching contact
};

// The supervision figures of one scope: counts only, computed in the store.
struct Figures
{
    Storage::FigureScope scope;
    QList<Storage::TierCount> tiers;
    QList<Storage::TypeCount> types;
    QList<Storage::OverdueCount> overdue;
    QList<Storage::WeekContacts> weeks; // every week of the period, empty ones included
    QList<Storage::NeedCount> needs;
    QList<Storage::StageCount> stages;
    int casesPastDeadline = 0; // open cases with a legal deadline passed and not met
    QList<Storage::ServiceCount> services;
    QList<ChannelFigures> discoveries;
};

// The team lead's figures (팀장 › 현황판, the monthly report): households by tier, type and office,
// overdue visits by worker and lateness, contacts per week, needs by domain and level, cases by
// stage, services by kind and status, discoveries by channel and how fast each was first
// reached. A caseworker gets the same for the households assigned to them.
class Supervision
{
public:
    explicit Supervision(Workspace &ws)
        : m_ws(ws)
    {
    }

    Result<Figures> figures(const FigureFilter &filter) const;

    // The scope a filter comes to for the signed-in account: its offices among the session's,
    // the worker (forced to the account for one who cannot assign households), the period.
    Result<Storage::FigureScope> scopeOf(const FigureFilter &filter) const;

private:
    Workspace &m_ws;
};

} // namespace VisitMap::Report
