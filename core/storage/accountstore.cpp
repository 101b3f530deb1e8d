// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountstore.h"

#include "security/passwordpolicy.h"

#include "storage/database.h"
#include "util/clock.h"
#include "util/uuid.h"

#include <QRegularExpression>

namespace VisitMap::Security {

bool isValidAccountName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$"));
    return re.match(name).hasMatch();
}

QString AccountStore::validateGrant(const QString &scope)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{5}|\\d{10})$"));
    if (!re.match(scope).hasMatch())
        return QStringLiteral("'%1' is not an office code (10 digits) or a 시군구 code (5 digits)")
            .arg(scope);
    return {};
}

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, name, display_name, role, pw_hash, public_key, wrapped_secret_key, kdf_salt, "
    "failed_logins, locked_at, password_changed_at, active FROM staff");

Result<QStringList> grantsOf(const Storage::Database &db, const QString &staffId)
{
    return db.strings(QStringLiteral("SELECT scope FROM staff_grants WHERE staff_id = ? ORDER BY scope"), {staffId});
}

Account readAccount(const QSqlQuery &q)
{
    Account a;
    a.id = q.value(0).toString();
    a.name = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.role = roleFromCode(q.value(3).toString()).value_or(Role::Caseworker);
    a.passwordHash = q.value(4).toString();
    a.keys.publicKey = q.value(5).toByteArray();
    a.keys.wrappedSecretKey = q.value(6).toByteArray();
    a.keys.salt = q.value(7).toByteArray();
    a.failedLogins = q.value(8).toInt();
    a.locked = !q.value(9).isNull();
    a.passwordChangedAt = Iso::parse(q.value(10).toString());
    a.active = q.value(11).toInt() != 0;
    return a;
}

} // namespace

Result<bool> AccountStore::hasAny() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM staff"));
    if (!v)
        return fail(v.error());
    return v->toInt() > 0;
}

Result<int> AccountStore::count() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM staff WHERE active = 1"));
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Result<Account> AccountStore::find(const QString &name) const
{
    auto q = m_db.prepare(kSelect + QStringLiteral(" WHERE name = ?"));
    if (!q)
        return fail(q.error());
    Storage::Database::bind(*q, 0, name);
    if (auto ok = Storage::Database::run(*q); !ok)
        return fail(ok.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no account named '%1'").arg(name));
    Account a = readAccount(*q);
    auto grants = grantsOf(m_db, a.id);
    if (!grants)
        return fail(grants.error());
    a.grants = *grants;
    return a;
}

Result<QList<Account>> AccountStore::all() const
{
    auto q = m_db.prepare(kSelect + QStringLiteral(" ORDER BY name"));
    if (!q)
        return fail(q.error());
    if (auto ok = Storage::Database::run(*q); !ok)
        return fail(ok.error());
    QList<Account> out;
    while (q->next())
        out.append(readAccount(*q));
    for (Account &a : out) {
        auto grants = grantsOf(m_db, a.id);
        if (!grants)
            return fail(grants.error());
        a.grants = *grants;
    }
    return out;
}

Status AccountStore::logRightsChange(const QString &actor, const QString &account,
                                     const QString &change, const QString &detail)
{
    auto q = m_db.prepare(QStringLiteral(
        "INSERT INTO rights_log (at, actor, account, change, detail) VALUES (?,?,?,?,?)"));
    if (!q)
        return fail(q.error());
    Storage::Database::bind(*q, 0, Iso::utc(m_clock.now()));
    Storage::Database::bind(*q, 1, actor);
    Storage::Database::bind(*q, 2, account);
    Storage::Database::bind(*q, 3, change);
    Storage::Database::bind(*q, 4, detail);
    return Storage::Database::run(*q);
}

Result<Account> AccountStore::create(const NewAccount &input, const QString &actor)
{
    if (!isValidAccountName(input.name))
        return fail(ErrorCode::Validation,
                    QStringLiteral("'%1' is not a valid account name: use 3-32 letters, digits, "
                                   "'.', '_' or '-', starting with a letter or digit")
                        .arg(input.name));
    if (auto ok = PasswordPolicy::require(input.password, input.name); !ok)
        return fail(ok.error());
    for (const QString &g : input.grants) {
        if (const QString why = validateGrant(g); !why.isEmpty())
            return fail(ErrorCode::Validation, why);
    }
    if (input.role != Role::Admin && input.grants.isEmpty())
        return fail(ErrorCode::Validation,
                    QStringLiteral("a %1 account needs at least one office (--office CODE)")
                        .arg(toCode(input.role)));
    if (auto existing = find(input.name); existing)
        return fail(ErrorCode::AlreadyExists,
                    QStringLiteral("an account named '%1' already exists").arg(input.name));

    Account a;
    a.id = Uuid::v7(m_clock.now().toMSecsSinceEpoch());
    a.name = input.name;
    a.displayName = input.displayName.isEmpty() ? input.name : input.displayName;
    a.role = input.role;
    a.grants = input.grants;
    a.passwordHash = Password::hash(input.password);
    a.keys = AccountKeys::create(input.password);
    a.passwordChangedAt = m_clock.now();

    auto ok = m_db.transaction([&]() -> Status {
        const QString now = Iso::utc(m_clock.now());
        auto q = m_db.prepare(QStringLiteral(
            "INSERT INTO staff (id, name, display_name, role, pw_hash, public_key, "
            "wrapped_secret_key, kdf_salt, password_changed_at, created_at, updated_at, "
            "created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
        if (!q)
            return fail(q.error());
        const QVariantList v{a.id, a.name, a.displayName, toCode(a.role), a.passwordHash,
                             a.keys.publicKey, a.keys.wrappedSecretKey, a.keys.salt, now, now, now,
                             actor};
        for (int i = 0; i < v.size(); ++i)
            Storage::Database::bind(*q, i, v.at(i));
        if (auto r = Storage::Database::run(*q); !r)
            return r;
        for (const QString &g : a.grants) {
            auto gq = m_db.prepare(QStringLiteral(
                "INSERT INTO staff_grants (staff_id, scope, granted_at, granted_by) VALUES (?,?,?,?)"));
            if (!gq)
                return fail(gq.error());
            Storage::Database::bind(*gq, 0, a.id);
            Storage::Database::bind(*gq, 1, g);
            Storage::Database::bind(*gq, 2, now);
            Storage::Database::bind(*gq, 3, actor);
            if (auto r = Storage::Database::run(*gq); !r)
                return r;
        }
        if (auto r = logRightsChange(actor, a.name, QStringLiteral("create"),
                                     QStringLiteral("role %1").arg(toCode(a.role)));
            !r)
            return r;
        if (!a.grants.isEmpty())
            return logRightsChange(actor, a.name, QStringLiteral("grant"), a.grants.join(u','));
        return {};
    });
    if (!ok)
        return fail(ok.error());
    return a;
}

Result<AccountStore::Attempt> AccountStore::claimAttempt(const QString &name)
{
    Attempt attempt = Attempt::Unknown;
    auto ok = m_db.transaction([&]() -> Status {
        auto q = m_db.execute(
            QStringLiteral("SELECT active, locked_at, failed_logins FROM staff WHERE name = ?"),
            {name});
        if (!q)
            return fail(q.error());
        if (!q->next() || q->value(0).toInt() == 0) {
            attempt = Attempt::Unknown;
            return {};
        }
        if (!q->value(1).isNull() || q->value(2).toInt() >= maxFailedLogins) {
            attempt = Attempt::Locked;
            return {};
        }
        auto u = m_db.execute(
            QStringLiteral("UPDATE staff SET failed_logins = failed_logins + 1 WHERE name = ?"),
            {name});
        if (!u)
            return fail(u.error());
        attempt = Attempt::Claimed;
        return {};
    });
    if (!ok)
        return fail(ok.error());
    return attempt;
}

Result<int> AccountStore::recordFailedLogin(const QString &name)
{
    int failures = 0;
    auto ok = m_db.transaction([&]() -> Status {
        auto v
            = m_db.scalar(QStringLiteral("SELECT failed_logins FROM staff WHERE name = ?"), {name});
        if (!v)
            return fail(v.error());
        failures = v->toInt();
        if (failures < maxFailedLogins)
            return {};
        auto lock = m_db.execute(QStringLiteral("UPDATE staff SET locked_at = ? WHERE name = ? AND "
                                                "locked_at IS NULL"),
                                 {Iso::utc(m_clock.now()), name});
        if (!lock)
            return fail(lock.error());
        if (lock->numRowsAffected() != 1)
            return {};
        return logRightsChange(QStringLiteral("system"), name, QStringLiteral("lock"),
                               QStringLiteral("%1 wrong passwords").arg(failures));
    });
    if (!ok)
        return fail(ok.error());
    return failures;
}

Status AccountStore::recordSuccessfulLogin(const QString &name)
{
    auto q = m_db.execute(QStringLiteral("UPDATE staff SET failed_logins = 0 WHERE name = ? AND "
                                         "locked_at IS NULL"),
                          {name});
    if (!q)
        return fail(q.error());
    if (q->numRowsAffected() != 1)
        return fail(ErrorCode::AccountLocked,
                    QStringLiteral("the account '%1' was locked while the password was checked; "
                                   "an admin must unlock it")
                        .arg(name));
    return {};
}

Status AccountStore::setLocked(const QString &name, bool locked, const QString &actor)
{
    auto account = find(name);
    if (!account)
        return fail(account.error());
    return m_db.transaction([&]() -> Status {
        auto q = m_db.prepare(
            locked ? QStringLiteral("UPDATE staff SET locked_at = ?, updated_at = ? WHERE name = ?")
                   : QStringLiteral("UPDATE staff SET locked_at = NULL, failed_logins = 0, "
                                    "updated_at = ? WHERE name = ?"));
        if (!q)
            return fail(q.error());
        const QString now = Iso::utc(m_clock.now());
        int i = 0;
        if (locked)
            Storage::Database::bind(*q, i++, now);
        Storage::Database::bind(*q, i++, now);
        Storage::Database::bind(*q, i++, name);
        if (auto r = Storage::Database::run(*q); !r)
            return r;
        return logRightsChange(actor, name, locked ? QStringLiteral("lock") : QStringLiteral("unlock"),
                               {});
    });
}

Status AccountStore::setPassword(const QString &name, const QString &hash,
                                 const WrappedKeyPair &keys, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        auto q = m_db.prepare(QStringLiteral(
            "UPDATE staff SET pw_hash = ?, public_key = ?, wrapped_secret_key = ?, kdf_salt = ?, "
            "password_changed_at = ?, updated_at = ?, failed_logins = 0, locked_at = NULL "
            "WHERE name = ?"));
        if (!q)
            return fail(q.error());
        const QString now = Iso::utc(m_clock.now());
        const QVariantList v{hash, keys.publicKey, keys.wrappedSecretKey, keys.salt, now, now, name};
        for (int i = 0; i < v.size(); ++i)
            Storage::Database::bind(*q, i, v.at(i));
        if (auto r = Storage::Database::run(*q); !r)
            return r;
        return logRightsChange(actor, name, QStringLiteral("password"), {});
    });
}

Status AccountStore::setRole(const QString &name, Role role, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        auto q = m_db.prepare(
            QStringLiteral("UPDATE staff SET role = ?, updated_at = ? WHERE name = ?"));
        if (!q)
            return fail(q.error());
        Storage::Database::bind(*q, 0, toCode(role));
        Storage::Database::bind(*q, 1, Iso::utc(m_clock.now()));
        Storage::Database::bind(*q, 2, name);
        if (auto r = Storage::Database::run(*q); !r)
            return r;
        return logRightsChange(actor, name, QStringLiteral("role"), toCode(role));
    });
}

Status AccountStore::setGrants(const QString &name, const QStringList &grants, const QString &actor)
{
    for (const QString &g : grants) {
        if (const QString why = validateGrant(g); !why.isEmpty())
            return fail(ErrorCode::Validation, why);
    }
    auto account = find(name);
    if (!account)
        return fail(account.error());
    return m_db.transaction([&]() -> Status {
        const QString now = Iso::utc(m_clock.now());
        for (const QString &old : account->grants) {
            if (grants.contains(old))
                continue;
            auto q = m_db.prepare(
                QStringLiteral("DELETE FROM staff_grants WHERE staff_id = ? AND scope = ?"));
            if (!q)
                return fail(q.error());
            Storage::Database::bind(*q, 0, account->id);
            Storage::Database::bind(*q, 1, old);
            if (auto r = Storage::Database::run(*q); !r)
                return r;
            // Withdraw the office keys the grant no longer covers.
            auto k = m_db.prepare(QStringLiteral(
                "DELETE FROM key_grants WHERE staff_id = ? AND (office_code = ? OR "
                "substr(office_code, 1, 5) = ?)"));
            if (!k)
                return fail(k.error());
            Storage::Database::bind(*k, 0, account->id);
            Storage::Database::bind(*k, 1, old);
            Storage::Database::bind(*k, 2, old);
            if (auto r = Storage::Database::run(*k); !r)
                return r;
            if (auto r = logRightsChange(actor, name, QStringLiteral("revoke"), old); !r)
                return r;
        }
        for (const QString &g : grants) {
            if (account->grants.contains(g))
                continue;
            auto q = m_db.prepare(QStringLiteral(
                "INSERT INTO staff_grants (staff_id, scope, granted_at, granted_by) VALUES (?,?,?,?)"));
            if (!q)
                return fail(q.error());
            Storage::Database::bind(*q, 0, account->id);
            Storage::Database::bind(*q, 1, g);
            Storage::Database::bind(*q, 2, now);
            Storage::Database::bind(*q, 3, actor);
            if (auto r = Storage::Database::run(*q); !r)
                return r;
            if (auto r = logRightsChange(actor, name, QStringLiteral("grant"), g); !r)
                return r;
        }
        return {};
    });
}

Status AccountStore::remove(const QString &name, const QString &actor)
{
    auto account = find(name);
    if (!account)
        return fail(account.error());
    return m_db.transaction([&]() -> Status {
        const QString now = Iso::utc(m_clock.now());
        auto q = m_db.prepare(QStringLiteral("UPDATE staff SET active = 0, locked_at = "
                                             "COALESCE(locked_at, ?), updated_at = ? WHERE id = ?"));
        if (!q)
            return fail(q.error());
        Storage::Database::bind(*q, 0, now);
        Storage::Database::bind(*q, 1, now);
        Storage::Database::bind(*q, 2, account->id);
        if (auto r = Storage::Database::run(*q); !r)
            return r;
        for (const QString &table : {QStringLiteral("key_grants"), QStringLiteral("staff_grants")}) {
            auto d = m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE staff_id = ?").arg(table));
            if (!d)
                return fail(d.error());
            Storage::Database::bind(*d, 0, account->id);
            if (auto r = Storage::Database::run(*d); !r)
                return r;
        }
        return logRightsChange(actor, name, QStringLiteral("remove"), account->grants.join(u','));
    });
}

} // namespace VisitMap::Security
