// SPDX-License-Identifier: GPL-3.0-or-later
#include "centralstore.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>
#include <map>

namespace VisitMap::Sync {

namespace {

// The migrations compiled in (resource /server/migrations), by number.
std::map<int, QString> migrationFiles()
{
    std::map<int, QString> out;
    QDirIterator it(QStringLiteral(":/server/migrations"));
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = path.section(u'/', -1);
        bool ok = false;
        const int version = name.left(4).toInt(&ok);
        if (ok)
            out.emplace(version, path);
    }
    return out;
}

} // namespace

Error sqlError(const QSqlError &e, const QString &what)
{
    const QString text = (e.databaseText().isEmpty() ? e.text() : e.databaseText()).trimmed();
    const QString code = e.nativeErrorCode();
    const auto error = [&](ErrorCode c, CentralFailure kind, const QString &message) {
        return withFailure(Error{c, message, {}, 0}, kind);
    };
    const QString plain = QStringLiteral("%1: %2").arg(what, text);
    if (code == QLatin1String("42501"))
        return error(ErrorCode::PermissionDenied, CentralFailure::Refused,
                     QStringLiteral("%1: the central store refused: %2").arg(what, text));
    if (code == QLatin1String("28P01") || code == QLatin1String("28000") || text.contains(QLatin1String("password authentication failed"))
        || text.contains(QLatin1String("no password supplied")))
        return error(ErrorCode::AuthFailed, CentralFailure::WrongPassword, plain);
    if (e.type() == QSqlError::ConnectionError && code.isEmpty()
        && !text.contains(QLatin1String("terminat"))) {
        // libpq says why a connection failed in words only (no SQLSTATE before the session):
        // they are read here, once, so that callers get a fact.
        if (text.contains(QLatin1String("role \""))
            && text.contains(QLatin1String("does not exist")))
            return error(ErrorCode::AuthFailed, CentralFailure::WrongPassword, plain);
        if (text.contains(QLatin1String("database \""))
            && text.contains(QLatin1String("does not exist")))
            return error(ErrorCode::Network, CentralFailure::NoDatabase, plain);
        if (text.contains(QLatin1String("pg_hba.conf")))
            return error(ErrorCode::PermissionDenied, CentralFailure::Refused, plain);
        if (text.contains(QLatin1String("SSL"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("certificate")) || text.contains(QLatin1String("TLS"))
            || text.contains(QLatin1String("GSSAPI")))
            return error(ErrorCode::Network, CentralFailure::TlsRefused, plain);
        return error(ErrorCode::Network, CentralFailure::Unreachable, plain);
    }
    // The connection went away under a statement (cut, server restart, backend terminated).
    if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") || text.contains(QLatin1String("terminat"))
        || text.contains(QLatin1String("server closed the connection")) || text.contains(QLatin1String("no connection")))
        return error(
            ErrorCode::Network, CentralFailure::ConnectionLost,
            QStringLiteral("%1: the connection to the central store was lost (%2); nothing of the "
                           "unfinished step was kept, the next sync does it again")
                .arg(what, text));
    // A function, table, column or schema the program calls is missing: the server's schema is
    // older than the program (its migrations were not applied).
    if (code == QLatin1String("42883") || code == QLatin1String("42P01")
        || code == QLatin1String("42703") || code == QLatin1String("3F000"))
        return error(ErrorCode::Sql, CentralFailure::SchemaTooOld, plain);
    return Error{ErrorCode::Sql, plain, {}, 0};
}

Result<ConnParams> ConnParams::parse(const QString &conninfo)
{
    ConnParams p;
    const QString text = conninfo.trimmed();
    if (text.startsWith(QLatin1String("postgres://")) || text.startsWith(QLatin1String("postgresql://"))) {
        const QUrl url(text);
        if (!url.isValid())
            return fail(
                withFailure(Error{ErrorCode::Usage,
                                  QStringLiteral("'%1' is not a postgresql:// address").arg(text),
                                  {},
                                  0},
                            CentralFailure::BadAddress));
        p.host = url.host();
        p.port = url.port();
        p.dbname = url.path().mid(1);
        p.user = url.userName();
        p.password = url.password();
        for (const auto &[k, v] : QUrlQuery(url).queryItems())
            p.options << k + u'=' + v;
        return p;
    }
    static const QRegularExpression pair(QStringLiteral("(\\w+)\\s*=\\s*('([^']*)'|\\S+)"));
    auto it = pair.globalMatch(text);
    if (!it.hasNext() && !text.isEmpty())
        return fail(withFailure(
            Error{ErrorCode::Usage,
                  QStringLiteral("'%1' is not a connection string (host=… port=… dbname=…)")
                      .arg(text),
                  {},
                  0},
            CentralFailure::BadAddress));
    while (it.hasNext()) {
        const auto m = it.next();
        const QString key = m.captured(1);
        const QString value = m.captured(3).isEmpty() ? m.captured(2) : m.captured(3);
        if (key == QLatin1String("host"))
            p.host = value;
        else if (key == QLatin1String("port"))
            p.port = value.toInt();
        else if (key == QLatin1String("dbname"))
            p.dbname = value;
        else if (key == QLatin1String("user"))
            p.user = value;
        else if (key == QLatin1String("password"))
            p.password = value;
        else
            p.options << key + u'=' + value;
    }
    return p;
}

QString ConnParams::withoutPassword() const
{
    QStringList parts;
    if (!host.isEmpty())
        parts << QStringLiteral("host=") + host;
    if (port > 0)
        parts << QStringLiteral("port=%1").arg(port);
    if (!dbname.isEmpty())
        parts << QStringLiteral("dbname=") + dbname;
    if (!user.isEmpty())
        parts << QStringLiteral("user=") + user;
    return (parts + options).join(u' ');
}

Result<QSqlQuery> CentralConnection::exec(const QString &sql, const QVariantList &binds, const QString &what)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return fail(sqlError(q.lastError(), what));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec())
        return fail(sqlError(q.lastError(), what));
    return q;
}

Result<std::unique_ptr<CentralConnection>> CentralConnection::open(const QString &conninfo, const QString &user,
                                                                   const QString &password)
{
    std::unique_ptr<CentralConnection> c(new CentralConnection);
    c->m_name = QStringLiteral("central-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    c->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), c->m_name);
    if (!c->m_db.isValid())
        return fail(withFailure(
            Error{ErrorCode::Internal,
                  QStringLiteral("the PostgreSQL driver (libqt6sql6-psql) is not installed"),
                  {},
                  0},
            CentralFailure::NoDriver));
    auto params = ConnParams::parse(conninfo);
    if (!params)
        return fail(params.error());
    c->m_db.setHostName(params->host);
    if (params->port > 0)
        c->m_db.setPort(params->port);
    c->m_db.setDatabaseName(params->dbname);
    c->m_db.setUserName(params->user);
    c->m_db.setPassword(params->password);
    const QStringList options = QStringList{QStringLiteral("connect_timeout=8")} + params->options;
    if (!user.isEmpty())
        c->m_db.setUserName(user);
    if (!password.isEmpty())
        c->m_db.setPassword(password);
    c->m_db.setConnectOptions(options.join(u';'));
    if (!c->m_db.open())
        return fail(sqlError(c->m_db.lastError(), QStringLiteral("cannot connect to the central store")));
    // The server's notices ("already exists, skipping") are not for the person at the screen.
    QSqlQuery(c->m_db).exec(QStringLiteral("SET client_min_messages = warning"));
    return c;
}

CentralConnection::~CentralConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

int ServerAdmin::latestVersion()
{
    const auto files = migrationFiles();
    return files.empty() ? 0 : files.rbegin()->first;
}

Result<QStringList> ServerAdmin::migrate()
{
    QSqlDatabase &db = m_c.db();
    QSqlQuery q(db);
    // One migrator at a time.
    if (!q.exec(QStringLiteral("SELECT pg_advisory_lock(hashtext('visitmap.migrate'))")))
        return fail(sqlError(q.lastError(), QStringLiteral("cannot lock the central store for migration")));
    auto unlock = qScopeGuard([&db] { QSqlQuery(db).exec(QStringLiteral("SELECT pg_advisory_unlock(hashtext('visitmap.migrate'))")); });
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS public.visitmap_migrations (version integer PRIMARY KEY, "
                               "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")))
        return fail(sqlError(q.lastError(), QStringLiteral("cannot record migrations")));
    QStringList applied;
    for (const auto &[version, path] : migrationFiles()) {
        QSqlQuery done(db);
        done.prepare(QStringLiteral("SELECT 1 FROM public.visitmap_migrations WHERE version = ?"));
        done.addBindValue(version);
        if (!done.exec())
            return fail(sqlError(done.lastError(), QStringLiteral("cannot read the migrations applied")));
        if (done.next())
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Internal, QStringLiteral("migration %1 is missing from the program").arg(path));
        const QString sql = QString::fromUtf8(f.readAll());
        const QString name = path.section(u'/', -1);
        if (!db.transaction())
            return fail(sqlError(db.lastError(), QStringLiteral("cannot start migration %1").arg(name)));
        QSqlQuery run(db);
        if (!run.exec(sql)) {
            const Error e = sqlError(run.lastError(), QStringLiteral("migration %1 failed").arg(name));
            db.rollback();
            return fail(e);
        }
        QSqlQuery mark(db);
        mark.prepare(QStringLiteral("INSERT INTO public.visitmap_migrations (version, name) VALUES (?, ?)"));
        mark.addBindValue(version);
        mark.addBindValue(name);
        if (!mark.exec() || !db.commit()) {
            const Error e = sqlError(mark.lastError(), QStringLiteral("cannot record migration %1").arg(name));
            db.rollback();
            return fail(e);
        }
        applied << name;
    }
    if (auto ok = restrictConnect(); !ok)
        return fail(ok.error());
    return applied;
}

Status ServerAdmin::restrictConnect()
{
    // Staff connect to this database only: not to postgres or template1, which PostgreSQL opens
    // to every role. Another application's database on the same cluster is left to its owner
    // (revoking PUBLIC there would lock out its own users): pg_hba.conf keeps staff out of it
    // (server/README.md). Where this role may not change a database's rights (not its owner),
    // PostgreSQL warns and leaves them; the README says what the superuser runs then.
    QSqlQuery q(m_c.db());
    if (!q.exec(QStringLiteral(
            "DO $$ DECLARE d text; BEGIN "
            "EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', "
            "current_database()); "
            "EXECUTE format('GRANT CONNECT ON DATABASE %I TO visitmap_staff', current_database()); "
            "FOR d IN SELECT datname FROM pg_database WHERE datname IN ('postgres', 'template1') "
            "AND datname <> current_database() LOOP "
            "EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC, visitmap_staff', d); "
            "END LOOP; END $$")))
        return fail(sqlError(q.lastError(),
                             QStringLiteral("cannot restrict which databases staff connect to")));
    return {};
}

Status ServerAdmin::createUser(const QString &name, const QString &displayName, const QString &role, const QStringList &areas,
                               const QString &password)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9_.-]{1,40}$"));
    if (!valid.match(name).hasMatch())
        return fail(ErrorCode::Usage, QStringLiteral("'%1' is not an account name (lower-case letters, digits, . _ -; 2–41)").arg(name));
    static const QStringList roles{QStringLiteral("caseworker"), QStringLiteral("nurse"), QStringLiteral("team_lead"), QStringLiteral("admin")};
    if (!roles.contains(role))
        return fail(ErrorCode::Usage, QStringLiteral("the role is caseworker, nurse, team_lead or admin"));
    static const QRegularExpression dong(QStringLiteral("^[0-9]{10}$")), sgg(QStringLiteral("^[0-9]{5}$"));
    if (areas.isEmpty() && role != QLatin1String("admin"))
        return fail(ErrorCode::Usage, QStringLiteral("give the 행정동 (10 digits) or, for a team lead, the 시군구 (5 digits)"));
    for (const QString &a : areas) {
        const bool whole = sgg.match(a).hasMatch();
        if (!dong.match(a).hasMatch() && !whole)
            return fail(ErrorCode::Usage, QStringLiteral("'%1' is neither a 행정동 code (10 digits) nor a 시군구 code (5 digits)").arg(a));
        if (whole && role != QLatin1String("team_lead") && role != QLatin1String("admin"))
            return fail(ErrorCode::Usage, QStringLiteral("only a team lead or an admin may be granted a whole 시군구 (%1)").arg(a));
    }
    if (password.size() < 10)
        return fail(ErrorCode::Usage, QStringLiteral("the password must be at least 10 characters"));
    QSqlDatabase &db = m_c.db();
    if (!db.transaction())
        return fail(sqlError(db.lastError(), QStringLiteral("cannot start")));
    auto rollback = [&db](const Error &e) {
        db.rollback();
        return fail(e);
    };
    // The statement is built by the server (format %I / %L), so no name or password is pasted in.
    QSqlQuery build(db);
    build.prepare(QStringLiteral("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE visitmap_staff', ?::text, ?::text)"));
    build.addBindValue(name);
    build.addBindValue(password);
    if (!build.exec() || !build.next())
        return rollback(sqlError(build.lastError(), QStringLiteral("cannot prepare the account")));
    QSqlQuery create(db);
    if (!create.exec(QStringLiteral("SET LOCAL password_encryption = 'scram-sha-256'")) || !create.exec(build.value(0).toString()))
        return rollback(sqlError(create.lastError(), QStringLiteral("cannot create the login role %1").arg(name)));
    QSqlQuery staff(db);
    staff.prepare(QStringLiteral("INSERT INTO visitmap.staff (role_name, display_name, kind) VALUES (?, ?, ?)"));
    staff.addBindValue(name);
    staff.addBindValue(displayName.isEmpty() ? name : displayName);
    staff.addBindValue(role);
    if (!staff.exec())
        return rollback(sqlError(staff.lastError(), QStringLiteral("cannot record the account")));
    for (const QString &a : areas) {
        QSqlQuery grant(db);
        grant.prepare(QStringLiteral("INSERT INTO visitmap.grants (role_name, area) VALUES (?, ?)"));
        grant.addBindValue(name);
        grant.addBindValue(a);
        if (!grant.exec())
            return rollback(sqlError(grant.lastError(), QStringLiteral("cannot grant %1").arg(a)));
    }
    if (!db.commit())
        return rollback(sqlError(db.lastError(), QStringLiteral("cannot commit")));
    return {};
}

Result<QSqlQuery> CentralStore::staffRecord()
{
    return m_c.exec(
        QStringLiteral("SELECT display_name, kind, public_key, wrapped_secret_key, kdf_salt "
                       "FROM visitmap.staff WHERE role_name = session_user"),
        {}, QStringLiteral("reading the account"));
}

Result<QStringList> CentralStore::grantedAreas()
{
    auto q = m_c.exec(
        QStringLiteral(
            "SELECT area FROM visitmap.grants WHERE role_name = session_user ORDER BY area"),
        {}, QStringLiteral("reading the account's offices"));
    if (!q)
        return fail(q.error());
    QStringList areas;
    while (q->next())
        areas << q->value(0).toString();
    return areas;
}

Result<QSqlQuery> CentralStore::setAccountKeys(const QByteArray &publicKey,
                                               const QByteArray &wrappedSecretKey,
                                               const QByteArray &salt,
                                               bool replace)
{
    return m_c.exec(QStringLiteral("SELECT visitmap.set_account_keys(?, ?, ?, ?)"),
                    {publicKey, wrappedSecretKey, salt, replace},
                    QStringLiteral("storing the account's key pair"));
}

Result<QSqlQuery> CentralStore::keysSealedToMe()
{
    return m_c.exec(
        QStringLiteral("SELECT g.office_code, g.sealed_key, k.key_check FROM visitmap.key_grants g "
                       "JOIN visitmap.office_keys k ON k.office_code = g.office_code "
                       "WHERE g.role_name = session_user"),
        {}, QStringLiteral("reading office keys"));
}

Status CentralStore::returnKey(const QString &officeCode)
{
    auto back = m_c.exec(QStringLiteral("SELECT visitmap.return_key(?)"), {officeCode},
                         QStringLiteral("returning an office key that does not open"));
    if (!back)
        return fail(back.error());
    return {};
}

Result<QSqlQuery> CentralStore::officeKeys()
{
    return m_c.exec(QStringLiteral("SELECT office_code, key_check FROM visitmap.office_keys"), {},
                    QStringLiteral("reading office keys"));
}

Result<QSqlQuery> CentralStore::keyless(const QStringList &officeCodes)
{
    return m_c.exec(
        QStringLiteral(
            "SELECT office_code, role_name, public_key FROM visitmap.keyless(?::text[])"),
        {QStringLiteral("{%1}").arg(officeCodes.join(u','))},
        QStringLiteral("listing colleagues without keys"));
}

Result<QSqlQuery> CentralStore::putKeys(const QString &officeCode,
                                        const QByteArray &keyCheck,
                                        const QString &grantsJson)
{
    return m_c.exec(QStringLiteral("SELECT visitmap.put_keys(?, ?, ?::jsonb)"),
                    {officeCode, keyCheck, grantsJson}, QStringLiteral("offering office keys"));
}

Result<QSqlQuery> CentralStore::push(const QString &batchJson)
{
    return m_c.exec(QStringLiteral("SELECT visitmap.push(?::jsonb)"), {batchJson},
                    QStringLiteral("sending changes"));
}

Result<QSqlQuery> CentralStore::conflictsAfter(qint64 id)
{
    return m_c.exec(
        QStringLiteral(
            "SELECT c.id, c.entity, c.entity_id, c.office_code, c.field, c.base_value::text, "
            "c.mine_value::text, c.theirs_value::text, ch.author, c.detected_at "
            "FROM visitmap.conflicts c LEFT JOIN visitmap.changes ch ON ch.rev = c.theirs_rev "
            "WHERE c.id > ? ORDER BY c.id"),
        {id}, QStringLiteral("reading conflicts"));
}

Result<qint64> CentralStore::changesAfterCount(qint64 revision)
{
    auto q = m_c.exec(QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE rev > ?"),
                      {revision}, QStringLiteral("counting changes"));
    if (!q)
        return fail(q.error());
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QSqlQuery> CentralStore::changesAfter(qint64 revision, int limit)
{
    // The entity's state as it stands (merged by the server) for every change after revision.
    return m_c.exec(
        QStringLiteral(
            "SELECT c.rev, c.entity, c.entity_id, e.data::text, e.rev, c.change_id::text "
            "FROM visitmap.changes c "
            "JOIN visitmap.entities e ON e.entity = c.entity AND e.entity_id = c.entity_id "
            "WHERE c.rev > ? ORDER BY c.rev LIMIT ?"),
        {revision, limit}, QStringLiteral("receiving changes"));
}

Result<QSqlQuery> CentralStore::auditAnchor(const QString &store)
{
    return m_c.exec(QStringLiteral("SELECT seq FROM visitmap.audit_anchor(?)"), {store},
                    QStringLiteral("reading the access-log anchor"));
}

Result<QSqlQuery> CentralStore::anchorAudit(const QString &store,
                                            const QVariant &sealedSeq,
                                            const QVariant &sealedMac,
                                            const QVariant &entries,
                                            const QVariant &purged,
                                            const QString &priorMac)
{
    return m_c.exec(QStringLiteral("SELECT visitmap.anchor_audit(?, ?, ?, ?, ?, ?)"),
                    {store, sealedSeq, sealedMac, entries, purged, priorMac},
                    QStringLiteral("anchoring the access log"));
}

} // namespace VisitMap::Sync
