// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "sync/centralstore.h"
#include "storage/accountstore.h"
#include "sync/syncservice.h"
#include "util/clock.h"
#include "workspace.h"

#include <QElapsedTimer>

namespace VisitMap::Cli {

namespace {

void addServer(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("server"),
                 QStringLiteral("The central PostgreSQL store: \"host=… port=… dbname=… user=…\" or postgresql://… "
                                "(an administrator's role; its password from the string or $PGPASSWORD)."),
                 QStringLiteral("CONNINFO")});
}

Result<std::unique_ptr<Sync::CentralConnection>> connect(const QCommandLineParser &p)
{
    return Sync::CentralConnection::open(p.value(QStringLiteral("server")), {}, QString::fromLocal8Bit(qgetenv("PGPASSWORD")));
}

} // namespace

int runServerInit(const QStringList &args)
{
    Command cmd(QStringLiteral("server-init"),
                QStringLiteral("Create or migrate the central PostgreSQL store (schema visitmap: row-level security by "
                               "office, writes only through functions). Safe to run again."));
    addServer(cmd.parser);
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    if (!cmd.parser.isSet(QStringLiteral("server")))
        return usage(QStringLiteral("--server CONNINFO is required"), cmd.parser);
    auto c = connect(cmd.parser);
    if (!c)
        return report(c.error());
    auto applied = Sync::ServerAdmin(**c).migrate();
    if (!applied)
        return report(applied.error());
    for (const QString &m : *applied)
        out() << "applied " << m << Qt::endl;
    out() << "central store at version " << Sync::ServerAdmin::latestVersion()
          << (applied->isEmpty() ? " (nothing to do)" : "") << Qt::endl;
    return Ok;
}

int runServerUser(const QStringList &args)
{
    Command cmd(QStringLiteral("server-user"),
                QStringLiteral("Create a staff login role on the central store (SCRAM-SHA-256), granted one or more "
                               "행정동 (10 digits) or, for a team lead, a 시군구 (5 digits). The password comes from "
                               "$VISITMAP_NEW_PASSWORD or is asked twice."));
    auto &p = cmd.parser;
    addServer(p);
    p.addOption({QStringLiteral("name"), QStringLiteral("The account (the same name as on the workstations)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("display-name"), QStringLiteral("The person's name as shown."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("office"), QStringLiteral("Granted areas, comma-separated."), QStringLiteral("CODE")});
    p.addOption({QStringLiteral("role"), QStringLiteral("caseworker, nurse, team_lead or admin."), QStringLiteral("ROLE")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    for (const char *required : {"server", "name", "role"}) {
        if (!p.isSet(QString::fromLatin1(required)))
            return usage(QStringLiteral("--%1 is required").arg(QLatin1String(required)), p);
    }
    const QString name = p.value(QStringLiteral("name"));
    auto password = newPassword(name);
    if (!password)
        return report(password.error());
    auto c = connect(p);
    if (!c)
        return report(c.error());
    const QStringList areas = p.value(QStringLiteral("office")).split(u',', Qt::SkipEmptyParts);
    if (auto ok = Sync::ServerAdmin(**c).createUser(name, p.value(QStringLiteral("display-name")), p.value(QStringLiteral("role")),
                                                    areas, *password);
        !ok)
        return report(ok.error());
    out() << "created " << name << " (" << p.value(QStringLiteral("role")) << ", " << areas.join(QStringLiteral(", ")) << ")" << Qt::endl;
    return Ok;
}

int runSync(const QStringList &args)
{
    Command cmd(QStringLiteral("sync"),
                QStringLiteral("Sync the store with the central store as --user: a team lead's first sync publishes the "
                               "households of the lead's offices; the outbox is sent in batches (each change once), "
                               "fields someone else changed first become conflicts, then everything the account may "
                               "see since the last sync is pulled. On a fresh store (init) the first sync creates the "
                               "local account with the same password. The password is $VISITMAP_PASSWORD (or asked); "
                               "it is used for the central store too and never stored."));
    auto &p = cmd.parser;
    cmd.addDb();
    p.addOption({QStringLiteral("server"),
                 QStringLiteral("The central store: \"host=… port=… dbname=…\" or postgresql://… (default: the last "
                                "one this store synced with)."),
                 QStringLiteral("CONNINFO")});
    p.addOption({QStringLiteral("user"), QStringLiteral("The account (a login role on the central store)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("status"), QStringLiteral("Print the sync state (pending changes, last sync, last error) and exit.")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    Sync::SyncService sync(**ws);
    if (p.isSet(QStringLiteral("status"))) {
        auto s = sync.status();
        if (!s)
            return report(s.error());
        out() << "server " << (s->server.isEmpty() ? QStringLiteral("(none yet)") : s->server) << Qt::endl
              << "pending " << s->pending << Qt::endl
              << "conflicts " << s->openConflicts << Qt::endl
              << "quarantined " << s->quarantined << Qt::endl
              << "revision " << s->revision << Qt::endl
              << "last_sync " << (s->lastSync.isValid() ? Iso::utc(s->lastSync) : QStringLiteral("never")) << Qt::endl;
        if (!s->lastError.isEmpty())
            out() << "last_error " << s->lastError << Qt::endl;
        return Ok;
    }
    const QString user = p.value(QStringLiteral("user"));
    if (user.isEmpty())
        return usage(QStringLiteral("--user NAME is required"), p);
    const QString server = p.isSet(QStringLiteral("server")) ? p.value(QStringLiteral("server")) : sync.server();
    if (server.isEmpty())
        return usage(QStringLiteral("--server CONNINFO is required (this store has not synced before)"), p);
    auto password = actingPassword(user);
    if (!password)
        return report(password.error());
    // A known account signs in here first, so a wrong password counts towards its lock-out.
    if (auto known = (*ws)->accounts().find(user); known) {
        if (auto s = (*ws)->signIn(user, *password); !s)
            return report(s.error());
    }
    QElapsedTimer timer;
    timer.start();
    auto r = sync.syncAs(server, user, *password);
    if (!r)
        return report(r.error());
    if (r->enrolled)
        out() << "created the local account " << user << " (same password; offline sign-in from now on)" << Qt::endl;
    out() << "published " << r->published << Qt::endl
          << "pushed " << r->pushed << " duplicates " << r->duplicates << " conflicts " << r->conflicts
          << " held_back " << r->heldBack << Qt::endl
          << "pulled " << r->pulled << " revision " << r->revision << Qt::endl
          << "keys_received " << r->keysReceived << " keys_sealed " << r->keysSealed << Qt::endl
          << "quarantined " << r->quarantined << " cleared " << r->quarantineCleared << Qt::endl
          << "waiting for other accounts " << r->waitingForOthers + r->heldForOthers << " (theirs "
          << r->waitingForOthers << ", mine after theirs " << r->heldForOthers << ")" << Qt::endl
          << "waiting for a team lead's publish " << r->waitingForPublish << Qt::endl;
    for (const QString &n : r->notices)
        out() << "notice: " << n << Qt::endl;
    out() << "push_ms " << r->pushMs << " pull_ms " << r->pullMs << Qt::endl << "sync_ms " << timer.elapsed() << Qt::endl;
    return Ok;
}

} // namespace VisitMap::Cli
