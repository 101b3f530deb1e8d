// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <optional>

namespace VisitMap {

// One entry of the versioned 발굴 crisis-item code table.
struct CrisisItem
{
    QString version;
    QString code;
    QString name;
    QString category;
    QString unit; // flag / amount / months / count
    double weight = 0;
};

// A crisis signal from a 발굴 round for a household (or a person in it).
struct CrisisSignal
{
    QString id;
    QString officeCode;
    QString householdId;
    QString personId;
    QString roundId;
    QString itemVersion;
    QString itemCode;
    std::optional<qint64> amount;
    std::optional<int> months;
    QDate receivedDate;
    // As the round listed the person (kept for every entry; the household and person ids are
    // set once matched).
    QString subjectName;
    QDate subjectBirth;
    QString subjectSex;      // M / F, from the 주민등록번호 when listed
    QString subjectAddress;
    QString matchStatus = QStringLiteral("matched"); // matched / unmatched / new_household
};

} // namespace VisitMap
