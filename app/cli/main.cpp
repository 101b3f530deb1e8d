// SPDX-License-Identifier: GPL-3.0-or-later
// visitmap-cli: the app's work without a screen, for batch work, tests and operations.
#include "cliutil.h"
#include "commands.h"
#include "security/crypto.h"
#include "storage/storelock.h"

#include <QCoreApplication>
#include <QCoreApplication>
#include <QRegularExpression>
#include <memory>
#include <functional>
#include <map>

using namespace VisitMap::Cli;

namespace {

const std::map<QString, std::pair<std::function<int(const QStringList &)>, const char *>> &commands()
{
    static const std::map<QString, std::pair<std::function<int(const QStringList &)>, const char *>>
        map{
            {QStringLiteral("init"), {runInit, "create or migrate a local store"}},
            {QStringLiteral("demo"), {runDemo, "generate a deterministic synthetic demo district"}},
            {QStringLiteral("import"),
             {runImport,
              "import households, 발굴 signals, crisis reports, boundaries or facilities"}},
            {QStringLiteral("intake"),
             {runIntake,
              "the intake queue of crisis reports and 발굴 entries; link, open or mark duplicate"}},
            {QStringLiteral("route"),
             {runRoute,
              "plan a day's visit routes from the store, or solve TSPLIB / Solomon instances"}},
            {QStringLiteral("server-init"),
             {runServerInit, "create or migrate the central PostgreSQL store"}},
            {QStringLiteral("server-user"),
             {runServerUser, "create a staff login role on the central store"}},
            {QStringLiteral("sync"),
             {runSync, "sync a local store with the central store (push, conflicts, pull)"}},
            {QStringLiteral("export"),
             {runExport, "export households or visits (masked, with a reason)"}},
            {QStringLiteral("stats"), {runStats, "counts by dong, risk tier, overdue, stage"}},
            {QStringLiteral("report"), {runReport, "the team lead's supervision figures (JSON)"}},
            {QStringLiteral("user"), {runUser, "add, unlock, passwd, remove or list accounts"}},
            {QStringLiteral("audit"), {runAudit, "list or verify the access log"}},
            {QStringLiteral("visit"),
             {runVisit, "log a visit (add) or transcribe paper logs (import)"}},
            {QStringLiteral("bench"), {runBench, "measure cluster indexing and map rendering"}},
        };
    return map;
}

int help()
{
    out() << "visitmap-cli — 복지방문지도 command line\n\nUsage: visitmap-cli COMMAND [options]\n\n"
             "Commands:\n";
    for (const auto &[name, entry] : commands())
        out() << "  " << name.leftJustified(13) << entry.second << "\n";
    out() << "\nEvery command has --help. Exit status: 0 success, 1 user error, 2 usage error.\n"
             "Commands that read or write personal data act as --user NAME with the password in "
             "$VISITMAP_PASSWORD;\non a demo store they may act as the demo caseworker without "
             "one.\n";
    out().flush();
    return Ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("visitmap-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("VisitMap"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VISITMAP_VERSION));
    VisitMap::Security::initialiseCrypto();
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help"))
        return help();
    if (args.first() == QLatin1String("--version")) {
        out() << "visitmap-cli " << VISITMAP_VERSION << Qt::endl;
        return Ok;
    }
    const auto it = commands().find(args.first());
    if (it == commands().end()) {
        err() << "usage error: unknown command '" << args.first() << "' (see visitmap-cli --help)"
              << Qt::endl;
        return UsageError;
    }
    // Named so in the lock file of a store it opens, for whoever finds the store taken.
    QString program = QStringLiteral("visitmap-cli ") + args.first();
    static const QRegularExpression subcommand(QStringLiteral("^[a-z][a-z-]*$"));
    if (args.size() > 1 && subcommand.match(args.at(1)).hasMatch())
        program += QLatin1Char(' ') + args.at(1);
    VisitMap::Storage::StoreLock::setProgram(program);
    const int code = it->second.first(args.mid(1));
    out().flush();
    err().flush();
    return code;
}
