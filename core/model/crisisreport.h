// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "urgency.h"

namespace VisitMap {

// A 복지위기 알림 report: someone (the person or a neighbour, perhaps anonymously) tells the office
// about a person in crisis. The reporter's contact is never part of the report as stored: it is
// kept apart, encrypted, for the intake role only.
struct CrisisReport
{
    QString id;         // local id
    QString externalId; // the `id` of the report in the file it came in
    QString officeCode; // the 행정동 that holds it; empty when no known dong does
    bool outOfArea = false;
    QString channel; // app / web / phone / kakao / visit
    QDateTime receivedAt;
    QString reporterType; // self / neighbour
    bool anonymous = false;
    QStringList categories;
    QString householdType;
    QString sex;     // M / F / empty
    QString ageBand; // "70대", "80대 이상", empty
    QDate subjectBirth; // not in reports; known for 발굴 round entries matched the same way
    QString subjectName;
    QString addressText;
    std::optional<double> lon, lat;
    QString description;
    // How soon to answer (Intake::UrgencyRules), and the last day to; unset until classified.
    std::optional<Urgency> urgency;
    QDate responseDue;
    QString status = QStringLiteral("new"); // new / linked / opened / duplicate / dismissed
    QString householdId;
    QString duplicateOf;
    QDateTime resolvedAt;
    QString resolvedBy;
    QDateTime createdAt;
    QString createdBy;

    bool hasLocation() const { return lon.has_value() && lat.has_value(); }
};

// What came with a report in its file but is stored apart from it.
struct ReportAttachments
{
    QString reporterContact; // plaintext in memory only
    struct Photo
    {
        QString fileName;
        QByteArray data;
    };
    QList<Photo> photos; // only those with consent
};

namespace CrisisCategories {
// The report form's crisis situations, as codes (stored) with their Korean names (shown).
QStringList codes();
QString label(const QString &code);
bool isGrave(const QString &code); // violence, suicide risk, health emergencies
} // namespace CrisisCategories

QStringList reportChannels();
// "70대" → {70, 79}; "80대 이상" → {80, 150}; "10대 미만" → {0, 9}; invalid → nullopt.
std::optional<std::pair<int, int>> ageBandRange(const QString &band);

} // namespace VisitMap
