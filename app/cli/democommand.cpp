// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "demo/demogenerator.h"

namespace VisitMap::Cli {

int runDemo(const QStringList &args)
{
    Command cmd(QStringLiteral("demo"),
                QStringLiteral("Generate a deterministic synthetic demo district (marked "
                               "synthetic) with the area's real 행정동 and welfare facilities."));
    cmd.addDb();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("area"), QStringLiteral("seodaemun (default), anyang or seoul."),
                 QStringLiteral("AREA"), QStringLiteral("seodaemun")});
    p.addOption({QStringLiteral("households"), QStringLiteral("How many households (1-1000000, "
                                                              "default 3000)."),
                 QStringLiteral("N"), QStringLiteral("3000")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                 QStringLiteral("S"), QStringLiteral("1")});
    p.addOption({QStringLiteral("today"), QStringLiteral("The day the district is generated for "
                                                         "(default: today in Korea)."),
                 QStringLiteral("YYYY-MM-DD")});
    p.addOption({QStringLiteral("force"), QStringLiteral("Replace an existing file.")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    Demo::DemoOptions opt;
    const QString path = p.value(QStringLiteral("db"));
    if (path.isEmpty())
        return usage(QStringLiteral("--db FILE is required"), p);
    const auto area = Demo::areaFromCode(p.value(QStringLiteral("area")));
    if (!area)
        return usage(QStringLiteral("--area must be seodaemun, anyang or seoul"), p);
    opt.area = *area;
    bool ok = false;
    opt.households = p.value(QStringLiteral("households")).toInt(&ok);
    if (!ok || opt.households < 1 || opt.households > Demo::DemoGenerator::maxHouseholds)
        return usage(QStringLiteral("--households must be a number from 1 to 1000000"), p);
    opt.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("--seed must be a non-negative number"), p);
    if (p.isSet(QStringLiteral("today"))) {
        opt.today = QDate::fromString(p.value(QStringLiteral("today")), Qt::ISODate);
        if (!opt.today.isValid())
            return usage(QStringLiteral("--today must be a date YYYY-MM-DD"), p);
    }
    opt.force = p.isSet(QStringLiteral("force"));
    auto summary = Demo::DemoGenerator::generate(path, opt);
    if (!summary)
        return report(summary.error());
    out() << "synthetic demo district " << Demo::toCode(opt.area) << " written to " << path << Qt::endl;
    out() << "offices " << summary->offices << " households " << summary->households << " persons "
          << summary->persons << " signals " << summary->signals << " visits " << summary->visits
          << " cases " << summary->cases << Qt::endl;
    out() << "risk high " << summary->high << " medium " << summary->medium << " low "
          << summary->low << " overdue " << summary->overdue << " new " << summary->fresh << Qt::endl;
    out() << "facilities " << summary->facilities << " (on the map " << summary->facilitiesPlaced
          << ", listed by address " << summary->facilities - summary->facilitiesPlaced << ")" << Qt::endl;
    for (const Demo::DemoAccount &a : summary->accounts)
        out() << "account " << a.name << " password " << a.password << " role " << toCode(a.role) << Qt::endl;
    out() << "elapsed_ms " << summary->elapsedMs << Qt::endl;
    return Ok;
}

} // namespace VisitMap::Cli
