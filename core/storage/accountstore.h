// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/account.h"
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
    // Whether the store has ever had an account (removed ones count too).
    Result<bool> hasAny() const;
    Result<Account> find(const QString &name) const;
    Result<QList<Account>> all() const;

    // Validates the name, role, grants and password rule; writes the rights log.
    Result<Account> create(const NewAccount &account, const QString &actor);
    // What claimAttempt found.
    enum class Attempt {
        Claimed, // one try counted: check the password now
        Locked,  // locked, or the tries in flight used up the limit: no password is checked
        Unknown, // no such account, or a removed one
    };
    // Counts a sign-in try before its password is checked, in one write transaction that reads
    // and raises the failure count: so parallel sign-ins never check more passwords than the
    // limit. A right password then takes the try back (recordSuccessfulLogin); a wrong one
    // leaves it counted and locks the account at the limit (recordFailedLogin).
    Result<Attempt> claimAttempt(const QString &name);
    // After a claimed try with a wrong password: locks the account when the tries reached the
    // limit (the rights log says so once). Returns the failures so far.
    Result<int> recordFailedLogin(const QString &name);
    // After a claimed try with the right password: the failures go back to zero, unless the
    // account was locked meanwhile (AccountLocked). Part of the caller's transaction.
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
