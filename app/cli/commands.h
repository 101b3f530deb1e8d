// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// One function per subcommand of visitmap-cli; each takes the arguments after the subcommand
// name and returns the exit status.
namespace VisitMap::Cli {
int runInit(const QStringList &args);
int runDemo(const QStringList &args);
int runImport(const QStringList &args);
int runExport(const QStringList &args);
int runStats(const QStringList &args);
int runReport(const QStringList &args);
int runUser(const QStringList &args);
int runAudit(const QStringList &args);
int runVisit(const QStringList &args);
int runIntake(const QStringList &args);
int runRoute(const QStringList &args);
int runServerInit(const QStringList &args);
int runServerUser(const QStringList &args);
int runSync(const QStringList &args);
int runBench(const QStringList &args);
} // namespace VisitMap::Cli
