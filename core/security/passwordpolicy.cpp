// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordpolicy.h"

#include "crypto.h"

namespace VisitMap::Security {

PasswordProblem PasswordPolicy::check(const QString &typed, const QString &accountName)
{
    auto normal = Password::normalise(typed);
    if (!normal)
        return PasswordProblem::NotNormalisable;
    const QString &password = *normal;
    if (!accountName.isEmpty() && password.compare(accountName, Qt::CaseInsensitive) == 0)
        return PasswordProblem::SameAsAccountName;
    bool upper = false, lower = false, digit = false, symbol = false;
    for (QChar c : password) {
        if (c.isUpper())
            upper = true;
        else if (c.isLower())
            lower = true;
        else if (c.isDigit())
            digit = true;
        else
            symbol = true; // symbols, spaces and letters without case (Hangul) alike
    }
    const int kinds = int(upper) + int(lower) + int(digit) + int(symbol);
    const int n = int(password.size());
    if (n >= 10 && kinds >= 1)
        return PasswordProblem::None;
    if (n >= 8 && kinds >= 2)
        return PasswordProblem::None;
    return PasswordProblem::TooShortOrSimple;
}

PasswordProblem PasswordPolicy::checkChange(const QString &newPassword,
                                            const QString &accountName,
                                            const QString &oldPassword)
{
    if (const PasswordProblem p = check(newPassword, accountName); p != PasswordProblem::None)
        return p;
    const auto normalNew = Password::normalise(newPassword);
    const auto normalOld = Password::normalise(oldPassword);
    if (normalNew && normalOld && *normalNew == *normalOld)
        return PasswordProblem::SameAsOld;
    return PasswordProblem::None;
}

Status PasswordPolicy::require(const QString &password, const QString &accountName)
{
    if (const PasswordProblem p = check(password, accountName); p != PasswordProblem::None)
        return fail(errorFor(p));
    return {};
}

Error PasswordPolicy::errorFor(PasswordProblem problem)
{
    return Error{ErrorCode::Validation, englishText(problem), {}, 0, int(problem)};
}

QString PasswordPolicy::englishText(PasswordProblem problem)
{
    switch (problem) {
    case PasswordProblem::None:
        break;
    case PasswordProblem::TooShortOrSimple:
        return QStringLiteral("the password needs at least 8 characters of two or more kinds "
                              "(letters, digits, symbols) or at least 10 characters");
    case PasswordProblem::SameAsAccountName:
        return QStringLiteral("the password must not be the account name");
    case PasswordProblem::NotNormalisable:
        return QStringLiteral("the password holds characters that cannot be used (invalid "
                              "bytes or control characters)");
    case PasswordProblem::SameAsOld:
        return QStringLiteral("the new password is the same as the old one");
    }
    return {};
}

PasswordProblem PasswordPolicy::problemOf(const Error &error)
{
    if (error.code != ErrorCode::Validation)
        return PasswordProblem::None;
    switch (PasswordProblem(error.reason)) {
    case PasswordProblem::TooShortOrSimple:
    case PasswordProblem::SameAsAccountName:
    case PasswordProblem::NotNormalisable:
    case PasswordProblem::SameAsOld:
        return PasswordProblem(error.reason);
    case PasswordProblem::None:
        break;
    }
    return PasswordProblem::None;
}

} // namespace VisitMap::Security
