// SPDX-License-Identifier: GPL-3.0-or-later
// DayPlan's own methods: what it counts and how it is written down and read back.
#include "dayplanner.h"

#include <QJsonArray>
#include <cmath>

namespace VisitMap::Routing {

namespace {

const char *const whyNames[] = {"no_location", "too_far", "no_time", "recently_visited", "by_hand"};

QString whyName(Unplanned::Why why)
{
    return QString::fromLatin1(whyNames[int(why)]);
}

Unplanned::Why whyFrom(const QString &name)
{
    for (int i = 0; i < 5; ++i) {
        if (name == QLatin1String(whyNames[i]))
            return Unplanned::Why(i);
    }
    return Unplanned::Why::ByHand;
}

int minutesOf(const QJsonValue &v)
{
    const QTime t = QTime::fromString(v.toString(), QStringLiteral("HH:mm"));
    return t.isValid() ? t.hour() * 60 + t.minute() : -1;
}

QJsonArray idsOf(const QStringList &all)
{
    return QJsonArray::fromStringList(all);
}

QStringList idsFrom(const QJsonValue &v, const QString &first)
{
    QStringList out;
    for (const QJsonValue &id : v.toArray())
        out << id.toString();
    if (out.size() <= 1)
        return {}; // one household: householdId alone
    if (out.first() != first)
        out.prepend(first);
    return out;
}

} // namespace

int DayPlan::planned() const
{
    int n = 0;
    for (const TeamRoute &r : routes)
        n += int(r.stops.size());
    return n;
}

int DayPlan::households() const
{
    int n = 0;
    for (const TeamRoute &r : routes) {
        for (const PlannedStop &s : r.stops)
            n += int(s.all().size());
    }
    return n;
}

QStringList DayPlan::allHouseholds() const
{
    QStringList out;
    for (const TeamRoute &r : routes) {
        for (const PlannedStop &s : r.stops)
            out << s.all();
    }
    for (const Unplanned &u : unassigned)
        out << u.all();
    return out;
}

bool DayPlan::anyLate() const
{
    for (const TeamRoute &r : routes) {
        for (const PlannedStop &s : r.stops) {
            if (s.late)
                return true;
        }
    }
    return false;
}

QJsonObject DayPlan::toJson() const
{
    QJsonArray teams;
    for (const TeamRoute &r : routes) {
        QJsonArray stops;
        for (const PlannedStop &s : r.stops)
            stops.append(QJsonObject{
                {QStringLiteral("household"), s.householdId},
                {QStringLiteral("households"), idsOf(s.all())},
                {QStringLiteral("arrive"), DayPlanner::clock(s.arrive)},
                {QStringLiteral("start"), DayPlanner::clock(s.start)},
                {QStringLiteral("leave"), DayPlanner::clock(s.leave)},
                {QStringLiteral("metres_from_previous"), std::round(s.metresFromPrevious)}});
        teams.append(
            QJsonObject{{QStringLiteral("team"), r.team},
                        {QStringLiteral("leave_office"), DayPlanner::clock(r.leaveOffice)},
                        {QStringLiteral("back_at_office"), DayPlanner::clock(r.backAtOffice)},
                        {QStringLiteral("metres"), std::round(r.metres)},
                        {QStringLiteral("stops"), stops}});
    }
    QJsonArray left;
    for (const Unplanned &u : unassigned) {
        QJsonObject o{{QStringLiteral("household"), u.householdId},
                      {QStringLiteral("households"), idsOf(u.all())},
                      {QStringLiteral("reason"), u.reason},
                      {QStringLiteral("why"), whyName(u.why)}};
        if (u.why == Unplanned::Why::RecentlyVisited) {
            o.insert(QStringLiteral("last_visit"), u.lastVisit.toString(Qt::ISODate));
            o.insert(QStringLiteral("days"), u.days);
        }
        left.append(o);
    }
    const QJsonObject settings{
        {QStringLiteral("start"), request.start.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("end"), request.end.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("lunch"), request.lunch.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("lunch_minutes"), request.lunchMinutes},
        {QStringLiteral("travel_mode"),
         request.travel.mode == TravelMode::Car ? QStringLiteral("car") : QStringLiteral("walk")},
        {QStringLiteral("service_minutes"),
         QJsonArray{request.serviceHigh, request.serviceMedium, request.serviceLow}},
        {QStringLiteral("recent_days"), request.recentDays}};
    return {{QStringLiteral("date"), date.toString(Qt::ISODate)},
            {QStringLiteral("office"), officeCode},
            {QStringLiteral("office_location"), QJsonArray{officeLon, officeLat}},
            {QStringLiteral("travel"), travelSource},
            {QStringLiteral("notice"), notice.isEmpty() ? QJsonValue() : QJsonValue(notice)},
            {QStringLiteral("settings"), settings},
            {QStringLiteral("teams"), teams},
            {QStringLiteral("unassigned"), left}};
}

Result<DayPlan> DayPlan::fromJson(const QJsonObject &json)
{
    DayPlan plan;
    plan.date = QDate::fromString(json.value(QStringLiteral("date")).toString(), Qt::ISODate);
    if (!plan.date.isValid())
        return fail(ErrorCode::Parse, QStringLiteral("the saved plan has no date"));
    plan.officeCode = json.value(QStringLiteral("office")).toString();
    const QJsonArray at = json.value(QStringLiteral("office_location")).toArray();
    plan.officeLon = at.at(0).toDouble();
    plan.officeLat = at.at(1).toDouble();
    plan.travelSource = json.value(QStringLiteral("travel")).toString();
    plan.notice = json.value(QStringLiteral("notice")).toString();
    DayPlanRequest &req = plan.request;
    req.date = plan.date;
    const QJsonObject settings = json.value(QStringLiteral("settings")).toObject();
    auto time = [&settings](const char *key, QTime fallback) {
        const QTime t = QTime::fromString(settings.value(QLatin1String(key)).toString(),
                                          QStringLiteral("HH:mm"));
        return t.isValid() ? t : fallback;
    };
    req.start = time("start", req.start);
    req.end = time("end", req.end);
    req.lunch = time("lunch", req.lunch);
    req.lunchMinutes = settings.value(QStringLiteral("lunch_minutes")).toInt(req.lunchMinutes);
    req.travel.mode
        = settings.value(QStringLiteral("travel_mode")).toString() == QLatin1String("car")
              ? TravelMode::Car
              : TravelMode::Walk;
    const QJsonArray service = settings.value(QStringLiteral("service_minutes")).toArray();
    if (service.size() == 3) {
        req.serviceHigh = service.at(0).toInt(req.serviceHigh);
        req.serviceMedium = service.at(1).toInt(req.serviceMedium);
        req.serviceLow = service.at(2).toInt(req.serviceLow);
    }
    req.recentDays = settings.value(QStringLiteral("recent_days")).toInt(req.recentDays);
    const QJsonValue teamsValue = json.value(QStringLiteral("teams"));
    if (!teamsValue.isArray())
        return fail(ErrorCode::Parse, QStringLiteral("the saved plan has no teams"));
    for (const QJsonValue &tv : teamsValue.toArray()) {
        const QJsonObject t = tv.toObject();
        TeamRoute route;
        route.team = t.value(QStringLiteral("team")).toInt(int(plan.routes.size()) + 1);
        route.metres = t.value(QStringLiteral("metres")).toDouble();
        route.leaveOffice = std::max(0, minutesOf(t.value(QStringLiteral("leave_office"))));
        route.backAtOffice = std::max(0, minutesOf(t.value(QStringLiteral("back_at_office"))));
        for (const QJsonValue &sv : t.value(QStringLiteral("stops")).toArray()) {
            const QJsonObject s = sv.toObject();
            PlannedStop stop;
            stop.householdId = s.value(QStringLiteral("household")).toString();
            if (stop.householdId.isEmpty())
                return fail(ErrorCode::Parse,
                            QStringLiteral("a stop of team %1 names no household").arg(route.team));
            stop.households = idsFrom(s.value(QStringLiteral("households")), stop.householdId);
            stop.arrive = std::max(0, minutesOf(s.value(QStringLiteral("arrive"))));
            stop.start = std::max(0, minutesOf(s.value(QStringLiteral("start"))));
            stop.leave = std::max(0, minutesOf(s.value(QStringLiteral("leave"))));
            stop.metresFromPrevious = s.value(QStringLiteral("metres_from_previous")).toDouble();
            route.stops << stop;
        }
        plan.routes << route;
    }
    for (const QJsonValue &uv : json.value(QStringLiteral("unassigned")).toArray()) {
        const QJsonObject o = uv.toObject();
        Unplanned u;
        u.householdId = o.value(QStringLiteral("household")).toString();
        if (u.householdId.isEmpty())
            continue;
        u.households = idsFrom(o.value(QStringLiteral("households")), u.householdId);
        u.reason = o.value(QStringLiteral("reason")).toString();
        u.why = whyFrom(o.value(QStringLiteral("why")).toString());
        u.lastVisit
            = QDate::fromString(o.value(QStringLiteral("last_visit")).toString(), Qt::ISODate);
        u.days = o.value(QStringLiteral("days")).toInt();
        plan.unassigned << u;
    }
    req.teams = std::max(1, int(plan.routes.size()));
    req.householdIds = plan.allHouseholds();
    return plan;
}

} // namespace VisitMap::Routing
