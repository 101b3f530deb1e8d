// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "model/enums.h"
#include "report/supervision.h"
#include "util/clock.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VisitMap::Cli {

namespace {

QJsonObject toJson(const Report::Figures &f)
{
    QJsonArray tiers;
    for (const auto &t : f.tiers)
        tiers.append(QJsonObject{{QStringLiteral("adm_cd"), t.office},
                                 {QStringLiteral("high"), t.high},
                                 {QStringLiteral("medium"), t.medium},
                                 {QStringLiteral("low"), t.low},
                                 {QStringLiteral("households"), t.total()}});
    QJsonArray types;
    for (const auto &t : f.types)
        types.append(QJsonObject{{QStringLiteral("household_type"), t.type},
                                 {QStringLiteral("households"), t.households}});
    QJsonArray overdue;
    for (const auto &o : f.overdue)
        overdue.append(QJsonObject{{QStringLiteral("worker"), o.worker},
                                   {QStringLiteral("days_1_7"), o.upToWeek},
                                   {QStringLiteral("days_8_30"), o.upToMonth},
                                   {QStringLiteral("days_31_plus"), o.longer},
                                   {QStringLiteral("total"), o.total()}});
    QJsonArray weeks;
    for (const auto &w : f.weeks)
        weeks.append(QJsonObject{{QStringLiteral("week"), Iso::date(w.monday)},
                                 {QStringLiteral("visit"), w.visits},
                                 {QStringLiteral("phone"), w.calls},
                                 {QStringLiteral("office"), w.officeVisits},
                                 {QStringLiteral("check"), w.checks}});
    QJsonArray needs;
    for (const auto &n : f.needs)
        needs.append(QJsonObject{{QStringLiteral("adm_cd"), n.office},
                                 {QStringLiteral("domain"), n.domain},
                                 {QStringLiteral("level"), n.level},
                                 {QStringLiteral("households"), n.households}});
    QJsonObject stages;
    for (const auto &s : f.stages)
        stages.insert(toCode(s.stage), s.cases);
    QJsonArray services;
    for (const auto &s : f.services)
        services.append(QJsonObject{{QStringLiteral("resource_kind"), s.resourceKind},
                                    {QStringLiteral("status"), s.status},
                                    {QStringLiteral("links"), s.links}});
    QJsonArray discoveries;
    for (const auto &d : f.discoveries)
        discoveries.append(QJsonObject{
            {QStringLiteral("channel"), d.channel},
            {QStringLiteral("items"), d.items},
            {QStringLiteral("contacted"), d.contacted},
            {QStringLiteral("median_hours_to_contact"),
             d.medianHours ? QJsonValue(*d.medianHours) : QJsonValue(QJsonValue::Null)}});
    return QJsonObject{
        {QStringLiteral("from"), Iso::date(f.scope.from)},
        {QStringLiteral("to"), Iso::date(f.scope.to)},
        {QStringLiteral("today"), Iso::date(f.scope.today)},
        {QStringLiteral("offices"), QJsonArray::fromStringList(f.scope.offices)},
        {QStringLiteral("worker"), f.scope.worker},
        {QStringLiteral("tiers"), tiers},
        {QStringLiteral("household_types"), types},
        {QStringLiteral("overdue"), overdue},
        {QStringLiteral("contacts_by_week"), weeks},
        {QStringLiteral("needs"), needs},
        {QStringLiteral("cases_by_stage"), stages},
        {QStringLiteral("cases_past_deadline"), f.casesPastDeadline},
        {QStringLiteral("services"), services},
        {QStringLiteral("discoveries"), discoveries},
    };
}

} // namespace

int runReport(const QStringList &args)
{
    Command cmd(QStringLiteral("report"),
                QStringLiteral("The team lead's supervision figures as JSON: households by office, "
                               "tier and type, overdue visits by worker and lateness, contacts per "
                               "week, needs by domain and level, cases by stage and past their "
                               "deadline, services, discoveries by channel and time to first "
                               "contact. Counts only. A caseworker gets their own households'."));
    cmd.addDb();
    cmd.addUser();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("month"),
                 QStringLiteral("The month reported (default: the 12 weeks up to today)."),
                 QStringLiteral("YYYY-MM")});
    p.addOption({QStringLiteral("from"), QStringLiteral("First day of the period."),
                 QStringLiteral("YYYY-MM-DD")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Last day of the period."),
                 QStringLiteral("YYYY-MM-DD")});
    p.addOption(
        {QStringLiteral("office"),
         QStringLiteral("A 행정동 code (repeatable; default: every office of the account)."),
         QStringLiteral("CODE")});
    p.addOption({QStringLiteral("worker"),
                 QStringLiteral("Only the households assigned to this account."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON (the only output for now).")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    Report::FigureFilter filter;
    filter.offices = p.values(QStringLiteral("office"));
    filter.worker = p.value(QStringLiteral("worker"));
    if (p.isSet(QStringLiteral("month"))) {
        const QDate first = QDate::fromString(
            p.value(QStringLiteral("month")) + QStringLiteral("-01"), Qt::ISODate);
        if (!first.isValid())
            return usage(QStringLiteral("--month must be YYYY-MM"), p);
        if (p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to")))
            return usage(QStringLiteral("--month cannot be combined with --from or --to"), p);
        filter.from = first;
        filter.to = first.addMonths(1).addDays(-1);
    }
    for (const auto &[name, target] : {std::pair{QStringLiteral("from"), &filter.from},
                                       std::pair{QStringLiteral("to"), &filter.to}}) {
        if (!p.isSet(name))
            continue;
        *target = QDate::fromString(p.value(name), Qt::ISODate);
        if (!target->isValid())
            return usage(QStringLiteral("--%1 must be YYYY-MM-DD").arg(name), p);
    }
    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    if (auto ok = signIn(**ws, p); !ok)
        return report(ok.error());
    auto figures = Report::Supervision(**ws).figures(filter);
    if (!figures)
        return report(figures.error());
    out() << QJsonDocument(toJson(*figures)).toJson(QJsonDocument::Indented);
    return Ok;
}

} // namespace VisitMap::Cli
