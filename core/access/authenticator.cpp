// SPDX-License-Identifier: GPL-3.0-or-later
#include "authenticator.h"
#include "security/auditdetail.h"

#include "storage/accountstore.h"
#include "storage/auditkeystore.h"
#include "storage/auditlog.h"
#include "security/crypto.h"
#include "storage/database.h"

namespace VisitMap::Security {

QString Authenticator::wrongWords()
{
    return QStringLiteral("wrong password or no such account");
}

Result<Authenticator::Verdict> Authenticator::check(const QString &name,
                                                    const QString &password,
                                                    const QString &machine,
                                                    Purpose purpose)
{
    const bool unlock = purpose == Purpose::Unlock;
    auto logFailure = [&](const AuditDetail &detail) {
        (void)m_audit.append(name, machine,
                             {AuditAction::LoginFailed,
                              QStringLiteral("account"),
                              name,
                              {},
                              (unlock ? detail.with(u"unlock", 1) : detail).encode(),
                              {}});
    };
    // Text that came from invalid bytes is no password at all: refused before anything counts.
    if (auto normal = Password::normalise(password); !normal)
        return fail(normal.error());
    auto attempt = m_accounts.claimAttempt(name);
    if (!attempt)
        return fail(attempt.error());
    if (*attempt == AccountStore::Attempt::Unknown) {
        Password::verifyNothing(password);
        auto known = m_accounts.find(name);
        logFailure(AuditDetail(AuditDetailCode::LoginFailed)
                       .with(u"reason", known ? QStringLiteral("removed_account")
                                              : QStringLiteral("unknown_account")));
        return fail(ErrorCode::AuthFailed, wrongWords());
    }
    if (*attempt == AccountStore::Attempt::Locked) {
        logFailure(
            AuditDetail(AuditDetailCode::LoginFailed).with(u"reason", QStringLiteral("locked")));
        return fail(ErrorCode::AccountLocked,
                    QStringLiteral("the account '%1' is locked after %2 wrong passwords; an admin "
                                   "must unlock it")
                        .arg(name)
                        .arg(AccountStore::maxFailedLogins));
    }
    auto account = m_accounts.find(name);
    if (!account)
        return fail(account.error());
    if (!Password::verify(account->passwordHash, password)) {
        auto failures = m_accounts.recordFailedLogin(name);
        const int n = failures ? *failures : 0;
        logFailure(AuditDetail(AuditDetailCode::LoginFailed)
                       .with(u"reason", QStringLiteral("wrong_password"))
                       .with(u"tries", n));
        if (n >= AccountStore::maxFailedLogins)
            return fail(ErrorCode::AccountLocked,
                        QStringLiteral("wrong password; the account '%1' is now locked after %2 "
                                       "wrong passwords and an admin must unlock it")
                            .arg(name)
                            .arg(n));
        return fail(ErrorCode::AuthFailed, wrongWords());
    }
    auto secret = AccountKeys::unwrap(account->keys, password);
    if (!secret)
        return fail(secret.error());

    Verdict verdict;
    verdict.account = *account;
    verdict.secretKey = std::move(*secret);
    AuditKeyStore auditKeys(m_db, m_clock);
    auto auditKey = auditKeys.open(verdict.account, verdict.secretKey);
    if (!auditKey)
        return fail(auditKey.error());
    if (*auditKey) {
        if (auto n = auditKeys.distribute(**auditKey, verdict.account, verdict.secretKey); !n)
            return fail(n.error());
        m_audit.setKey(**auditKey);
        verdict.auditKeyOpen = true;
    } else if (!unlock) {
        m_audit.clearKey();
    }
    auto ok = m_db.transaction([&]() -> Status {
        if (auto r = m_accounts.recordSuccessfulLogin(name); !r)
            return r;
        return m_audit.append(name, machine,
                              {unlock ? AuditAction::Unlock : AuditAction::Login,
                               QStringLiteral("account"),
                               name,
                               {},
                               {},
                               {}});
    });
    if (!ok)
        return fail(ok.error());
    verdict.account.failedLogins = 0;
    return verdict;
}

} // namespace VisitMap::Security
