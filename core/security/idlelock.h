// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace VisitMap {
class Clock;
}

namespace VisitMap::Security {

// When the app locks itself after no use (안전성 확보조치 기준 제6조: cut the session after a set
// idle time), warning a minute before so the person can extend (KWCAG 응답시간 조절). Reads time
// from an injected clock, so it is tested without waiting.
class IdleLock
{
public:
    enum class State { Active, Warning, Locked };

    IdleLock(const Clock &clock, int idleMinutes, int warnSeconds = 60);

    void setIdleMinutes(int minutes) { m_idleSeconds = qint64(minutes) * 60; }
    int idleMinutes() const { return int(m_idleSeconds / 60); }
    int warnSeconds() const { return m_warnSeconds; }

    // Any input from the person; ignored while locked (only unlocking ends the lock).
    void activity();
    // The person chose to keep working from the warning.
    void extend() { activity(); }
    State state();
    // Seconds until the lock, or 0 when locked.
    qint64 secondsLeft();
    void lockNow();
    void unlocked();

private:
    const Clock &m_clock;
    qint64 m_idleSeconds;
    int m_warnSeconds;
    QDateTime m_lastActivity;
    bool m_locked = false;
};

} // namespace VisitMap::Security
