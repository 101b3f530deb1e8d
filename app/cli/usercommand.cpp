// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "access/accountadmin.h"
#include "workspace.h"

namespace VisitMap::Cli {

namespace {

int userAdd(const QStringList &args)
{
    Command cmd(QStringLiteral("user add"),
                QStringLiteral("Create an account. Its password comes from $VISITMAP_NEW_PASSWORD "
                               "(or a prompt). On a store with no account this creates the first "
                               "admin without signing in."));
    cmd.addDb();
    cmd.addUser();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("name"), QStringLiteral("The new account's name."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("display-name"), QStringLiteral("The person's name as shown."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("role"), QStringLiteral("caseworker, nurse, team_lead or admin."), QStringLiteral("ROLE")});
    p.addOption({QStringLiteral("office"),
                 QStringLiteral("A 10-digit 행정동 code or a 5-digit 시군구 code; repeat or separate "
                                "with commas."),
                 QStringLiteral("CODE")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    const QString name = p.value(QStringLiteral("name"));
    if (name.isEmpty())
        return usage(QStringLiteral("--name is required"), p);
    const auto role = roleFromCode(p.value(QStringLiteral("role")));
    if (!role)
        return usage(QStringLiteral("--role must be caseworker, nurse, team_lead or admin"), p);
    QStringList offices;
    for (const QString &v : p.values(QStringLiteral("office")))
        offices += v.split(u',', Qt::SkipEmptyParts);
    for (QString &o : offices)
        o = o.trimmed();

    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    Security::AccountAdmin admin(**ws);
    auto has = admin.storeHasAccounts();
    if (!has)
        return report(has.error());
    if (*has) {
        if (auto ok = signIn(**ws, p); !ok)
            return report(ok.error());
    }
    auto password = newPassword(name);
    if (!password)
        return report(password.error());
    const Security::NewAccount account{name, p.value(QStringLiteral("display-name")), *role, offices,
                                       *password};
    auto created = *has ? admin.create(account) : admin.createFirstAdmin(account);
    if (!created)
        return report(created.error());
    out() << "account " << created->name << " role " << toCode(created->role);
    if (!created->grants.isEmpty())
        out() << " offices " << created->grants.join(u',');
    out() << Qt::endl;
    if (Security::holdsOfficeKeys(created->role))
        out() << "note: at its first sign-in the account creates the key of any of its offices that "
                 "has none; keys that exist reach it from a key holder (their next sign-in or sync)"
              << Qt::endl;
    return Ok;
}

int userSimple(const QString &verb, const QStringList &args)
{
    const QString what = verb == QLatin1String("unlock") ? QStringLiteral("Unlock an account locked "
                                                                          "after wrong passwords.")
                         : verb == QLatin1String("remove")
                             ? QStringLiteral("Remove an account: its rights and office keys are "
                                              "withdrawn; its history stays.")
                             : QStringLiteral("Set a new password (from $VISITMAP_NEW_PASSWORD). "
                                              "Your own: give --user NAME with --name NAME and the "
                                              "current password in $VISITMAP_PASSWORD. Another "
                                              "account's: as an admin.");
    Command cmd(QStringLiteral("user ") + verb, what);
    cmd.addDb();
    cmd.addUser();
    cmd.parser.addOption({QStringLiteral("name"), QStringLiteral("The account."), QStringLiteral("NAME")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    const QString name = cmd.parser.value(QStringLiteral("name"));
    if (name.isEmpty())
        return usage(QStringLiteral("--name is required"), cmd.parser);
    auto ws = openStore(cmd.parser);
    if (!ws)
        return report(ws.error());
    if (auto ok = signIn(**ws, cmd.parser); !ok)
        return report(ok.error());
    Security::AccountAdmin admin(**ws);
    Status result;
    if (verb == QLatin1String("unlock")) {
        result = admin.unlock(name);
    } else if (verb == QLatin1String("remove")) {
        result = admin.remove(name);
    } else {
        auto password = newPassword(name);
        if (!password)
            return report(password.error());
        if (name == (*ws)->session()->name()) {
            auto current = actingPassword(name);
            if (!current)
                return report(current.error());
            result = (*ws)->changePassword(*current, *password);
        } else {
            result = admin.resetPassword(name, *password);
        }
    }
    if (!result)
        return report(result.error());
    const QString done = verb == QLatin1String("unlock")   ? QStringLiteral("unlocked")
                         : verb == QLatin1String("remove") ? QStringLiteral("removed")
                                                           : QStringLiteral("password changed");
    out() << "account " << name << " " << done << Qt::endl;
    return Ok;
}

int userList(const QStringList &args)
{
    Command cmd(QStringLiteral("user list"), QStringLiteral("List the accounts (admin)."));
    cmd.addDb();
    cmd.addUser();
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    auto ws = openStore(cmd.parser);
    if (!ws)
        return report(ws.error());
    if (auto ok = signIn(**ws, cmd.parser); !ok)
        return report(ok.error());
    auto accounts = Security::AccountAdmin(**ws).list();
    if (!accounts)
        return report(accounts.error());
    for (const Security::Account &a : *accounts) {
        out() << a.name << '\t' << toCode(a.role) << '\t' << a.grants.join(u',') << '\t'
              << (!a.active ? "removed" : a.locked ? "locked" : "active") << Qt::endl;
    }
    return Ok;
}

} // namespace

int runUser(const QStringList &args)
{
    const QString verb = args.value(0);
    const QStringList rest = args.mid(1);
    if (verb == QLatin1String("add"))
        return userAdd(rest);
    if (verb == QLatin1String("unlock") || verb == QLatin1String("passwd") || verb == QLatin1String("remove"))
        return userSimple(verb, rest);
    if (verb == QLatin1String("list"))
        return userList(rest);
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
        out() << "Usage: visitmap-cli user add|unlock|passwd|remove|list --db FILE ... (--help on "
                 "each)"
              << Qt::endl;
        return Ok;
    }
    err() << "usage error: visitmap-cli user add|unlock|passwd|remove|list (see --help)" << Qt::endl;
    return UsageError;
}

} // namespace VisitMap::Cli
