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

// The access log's key at rest: one per store, boxed to each account from the account that
// granted it (AuditKey::box), so only the holder of a real account's secret key can make a box
// that opens. The store's first sign-in makes the key; an account that holds it boxes it to
// every account that lacks it when it signs in.
class AuditKeyStore
{
public:
    AuditKeyStore(Storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    // The key boxed to this account; a new one when the store has none yet (no box, no keyed
    // head, no entry under a key); nullopt when the store has a key not yet boxed to it.
    Result<std::optional<SecretBytes>> open(const Account &account, const SecretBytes &secretKey);
    // Boxes the key to each active account with a key pair that lacks it (or holds a box made
    // for an earlier key pair). Returns how many; writes nothing when none lacks it.
    Result<int> distribute(const SecretBytes &auditKey,
                           const Account &granter,
                           const SecretBytes &granterSecretKey);

private:
    Status insert(const QString &staffId,
                  const QByteArray &publicKey,
                  const QByteArray &boxed,
                  const QString &granterId);

    Storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace VisitMap::Security
