// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/casefile.h"
#include "util/result.h"

#include <QList>

namespace VisitMap::Storage {

class Database;
class Journal;

struct StageChange
{
    QString id;
    QString caseId;
    CaseStage from = CaseStage::Discovery;
    CaseStage to = CaseStage::Discovery;
    QDate at;
    QString note;
    QString by;
    bool voided = false;
};

// 통합사례관리 cases: opened at 발굴 (or later), moved through the stages one step at a time
// (or back, with a reason); every move is an append-only stage change.
class CaseStore
{
public:
    explicit CaseStore(Database &db) : m_db(db) {}

    Result<QList<CaseFile>> forHousehold(const QString &householdId) const;
    Result<CaseFile> get(const QString &caseId) const;
    // Cases not closed; with a worker, only those of households assigned to that account.
    Result<QList<CaseFile>> open(const QStringList &offices, const QString &worker = {}) const;
    Result<QList<StageChange>> history(const QString &caseId) const;

    Result<CaseFile> openCase(const QString &householdId, CaseType caseType, const QDate &on,
                              Journal &journal);
    // Moves a case to another stage (normally the next; back needs a note). Dates the stage
    // milestones (접수, 조사, 계획, 종결) as the case passes them.
    Status moveTo(const QString &caseId, CaseStage to, const QDate &on, const QString &note,
                  Journal &journal);

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
