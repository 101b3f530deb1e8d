// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace VisitMap::Storage {

class Database;

// A saved day plan as it is kept: household ids and times only (names and addresses stay with
// the households), and the earlier version it replaces when a lead changed a saved plan.
struct RoutePlanRecord
{
    QString id;
    QString officeCode;
    QDate date;
    int teams = 0;
    QByteArray json;
    QDateTime createdAt;
    QString createdBy;
    QString supersedes; // empty: the first version
};

// The saved day plans (route_plans). Saved plans are never changed: a changed plan is a new
// version naming the one it replaces.
class RoutePlanStore
{
public:
    explicit RoutePlanStore(Database &db)
        : m_db(db)
    {
    }

    Status insert(const RoutePlanRecord &plan);
    Result<RoutePlanRecord> get(const QString &id) const;
    // The latest version of every plan of these offices, the newest day first.
    Result<QList<RoutePlanRecord>> latest(const QStringList &offices) const;
    // The versions from this one back to the first, this one first.
    Result<QList<RoutePlanRecord>> history(const QString &id) const;
    Result<int> countOn(const QDate &date) const;

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
