// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "routing/tsplib.h"
#include "routing/solomon.h"
#include "routing/tspsolver.h"
#include "routing/vrpsolver.h"

namespace VisitMap::Cli {

int runRoute(const QStringList &args)
{
    Command cmd(QStringLiteral("route"),
                QStringLiteral("Plan a tour with the product's route solver.\n"
                               "  route --tsplib FILE.tsp [--seconds S] [--seed N]   a TSPLIB instance: prints "
                               "`length L`, then the tour (1-based ids, one per line)\n"
                               "  route --solomon FILE.txt [--seconds S] [--seed N]  a Solomon VRPTW instance: prints "
                               "`vehicles V distance D`, then `Route k : ids` (depot implicit)"));
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("tsplib"), QStringLiteral("A TSPLIB .tsp file (EUC_2D, CEIL_2D or ATT)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("solomon"), QStringLiteral("A Solomon VRPTW instance (fleet and capacity from the file)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("seconds"), QStringLiteral("Time budget (default 2)."), QStringLiteral("S"), QStringLiteral("2")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1); the same seed and iterations give the same tour."),
                 QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("iterations"), QStringLiteral("Stop after this many search rounds instead of at the time "
                                                              "budget (a run that repeats exactly)."),
                 QStringLiteral("N")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    bool ok = false;
    Routing::SolveOptions options;
    options.seconds = p.value(QStringLiteral("seconds")).toDouble(&ok);
    if (!ok || options.seconds <= 0 || options.seconds > 3600)
        return usage(QStringLiteral("--seconds must be a number of seconds, above 0 and at most 3600"), p);
    options.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("--seed must be a whole number"), p);
    if (p.isSet(QStringLiteral("iterations"))) {
        options.maxIterations = p.value(QStringLiteral("iterations")).toLongLong(&ok);
        if (!ok || options.maxIterations < 0)
            return usage(QStringLiteral("--iterations must be a whole number"), p);
    }
    if (p.isSet(QStringLiteral("tsplib")) == p.isSet(QStringLiteral("solomon")))
        return usage(QStringLiteral("give --tsplib FILE or --solomon FILE (planning visit routes from a store is not built yet)"), p);
    if (p.isSet(QStringLiteral("solomon"))) {
        auto instance = Routing::Solomon::readInstance(p.value(QStringLiteral("solomon")));
        if (!instance)
            return report(instance.error());
        const Routing::VrpSolution s = Routing::VrpSolver::solve(instance->problem, options);
        const QStringList problems = Routing::checkSolution(instance->problem, s);
        for (const QString &problem : problems)
            err() << "error: " << problem << Qt::endl;
        out() << "vehicles " << s.vehiclesUsed() << " distance " << QString::number(s.distance, 'f', 2) << Qt::endl;
        int k = 0;
        for (const auto &route : s.routes) {
            if (route.empty())
                continue;
            out() << "Route " << ++k << " :";
            for (int c : route)
                out() << ' ' << c;
            out() << '\n';
        }
        out().flush();
        err() << "solved " << instance->name << " (" << instance->problem.size() - 1 << " customers) in "
              << QString::number(s.seconds, 'f', 2) << " s, " << s.iterations << " rounds" << Qt::endl;
        return problems.isEmpty() ? Ok : UserError;
    }
    auto instance = Routing::Tsplib::readInstance(p.value(QStringLiteral("tsplib")));
    if (!instance)
        return report(instance.error());
    const auto result = Routing::TspSolver::solve(instance->size(), instance->matrix(), options);
    // The printed length is the tour's own, summed edge by edge with TSPLIB's rounding.
    out() << "length " << instance->tourLength(result.tour) << Qt::endl;
    for (int v : result.tour)
        out() << v + 1 << '\n';
    out().flush();
    err() << "solved " << instance->name << " (" << instance->size() << " nodes) in "
          << QString::number(result.seconds, 'f', 2) << " s, " << result.iterations << " rounds" << Qt::endl;
    return Ok;
}

} // namespace VisitMap::Cli
