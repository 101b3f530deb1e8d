// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/passwordpolicy.h"

#include <QCoreApplication>
#include <QString>

namespace VisitMap::Ui {

// Why a password is refused, in Korean, by the reason core names (Security::PasswordProblem):
// the one place the password rule is put in words, for the password change, the accounts dialog
// and a new store's first accounts.
class PasswordProblemText
{
    Q_DECLARE_TR_FUNCTIONS(PasswordProblemText)
public:
    // One sentence for the problem; empty for None.
    static QString forProblem(Security::PasswordProblem problem);
    // The rule itself, shown beside a password field.
    static QString rule();
    // For a failed password-setting call: the problem's sentence when the error carries one,
    // else an empty string (the caller words the other failures).
    static QString describe(const Error &error);
};

} // namespace VisitMap::Ui
