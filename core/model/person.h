// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace VisitMap {

// A household member. The 주민등록번호 and health notes are held only in the clear in memory
// while an account with the office key is signed in; the store keeps ciphertext.
struct Person
{
    QString id;
    QString householdId;
    QString officeCode;
    QString name;
    QDate birthDate;
    QString sex; // "M" / "F" / empty
    QString rrn; // plaintext, empty when unknown or not decrypted
    bool hasRrn = false;
    QString relationship = QStringLiteral("본인");
    bool isHead = false;
    QString disability;
    QString nationality = QStringLiteral("KR");
    QString healthNotes; // plaintext when readable by the signed-in role

    int ageOn(const QDate &day) const
    {
        if (!birthDate.isValid())
            return -1;
        int age = day.year() - birthDate.year();
        if (day.month() < birthDate.month()
            || (day.month() == birthDate.month() && day.day() < birthDate.day()))
            --age;
        return age;
    }
};

} // namespace VisitMap
