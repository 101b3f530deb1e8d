// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto.h"
#include "model/enums.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace VisitMap::Security {

// A staff account as the local store keeps it.
struct Account
{
    QString id;
    QString name;        // login name, unique
    QString displayName;
    Role role = Role::Caseworker;
    QStringList grants;  // 10-digit 행정동 codes or 5-digit 시군구 codes
    int failedLogins = 0;
    bool locked = false;
    bool active = true;
    WrappedKeyPair keys;
    QString passwordHash;
    QDateTime passwordChangedAt;

    // Whether a grant covers the 행정동 (its own code, or its 시군구).
    bool covers(const QString &officeCode) const
    {
        for (const QString &g : grants) {
            if (g == officeCode || (g.size() == 5 && officeCode.startsWith(g)))
                return true;
        }
        return false;
    }
};

struct NewAccount
{
    QString name;
    QString displayName;
    Role role = Role::Caseworker;
    QStringList grants;
    QString password;
};

// Valid account names: 3-32 characters of letters, digits, '.', '_' and '-' (they become
// PostgreSQL role names on the central store).
bool isValidAccountName(const QString &name);

} // namespace VisitMap::Security
