// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

namespace VisitMap {

QTimeZone Clock::seoul()
{
    static const QTimeZone zone = [] {
        QTimeZone z("Asia/Seoul");
        // Korea has kept UTC+9 without daylight saving since 1988; the fixed offset is right for
        // every date the product handles when the system has no zone database (Windows without ICU).
        return z.isValid() ? z : QTimeZone(9 * 3600);
    }();
    return zone;
}

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

namespace Iso {

QString utc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QDateTime parse(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return {};
    // A timestamp without an offset is taken as Korean local time, which is what a person typing
    // one into a form or a spreadsheet means.
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), Clock::seoul());
    return t.toUTC();
}

QString date(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QString displayDate(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("yyyy.MM.dd")) : QString();
}

QString displayDateTime(const QDateTime &t)
{
    return t.isValid() ? t.toTimeZone(Clock::seoul()).toString(QStringLiteral("yyyy.MM.dd HH:mm"))
                       : QString();
}

} // namespace Iso
} // namespace VisitMap
