// SPDX-License-Identifier: GPL-3.0-or-later
#include "keystore.h"

#include "storage/database.h"
#include "util/clock.h"

namespace VisitMap::Security {

Result<Keyring> KeyStore::open(const Account &account, const SecretBytes &secretKey) const
{
    auto q = m_db.prepare(QStringLiteral(
        "SELECT g.office_code, g.sealed_key, k.key_check FROM key_grants g "
        "JOIN data_keys k ON k.office_code = g.office_code WHERE g.staff_id = ?"));
    if (!q)
        return fail(q.error());
    Storage::Database::bind(*q, 0, account.id);
    if (auto ok = Storage::Database::run(*q); !ok)
        return fail(ok.error());
    Keyring ring;
    while (q->next()) {
        const QString office = q->value(0).toString();
        auto key = DataKey::open(q->value(1).toByteArray(), account.keys.publicKey, secretKey);
        if (!key)
            continue; // a grant sealed to an earlier key pair: the holder re-seals it
        if (DataKey::check(*key) != q->value(2).toByteArray())
            continue;
        ring.add(office, std::move(*key));
    }
    return ring;
}

Status KeyStore::dropGrants(const QString &staffId)
{
    auto q = m_db.execute(QStringLiteral("DELETE FROM key_grants WHERE staff_id = ?"), {staffId});
    if (!q)
        return fail(q.error());
    return {};
}

Status KeyStore::insertGrant(const QString &officeCode, const QString &staffId,
                             const QByteArray &sealed, const QString &actor)
{
    auto q = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO key_grants (office_code, staff_id, sealed_key, granted_at, "
        "granted_by) VALUES (?,?,?,?,?)"));
    if (!q)
        return fail(q.error());
    Storage::Database::bind(*q, 0, officeCode);
    Storage::Database::bind(*q, 1, staffId);
    Storage::Database::bind(*q, 2, sealed);
    Storage::Database::bind(*q, 3, Iso::utc(m_clock.now()));
    Storage::Database::bind(*q, 4, actor);
    return Storage::Database::run(*q);
}

Status KeyStore::createMissing(const Account &account, const QStringList &officeCodes,
                               Keyring &keyring)
{
    // Read first: a sign-in that has every key it can have takes no write lock.
    QStringList missing;
    for (const QString &office : officeCodes) {
        if (keyring.has(office))
            continue;
        auto exists = m_db.scalar(
            QStringLiteral("SELECT COUNT(*) FROM data_keys WHERE office_code = ?"), {office});
        if (!exists)
            return fail(exists.error());
        if (exists->toInt() == 0)
            missing << office;
    }
    if (missing.isEmpty())
        return {};
    return m_db.transaction([&]() -> Status {
        for (const QString &office : missing) {
            if (keyring.has(office))
                continue;
            auto exists = m_db.scalar(
                QStringLiteral("SELECT COUNT(*) FROM data_keys WHERE office_code = ?"), {office});
            if (!exists)
                return fail(exists.error());
            if (exists->toInt() > 0)
                continue; // someone holds it: this account waits to be granted it
            SecretBytes key = DataKey::create();
            auto q = m_db.prepare(QStringLiteral(
                "INSERT INTO data_keys (office_code, key_check, created_at, created_by) "
                "VALUES (?,?,?,?)"));
            if (!q)
                return fail(q.error());
            Storage::Database::bind(*q, 0, office);
            Storage::Database::bind(*q, 1, DataKey::check(key));
            Storage::Database::bind(*q, 2, Iso::utc(m_clock.now()));
            Storage::Database::bind(*q, 3, account.name);
            if (auto r = Storage::Database::run(*q); !r)
                return r;
            if (auto r = insertGrant(office, account.id, DataKey::seal(key, account.keys.publicKey),
                                     account.name);
                !r)
                return r;
            keyring.add(office, std::move(key));
        }
        return {};
    });
}

Result<int> KeyStore::distribute(const Keyring &keyring, const QString &actor)
{
    if (keyring.isEmpty())
        return 0;
    auto q = m_db.prepare(QStringLiteral(
        "SELECT s.id, s.name, s.public_key, (SELECT group_concat(scope) FROM staff_grants g "
        "WHERE g.staff_id = s.id) FROM staff s WHERE s.active = 1 AND s.role <> 'admin' "
        "AND s.public_key IS NOT NULL"));
    if (!q)
        return fail(q.error());
    if (auto ok = Storage::Database::run(*q); !ok)
        return fail(ok.error());
    struct Member
    {
        Account account;
    };
    QList<Account> members;
    while (q->next()) {
        Account a;
        a.id = q->value(0).toString();
        a.name = q->value(1).toString();
        a.keys.publicKey = q->value(2).toByteArray();
        a.grants = q->value(3).toString().split(u',', Qt::SkipEmptyParts);
        members.append(a);
    }
    // Read first: when every member holds its keys, nothing is written and no write lock taken.
    QList<QPair<QString, Account>> lacking;
    for (const QString &office : keyring.offices()) {
        for (const Account &m : members) {
            if (!m.covers(office))
                continue;
            auto has = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM key_grants WHERE "
                                                  "office_code = ? AND staff_id = ?"),
                                   {office, m.id});
            if (!has)
                return fail(has.error());
            if (has->toInt() == 0)
                lacking.append({office, m});
        }
    }
    if (lacking.isEmpty())
        return 0;
    int granted = 0;
    auto ok = m_db.transaction([&]() -> Status {
        for (const auto &[office, m] : lacking) {
            {
                if (auto r = insertGrant(office, m.id,
                                         DataKey::seal(*keyring.key(office), m.keys.publicKey), actor);
                    !r)
                    return r;
                auto log = m_db.prepare(QStringLiteral(
                    "INSERT INTO rights_log (at, actor, account, change, detail) VALUES (?,?,?,?,?)"));
                if (!log)
                    return fail(log.error());
                Storage::Database::bind(*log, 0, Iso::utc(m_clock.now()));
                Storage::Database::bind(*log, 1, actor);
                Storage::Database::bind(*log, 2, m.name);
                Storage::Database::bind(*log, 3, QStringLiteral("key"));
                Storage::Database::bind(*log, 4, QStringLiteral("office key %1 sealed to the account").arg(office));
                if (auto r = Storage::Database::run(*log); !r)
                    return r;
                ++granted;
            }
        }
        return {};
    });
    if (!ok)
        return fail(ok.error());
    return granted;
}

Result<QStringList> KeyStore::waitingOffices(const Account &account,
                                             const QStringList &officeCodes) const
{
    QStringList waiting;
    for (const QString &office : officeCodes) {
        auto has = m_db.scalar(
            QStringLiteral("SELECT COUNT(*) FROM key_grants WHERE office_code = ? AND staff_id = ?"),
            {office, account.id});
        if (!has)
            return fail(has.error());
        if (has->toInt() == 0)
            waiting << office;
    }
    return waiting;
}

Status KeyStore::storeSealed(const QString &officeCode, const QByteArray &keyCheck,
                             const Account &account, const QByteArray &sealed, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        if (auto r = noteKey(officeCode, keyCheck, actor); !r)
            return r;
        return insertGrant(officeCode, account.id, sealed, actor);
    });
}

Result<QVariant> KeyStore::keyCheck(const QString &officeCode) const
{
    return m_db.scalar(QStringLiteral("SELECT key_check FROM data_keys WHERE office_code = ?"),
                       {officeCode});
}

Status
KeyStore::noteKey(const QString &officeCode, const QByteArray &keyCheck, const QString &actor)
{
    auto q = m_db.execute(
        QStringLiteral("INSERT OR IGNORE INTO data_keys (office_code, key_check, created_at, "
                       "created_by) VALUES (?,?,?,?)"),
        {officeCode, keyCheck, Iso::utc(m_clock.now()), actor});
    if (!q)
        return fail(q.error());
    return {};
}

} // namespace VisitMap::Security
