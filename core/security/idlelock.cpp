// SPDX-License-Identifier: GPL-3.0-or-later
#include "idlelock.h"

#include "util/clock.h"

#include <algorithm>

namespace VisitMap::Security {

IdleLock::IdleLock(const Clock &clock, int idleMinutes, int warnSeconds)
    : m_clock(clock)
    , m_idleSeconds(qint64(std::max(1, idleMinutes)) * 60)
    , m_warnSeconds(warnSeconds)
    , m_lastActivity(clock.now())
{}

void IdleLock::activity()
{
    if (!m_locked)
        m_lastActivity = m_clock.now();
}

qint64 IdleLock::secondsLeft()
{
    if (m_locked)
        return 0;
    const qint64 idle = m_lastActivity.secsTo(m_clock.now());
    return std::max<qint64>(0, m_idleSeconds - idle);
}

IdleLock::State IdleLock::state()
{
    if (m_locked)
        return State::Locked;
    const qint64 left = secondsLeft();
    if (left <= 0) {
        m_locked = true;
        return State::Locked;
    }
    return left <= m_warnSeconds ? State::Warning : State::Active;
}

void IdleLock::lockNow()
{
    m_locked = true;
}

void IdleLock::unlocked()
{
    m_locked = false;
    m_lastActivity = m_clock.now();
}

} // namespace VisitMap::Security
