// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <optional>

#include "enums.h"
#include "urgency.h"

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

// Who a round entry is about, for finding repeats: round, person (name and birth date when
// listed by name, else the household id), item. The same key whether read from a file or a store.
inline QString signalRepeatKey(const QString &round, const QString &name, const QString &birth, const QString &household,
                               const QString &version, const QString &code)
{
    const QString who = !name.isEmpty() ? name + u'|' + birth : household;
    return round + u'|' + who + u'|' + version + u'|' + code;
}

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
    MatchStatus matchStatus = MatchStatus::Matched;
    // How soon to answer the listing this entry belongs to (Intake::UrgencyRules over all its
    // items), and the last day to; unset until classified.
    std::optional<Urgency> urgency;
    QDate responseDue;
};

} // namespace VisitMap
