// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

namespace VisitMap {

// A managed household: where it is, who it is, how at risk, when it is due a visit.
struct Household
{
    QString id;
    QString officeCode;    // 10-digit 행정기관코드 of its 행정동
    QString legalDongCode; // 10-digit 법정동코드 when known
    QString roadAddress;   // 도로명주소
    QString addressDetail; // 동·호
    int tong = 0;          // 0: unknown
    int ban = 0;
    double lon = 0; // WGS84
    double lat = 0;
    QString householdType; // 1인, 노인단독, 한부모·조손, 장애인, 다문화·탈북민, 다자녀, 일반 ...
    QString housing;       // 자가, 전세, 월세, 공공임대, 고시원·쪽방 ...
    QString phone;
    QString headName;
    int memberCount = 1;
    QString assignedWorker;
    double riskScore = 0;
    RiskTier computedTier = RiskTier::Low;
    std::optional<RiskTier> tierOverride;
    QString overrideReason;
    int visitCycleDays = 0; // 0: the tier's default
    QDateTime lastVisitAt;
    QDate nextVisitDue;
    HouseholdStatus status = HouseholdStatus::Active;
    QDateTime flaggedNewAt;
    QString source = QStringLiteral("manual");
    QDateTime createdAt;
    QDateTime updatedAt;
    QString createdBy;

    RiskTier tier() const { return tierOverride.value_or(computedTier); }
    bool isOverdue(const QDate &today) const
    {
        return status == HouseholdStatus::Active && nextVisitDue.isValid() && nextVisitDue < today;
    }
    bool isNew() const { return flaggedNewAt.isValid(); }
};

// The common household types, in the order forms list them.
QStringList householdTypes();

} // namespace VisitMap
