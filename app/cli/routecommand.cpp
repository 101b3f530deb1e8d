// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "model/enums.h"
#include "planning/dayplanner.h"
#include "routing/solomon.h"
#include "routing/tsplib.h"
#include "security/masking.h"
#include "storage/householdstore.h"
#include "storage/officestore.h"
#include "storage/stores.h"
#include "workspace.h"

#include <QJsonDocument>
#include "routing/tspsolver.h"
#include "routing/vrpsolver.h"

namespace VisitMap::Cli {

namespace {

std::optional<QTime> timeOption(const QCommandLineParser &p, const QString &name)
{
    const QTime t = QTime::fromString(p.value(name), QStringLiteral("H:mm"));
    return t.isValid() ? std::optional(t) : std::nullopt;
}

int planDay(QCommandLineParser &p, const Routing::SolveOptions &options)
{
    Routing::DayPlanRequest req;
    bool ok = false;
    req.teams = p.value(QStringLiteral("teams")).toInt(&ok);
    if (!ok || req.teams < 1 || req.teams > 50)
        return usage(QStringLiteral("--teams must be 1 to 50"), p);
    const auto start = timeOption(p, QStringLiteral("start")), end = timeOption(p, QStringLiteral("end")),
               lunch = timeOption(p, QStringLiteral("lunch"));
    if (!start || !end || !lunch)
        return usage(QStringLiteral("--start, --end and --lunch are times like 09:00"), p);
    req.start = *start;
    req.end = *end;
    req.lunch = *lunch;
    req.lunchMinutes = p.value(QStringLiteral("lunch-minutes")).toInt(&ok);
    if (!ok || req.lunchMinutes < 0 || req.lunchMinutes > 180)
        return usage(QStringLiteral("--lunch-minutes must be 0 to 180"), p);
    if (p.isSet(QStringLiteral("date"))) {
        req.date = QDate::fromString(p.value(QStringLiteral("date")), Qt::ISODate);
        if (!req.date.isValid())
            return usage(QStringLiteral("--date must be YYYY-MM-DD"), p);
    }
    req.recentDays = p.value(QStringLiteral("recent-days")).toInt(&ok);
    if (!ok || req.recentDays < 0 || req.recentDays > 365)
        return usage(QStringLiteral("--recent-days must be 0 to 365"), p);
    const QString mode = p.value(QStringLiteral("mode"));
    if (mode != QLatin1String("walk") && mode != QLatin1String("car"))
        return usage(QStringLiteral("--mode is walk or car"), p);
    req.travel.mode = mode == QLatin1String("car") ? Routing::TravelMode::Car : Routing::TravelMode::Walk;
    req.travel.detourFactor = p.value(QStringLiteral("detour")).toDouble(&ok);
    if (!ok || req.travel.detourFactor < 1 || req.travel.detourFactor > 3)
        return usage(QStringLiteral("--detour must be between 1 and 3"), p);
    if (p.isSet(QStringLiteral("osrm"))) {
        req.travel.osrmUrl = QUrl(p.value(QStringLiteral("osrm")));
        if (!req.travel.osrmUrl.isValid() || !req.travel.osrmUrl.scheme().startsWith(QLatin1String("http")))
            return usage(QStringLiteral("--osrm must be an http(s) URL"), p);
    }
    req.seconds = p.isSet(QStringLiteral("seconds")) ? options.seconds : 1.0;
    req.seed = options.seed;
    if (p.isSet(QStringLiteral("households")) == p.isSet(QStringLiteral("select")))
        return usage(QStringLiteral("give --households ID,... or --select overdue|high|new"), p);

    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    if (auto signedIn = signIn(**ws, p); !signedIn)
        return report(signedIn.error());
    Routing::DayPlanner planner(**ws);
    if (p.isSet(QStringLiteral("households"))) {
        req.householdIds = p.value(QStringLiteral("households")).split(u',', Qt::SkipEmptyParts);
        for (QString &id : req.householdIds)
            id = id.trimmed();
    } else {
        auto ids = planner.select(p.value(QStringLiteral("select")), p.value(QStringLiteral("office")));
        if (!ids)
            return report(ids.error());
        req.householdIds = *ids;
        if (req.householdIds.isEmpty()) {
            err() << "no households are " << p.value(QStringLiteral("select")) << Qt::endl;
            return UserError;
        }
    }
    auto plan = planner.plan(req);
    if (!plan)
        return report(plan.error());
    if (!plan->notice.isEmpty())
        err() << "note: " << plan->notice << Qt::endl;
    err() << "planned " << req.householdIds.size() << " households for " << req.teams << " teams in "
          << QString::number(plan->seconds, 'f', 3) << " s" << Qt::endl;
    Storage::HouseholdStore &store = (*ws)->stores().households();
    using Routing::DayPlanner;
    if (p.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(plan->toJson()).toJson(QJsonDocument::Indented);
        return Ok;
    }
    QString officeName = plan->officeCode;
    if (auto offices = (*ws)->stores().offices().all()) {
        for (const Office &o : *offices) {
            if (o.code == plan->officeCode)
                officeName = o.name;
        }
    }
    out() << plan->date.toString(Qt::ISODate) << " · " << officeName << " · " << plan->travelSource << Qt::endl;
    for (const Routing::TeamRoute &r : plan->routes) {
        out() << "team " << r.team << ": " << r.stops.size() << " visits, " << QString::number(r.metres / 1000, 'f', 1)
              << " km, back " << DayPlanner::clock(r.backAtOffice) << Qt::endl;
        int k = 0;
        for (const Routing::PlannedStop &s : r.stops) {
            auto h = store.get(s.householdId);
            out() << "  " << ++k << ". " << DayPlanner::clock(s.start) << "  " << s.all().join(u',')
                  << "  "
                  << (h ? label(h->tier()) + QStringLiteral("  ")
                              + Security::Mask::address(h->roadAddress)
                        : QString())
                  << Qt::endl;
        }
    }
    for (const Routing::Unplanned &u : plan->unassigned)
        out() << "not planned: " << u.all().join(u',') << "  " << u.reason << Qt::endl;
    return Ok;
}

} // namespace

int runRoute(const QStringList &args)
{
    Command cmd(QStringLiteral("route"),
                QStringLiteral("Plan a tour with the product's route solver.\n"
                               "  route --tsplib FILE.tsp [--seconds S] [--seed N]   a TSPLIB instance: prints "
                               "`length L`, then the tour (1-based ids, one per line)\n"
                               "  route --solomon FILE.txt [--seconds S] [--seed N]  a Solomon VRPTW instance: prints "
                               "`vehicles V distance D`, then `Route k : ids` (depot implicit)\n"
                               "  route --db FILE --households ID,... | --select overdue|high|new  --teams K [--date D]\n"
                               "        [--start HH:MM --end HH:MM] [--lunch HH:MM --lunch-minutes N] [--mode walk|car] [--json]\n"
                               "                                                   a day's visit plan per team from the store"));
    cmd.addDb();
    cmd.addUser();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("tsplib"), QStringLiteral("A TSPLIB .tsp file (EUC_2D, CEIL_2D or ATT)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("solomon"), QStringLiteral("A Solomon VRPTW instance (fleet and capacity from the file)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("households"), QStringLiteral("Households to visit (ids, comma-separated)."), QStringLiteral("IDS")});
    p.addOption({QStringLiteral("select"), QStringLiteral("Households to visit: overdue, high or new (of your offices, or --office)."),
                 QStringLiteral("WHICH")});
    p.addOption({QStringLiteral("office"), QStringLiteral("With --select: only this 행정동 (code)."), QStringLiteral("CODE")});
    p.addOption({QStringLiteral("teams"), QStringLiteral("Number of teams (default 2)."), QStringLiteral("K"), QStringLiteral("2")});
    p.addOption({QStringLiteral("date"), QStringLiteral("The day (default today)."), QStringLiteral("YYYY-MM-DD")});
    p.addOption({QStringLiteral("start"), QStringLiteral("Teams leave the office (default 09:00)."), QStringLiteral("HH:MM"), QStringLiteral("09:00")});
    p.addOption({QStringLiteral("end"), QStringLiteral("Teams are back by (default 18:00)."), QStringLiteral("HH:MM"), QStringLiteral("18:00")});
    p.addOption({QStringLiteral("lunch"), QStringLiteral("Lunch break starts (default 12:00)."), QStringLiteral("HH:MM"), QStringLiteral("12:00")});
    p.addOption({QStringLiteral("lunch-minutes"), QStringLiteral("Lunch break length (default 60; 0: none)."), QStringLiteral("N"),
                 QStringLiteral("60")});
    p.addOption(
        {QStringLiteral("recent-days"),
         QStringLiteral("Leave out households visited in the last N days (default 0: none)."),
         QStringLiteral("N"), QStringLiteral("0")});
    p.addOption({QStringLiteral("mode"), QStringLiteral("walk (default) or car."), QStringLiteral("MODE"), QStringLiteral("walk")});
    p.addOption({QStringLiteral("detour"), QStringLiteral("Straight-line detour factor (default 1.25)."), QStringLiteral("F"),
                 QStringLiteral("1.25")});
    p.addOption({QStringLiteral("osrm"), QStringLiteral("An OSRM-compatible routing service for travel times (its table API)."),
                 QStringLiteral("URL")});
    p.addOption({QStringLiteral("json"), QStringLiteral("With --db: print the plan as JSON.")});
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
    const int sources = int(p.isSet(QStringLiteral("tsplib"))) + int(p.isSet(QStringLiteral("solomon"))) + int(p.isSet(QStringLiteral("db")));
    if (sources != 1)
        return usage(QStringLiteral("give one of --tsplib FILE, --solomon FILE or --db FILE"), p);
    if (p.isSet(QStringLiteral("db")))
        return planDay(p, options);
    if (p.isSet(QStringLiteral("solomon"))) {
        auto instance = Routing::Solomon::readInstance(p.value(QStringLiteral("solomon")));
        if (!instance)
            return report(instance.error());
        const Routing::VrpSolution s = Routing::VrpSolver::solve(instance->problem, options);
        const QStringList problems = Routing::checkSolution(instance->problem, s);
        // A customer no vehicle can serve (its window closes before any vehicle can arrive, or
        // its demand exceeds the capacity) is named as such; anything else would be our fault.
        for (int c : s.unassigned)
            err() << "error: customer " << c << " cannot be served within the fleet, capacity and time windows" << Qt::endl;
        for (const QString &problem : problems) {
            if (!problem.contains(QLatin1String("must be visited")))
                err() << "error: " << problem << Qt::endl;
        }
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
