// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "sync/centralstore.h"

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

} // namespace VisitMap::Cli
