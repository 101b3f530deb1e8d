// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace VisitMap {

// The time source every time-dependent rule reads, so tests can inject a fixed instant.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC

    // The calendar day in Korea (Asia/Seoul), which is what "today" means to the users.
    QDate today() const { return now().toTimeZone(seoul()).date(); }
    static QTimeZone seoul();

    static const Clock &system();
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime instant) : m_now(instant.toUTC()) {}
    QDateTime now() const override { return m_now; }
    void set(QDateTime instant) { m_now = instant.toUTC(); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }

private:
    QDateTime m_now;
};

// ISO-8601 helpers: storage is UTC with a 'Z'; the screen shows Asia/Seoul as YYYY.MM.DD HH:mm.
namespace Iso {
QString utc(const QDateTime &t);
QDateTime parse(const QString &text); // invalid QDateTime when the text is not ISO-8601
QString date(const QDate &d);         // YYYY-MM-DD
QString displayDate(const QDate &d);  // YYYY.MM.DD
QString displayDateTime(const QDateTime &t);
} // namespace Iso

} // namespace VisitMap
