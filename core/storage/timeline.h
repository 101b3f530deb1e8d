// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace VisitMap::Security {
class Keyring;
}

namespace VisitMap::Storage {

class Database;

// One line of a household's history.
struct TimelineEntry
{
    enum class Kind { Signal, Report, Visit, Assessment, Counseling, Service, Stage, Risk, Attachment, Checkin };
    Kind kind = Kind::Visit;
    QDateTime at;
    QString title;
    QString detail;
    QString by;
    QString entity;   // for taking an entry back: visit / assessment / counseling / service_link
    QString entityId;
    bool voided = false;
    QString voidReason;
    bool isNew = false; // after the last time someone met the household
};

// Everything that happened to a household, newest first: crisis signals, citizen reports, visits,
// needs assessments, counselling notes, services, case stages, risk changes, photos. Entries since
// the last visit that reached the person are marked new.
class Timeline
{
public:
    // Counselling bodies are included when keys are given (the caller decides who may read them).
    static Result<QList<TimelineEntry>> forHousehold(Database &db, const QString &householdId,
                                                     const Security::Keyring *counselingKeys);
    static QString kindLabel(TimelineEntry::Kind kind);
};

} // namespace VisitMap::Storage
