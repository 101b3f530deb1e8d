// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace VisitMap {

// The 10 욕구 domains + 기타 (복지로 desireArray codes) and a level each.
struct NeedItem
{
    QString domain; // e.g. "1000000" 건강
    int level = 0;  // 0 없음, 1 낮음, 2 보통, 3 높음
    QString note;
    // The note is encrypted and this session does not hold the office key (note is empty).
    bool noteLocked = false;
};

struct NeedAssessment
{
    QString id;
    QString householdId;
    QString officeCode;
    QString visitId;
    QDateTime assessedAt;
    QList<NeedItem> items;
    QString createdBy;
    bool voided = false;
};

struct NeedDomain
{
    QString code;
    QString name;
};
// The domains in the order forms show them.
QList<NeedDomain> needDomains();
QString needLevelLabel(int level);

// A counselling note: the body is 민감정보 and rests encrypted.
struct CounselingNote
{
    QString id;
    QString householdId;
    QString officeCode;
    QString visitId;
    QDateTime at;
    QString topic;
    QString body; // plaintext in memory only
    QString createdBy;
    bool voided = false;
};

// A public service (복지로 taxonomy) or a private local resource.
struct Resource
{
    QString id;
    QString kind; // public / private / facility
    QString name;
    QString provider;
    QString lifeCycle;
    QString householdSituation;
    QString themes;
    QString description;
    QString contact;
};

struct ServiceLink
{
    QString id;
    QString householdId;
    QString officeCode;
    QString resourceId;
    QString resourceName;
    QString status = QStringLiteral("requested"); // requested / provided / declined / ended
    QDate requestedAt;
    QDate providedAt;
    QDate endedAt;
    QString note;
    QString createdBy;
    bool voided = false;
};
QString serviceStatusLabel(const QString &status);

// A photo or document, stored encrypted, with the person's consent on record.
struct Attachment
{
    QString id;
    QString householdId;
    QString reportId; // a crisis report's photo (householdId empty)
    QString visitId;
    QString officeCode;
    QString fileName;
    QString mime;
    QString sha256;
    qint64 size = 0;
    bool consent = false;
    QDateTime createdAt;
    QString createdBy;
    bool voided = false; // taken back (실행 취소, 기록 취소): no longer shown or opened
};

// A safety check-in for a home visit; open until checked out.
struct Checkin
{
    QString id;
    QString householdId;
    QString officeCode;
    QString staff;
    QDateTime checkedInAt;
    int expectedMinutes = 60;
    QDateTime checkedOutAt;

    bool isOpen() const { return !checkedOutAt.isValid(); }
    bool isOverdue(const QDateTime &now) const
    {
        return isOpen() && checkedInAt.addSecs(qint64(expectedMinutes) * 60) < now;
    }
};

} // namespace VisitMap
