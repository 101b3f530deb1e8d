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

// The statements the sync runs on the central store, one per step; each answers the query to
// read (its columns as the comment says). Every statement against the central store stands in
// this module.
class CentralStore
{
public:
    explicit CentralStore(CentralConnection &connection)
        : m_c(connection)
    {
    }

    // display_name, kind, public_key, wrapped_secret_key, kdf_salt of the signed-in staff
    // member; no row when the login role is not staff.
    Result<QSqlQuery> staffRecord();
    // The areas granted to the signed-in staff member, in order.
    Result<QStringList> grantedAreas();
    // Stores the account's wrapped key pair; one row: whether what is sealed to it there is sealed
    // to this pair.
    Result<QSqlQuery> setAccountKeys(const QByteArray &publicKey,
                                     const QByteArray &wrappedSecretKey,
                                     const QByteArray &salt,
                                     bool replace);
    // office_code, sealed_key, key_check of the office keys sealed to the signed-in account.
    Result<QSqlQuery> keysSealedToMe();
    // Gives back a key sealed to the account that does not open.
    Status returnKey(const QString &officeCode);
    // office_code, key_check of every office that has a key.
    Result<QSqlQuery> officeKeys();
    // office_code, role_name, public_key of colleagues of these offices who lack their key.
    Result<QSqlQuery> keyless(const QStringList &officeCodes);
    // Offers the office's key (its check) sealed to colleagues (a JSON array of role_name,
    // sealed_key); one row: how many it took.
    Result<QSqlQuery>
    putKeys(const QString &officeCode, const QByteArray &keyCheck, const QString &grantsJson);
    // One row: the JSON result of applying the batch (a JSON array of changes).
    Result<QSqlQuery> push(const QString &batchJson);
    // id, entity, entity_id, office_code, field, base, mine, theirs (JSON text), the author of
    // theirs, detected_at of the conflicts after id, in order.
    Result<QSqlQuery> conflictsAfter(qint64 id);
    // How many changes come after the revision.
    Result<qint64> changesAfterCount(qint64 revision);
    // rev, entity, entity_id, the entity's data (JSON text) and rev, change_id of up to limit
    // changes after the revision, in order.
    Result<QSqlQuery> changesAfter(qint64 revision, int limit);
    // seq of the store's last access-log anchor (no row: none yet).
    Result<QSqlQuery> auditAnchor(const QString &store);
    Result<QSqlQuery> anchorAudit(const QString &store,
                                  const QVariant &sealedSeq,
                                  const QVariant &sealedMac,
                                  const QVariant &entries,
                                  const QVariant &purged,
                                  const QString &priorMac);

private:
    CentralConnection &m_c;
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
