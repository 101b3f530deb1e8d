// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "import/importservice.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/stores.h"
#include "util/clock.h"
#include "workflow/casework.h"
#include "workspace.h"

namespace VisitMap::Cli {

namespace {

int visitAdd(const QStringList &args)
{
    Command cmd(QStringLiteral("visit add"),
                QStringLiteral("Log a visit, call or office visit of a household. The next visit date "
                               "follows from the household's risk tier."));
    cmd.addDb();
    cmd.addUser();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("household"), QStringLiteral("The household id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("kind"), QStringLiteral("visit, phone, office or check."), QStringLiteral("KIND")});
    p.addOption({QStringLiteral("outcome"), QStringLiteral("met, absent, refused or moved."), QStringLiteral("OUTCOME")});
    p.addOption({QStringLiteral("at"), QStringLiteral("When (ISO-8601; default: now)."), QStringLiteral("TIME")});
    p.addOption({QStringLiteral("note"), QStringLiteral("What happened."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("met-whom"), QStringLiteral("Who was met."), QStringLiteral("TEXT")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    Visit v;
    v.householdId = p.value(QStringLiteral("household"));
    if (v.householdId.isEmpty())
        return usage(QStringLiteral("--household ID is required"), p);
    const auto kind = visitKindFromCode(p.value(QStringLiteral("kind")));
    if (!kind)
        return usage(QStringLiteral("--kind must be visit, phone, office or check"), p);
    const auto outcome = visitOutcomeFromCode(p.value(QStringLiteral("outcome")));
    if (!outcome)
        return usage(QStringLiteral("--outcome must be met, absent, refused or moved"), p);
    v.kind = *kind;
    v.outcome = *outcome;
    v.notes = p.value(QStringLiteral("note"));
    v.metWhom = p.value(QStringLiteral("met-whom"));
    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    if (auto ok = signIn(**ws, p); !ok)
        return report(ok.error());
    if (p.isSet(QStringLiteral("at"))) {
        v.at = Iso::parse(p.value(QStringLiteral("at")));
        if (!v.at.isValid())
            return usage(QStringLiteral("--at must be an ISO-8601 date and time"), p);
    } else {
        v.at = (*ws)->clock().now();
    }
    auto logged = CaseWork(**ws).logVisit(v);
    if (!logged)
        return report(logged.error());
    auto h = (*ws)->stores().households().get(v.householdId);
    out() << "visit " << logged->id << " logged";
    if (h && h->nextVisitDue.isValid())
        out() << "; next visit due " << Iso::date(h->nextVisitDue);
    out() << Qt::endl;
    return Ok;
}

int visitImport(const QStringList &args)
{
    Command cmd(QStringLiteral("visit import"),
                QStringLiteral("Transcribe paper visit logs from a CSV (household, kind, outcome, at, "
                               "met_whom, staff, note), all or nothing; a visit already in the "
                               "store (same household, time, kind, outcome) is skipped."));
    cmd.addDb();
    cmd.addUser();
    cmd.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The CSV file."));
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    if (cmd.parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("give exactly one FILE"), cmd.parser);
    const QString file = cmd.parser.positionalArguments().first();
    auto ws = openStore(cmd.parser);
    if (!ws)
        return report(ws.error());
    if (auto ok = signIn(**ws, cmd.parser); !ok)
        return report(ok.error());
    auto result = Import::ImportService(**ws).visits(file);
    if (!result)
        return report(result.error());
    if (!result->ok()) {
        for (const auto &e : result->errors)
            err() << "error: " << e.toString() << Qt::endl;
        err() << "nothing was imported (" << result->errors.size() << " problems)" << Qt::endl;
        return UserError;
    }
    for (const QString &n : result->notes)
        out() << "note: " << n << Qt::endl;
    out() << "imported " << result->imported << " visits";
    if (result->skipped > 0)
        out() << " (skipped " << result->skipped << " already imported)";
    out() << Qt::endl;
    return Ok;
}

} // namespace

int runVisit(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == QLatin1String("add"))
        return visitAdd(args.mid(1));
    if (verb == QLatin1String("import"))
        return visitImport(args.mid(1));
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
        out() << "Usage: visitmap-cli visit add|import --db FILE ... (--help on each)" << Qt::endl;
        return Ok;
    }
    err() << "usage error: visitmap-cli visit add|import (see --help)" << Qt::endl;
    return UsageError;
}

} // namespace VisitMap::Cli
