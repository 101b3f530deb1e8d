// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace VisitMap::Storage {

class Database;

struct DongStats
{
    QString code;
    QString name;
    int high = 0;
    int medium = 0;
    int low = 0;
    int overdue = 0;
    int fresh = 0;
    int total() const { return high + medium + low; }
};

// Aggregate counts only (no personal data), for supervision screens and `visitmap-cli stats`.
struct DistrictStats
{
    QDate today;
    int households = 0;
    int high = 0;
    int medium = 0;
    int low = 0;
    int overdue = 0;
    int fresh = 0;
    int persons = 0;
    int visits = 0;
    int openCases = 0;
    QList<DongStats> dongs;
    QMap<QString, int> stages; // case stage code -> open cases
};

// A worker's load, for the team lead: households by tier, visits due this week, overdue.
struct WorkerLoad
{
    QString worker; // empty: unassigned
    int high = 0;
    int medium = 0;
    int low = 0;
    int dueThisWeek = 0; // due from today to today + 6
    int overdue = 0;
    int openCases = 0;
    int total() const { return high + medium + low; }
};

class StatsStore
{
public:
    explicit StatsStore(Database &db) : m_db(db) {}
    Result<DistrictStats> compute(const QDate &today, const QStringList &offices = {}) const;
    Result<QList<WorkerLoad>> workload(const QDate &today, const QStringList &offices = {}) const;

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
