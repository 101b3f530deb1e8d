// SPDX-License-Identifier: GPL-3.0-or-later
#include "koreandate.h"

#include "util/clock.h"

namespace VisitMap::Ui {

QString KoreanDate::weekday(const QDate &date)
{
    switch (date.dayOfWeek()) {
    case 1:
        return tr("월");
    case 2:
        return tr("화");
    case 3:
        return tr("수");
    case 4:
        return tr("목");
    case 5:
        return tr("금");
    case 6:
        return tr("토");
    case 7:
        return tr("일");
    default:
        return {};
    }
}

QString KoreanDate::date(const QDate &date)
{
    if (!date.isValid())
        return {};
    return tr("%1 (%2)").arg(date.toString(QStringLiteral("yyyy.MM.dd")), weekday(date));
}

QString KoreanDate::dateTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime seoul = time.toTimeZone(Clock::seoul());
    return tr("%1 %2").arg(date(seoul.date()), seoul.toString(QStringLiteral("HH:mm")));
}

} // namespace VisitMap::Ui
