// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/account.h"
#include "security/keyring.h"
#include "util/result.h"

#include <QVariant>

namespace VisitMap {
class Clock;
namespace Storage {
class Database;
}
} // namespace VisitMap

namespace VisitMap::Security {

// Office data keys at rest: one per 행정동, sealed to each member's public key. The store never
// holds a key in the clear; a member who holds a key seals it to members who lack it.
class KeyStore
{
public:
    KeyStore(Storage::Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    // Opens every office key sealed to this account.
    Result<Keyring> open(const Account &account, const SecretBytes &secretKey) const;
    // Creates a key for each of the offices that has none yet, held by this account.
    Status createMissing(const Account &account, const QStringList &officeCodes, Keyring &keyring);
    // Seals each key of the keyring to every active key-holding account whose grants cover its
    // office and that lacks it (a new or reset account). Returns how many grants were made.
    Result<int> distribute(const Keyring &keyring, const QString &actor);
    // The offices an account is granted that it holds no key for yet.
    Result<QStringList> waitingOffices(const Account &account, const QStringList &officeCodes) const;
    // Stores a key that arrived sealed for this account (from the central store).
    Status storeSealed(const QString &officeCode, const QByteArray &keyCheck,
                       const Account &account, const QByteArray &sealed, const QString &actor);
    // Drops every key sealed to an account (its password was reset, so its old key pair is gone):
    // key holders seal the keys to its new key pair at their next sign-in.
    Status dropGrants(const QString &staffId);
    // The check of the office's key this store holds (null when it holds none).
    Result<QVariant> keyCheck(const QString &officeCode) const;
    // Notes that the office has a key elsewhere (its check), unless this store holds one: the
    // store then waits for it instead of making one of its own.
    Status noteKey(const QString &officeCode, const QByteArray &keyCheck, const QString &actor);

private:
    Status insertGrant(const QString &officeCode, const QString &staffId, const QByteArray &sealed,
                       const QString &actor);

    Storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace VisitMap::Security
