// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "intake/reportintake.h"
#include "intake/roundintake.h"
#include "util/clock.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VisitMap::Cli {

namespace {

QJsonArray candidatesJson(const QList<Intake::Candidate> &list);

QJsonObject toJson(const Intake::ReportIntake::Entry &e)
{
    const CrisisReport &r = e.report;
    QJsonObject o{{QStringLiteral("kind"), QStringLiteral("report")},
                  {QStringLiteral("id"), r.externalId},
                  {QStringLiteral("adm_cd"), r.officeCode.isEmpty() ? QJsonValue() : QJsonValue(r.officeCode)},
                  {QStringLiteral("dong"), e.officeName.isEmpty() ? QJsonValue() : QJsonValue(e.officeName)},
                  {QStringLiteral("out_of_area"), r.outOfArea},
                  {QStringLiteral("received_at"), Iso::utc(r.receivedAt)},
                  {QStringLiteral("channel"), r.channel},
                  {QStringLiteral("reporter_type"), r.reporterType},
                  {QStringLiteral("anonymous"), r.anonymous},
                  {QStringLiteral("categories"), QJsonArray::fromStringList(r.categories)},
                  {QStringLiteral("photos"), e.photos},
                  {QStringLiteral("urgency"), toCode(e.urgency.level)},
                  {QStringLiteral("response_due"), r.responseDue.isValid() ? QJsonValue(Iso::date(r.responseDue)) : QJsonValue()},
                  {QStringLiteral("candidates"), candidatesJson(e.candidates)}};
    return o;
}

QJsonArray candidatesJson(const QList<Intake::Candidate> &list)
{
    QJsonArray candidates;
    for (const Intake::Candidate &c : list) {
        QJsonObject o{
            {QStringLiteral("household"), c.householdId},
            {QStringLiteral("score"), c.score},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(Intake::words(c.reasons))}};
        if (c.distanceM >= 0)
            o.insert(QStringLiteral("distance_m"), std::round(c.distanceM * 10) / 10);
        candidates.append(o);
    }
    return candidates;
}

QJsonObject toJson(const Intake::RoundIntake::Entry &e)
{
    const CrisisSignal &s = e.listing;
    QJsonArray items;
    for (const CrisisSignal &i : e.items) {
        QJsonObject o{{QStringLiteral("code"), i.itemCode}, {QStringLiteral("version"), i.itemVersion}};
        if (i.amount)
            o.insert(QStringLiteral("amount"), double(*i.amount));
        if (i.months)
            o.insert(QStringLiteral("months"), *i.months);
        items.append(o);
    }
    return {{QStringLiteral("kind"), QStringLiteral("signal")},
            {QStringLiteral("id"), e.id},
            {QStringLiteral("round"), s.roundId},
            {QStringLiteral("adm_cd"), s.officeCode},
            {QStringLiteral("dong"), e.officeName.isEmpty() ? QJsonValue() : QJsonValue(e.officeName)},
            {QStringLiteral("out_of_area"), false},
            {QStringLiteral("name"), s.subjectName},
            {QStringLiteral("birth_date"), s.subjectBirth.isValid() ? QJsonValue(s.subjectBirth.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("address"), s.subjectAddress},
            {QStringLiteral("items"), items},
            {QStringLiteral("urgency"), toCode(e.urgency.level)},
            {QStringLiteral("response_due"), e.responseDue.isValid() ? QJsonValue(Iso::date(e.responseDue)) : QJsonValue()},
            {QStringLiteral("candidates"), candidatesJson(e.candidates)}};
}

} // namespace

int runIntake(const QStringList &args)
{
    Command cmd(QStringLiteral("intake"),
                QStringLiteral("The intake queue: 복지위기 알림 reports and 발굴 round entries (listed persons no "
                               "household matched) waiting for a decision, each with the 행정동 it belongs to and "
                               "the households it may be about, best first.\n"
                               "  intake [--json]                                  list the queue\n"
                               "  intake link --report ID --household ID           the report is about this household\n"
                               "  intake link --signal ID --household ID           the listed person lives there\n"
                               "  intake open --report ID | --signal ID            open a new household and case (발굴)\n"
                               "  intake duplicate --report ID --of ID             the same as an earlier report"));
    cmd.addDb();
    cmd.addUser();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the queue as JSON.")});
    p.addOption({QStringLiteral("report"), QStringLiteral("The report (its id in the imported file)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("signal"), QStringLiteral("The round entry (its id in the queue)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("household"), QStringLiteral("The household to link the report to."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("of"), QStringLiteral("The earlier report this one duplicates."), QStringLiteral("ID")});
    p.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("link, open or duplicate (none: list)."));
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    const QString action = p.positionalArguments().value(0);
    if (p.positionalArguments().size() > 1 || !(action.isEmpty() || action == QLatin1String("link")
                                                 || action == QLatin1String("open") || action == QLatin1String("duplicate")))
        return usage(QStringLiteral("the action is link, open or duplicate"), p);
    const bool signalEntry = p.isSet(QStringLiteral("signal"));
    if (!action.isEmpty() && p.isSet(QStringLiteral("report")) == signalEntry)
        return usage(QStringLiteral("give --report ID or --signal ID"), p);
    if (signalEntry && action == QLatin1String("duplicate"))
        return usage(QStringLiteral("duplicate is for reports; a repeated round entry is skipped on import"), p);
    if (action == QLatin1String("link") && !p.isSet(QStringLiteral("household")))
        return usage(QStringLiteral("--household ID is required"), p);
    if (action == QLatin1String("duplicate") && !p.isSet(QStringLiteral("of")))
        return usage(QStringLiteral("--of ID is required"), p);

    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    if (auto ok = signIn(**ws, p); !ok)
        return report(ok.error());
    Intake::RoundIntake roundIntake(**ws);
    Intake::ReportIntake reportIntake(**ws);
    const QString id = p.value(QStringLiteral("report"));
    if (signalEntry) {
        const QString entry = p.value(QStringLiteral("signal"));
        if (action == QLatin1String("link")) {
            if (auto ok = roundIntake.linkSignal(entry, p.value(QStringLiteral("household"))); !ok)
                return report(ok.error());
            out() << "linked round entry " << entry << " to " << p.value(QStringLiteral("household")) << Qt::endl;
            return Ok;
        }
        auto h = roundIntake.openSignalHousehold(entry);
        if (!h)
            return report(h.error());
        out() << "opened household " << *h << " with a case at 발굴 for round entry " << entry << Qt::endl;
        return Ok;
    }
    if (action == QLatin1String("link")) {
        if (auto ok = reportIntake.link(id, p.value(QStringLiteral("household"))); !ok)
            return report(ok.error());
        out() << "linked " << id << " to " << p.value(QStringLiteral("household")) << Qt::endl;
        return Ok;
    }
    if (action == QLatin1String("open")) {
        auto h = reportIntake.openHousehold(id);
        if (!h)
            return report(h.error());
        out() << "opened household " << *h << " with a case at 발굴 for " << id << Qt::endl;
        return Ok;
    }
    if (action == QLatin1String("duplicate")) {
        if (auto ok = reportIntake.markDuplicate(id, p.value(QStringLiteral("of"))); !ok)
            return report(ok.error());
        out() << "marked " << id << " a duplicate of " << p.value(QStringLiteral("of")) << Qt::endl;
        return Ok;
    }
    auto queue = reportIntake.queue();
    if (!queue)
        return report(queue.error());
    auto signalQueue = roundIntake.signalQueue();
    if (!signalQueue)
        return report(signalQueue.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray arr;
        for (const auto &e : *queue)
            arr.append(toJson(e));
        for (const auto &e : *signalQueue)
            arr.append(toJson(e));
        out() << QJsonDocument(arr).toJson(QJsonDocument::Indented);
        return Ok;
    }
    auto printCandidates = [](const QList<Intake::Candidate> &list) {
        for (const Intake::Candidate &c : list)
            out() << "    " << c.householdId << "  " << QString::number(c.score, 'f', 1) << "  "
                  << Intake::words(c.reasons).join(QStringLiteral(" · ")) << Qt::endl;
    };
    for (const auto &e : *queue) {
        const CrisisReport &r = e.report;
        QStringList cats;
        for (const QString &c : r.categories)
            cats << CrisisCategories::label(c);
        out() << r.externalId << '\t' << r.receivedAt.toTimeZone(Clock::seoul()).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
              << '\t' << (r.officeCode.isEmpty() ? QStringLiteral("위치 미상") : e.officeName.isEmpty() ? r.officeCode : e.officeName)
              << (r.outOfArea ? QStringLiteral(" (관할 밖)") : QString()) << '\t' << cats.join(QStringLiteral(", "))
              << Qt::endl;
        printCandidates(e.candidates);
    }
    for (const auto &e : *signalQueue) {
        const CrisisSignal &s = e.listing;
        out() << e.id << '\t' << QStringLiteral("발굴 %1차").arg(s.roundId) << '\t'
              << (e.officeName.isEmpty() ? s.officeCode : e.officeName) << '\t' << s.subjectName << ' '
              << s.subjectBirth.toString(Qt::ISODate) << '\t' << e.itemNames.join(QStringLiteral(", ")) << Qt::endl;
        printCandidates(e.candidates);
    }
    out() << queue->size() << " reports and " << signalQueue->size() << " round entries waiting" << Qt::endl;
    return Ok;
}

} // namespace VisitMap::Cli
