// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountadmin.h"
#include "security/auditdetail.h"

#include "storage/accountstore.h"
#include "storage/auditkeystore.h"
#include "storage/auditlog.h"
#include "security/passwordpolicy.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/keystore.h"
#include "workspace.h"

namespace VisitMap::Security {

Status AccountAdmin::requireAdmin() const
{
    if (auto ok = m_ws.require(Permission::ManageAccounts); !ok)
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("only an admin account may manage accounts"));
    return {};
}

Status AccountAdmin::log(const QString &account, const AuditDetail &detail)
{
    return m_ws.journal().audit(
        {AuditAction::AccountChange, QStringLiteral("account"), account, {}, detail.encode(), {}});
}

Status AccountAdmin::giveAuditKey()
{
    const Session *session = m_ws.session();
    if (!session || !m_ws.auditLog().hasKey())
        return {};
    auto n = AuditKeyStore(m_ws.db(), m_ws.clock())
                 .distribute(m_ws.auditLog().key(), session->account, session->secretKey);
    if (!n)
        return fail(n.error());
    return {};
}

Result<bool> AccountAdmin::storeHasAccounts() const
{
    return m_ws.accounts().hasAny();
}

Result<Account> AccountAdmin::createFirstAdmin(const NewAccount &account)
{
    auto has = storeHasAccounts();
    if (!has)
        return fail(has.error());
    if (*has)
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("the store has accounts: sign in as an admin (--user)"));
    if (account.role != Role::Admin)
        return fail(ErrorCode::Validation,
                    QStringLiteral("the first account of a store must be an admin (--role admin); "
                                   "it then creates the others"));
    Result<Account> created;
    auto ok = m_ws.db().transaction([&]() -> Status {
        created = m_ws.accounts().create(account, account.name);
        if (!created)
            return fail(created.error());
        return m_ws.auditLog().append(account.name, AuditLog::machineAddress(),
                                      {AuditAction::AccountChange,
                                       QStringLiteral("account"),
                                       account.name,
                                       {},
                                       AuditDetail(AuditDetailCode::FirstAdmin).encode(),
                                       {}});
    });
    if (!ok)
        return fail(ok.error());
    return created;
}

Result<Account> AccountAdmin::create(const NewAccount &account)
{
    if (auto ok = requireAdmin(); !ok)
        return fail(ok.error());
    Result<Account> created;
    auto ok = m_ws.db().transaction([&]() -> Status {
        created = m_ws.accounts().create(account, m_ws.session()->name());
        if (!created)
            return fail(created.error());
        if (auto r = log(account.name, AuditDetail(AuditDetailCode::AccountCreated)
                                           .with(u"role", toCode(account.role))
                                           .with(u"offices", account.grants.join(u',')));
            !r)
            return r;
        return giveAuditKey();
    });
    if (!ok)
        return fail(ok.error());
    return created;
}

Status AccountAdmin::unlock(const QString &name)
{
    if (auto ok = requireAdmin(); !ok)
        return ok;
    return m_ws.db().transaction([&]() -> Status {
        if (auto ok = m_ws.accounts().setLocked(name, false, m_ws.session()->name()); !ok)
            return ok;
        return log(name, AuditDetail(AuditDetailCode::AccountUnlocked));
    });
}

Status AccountAdmin::resetPassword(const QString &name, const QString &newPassword)
{
    if (auto ok = requireAdmin(); !ok)
        return ok;
    if (auto ok = PasswordPolicy::require(newPassword, name); !ok)
        return ok;
    auto account = m_ws.accounts().find(name);
    if (!account)
        return fail(account.error());
    return m_ws.db().transaction([&]() -> Status {
        const WrappedKeyPair keys = AccountKeys::create(newPassword);
        if (auto ok = m_ws.accounts().setPassword(name, Password::hash(newPassword), keys,
                                                  m_ws.session()->name());
            !ok)
            return ok;
        if (auto ok = KeyStore(m_ws.db(), m_ws.clock()).dropGrants(account->id); !ok)
            return ok;
        if (auto r = log(name, AuditDetail(AuditDetailCode::PasswordReset)); !r)
            return r;
        return giveAuditKey();
    });
}

Status AccountAdmin::remove(const QString &name)
{
    if (auto ok = requireAdmin(); !ok)
        return ok;
    if (name == m_ws.session()->name())
        return fail(ErrorCode::Validation, QStringLiteral("an admin cannot remove their own account"));
    return m_ws.db().transaction([&]() -> Status {
        if (auto ok = m_ws.accounts().remove(name, m_ws.session()->name()); !ok)
            return ok;
        return log(name, AuditDetail(AuditDetailCode::AccountRemoved));
    });
}

Status AccountAdmin::setGrants(const QString &name, const QStringList &grants)
{
    if (auto ok = requireAdmin(); !ok)
        return ok;
    return m_ws.db().transaction([&]() -> Status {
        if (auto ok = m_ws.accounts().setGrants(name, grants, m_ws.session()->name()); !ok)
            return ok;
        return log(
            name, AuditDetail(AuditDetailCode::AccountOffices).with(u"offices", grants.join(u',')));
    });
}

Status AccountAdmin::setRole(const QString &name, Role role)
{
    if (auto ok = requireAdmin(); !ok)
        return ok;
    return m_ws.db().transaction([&]() -> Status {
        if (auto ok = m_ws.accounts().setRole(name, role, m_ws.session()->name()); !ok)
            return ok;
        return log(name, AuditDetail(AuditDetailCode::AccountRole).with(u"role", toCode(role)));
    });
}

Result<QList<Account>> AccountAdmin::list() const
{
    if (auto ok = requireAdmin(); !ok)
        return fail(ok.error());
    return m_ws.accounts().all();
}

} // namespace VisitMap::Security
