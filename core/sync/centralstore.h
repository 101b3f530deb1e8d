// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace VisitMap::Sync {

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

    // Applies the numbered migrations in server/migrations not applied yet; their names.
    Result<QStringList> migrate();
    static int latestVersion();
    // A staff member as a login role (password stored by PostgreSQL as SCRAM-SHA-256), in the
    // group visitmap_staff, granted these areas (10-digit 행정동 or 5-digit 시군구 codes). A
    // caseworker or nurse gets 행정동 only.
    Status createUser(const QString &name, const QString &displayName, const QString &role, const QStringList &areas,
                      const QString &password);

private:
    CentralConnection &m_c;
};

} // namespace VisitMap::Sync
