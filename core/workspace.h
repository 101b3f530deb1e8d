// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "risk/visitcycle.h"
#include "security/session.h"
#include "util/result.h"

#include <memory>

class QThread;

namespace VisitMap {

class Clock;
namespace Security {
class AuditLog;
class AccountStore;
} // namespace Security
namespace Storage {
class ChangeNotifier;
class Database;
class Journal;
class Stores;
} // namespace Storage

// An open local store and whoever is signed in to it: what the app and the command line both
// work through. Opening migrates the store; signing in opens the account's office keys.
class Workspace
{
public:
    enum class OpenMode { CreateOrMigrate, ExistingOnly };

    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    // One process owns a store at a time (Storage::StoreLock): when another has it open, this
    // fails with ErrorCode::Conflict naming the holder, or first waits for it as the process's
    // wait policy says (the command line's --wait).
    static Result<std::unique_ptr<Workspace>> open(const QString &path,
                                                   OpenMode mode = OpenMode::CreateOrMigrate,
                                                   const Clock *clock = nullptr);

    Storage::Database &db() { return *m_db; }
    const Storage::Database &db() const { return *m_db; }
    const Clock &clock() const { return *m_clock; }
    Storage::Journal &journal() { return *m_journal; }
    // The store's stores, built once with it: `ws.stores().households().get(id)`.
    Storage::Stores &stores() const { return *m_stores; }
    // Another process holds the store's write lock for the moment (an import or a sync there).
    bool busyElsewhere() const;
    // Hands the store's connection to the thread a long job runs on, and back (ImportJob).
    void moveToThread(QThread *thread);
    // Announces what each committed transaction of this store changed.
    Storage::ChangeNotifier &notifier() { return *m_notifier; }
    Security::AuditLog &auditLog() { return *m_audit; }
    Security::AccountStore &accounts() { return *m_accounts; }
    QString path() const;
    // The schema version the store was migrated to.
    int schemaVersion() const;

    bool isDemo() const;
    QString demoArea() const;

    // Signs an account in: checks the lock-out, verifies the password, opens its office keys,
    // creates keys for offices that have none, seals held keys to members who lack them, and
    // writes the access log. A wrong password counts towards the lock-out.
    Result<const Security::Session *> signIn(const QString &name, const QString &password);
    // Demo stores only: signs in a demo account with its fixed password.
    Result<const Security::Session *> signInDemo(const QString &name = QStringLiteral("demo-caseworker"));
    void signOut();
    const Security::Session *session() const { return m_session.get(); }
    // The screen locked itself (idle) or the person locked it: written to the access log.
    Status recordLock(const QString &why);
    // Checks the password of the signed-in account again (unlocking the idle lock).
    Status reauthenticate(const QString &password);
    // Changes the signed-in account's password and re-wraps its key pair.
    Status changePassword(const QString &oldPassword, const QString &newPassword);

    // After offices were added: extends the session's offices and creates (or waits for) their
    // data keys, as at sign-in.
    Status refreshOffices();
    // After the account's grants or office keys changed (a sync): reads the account again and
    // opens its office keys anew.
    Status reloadKeys();

    // Fails with PermissionDenied naming the missing right when the session lacks it.
    Status require(Security::Permission permission) const;

    // Store-wide settings (admin): visit cycles per tier, the idle-lock minutes.
    Risk::VisitCycle visitCycle() const;
    Status setVisitCycle(const Risk::VisitCycle &cycle);
    int idleLockMinutes() const;
    Status setIdleLockMinutes(int minutes);
    QString setting(const QString &key, const QString &fallback = {}) const;
    Status setSetting(const QString &key, const QString &value);

    // The offices the session covers (all offices when nobody is signed in on a demo store).
    QStringList visibleOffices() const;

private:
    Workspace();

    std::unique_ptr<Storage::ChangeNotifier> m_notifier; // outlives the connection that feeds it
    std::unique_ptr<Storage::Database> m_db;
    std::unique_ptr<Storage::Stores> m_stores;
    std::unique_ptr<Clock> m_ownedClock;
    const Clock *m_clock = nullptr;
    std::unique_ptr<Security::AuditLog> m_audit;
    std::unique_ptr<Storage::Journal> m_journal;
    std::unique_ptr<Security::AccountStore> m_accounts;
    std::unique_ptr<Security::Session> m_session;
};

} // namespace VisitMap
