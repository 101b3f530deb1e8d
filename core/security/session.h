// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "keyring.h"
#include "permissions.h"

#include <QStringList>

namespace VisitMap::Security {

// The signed-in account for as long as it is signed in: its rights, the office keys it opened,
// and where it works from (for the access log).
struct Session
{
    Account account;
    Keyring keyring;
    SecretBytes secretKey;
    QString machine;
    QStringList offices;        // the 행정동 codes the grants cover, among the store's offices
    QStringList waitingForKeys; // covered offices whose key has not been sealed to this account
    bool demo = false;

    QString name() const { return account.name; }
    Role role() const { return account.role; }
    bool can(Permission p) const { return allowed(account.role, p); }
    bool covers(const QString &officeCode) const { return account.covers(officeCode); }
};

} // namespace VisitMap::Security
