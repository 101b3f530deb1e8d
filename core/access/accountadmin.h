// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/account.h"
#include "util/result.h"

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Security {

class AuditDetail;

// Account administration as the signed-in admin (or, on a store with no account yet, the
// creation of the first admin). Every change goes to the rights log and the access log.
class AccountAdmin
{
public:
    explicit AccountAdmin(Workspace &workspace) : m_ws(workspace) {}

    // The first account of a store needs no sign-in and must be an admin.
    Result<bool> storeHasAccounts() const;
    Result<Account> createFirstAdmin(const NewAccount &account);

    Result<Account> create(const NewAccount &account);
    Status unlock(const QString &name);
    // An admin sets a new password: the account gets a new key pair, so its office keys must be
    // sealed to it again by a key holder ("waiting for the office key" until then).
    Status resetPassword(const QString &name, const QString &newPassword);
    Status remove(const QString &name);
    Status setGrants(const QString &name, const QStringList &grants);
    Status setRole(const QString &name, Role role);
    Result<QList<Account>> list() const;

private:
    Status requireAdmin() const;
    Status log(const QString &account, const AuditDetail &detail);
    // Boxes the access-log key (when this session holds it) to accounts that lack it.
    Status giveAuditKey();

    Workspace &m_ws;
};

} // namespace VisitMap::Security
