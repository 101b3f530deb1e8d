// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"
#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace VisitMap::Storage {

class Database;

// Which households a figure counts: those of these offices (the caller passes the session's),
// of one worker or all, and for what was done, a period of Seoul days.
struct FigureScope
{
    QStringList offices; // never empty: a scope with no office counts nothing
    QString worker;      // empty: every worker; else the households assigned to this account
    QDate from;          // the period, inclusive (visits, discoveries)
    QDate to;
    QDate today; // for what is overdue
};

struct TierCount
{
    QString office;
    int high = 0;
    int medium = 0;
    int low = 0;
    int total() const { return high + medium + low; }
};

struct TypeCount
{
    QString type;
    int households = 0;
};

// Overdue households of one worker (empty: unassigned) by how many days late.
struct OverdueCount
{
    QString worker;
    int upToWeek = 0;  // 1–7 days
    int upToMonth = 0; // 8–30 days
    int longer = 0;    // 31 days or more
    int total() const { return upToWeek + upToMonth + longer; }
};

// Contacts logged in one week (Monday to Sunday, Seoul), by kind; taken-back ones are not counted.
struct WeekContacts
{
    QDate monday;
    int visits = 0;
    int calls = 0;
    int officeVisits = 0;
    int checks = 0; // 안부확인
    int total() const { return visits + calls + officeVisits + checks; }
};

// Households whose latest needs assessment rates a 욕구 domain at a level (1 낮음 … 3 높음).
struct NeedCount
{
    QString office;
    QString domain;
    int level = 0;
    int households = 0;
};

struct StageCount
{
    CaseStage stage = CaseStage::Discovery;
    int cases = 0;
};

struct ServiceCount
{
    QString resourceKind; // public / private / facility
    QString status;       // requested / provided / declined / ended
    int links = 0;
};

// One discovery (a citizen's report, or a person listed in a 발굴 round) that came in during the
// period, and when someone first reached its household after it came in.
struct DiscoveryItem
{
    QString channel; // a report's channel, or "round" for a 발굴 listing
    QDateTime received;
    std::optional<QDateTime> firstContact; // none yet (or not matched to a household)
};

// Aggregate counts for supervision (the dashboard and the monthly report): no person, address or
// id leaves this store, only counts.
class FiguresStore
{
public:
    explicit FiguresStore(Database &db)
        : m_db(db)
    {
    }

    Result<QList<TierCount>> tiersByOffice(const FigureScope &scope) const;
    Result<QList<TypeCount>> byHouseholdType(const FigureScope &scope) const;
    Result<QList<OverdueCount>> overdueByWorker(const FigureScope &scope) const;
    // Every week of the period that has a contact, oldest first.
    Result<QList<WeekContacts>> contactsByWeek(const FigureScope &scope) const;
    Result<QList<NeedCount>> needs(const FigureScope &scope) const;
    // Cases not taken back, by stage (closed ones included).
    Result<QList<StageCount>> casesByStage(const FigureScope &scope) const;
    Result<QList<ServiceCount>> services(const FigureScope &scope) const;
    Result<QList<DiscoveryItem>> discoveries(const FigureScope &scope) const;

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
