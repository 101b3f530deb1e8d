// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace VisitMap::Storage {

class ChangeNotifier;
class StoreLock;

// One SQLite connection (one per thread). Owns the PRAGMAs every store relies on: WAL, foreign
// keys, full sync on commit (a logged visit survives a power cut, not only a crash), a busy wait.
// A store file is only opened once this process owns it (StoreLock): another process that has it
// open makes open() fail with ErrorCode::Conflict or wait, as StoreLock's default wait policy says.
class Database
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) the store file; ":memory:" gives a private in-memory store.
    // Read-only connections take the ownership lock too: a reader in a second process could
    // otherwise rebuild or remove the WAL index of a store it wrongly believes nobody else has.
    static Result<std::unique_ptr<Database>> open(const QString &path, Mode mode = Mode::ReadWrite);

    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    QSqlDatabase connection() const;

    // Hands the connection to another thread for a while (Qt ties a connection to one thread):
    // called on the thread that holds it; the other thread hands it back the same way when done.
    // Nothing else may use the connection meanwhile.
    void moveToThread(QThread *thread);
    // True while the connection is lent to another thread than the caller's (an import running
    // off the window's thread): the window's timers skip their reads then, and a statement
    // prepared meanwhile fails as Conflict ("busy") instead of touching another thread's connection.
    bool busyElsewhere() const;

    // A prepared query on this connection.
    QSqlQuery query() const;
    Result<QSqlQuery> prepare(const QString &sql) const;
    Status exec(const QString &sql) const;
    // Runs a prepared query; the error names the statement.
    static Status run(QSqlQuery &query);
    Result<QVariant> scalar(const QString &sql, const QVariantList &binds = {}) const;
    // The first column of every row, as text.
    Result<QStringList> strings(const QString &sql, const QVariantList &binds = {}) const;
    // Prepares, binds positionally and runs; the query is positioned before the first row.
    Result<QSqlQuery> execute(const QString &sql, const QVariantList &binds = {}) const;

    // Runs work in one transaction (a savepoint when nested); commits on success, rolls back on
    // an error. Every user action goes through here, so entity, outbox and audit rows land together.
    Status transaction(const std::function<Status()> &work);
    bool inTransaction() const { return m_depth > 0; }
    // Who hears of committed changes (the Journal tells it what changed; transactions tell it
    // when they commit or roll back). Not owned; none by default.
    void setNotifier(ChangeNotifier *notifier) { m_notifier = notifier; }
    ChangeNotifier *notifier() const { return m_notifier; }

    int userVersion() const;
    Status setUserVersion(int version);

    // Settings for a bulk load into a new file (demo generation); safe only because no other
    // process can have the file open while this one owns it.
    Status beginBulkLoad();
    Status endBulkLoad();

    // Binds a value; a null QString binds as '' (an intended NULL is always QVariant()).
    static void bind(QSqlQuery &query, int index, const QVariant &value);

    static Error sqlError(const QSqlQuery &query, const QString &what = {});

    // "column IN (?,?,…)" with one placeholder per value, the values appended to binds in the
    // same order; "0" (false) for no values, so an empty list matches nothing instead of being a
    // syntax error.
    static QString inList(const QString &column, const QStringList &values, QVariantList &binds);

private:
    Database(QString path, QString connectionName);

    QString m_path;
    QString m_connectionName;
    int m_depth = 0;
    ChangeNotifier *m_notifier = nullptr;
    std::atomic<QThread *> m_holder{nullptr}; // the thread the connection is lent to; null: its own
    QThread *m_home = nullptr;
    // Released after the connection closed (members go after the destructor's body).
    std::shared_ptr<StoreLock> m_lock;
};

} // namespace VisitMap::Storage
