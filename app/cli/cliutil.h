// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>
#include <memory>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Cli {

// Exit status contract (DESIGN §11): 0 success, 1 user error or refusal, 2 usage error.
enum Exit { Ok = 0, UserError = 1, UsageError = 2 };

// How long a command waits by default for a store another program has open (--wait).
constexpr int defaultStoreWaitSeconds = 120;

QTextStream &out();
QTextStream &err();

// Prints one line per problem to stderr and returns the exit status for it.
int report(const Error &error);
int usage(const QString &message, const QCommandLineParser &parser);

// A subcommand's parser with --help and --db; returns false (and sets *exitCode) when the command
// line is wrong or --help was asked.
struct Command
{
    QString name;
    QString synopsis;
    QCommandLineParser parser;
    bool hasDb = false;

    Command(const QString &name, const QString &synopsis);
    // --db FILE, and --wait SECONDS: how long to wait when another program has the store open.
    void addDb();
    void addUser();
    bool parse(const QStringList &args, int *exitCode);
    QString helpText() const;
};

// The acting account's password: $VISITMAP_PASSWORD, else a prompt when a terminal is attached.
Result<QString> actingPassword(const QString &account);
// A new password for `user add|passwd` and `server-user`: $VISITMAP_NEW_PASSWORD, else a prompt
// (twice) when a terminal is attached.
Result<QString> newPassword(const QString &account);
QString promptHidden(const QString &prompt);
bool terminalAttached();

// Opens the store named by --db (which must exist) and signs in: --user with its password, or,
// on a demo store only, the demo caseworker.
Result<std::unique_ptr<Workspace>> openStore(const QCommandLineParser &parser);
Status signIn(Workspace &ws, const QCommandLineParser &parser);

} // namespace VisitMap::Cli
