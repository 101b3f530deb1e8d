// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace VisitMap {

// A 통합사례관리 case of a household.
struct CaseFile
{
    QString id;
    QString householdId;
    QString officeCode;
    CaseType caseType = CaseType::General;
    CaseStage stage = CaseStage::Discovery;
    QDate stageSince;
    QDate discoveredAt;
    QDate intakeAt;   // 접수: starts the legal deadlines
    QDate assessedAt; // 욕구·위기도 조사 done
    QDate plannedAt;  // 서비스 제공계획 done
    QDate closedAt;
    QString worker;

    bool isOpen() const { return stage != CaseStage::Closure && stage != CaseStage::FollowUp; }
};

} // namespace VisitMap
