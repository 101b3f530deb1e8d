// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>

namespace VisitMap::Security {

// Why a password is refused: the fact the UI names in words (Error::reason carries it as an int).
enum class PasswordProblem {
    None = 0,
    TooShortOrSimple,  // fewer than 8 characters, or 8-9 of a single kind
    SameAsAccountName, // the account name itself, in any case
    NotNormalisable,   // invalid bytes, unpaired surrogates or control characters
    SameAsOld,         // a new password equal to the one it replaces
};

// The rule from the 개인정보 안전성 확보조치 기준 해설서: at least 8 characters of 2 or more kinds
// (upper case, lower case, digits, symbols), or at least 10 of one kind; not the account name.
class PasswordPolicy
{
public:
    static PasswordProblem check(const QString &password, const QString &accountName);
    // check(), and for a change also refuses the old password itself.
    static PasswordProblem
    checkChange(const QString &newPassword, const QString &accountName, const QString &oldPassword);
    // Success for an acceptable password, else ErrorCode::Validation with an English detail (for
    // logs and the command line) and reason = int(problem).
    static Status require(const QString &password, const QString &accountName);
    static Error errorFor(PasswordProblem problem);
    // The English detail of a problem (command line, logs); empty for None.
    static QString englishText(PasswordProblem problem);
    // The problem an error carries, None when the error is not a password refusal.
    static PasswordProblem problemOf(const Error &error);
};

} // namespace VisitMap::Security
