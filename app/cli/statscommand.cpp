// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "model/enums.h"
#include "storage/statsstore.h"
#include "storage/stores.h"
#include "util/clock.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VisitMap::Cli {

int runStats(const QStringList &args)
{
    Command cmd(QStringLiteral("stats"),
                QStringLiteral("Counts by 행정동, risk tier, overdue visits and case stage "
                               "(aggregates only; no account needed)."));
    cmd.addDb();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    p.addOption({QStringLiteral("today"), QStringLiteral("Count overdue as of this day (default: "
                                                         "today in Korea)."),
                 QStringLiteral("YYYY-MM-DD")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    QDate today = Clock::system().today();
    if (p.isSet(QStringLiteral("today"))) {
        today = QDate::fromString(p.value(QStringLiteral("today")), Qt::ISODate);
        if (!today.isValid())
            return usage(QStringLiteral("--today must be YYYY-MM-DD"), p);
    }
    auto stats = (*ws)->stores().stats().compute(today);
    if (!stats)
        return report(stats.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray dongs;
        for (const Storage::DongStats &d : stats->dongs) {
            dongs.append(QJsonObject{{QStringLiteral("adm_cd"), d.code},
                                     {QStringLiteral("name"), d.name},
                                     {QStringLiteral("households"), d.total()},
                                     {QStringLiteral("high"), d.high},
                                     {QStringLiteral("medium"), d.medium},
                                     {QStringLiteral("low"), d.low},
                                     {QStringLiteral("overdue"), d.overdue},
                                     {QStringLiteral("new"), d.fresh}});
        }
        QJsonObject stages;
        for (auto it = stats->stages.cbegin(); it != stats->stages.cend(); ++it)
            stages.insert(it.key(), it.value());
        const QJsonObject root{
            {QStringLiteral("today"), Iso::date(today)},
            {QStringLiteral("households"), stats->households},
            {QStringLiteral("risk"), QJsonObject{{QStringLiteral("high"), stats->high},
                                                 {QStringLiteral("medium"), stats->medium},
                                                 {QStringLiteral("low"), stats->low}}},
            {QStringLiteral("overdue"), stats->overdue},
            {QStringLiteral("new"), stats->fresh},
            {QStringLiteral("persons"), stats->persons},
            {QStringLiteral("visits"), stats->visits},
            {QStringLiteral("open_cases"), stats->openCases},
            {QStringLiteral("stages"), stages},
            {QStringLiteral("dongs"), dongs},
        };
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return Ok;
    }
    out() << "households " << stats->households << " high " << stats->high << " medium "
          << stats->medium << " low " << stats->low << " overdue " << stats->overdue << " new "
          << stats->fresh << Qt::endl;
    out() << "persons " << stats->persons << " visits " << stats->visits << " open_cases "
          << stats->openCases << Qt::endl;
    for (const Storage::DongStats &d : stats->dongs) {
        out() << d.code << '\t' << d.name << '\t' << d.total() << "\thigh " << d.high << "\tmedium "
              << d.medium << "\tlow " << d.low << "\toverdue " << d.overdue << Qt::endl;
    }
    for (auto it = stats->stages.cbegin(); it != stats->stages.cend(); ++it) {
        const auto stage = caseStageFromCode(it.key());
        out() << "stage " << it.key() << '\t' << (stage ? label(*stage) : QString()) << '\t'
              << it.value() << Qt::endl;
    }
    return Ok;
}

} // namespace VisitMap::Cli
