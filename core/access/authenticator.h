// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/account.h"
#include "security/secretbytes.h"
#include "util/result.h"

#include <optional>

namespace VisitMap {
class Clock;
namespace Storage {
class Database;
}
} // namespace VisitMap

namespace VisitMap::Security {

class AccountStore;
class AuditLog;

// Checks a password for a sign-in or for unlocking the idle lock, as the lock-out and the access
// log require: the try is counted before the password is checked (AccountStore::claimAttempt),
// so parallel tries never check more than the limit; an unknown or removed account costs one
// password check like a known one and gets the same words as a wrong password; a right password
// opens the account's key pair and the store's access-log key, puts the entries that waited
// under it and writes the sign-in, taking the try back, in one transaction.
class Authenticator
{
public:
    enum class Purpose { SignIn, Unlock };

    struct Verdict
    {
        Account account;
        SecretBytes secretKey;
        bool auditKeyOpen = false; // the access log now writes under the key
    };

    Authenticator(Storage::Database &db,
                  const Clock &clock,
                  AccountStore &accounts,
                  AuditLog &audit)
        : m_db(db)
        , m_clock(clock)
        , m_accounts(accounts)
        , m_audit(audit)
    {
    }

    Result<Verdict> check(const QString &name,
                          const QString &password,
                          const QString &machine,
                          Purpose purpose = Purpose::SignIn);

    // What a wrong password, an unknown account and a removed one all say.
    static QString wrongWords();

private:
    Storage::Database &m_db;
    const Clock &m_clock;
    AccountStore &m_accounts;
    AuditLog &m_audit;
};

} // namespace VisitMap::Security
