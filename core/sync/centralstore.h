// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "centralfailure.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

class QSqlError;

namespace VisitMap::Sync {

// The parts of a libpq connection string ("host=… port=… dbname=… user=…", values may be
// quoted) or a postgresql:// URI.
struct ConnParams
{
    QString host;
    int port = 0;
    QString dbname;
    QString user;
    QString password;
    QStringList options; // the rest, as key=value (sslmode, connect_timeout …)

    static Result<ConnParams> parse(const QString &conninfo);
    // The same place as a connection string with no password in it (safe to keep).
    QString withoutPassword() const;
};

// A failed statement or connection on the central store, in plain words: refused (42501), wrong
// password, no server, or the connection lost under a statement; Error::reason says which
// (CentralFailure).
Error sqlError(const QSqlError &error, const QString &what);

// A connection to the central PostgreSQL store. conninfo is libpq's "host=… port=… dbname=…
// user=… sslmode=…" or a postgresql:// URI; user and password, when given, override it.
// Closed (and removed) when the object goes.
class CentralConnection
{
public:
    static Result<std::unique_ptr<CentralConnection>> open(const QString &conninfo, const QString &user = {},
                                                           const QString &password = {});
    ~CentralConnection();
    QSqlDatabase &db() { return m_db; }
    QString user() const { return m_db.userName(); }
    // Prepares and runs a statement with positional binds; what: the step, for the message.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds, const QString &what);

private:
    CentralConnection() = default;
    QSqlDatabase m_db;
    QString m_name;
};

// Creating and migrating the central store, and its staff login roles (an administrator's
// connection: a role that may create roles).
class ServerAdmin
{
public:
    explicit ServerAdmin(CentralConnection &connection) : m_c(connection) {}

    // Applies the numbered migrations in server/migrations not applied yet (their names), and
    // lets staff roles connect to this database only.
    Result<QStringList> migrate();
    static int latestVersion();
    // A staff member as a login role (password stored by PostgreSQL as SCRAM-SHA-256), in the
    // group visitmap_staff, granted these areas (10-digit 행정동 or 5-digit 시군구 codes). A
    // caseworker or nurse gets 행정동 only.
    Status createUser(const QString &name, const QString &displayName, const QString &role, const QStringList &areas,
                      const QString &password);

private:
    // Staff roles may connect to this database only (run at every migrate).
    Status restrictConnect();
    CentralConnection &m_c;
};

} // namespace VisitMap::Sync
