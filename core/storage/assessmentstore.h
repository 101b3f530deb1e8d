// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/logentries.h"
#include "util/result.h"

namespace VisitMap::Storage {

class Database;
class Journal;

// Needs assessments over the 10 욕구 domains + 기타: append-only.
class AssessmentStore
{
public:
    explicit AssessmentStore(Database &db) : m_db(db) {}
    Result<QList<NeedAssessment>> forHousehold(const QString &householdId) const;
    Status add(NeedAssessment &assessment, Journal &journal);
    static QString validate(const NeedAssessment &assessment);

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
