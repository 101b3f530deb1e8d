// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "util/result.h"

#include <QList>

namespace VisitMap {
class Clock;
namespace Storage {
class Database;
}
} // namespace VisitMap

namespace VisitMap::Security {

// Accounts, their grants and the rights log (권한 부여·변경·말소 기록, kept 3 years).
class AccountStore
{
public:
    AccountStore(Storage::Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    static constexpr int maxFailedLogins = 5;
    static constexpr int rightsLogRetentionYears = 3;

    Result<int> count() const;
    Result<Account> find(const QString &name) const;
    Result<QList<Account>> all() const;

    // Validates the name, role, grants and password rule; writes the rights log.
    Result<Account> create(const NewAccount &account, const QString &actor);
    // Counts a wrong password; locks the account at the limit. Returns the failures so far.
    Result<int> recordFailedLogin(const QString &name);
    Status recordSuccessfulLogin(const QString &name);
    Status setLocked(const QString &name, bool locked, const QString &actor);
    // Stores a new password hash and the re-wrapped key pair.
    Status setPassword(const QString &name, const QString &hash, const WrappedKeyPair &keys,
                       const QString &actor);
    Status setRole(const QString &name, Role role, const QString &actor);
    Status setGrants(const QString &name, const QStringList &grants, const QString &actor);
    // Deactivates the account and withdraws its office keys; history stays.
    Status remove(const QString &name, const QString &actor);

    Status logRightsChange(const QString &actor, const QString &account, const QString &change,
                           const QString &detail);

    static QString validateGrant(const QString &scope);

private:
    Storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace VisitMap::Security
