// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/logentries.h"
#include "util/result.h"

namespace VisitMap::Storage {

class Database;
class Journal;

struct ResourceQuery
{
    QString text;       // name, provider or description contains
    QString lifeCycle;  // 생애주기
    QString situation;  // 가구상황
    QString theme;      // 관심주제
    QString kind;       // public / private / facility; empty: all
};

// The resource directory (public services by the 복지로 taxonomy, private resources, facilities)
// and the services linked to households, with their status over time.
class ServiceStore
{
public:
    explicit ServiceStore(Database &db) : m_db(db) {}

    Result<QList<Resource>> resources(const ResourceQuery &query) const;
    Result<Resource> addResource(Resource &resource, Journal &journal);
    Result<QList<ServiceLink>> forHousehold(const QString &householdId) const;
    Status link(ServiceLink &link, Journal &journal);
    // requested -> provided / declined -> ended; the date of the change is recorded.
    Status setStatus(const QString &linkId, const QString &status, const QDate &on, const QString &note,
                     Journal &journal);

    static bool isStatus(const QString &status);

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
