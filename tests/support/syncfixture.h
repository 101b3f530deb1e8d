// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/pgserver.h"
#include "support/testsupport.h"
#include "storage/database.h"
#include "storage/metastore.h"
#include "sync/centralstore.h"
#include "sync/syncservice.h"

#include <QDir>
#include <QSqlQuery>

namespace VisitMap::Test {

// A freshly migrated central store on the test run's PostgreSQL, with staff roles made on request,
// and the demo store's team lead (11410, 서대문구) among them.
struct Central
{
    static constexpr const char *staffPassword = "Casework-2026!";

    Central()
    {
        PgServer &pg = PgServer::shared();
        if (!pg.available())
            FAIL("no PostgreSQL for the sync tests: " << pg.why().toStdString());
        conninfo = pg.conninfo();
        auto a = Sync::CentralConnection::open(pg.adminConninfo());
        REQUIRE(a);
        admin = std::move(*a);
        // Each fixture starts from an empty central store (the server lives for the whole run).
        QSqlQuery q(admin->db());
        q.exec(QStringLiteral("DROP SCHEMA IF EXISTS visitmap CASCADE"));
        q.exec(QStringLiteral("DROP TABLE IF EXISTS public.visitmap_migrations"));
        if (q.exec(QStringLiteral("SELECT r.rolname FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
                                  "JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = 'visitmap_staff'"))) {
            QStringList roles;
            while (q.next())
                roles << q.value(0).toString();
            for (const QString &r : roles)
                QSqlQuery(admin->db()).exec(QStringLiteral("DROP ROLE \"%1\"").arg(r));
        }
        auto applied = Sync::ServerAdmin(*admin).migrate();
        REQUIRE(applied);
        // every migration, from empty (numbers may have gaps while branches land)
        CHECK(applied->size() == QDir(QStringLiteral(":/server/migrations")).entryList(QDir::Files).size());
    }

    void user(const QString &name, const QString &role, const QStringList &areas,
              const QString &password = QString::fromLatin1(staffPassword))
    {
        REQUIRE_OK(Sync::ServerAdmin(*admin).createUser(name, name, role, areas, password));
    }

    // A value of a query as the administrator (who sees every row).
    qint64 count(const QString &sql) const
    {
        QSqlQuery q(admin->db());
        if (!q.exec(sql) || !q.next())
            FAIL("query failed: " << sql.toStdString());
        return q.value(0).toLongLong();
    }

    QString conninfo;
    std::unique_ptr<Sync::CentralConnection> admin;
};

inline QString demoPassword(Workspace &ws, const QString &account)
{
    auto p = Storage::MetaStore(ws.db()).get(QStringLiteral("demo_password:") + account);
    REQUIRE(p);
    return *p;
}

// The demo district's team lead on the central store (the store published at the first sync),
// and caseworkers starting from empty stores.
struct District
{
    TempDir dir;
    Central central;
    std::unique_ptr<Workspace> lead;
    QString leadPassword;
    QString officeA; // the 행정동 with the most households
    QString officeB; // another

    District()
    {
        lead = openStore(demoStoreCopy(dir, QStringLiteral("lead.visitmap")));
        leadPassword = demoPassword(*lead, QStringLiteral("demo-lead"));
        central.user(QStringLiteral("demo-lead"), QStringLiteral("team_lead"), {QStringLiteral("11410")}, leadPassword);
        auto offices = lead->db().strings(QStringLiteral("SELECT office_code FROM households GROUP BY office_code "
                                                         "ORDER BY COUNT(*) DESC, office_code"));
        REQUIRE(offices);
        REQUIRE(offices->size() >= 2);
        officeA = offices->at(0);
        officeB = offices->at(1);
    }

    Sync::SyncReport syncLead(const Sync::SyncOptions &o = {})
    {
        auto r = Sync::SyncService(*lead).syncAs(central.conninfo, QStringLiteral("demo-lead"), leadPassword, o);
        if (!r)
            FAIL(r.error().toString().toStdString());
        return *r;
    }

    // A workstation store made by `init`, synced for the first time as this account.
    std::unique_ptr<Workspace> fresh(const QString &name)
    {
        auto ws = openStore(dir.path(name + QStringLiteral(".visitmap")));
        auto r = Sync::SyncService(*ws).syncAs(central.conninfo, name, QString::fromLatin1(Central::staffPassword));
        if (!r)
            FAIL(r.error().toString().toStdString());
        CHECK(r->enrolled);
        return ws;
    }
};

} // namespace VisitMap::Test
