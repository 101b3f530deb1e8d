// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include "security/auditdetail.h"
#include "storage/changenotifier.h"

#include "access/authenticator.h"
#include "security/passwordpolicy.h"
#include "storage/accountstore.h"
#include "storage/assessmentstore.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/keystore.h"
#include "storage/metastore.h"
#include "storage/migrator.h"
#include "storage/officestore.h"
#include "storage/settingstore.h"
#include "storage/stores.h"
#include "storage/urgencybackfill.h"
#include "util/clock.h"
#include "util/uuid.h"

#include <QFileInfo>

namespace VisitMap {

using Security::AuditAction;

Workspace::Workspace() = default;
Workspace::~Workspace() = default;

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &path, OpenMode mode,
                                                   const Clock *clock)
{
    Security::initialiseCrypto();
    if (mode == OpenMode::ExistingOnly && path != QLatin1String(":memory:")
        && !QFileInfo::exists(path))
        return failAt(ErrorCode::NotFound, path, 0,
                      QStringLiteral("no such store; create one with `visitmap-cli init --db %1` or "
                                     "`visitmap-cli demo --db %1`")
                          .arg(path));
    auto db = Storage::Database::open(path);
    if (!db)
        return fail(db.error());
    Storage::Migrator migrator(**db);
    if (auto ran = migrator.migrate(); !ran) {
        Error e = ran.error();
        e.file = path;
        return fail(e);
    }
    std::unique_ptr<Workspace> ws(new Workspace());
    ws->m_db = std::move(*db);
    ws->m_notifier = std::make_unique<Storage::ChangeNotifier>();
    ws->m_db->setNotifier(ws->m_notifier.get());
    ws->m_stores = std::make_unique<Storage::Stores>(*ws->m_db);
    ws->m_clock = clock ? clock : &Clock::system();
    ws->m_audit = std::make_unique<Security::AuditLog>(*ws->m_db, *ws->m_clock);
    ws->m_journal = std::make_unique<Storage::Journal>(*ws->m_db, *ws->m_audit, *ws->m_clock);
    ws->m_accounts = std::make_unique<Security::AccountStore>(*ws->m_db, *ws->m_clock);
    ws->m_journal->setActor({QStringLiteral("system"), Security::AuditLog::machineAddress()});
    Storage::MetaStore &meta = ws->stores().meta();
    // Data steps that SQL alone cannot do, once per store after its migration.
    if (auto pending = meta.get(QStringLiteral("search_keys_pending")); pending && *pending == QLatin1String("1")) {
        auto done = ws->m_db->transaction([&]() -> Status {
            if (auto n = ws->stores().households().refreshSearchKeys(); !n)
                return fail(n.error());
            return meta.remove(QStringLiteral("search_keys_pending"));
        });
        if (!done)
            return fail(done.error());
    }
    if (auto pending = meta.get(QStringLiteral("urgency_pending"));
        pending && *pending == QLatin1String("1")) {
        auto done = ws->m_db->transaction([&]() -> Status {
            if (auto n = Intake::UrgencyBackfill::run(*ws->m_db); !n)
                return fail(n.error());
            return meta.remove(QStringLiteral("urgency_pending"));
        });
        if (!done)
            return fail(done.error());
    }
    if (meta.storeId().isEmpty()) {
        if (auto ok = meta.set(QStringLiteral("store_id"), Uuid::v7()); !ok)
            return fail(ok.error());
        if (auto ok = meta.set(QStringLiteral("created_at"), Iso::utc(ws->m_clock->now())); !ok)
            return fail(ok.error());
    }
    return ws;
}

bool Workspace::busyElsewhere() const
{
    return m_db->busyElsewhere();
}

void Workspace::moveToThread(QThread *thread)
{
    m_db->moveToThread(thread);
}

int Workspace::schemaVersion() const
{
    return m_db->userVersion();
}

QString Workspace::path() const
{
    return m_db->path();
}

bool Workspace::isDemo() const
{
    return m_stores->meta().isDemo();
}

QString Workspace::demoArea() const
{
    auto v = m_stores->meta().get(QStringLiteral("demo_area"));
    return v ? *v : QString();
}

Result<const Security::Session *> Workspace::signIn(const QString &name, const QString &password)
{
    const QString machine = Security::AuditLog::machineAddress();
    auto verdict = Security::Authenticator(*m_db, *m_clock, *m_accounts, *m_audit)
                       .check(name, password, machine);
    if (!verdict)
        return fail(verdict.error());

    auto session = std::make_unique<Security::Session>();
    session->account = verdict->account;
    session->machine = machine;
    session->secretKey = std::move(verdict->secretKey);
    session->demo = isDemo();
    if (Security::holdsOfficeKeys(session->account.role)) {
        auto ring = Security::KeyStore(*m_db, *m_clock).open(session->account, session->secretKey);
        if (!ring)
            return fail(ring.error());
        session->keyring = std::move(*ring);
    }
    m_session = std::move(session);
    m_journal->setActor({name, machine});
    if (auto ok = refreshOffices(); !ok) {
        m_session.reset();
        m_audit->clearKey();
        return fail(ok.error());
    }
    return m_session.get();
}

Result<const Security::Session *> Workspace::signInDemo(const QString &name)
{
    if (!isDemo())
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("this is not a demo store: sign in with --user NAME and the "
                                   "password in $VISITMAP_PASSWORD"));
    auto password = m_stores->meta().get(QStringLiteral("demo_password:") + name);
    if (!password || password->isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("the demo store has no account '%1'").arg(name));
    return signIn(name, *password);
}

Status Workspace::refreshOffices()
{
    if (!m_session)
        return {};
    Security::Session &session = *m_session;
    auto offices = m_stores->offices().all();
    if (!offices)
        return fail(offices.error());
    session.offices.clear();
    for (const Office &o : *offices) {
        if (session.account.covers(o.code))
            session.offices << o.code;
    }
    session.waitingForKeys.clear();
    if (!Security::holdsOfficeKeys(session.role()))
        return {};
    Security::KeyStore keys(*m_db, *m_clock);
    if (auto ok = keys.createMissing(session.account, session.offices, session.keyring); !ok)
        return ok;
    if (auto granted = keys.distribute(session.keyring, session.name()); !granted)
        return fail(granted.error());
    for (const QString &o : session.offices) {
        if (!session.keyring.has(o))
            session.waitingForKeys << o;
    }
    // Needs-assessment notes an older store (or an older colleague's sync) left in the clear
    // are encrypted as soon as an account holding the office key is here.
    if (auto swept = m_stores->assessments().encryptPlaintextNotes(session.keyring); !swept)
        return fail(swept.error());
    return {};
}

Status Workspace::reloadKeys()
{
    if (!m_session)
        return {};
    auto account = m_accounts->find(m_session->name());
    if (!account)
        return fail(account.error());
    m_session->account = *account;
    if (Security::holdsOfficeKeys(account->role)) {
        auto ring = Security::KeyStore(*m_db, *m_clock).open(*account, m_session->secretKey);
        if (!ring)
            return fail(ring.error());
        m_session->keyring = std::move(*ring);
    }
    return refreshOffices();
}

void Workspace::signOut()
{
    if (m_session) {
        (void)m_audit->append(m_session->name(), m_session->machine,
                              {AuditAction::Logout, QStringLiteral("account"), m_session->name(),
                               {}, {}, {}});
    }
    m_session.reset();
    m_audit->clearKey();
    m_journal->setActor({QStringLiteral("system"), Security::AuditLog::machineAddress()});
}

Status Workspace::recordLock(const QString &why)
{
    if (!m_session)
        return {};
    return m_audit->append(
        m_session->name(), m_session->machine,
        {AuditAction::Lock,
         QStringLiteral("account"),
         m_session->name(),
         {},
         Security::AuditDetail(Security::AuditDetailCode::SessionLock).with(u"why", why).encode(),
         {}});
}

Status Workspace::reauthenticate(const QString &password)
{
    if (!m_session)
        return fail(ErrorCode::AuthFailed, QStringLiteral("nobody is signed in"));
    auto verdict = Security::Authenticator(*m_db, *m_clock, *m_accounts, *m_audit)
                       .check(m_session->name(), password, m_session->machine,
                              Security::Authenticator::Purpose::Unlock);
    if (!verdict) {
        if (verdict.error().code == ErrorCode::AccountLocked) {
            m_session.reset();
            m_audit->clearKey();
        }
        return fail(verdict.error());
    }
    return {};
}

Status Workspace::changePassword(const QString &oldPassword, const QString &newPassword)
{
    if (!m_session)
        return fail(ErrorCode::AuthFailed, QStringLiteral("nobody is signed in"));
    const QString name = m_session->name();
    auto account = m_accounts->find(name);
    if (!account)
        return fail(account.error());
    if (!Security::Password::verify(account->passwordHash, oldPassword))
        return fail(ErrorCode::AuthFailed, QStringLiteral("the current password is wrong"));
    if (const auto problem = Security::PasswordPolicy::checkChange(newPassword, name, oldPassword);
        problem != Security::PasswordProblem::None)
        return fail(Security::PasswordPolicy::errorFor(problem));
    // The key pair stays; only its wrapping changes, so sealed office keys still open.
    const Security::WrappedKeyPair keys = Security::AccountKeys::rewrap(
        account->keys.publicKey, m_session->secretKey, newPassword);
    if (auto ok = m_accounts->setPassword(name, Security::Password::hash(newPassword), keys, name); !ok)
        return ok;
    m_session->account.keys = keys;
    if (isDemo())
        (void)m_stores->meta().set(QStringLiteral("demo_password:") + name, newPassword);
    return m_audit->append(
        name, m_session->machine,
        {AuditAction::AccountChange,
         QStringLiteral("account"),
         name,
         {},
         Security::AuditDetail(Security::AuditDetailCode::PasswordChanged).encode(),
         {}});
}

Status Workspace::require(Security::Permission permission) const
{
    if (!m_session)
        return fail(ErrorCode::PermissionDenied, QStringLiteral("sign in first"));
    if (!m_session->can(permission)) {
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("the %1 role may not do this").arg(toCode(m_session->role())));
    }
    return {};
}

QString Workspace::setting(const QString &key, const QString &fallback) const
{
    auto v = m_stores->settings().value(key);
    if (!v || !*v)
        return fallback;
    return **v;
}

Status Workspace::setSetting(const QString &key, const QString &value)
{
    return m_db->transaction([&]() -> Status {
        const QString actor = m_session ? m_session->name() : QStringLiteral("system");
        if (auto ok = m_stores->settings().set(key, value, m_clock->now(), actor); !ok)
            return ok;
        return m_journal->audit({AuditAction::Update,
                                 QStringLiteral("setting"),
                                 key,
                                 {},
                                 Security::AuditDetail(Security::AuditDetailCode::SettingChanged)
                                     .with(u"key", key)
                                     .with(u"value", value)
                                     .encode(),
                                 {}});
    });
}

Risk::VisitCycle Workspace::visitCycle() const
{
    Risk::VisitCycle c;
    c.highDays = setting(QStringLiteral("cycle_high_days"), QString::number(c.highDays)).toInt();
    c.mediumDays = setting(QStringLiteral("cycle_medium_days"), QString::number(c.mediumDays)).toInt();
    c.lowDays = setting(QStringLiteral("cycle_low_days"), QString::number(c.lowDays)).toInt();
    return c;
}

Status Workspace::setVisitCycle(const Risk::VisitCycle &c)
{
    if (auto ok = require(Security::Permission::ManageSettings); !ok)
        return ok;
    for (int d : {c.highDays, c.mediumDays, c.lowDays}) {
        if (d < 1 || d > 366)
            return fail(ErrorCode::Validation, QStringLiteral("a visit cycle is 1 to 366 days"));
    }
    return m_db->transaction([&]() -> Status {
        if (auto ok = setSetting(QStringLiteral("cycle_high_days"), QString::number(c.highDays)); !ok)
            return ok;
        if (auto ok = setSetting(QStringLiteral("cycle_medium_days"), QString::number(c.mediumDays)); !ok)
            return ok;
        return setSetting(QStringLiteral("cycle_low_days"), QString::number(c.lowDays));
    });
}

int Workspace::idleLockMinutes() const
{
    return setting(QStringLiteral("idle_lock_minutes"), QStringLiteral("15")).toInt();
}

Status Workspace::setIdleLockMinutes(int minutes)
{
    if (auto ok = require(Security::Permission::ManageSettings); !ok)
        return ok;
    if (minutes < 1 || minutes > 60)
        return fail(ErrorCode::Validation, QStringLiteral("the idle lock is 1 to 60 minutes"));
    return setSetting(QStringLiteral("idle_lock_minutes"), QString::number(minutes));
}

QStringList Workspace::visibleOffices() const
{
    if (m_session)
        return m_session->offices;
    return {};
}

} // namespace VisitMap
