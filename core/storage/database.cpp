// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "changenotifier.h"

#include "storelock.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

namespace VisitMap::Storage {

namespace {
QAtomicInteger<quint64> s_connectionCounter;
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, Mode mode)
{
    const QString name = QStringLiteral("visitmap-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(path, name));
    auto lock = StoreLock::acquire(path);
    if (!lock)
        return fail(lock.error());
    database->m_lock = std::move(*lock);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            return fail(ErrorCode::Sql, QStringLiteral("the Qt SQLite driver is not installed"));
        db.setDatabaseName(path);
        QStringList options{QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")};
        if (mode == Mode::ReadOnly)
            options << QStringLiteral("QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!db.open())
            return failAt(ErrorCode::Io, path, 0,
                          QStringLiteral("cannot open the store: %1").arg(db.lastError().text()));
    }
    // A file that is not a SQLite database fails here rather than on the first real query.
    auto check = database->scalar(QStringLiteral("PRAGMA schema_version"));
    if (!check)
        return failAt(ErrorCode::Io, path, 0,
                      QStringLiteral("not a VisitMap store (%1)").arg(check.error().message));

    const bool memory = path == QLatin1String(":memory:") || path.isEmpty();
    const QStringList pragmas{
        memory ? QString() : QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
        QStringLiteral("PRAGMA cache_size=-32000"),
    };
    for (const QString &pragma : pragmas) {
        if (pragma.isEmpty() || (mode == Mode::ReadOnly && pragma.contains(QLatin1String("journal"))))
            continue;
        if (auto ok = database->exec(pragma); !ok)
            return fail(ok.error());
    }
    return database;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery Database::query() const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    return q;
}

void Database::bind(QSqlQuery &query, int index, const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        query.bindValue(index, QString(u""_qs));
    else
        query.bindValue(index, value);
}

QString Database::inList(const QString &column, const QStringList &values, QVariantList &binds)
{
    if (values.isEmpty())
        return QStringLiteral("0");
    for (const QString &v : values)
        binds << v;
    return column + QStringLiteral(" IN (?") + QStringLiteral(",?").repeated(values.size() - 1)
           + QLatin1Char(')');
}

Error Database::sqlError(const QSqlQuery &query, const QString &what)
{
    const QString detail = query.lastError().text();
    return Error{ErrorCode::Sql, what.isEmpty() ? detail : what + QStringLiteral(": ") + detail, {}, 0};
}

bool Database::busyElsewhere() const
{
    QThread *holder = m_holder.load();
    return holder && holder != QThread::currentThread();
}

Result<QSqlQuery> Database::prepare(const QString &sql) const
{
    if (busyElsewhere())
        return fail(ErrorCode::Conflict, QStringLiteral("the store is busy with an import"));
    QSqlQuery q = query();
    if (!q.prepare(sql))
        return fail(sqlError(q, sql.left(80)));
    return q;
}

Status Database::exec(const QString &sql) const
{
    if (busyElsewhere())
        return fail(ErrorCode::Conflict, QStringLiteral("the store is busy with an import"));
    QSqlQuery q = query();
    if (!q.exec(sql))
        return fail(sqlError(q, sql.left(80)));
    return {};
}

Status Database::run(QSqlQuery &query)
{
    if (!query.exec())
        return fail(sqlError(query, query.lastQuery().simplified().left(80)));
    return {};
}

Result<QSqlQuery> Database::execute(const QString &sql, const QVariantList &binds) const
{
    auto q = prepare(sql);
    if (!q)
        return fail(q.error());
    for (int i = 0; i < binds.size(); ++i)
        bind(*q, i, binds.at(i));
    if (auto ok = run(*q); !ok)
        return fail(ok.error());
    return q;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &binds) const
{
    auto q = execute(sql, binds);
    if (!q)
        return fail(q.error());
    return q->next() ? q->value(0) : QVariant();
}

Result<QStringList> Database::strings(const QString &sql, const QVariantList &binds) const
{
    auto q = execute(sql, binds);
    if (!q)
        return fail(q.error());
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

void Database::moveToThread(QThread *thread)
{
    QSqlDatabase db = connection();
    Q_ASSERT(db.isValid());
    if (db.isValid() && db.driver())
        db.driver()->moveToThread(thread);
    if (!m_home)
        m_home = QThread::currentThread();
    m_holder.store(thread == m_home ? nullptr : thread);
}

Status Database::transaction(const std::function<Status()> &work)
{
    const QString savepoint = QStringLiteral("sp%1").arg(m_depth);
    if (auto ok = exec(m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE")
                                    : QStringLiteral("SAVEPOINT ") + savepoint);
        !ok)
        return ok;
    ++m_depth;
    ChangeNotifier *notifier = m_notifier;
    if (notifier)
        notifier->beginLevel();
    Status result = work();
    --m_depth;
    if (result) {
        auto ok = exec(m_depth == 0 ? QStringLiteral("COMMIT")
                                    : QStringLiteral("RELEASE ") + savepoint);
        if (ok) {
            // Announced only now that the outermost transaction is in the file.
            if (notifier)
                notifier->commitLevel(m_depth == 0);
            return {};
        }
        result = ok;
    }
    if (notifier)
        notifier->rollbackLevel();
    if (m_depth == 0) {
        (void)exec(QStringLiteral("ROLLBACK"));
    } else {
        (void)exec(QStringLiteral("ROLLBACK TO ") + savepoint);
        (void)exec(QStringLiteral("RELEASE ") + savepoint);
    }
    return result;
}

int Database::userVersion() const
{
    auto v = scalar(QStringLiteral("PRAGMA user_version"));
    return v ? v->toInt() : -1;
}

Status Database::setUserVersion(int version)
{
    return exec(QStringLiteral("PRAGMA user_version=%1").arg(version));
}

Status Database::beginBulkLoad()
{
    for (const char *p : {"PRAGMA synchronous=OFF", "PRAGMA journal_mode=MEMORY",
                          "PRAGMA cache_size=-262144"}) {
        if (auto ok = exec(QString::fromLatin1(p)); !ok)
            return ok;
    }
    return {};
}

Status Database::endBulkLoad()
{
    for (const char *p : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                          "PRAGMA cache_size=-32000"}) {
        if (auto ok = exec(QString::fromLatin1(p)); !ok)
            return ok;
    }
    return {};
}

} // namespace VisitMap::Storage
