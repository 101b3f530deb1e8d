// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace VisitMap::Storage {

// One process owns a store at a time. The owner holds an exclusive kernel lock on a sidecar file
// next to the store, STORE.lock (e.g. district.visitmap.lock), for as long as any connection of
// the process has the store open; the lock file says who holds it, and its owner removes it when
// done (one left by a killed owner is simply locked anew: the lock, not the file, counts; the
// inode is checked after locking, so a file removed at that instant is never taken). Another
// process that finds
// the lock taken is refused (ErrorCode::Conflict, naming the holder) or waits for it, as its wait
// policy says. Inside one process every opener shares the one lock (reference counted).
//
// Why a kernel lock on a sidecar, not QLockFile: QLockFile is a PID file whose existence means
// "locked"; after a kill -9 it stays behind and is only broken by a stale-lock heuristic (is that
// PID still running on this host, is the file older than staleLockTime), which can be wrong after
// PID reuse and takes time. flock(2) belongs to the open file description: the kernel releases it
// the instant the process dies, and, unlike SQLite's own POSIX (fcntl) locks, it is not dropped
// when some other code of the process (a file dialog guessing file types) opens and closes the
// store's files. SQLite's locks stay, but they only arbitrate between the connections of the one
// owning process. On Windows the same class uses LockFileEx on one byte far past the holder text,
// which the system likewise releases with the process and which no other handle's close drops.
// Stores on network file systems are not supported (SQLite's WAL is not either); Linux maps
// flock to fcntl locks on NFS.
class StoreLock
{
public:
    // Who holds a store, as its lock file says.
    struct Holder
    {
        QString program; // e.g. "visitmap-cli visit add" or "visitmap"
        QString user;    // the operating-system account
        qint64 pid = 0;
        QString host;
        QDateTime since; // UTC
        // "visitmap-cli visit add (user kim, pid 4711 on ws-12, since 2026-12-01 21:03:04 UTC)"
        QString describe() const;
    };

    // What acquire() does when another process holds the store.
    struct WaitPolicy
    {
        int timeoutMs = 0; // 0: refuse at once
        // Called once, before waiting, with who holds the store.
        std::function<void(const QString &store, const Holder &holder)> waiting;
        // Called about every 100 ms while waiting; returning false gives up (ErrorCode::Cancelled).
        std::function<bool(qint64 waitedMs)> progress;
    };

    ~StoreLock();
    StoreLock(const StoreLock &) = delete;
    StoreLock &operator=(const StoreLock &) = delete;

    // Takes (or shares, within this process) the lock of the store at storePath. A null pointer
    // for ":memory:" and "" (nothing to lock). Conflict names the holder in its message.
    static Result<std::shared_ptr<StoreLock>> acquire(const QString &storePath);
    static Result<std::shared_ptr<StoreLock>> acquire(const QString &storePath,
                                                      const WaitPolicy &wait);

    // The policy acquire(path) uses in this process (the command line sets it from --wait).
    static void setDefaultWait(const WaitPolicy &wait);
    // How this process names itself in the lock files it writes (default: the application name).
    static void setProgram(const QString &program);

    static QString lockPath(const QString &storePath);
    // The holder written in a store's lock file (none when nobody holds it, or a killed owner's).
    static std::optional<Holder> recordedHolder(const QString &storePath);
    // The stores this process holds, as absolute paths.
    static QStringList heldStores();

    QString storePath() const { return m_storePath; }

private:
    StoreLock(QString storePath, QString key, qintptr handle);

    QString m_storePath;
    QString m_key;
    qintptr m_handle = -1;
};

} // namespace VisitMap::Storage
