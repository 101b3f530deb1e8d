// SPDX-License-Identifier: GPL-3.0-or-later
#include "storelock.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QThread>
#include <map>
#include <mutex>

#if defined(Q_OS_WIN)
#include <windows.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <pwd.h>
#include <unistd.h>
#endif

namespace VisitMap::Storage {

namespace {

std::mutex s_mutex;
std::map<QString, std::weak_ptr<StoreLock>> s_held; // by lock file path, under s_mutex
StoreLock::WaitPolicy s_defaultWait;                // under s_mutex
QString s_program;                                  // under s_mutex

constexpr qintptr noHandle = -1;

#if defined(Q_OS_WIN)
// The locked byte lies far past the holder text, so others can still read who holds the store.
constexpr DWORD lockOffsetHigh = 1;

qintptr openLockFile(const QString &path)
{
    HANDLE h = CreateFileW(reinterpret_cast<LPCWSTR>(path.utf16()), GENERIC_READ | GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                           OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    return h == INVALID_HANDLE_VALUE ? noHandle : qintptr(h);
}

bool tryLock(qintptr handle)
{
    OVERLAPPED at{};
    at.OffsetHigh = lockOffsetHigh;
    return LockFileEx(HANDLE(handle), LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0,
                      &at);
}

void writeText(qintptr handle, const QByteArray &text)
{
    HANDLE h = HANDLE(handle);
    SetFilePointer(h, 0, nullptr, FILE_BEGIN);
    DWORD written = 0;
    WriteFile(h, text.constData(), DWORD(text.size()), &written, nullptr);
    SetEndOfFile(h);
}

void closeLockFile(qintptr handle)
{
    OVERLAPPED at{};
    at.OffsetHigh = lockOffsetHigh;
    UnlockFileEx(HANDLE(handle), 0, 1, 0, &at);
    CloseHandle(HANDLE(handle));
}

QString lastSystemError()
{
    return QStringLiteral("system error %1").arg(GetLastError());
}

// The lock file stays on Windows (removing a file others have open is not reliable there).
bool stillAt(qintptr, const QString &)
{
    return true;
}

void removeLockFile(const QString &) {}
#else
qintptr openLockFile(const QString &path)
{
    // O_CLOEXEC: a child process started by the owner must not inherit (and keep) the lock.
    return ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
}

bool tryLock(qintptr handle)
{
    int rc;
    do {
        rc = ::flock(int(handle), LOCK_EX | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    return rc == 0;
}

void writeText(qintptr handle, const QByteArray &text)
{
    if (::ftruncate(int(handle), 0) == 0)
        (void)!::pwrite(int(handle), text.constData(), size_t(text.size()), 0);
}

void closeLockFile(qintptr handle)
{
    // Closing the only descriptor of the open file description releases the flock.
    ::close(int(handle));
}

// The locked file is still the one at the path (its last owner may have removed it just before).
bool stillAt(qintptr handle, const QString &path)
{
    struct stat held
    {
    }, named{};
    return ::fstat(int(handle), &held) == 0
           && ::stat(QFile::encodeName(path).constData(), &named) == 0
           && held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

// Removed by its owner while still locked, so nobody takes a file that is about to go; whoever
// locked the removed file meanwhile sees it is gone (stillAt) and tries again.
void removeLockFile(const QString &path)
{
    ::unlink(QFile::encodeName(path).constData());
}

QString lastSystemError()
{
    return QString::fromLocal8Bit(strerror(errno));
}
#endif

QString osUser()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(name);
        if (!v.isEmpty())
            return v;
    }
#if !defined(Q_OS_WIN)
    // A service or a desktop session started without those variables: the account itself.
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    return {};
}

QByteArray holderText(const QString &program)
{
    const QString text = QStringLiteral("program=%1\nuser=%2\npid=%3\nhost=%4\nsince=%5\n")
                             .arg(program, osUser())
                             .arg(QCoreApplication::applicationPid())
                             .arg(QSysInfo::machineHostName(),
                                  QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    return text.toUtf8();
}

StoreLock::Holder parseHolder(const QByteArray &bytes)
{
    StoreLock::Holder h;
    for (const QByteArray &line : bytes.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray key = line.left(eq);
        const QString value = QString::fromUtf8(line.mid(eq + 1)).trimmed();
        if (key == "program")
            h.program = value;
        else if (key == "user")
            h.user = value;
        else if (key == "pid")
            h.pid = value.toLongLong();
        else if (key == "host")
            h.host = value;
        else if (key == "since")
            h.since = QDateTime::fromString(value, Qt::ISODate);
    }
    return h;
}

Error busyError(const QString &storePath,
                const std::optional<StoreLock::Holder> &holder,
                const QString &tail)
{
    const QString who = holder ? holder->describe() : QStringLiteral("another program");
    return Error{ErrorCode::Conflict,
                 QStringLiteral("the store is open in another program: %1%2").arg(who, tail),
                 storePath, 0};
}

} // namespace

QString StoreLock::Holder::describe() const
{
    return QStringLiteral("%1 (user %2, pid %3 on %4, since %5)")
        .arg(program.isEmpty() ? QStringLiteral("an unknown program") : program,
             user.isEmpty() ? QStringLiteral("unknown") : user)
        .arg(pid)
        .arg(host.isEmpty() ? QStringLiteral("an unknown host") : host,
             since.isValid() ? since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                             : QStringLiteral("an unknown time"));
}

StoreLock::StoreLock(QString storePath, QString key, qintptr handle)
    : m_storePath(std::move(storePath))
    , m_key(std::move(key))
    , m_handle(handle)
{
}

StoreLock::~StoreLock()
{
    std::lock_guard guard(s_mutex);
    // The registry entry may already name a newer lock of the same store (this one expired first).
    if (auto it = s_held.find(m_key); it != s_held.end() && it->second.expired())
        s_held.erase(it);
    if (m_handle != noHandle) {
        removeLockFile(m_key);
        closeLockFile(m_handle);
    }
}

QString StoreLock::lockPath(const QString &storePath)
{
    const QFileInfo info(storePath);
    const QString dir = info.absoluteDir().canonicalPath();
    return QDir(dir.isEmpty() ? info.absolutePath() : dir)
        .filePath(info.fileName() + QStringLiteral(".lock"));
}

void StoreLock::setDefaultWait(const WaitPolicy &wait)
{
    std::lock_guard guard(s_mutex);
    s_defaultWait = wait;
}

void StoreLock::setProgram(const QString &program)
{
    std::lock_guard guard(s_mutex);
    s_program = program;
}

std::optional<StoreLock::Holder> StoreLock::recordedHolder(const QString &storePath)
{
    QFile file(lockPath(storePath));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = file.read(4096);
    if (bytes.isEmpty())
        return std::nullopt;
    return parseHolder(bytes);
}

QStringList StoreLock::heldStores()
{
    std::lock_guard guard(s_mutex);
    QStringList out;
    for (const auto &[key, weak] : s_held) {
        if (auto lock = weak.lock())
            out << QFileInfo(lock->storePath()).absoluteFilePath();
    }
    return out;
}

Result<std::shared_ptr<StoreLock>> StoreLock::acquire(const QString &storePath)
{
    WaitPolicy wait;
    {
        std::lock_guard guard(s_mutex);
        wait = s_defaultWait;
    }
    return acquire(storePath, wait);
}

Result<std::shared_ptr<StoreLock>> StoreLock::acquire(const QString &storePath,
                                                      const WaitPolicy &wait)
{
    if (storePath.isEmpty() || storePath == QLatin1String(":memory:"))
        return std::shared_ptr<StoreLock>();
    const QString key = lockPath(storePath);
    QElapsedTimer waited;
    waited.start();
    bool told = false;
    for (;;) {
        bool closing = false;
        {
            std::lock_guard guard(s_mutex);
            if (auto it = s_held.find(key); it != s_held.end()) {
                if (auto shared = it->second.lock())
                    return shared;
                closing = true; // this process is just releasing its lock of the store
            }
            if (!closing) {
                const qintptr handle = openLockFile(key);
                if (handle == noHandle)
                    return failAt(ErrorCode::Io, key, 0,
                                  QStringLiteral("cannot create the store's lock file: %1")
                                      .arg(lastSystemError()));
                const bool locked = tryLock(handle);
                if (locked && !stillAt(handle, key)) {
                    closeLockFile(handle);
                    continue; // its owner removed it as we locked it: take the new one
                }
                if (locked) {
                    writeText(handle,
                              holderText(s_program.isEmpty() ? QCoreApplication::applicationName()
                                                             : s_program));
                    std::shared_ptr<StoreLock> lock(new StoreLock(storePath, key, handle));
                    s_held[key] = lock;
                    return lock;
                }
                closeLockFile(handle);
            }
        }
        if (closing) {
            QThread::yieldCurrentThread();
            continue;
        }
        const auto holder = recordedHolder(storePath);
        if (wait.timeoutMs <= 0)
            return fail(busyError(storePath, holder, {}));
        if (!told) {
            told = true;
            if (wait.waiting)
                wait.waiting(storePath, holder.value_or(Holder{}));
        }
        if (waited.elapsed() >= wait.timeoutMs)
            return fail(busyError(
                storePath, holder,
                QStringLiteral("; gave up waiting after %1 s").arg(wait.timeoutMs / 1000)));
        if (wait.progress && !wait.progress(waited.elapsed()))
            return failAt(ErrorCode::Cancelled, storePath, 0,
                          QStringLiteral("stopped waiting for the store to be free"));
        QThread::msleep(100);
    }
}

} // namespace VisitMap::Storage
