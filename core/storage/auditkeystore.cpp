// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditkeystore.h"

#include "security/crypto.h"
#include "storage/database.h"
#include "util/clock.h"

namespace VisitMap::Security {

Status AuditKeyStore::insert(const QString &staffId,
                             const QByteArray &publicKey,
                             const QByteArray &boxed,
                             const QString &granterId)
{
    auto q = m_db.execute(QStringLiteral("INSERT OR REPLACE INTO audit_keys (staff_id, public_key, "
                                         "granted_by, boxed_key, granted_at) VALUES (?,?,?,?,?)"),
                          {staffId, publicKey, granterId, boxed, Iso::utc(m_clock.now())});
    if (!q)
        return fail(q.error());
    return {};
}

Result<std::optional<SecretBytes>> AuditKeyStore::open(const Account &account,
                                                       const SecretBytes &secretKey)
{
    auto q = m_db.execute(QStringLiteral("SELECT k.boxed_key, g.public_key FROM audit_keys k JOIN "
                                         "staff g ON g.id = k.granted_by WHERE k.staff_id = ? AND "
                                         "k.public_key = ?"),
                          {account.id, account.keys.publicKey});
    if (!q)
        return fail(q.error());
    if (q->next()) {
        auto key = AuditKey::open(q->value(0).toByteArray(), q->value(1).toByteArray(), secretKey);
        if (!key)
            return std::optional<SecretBytes>(); // not boxed by the account it names: no key
        return std::optional<SecretBytes>(std::move(*key));
    }
    std::optional<SecretBytes> made;
    auto ok = m_db.transaction([&]() -> Status {
        // Any sign of an earlier key and this account waits to be given it.
        auto earlier = m_db.scalar(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM audit_keys) + (SELECT COUNT(*) FROM audit_head) + "
            "(SELECT COUNT(*) FROM audit_log WHERE mac IS NOT NULL)"));
        if (!earlier)
            return fail(earlier.error());
        if (earlier->toLongLong() > 0)
            return {};
        SecretBytes key = AuditKey::create();
        if (auto r = insert(account.id, account.keys.publicKey,
                            AuditKey::box(key, account.keys.publicKey, secretKey), account.id);
            !r)
            return r;
        made = std::move(key);
        return {};
    });
    if (!ok)
        return fail(ok.error());
    return made;
}

Result<int> AuditKeyStore::distribute(const SecretBytes &auditKey,
                                      const Account &granter,
                                      const SecretBytes &granterSecretKey)
{
    auto q = m_db.execute(QStringLiteral(
        "SELECT s.id, s.public_key FROM staff s WHERE s.active = 1 AND s.public_key IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM audit_keys k WHERE k.staff_id = s.id AND k.public_key = "
        "s.public_key)"));
    if (!q)
        return fail(q.error());
    QList<QPair<QString, QByteArray>> lacking;
    while (q->next())
        lacking.append({q->value(0).toString(), q->value(1).toByteArray()});
    if (lacking.isEmpty())
        return 0;
    auto ok = m_db.transaction([&]() -> Status {
        for (const auto &[id, publicKey] : lacking) {
            if (auto r = insert(id, publicKey, AuditKey::box(auditKey, publicKey, granterSecretKey),
                                granter.id);
                !r)
                return r;
        }
        return {};
    });
    if (!ok)
        return fail(ok.error());
    return int(lacking.size());
}

} // namespace VisitMap::Security
