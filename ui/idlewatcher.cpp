// SPDX-License-Identifier: GPL-3.0-or-later
#include "idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace VisitMap::Ui {

IdleWatcher::IdleWatcher(const Clock &clock, int idleMinutes, QObject *parent)
    : QObject(parent)
    , m_lock(clock, idleMinutes)
    , m_timer(new QTimer(this))
{
    QCoreApplication::instance()->installEventFilter(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &IdleWatcher::check);
    m_timer->start();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::InputMethod:
        // While warning, only the "keep working" button extends: a stray mouse move does not.
        if (m_last == Security::IdleLock::State::Active)
            m_lock.activity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::check()
{
    const Security::IdleLock::State state = m_lock.state();
    if (state == Security::IdleLock::State::Warning)
        Q_EMIT warning(int(m_lock.secondsLeft()));
    if (state == m_last)
        return;
    m_last = state;
    switch (state) {
    case Security::IdleLock::State::Active:
        Q_EMIT active();
        break;
    case Security::IdleLock::State::Warning:
        break;
    case Security::IdleLock::State::Locked:
        Q_EMIT locked();
        break;
    }
}

void IdleWatcher::extend()
{
    m_lock.extend();
    check();
}

void IdleWatcher::unlocked()
{
    m_lock.unlocked();
    check();
}

void IdleWatcher::lockNow()
{
    m_lock.lockNow();
    check();
}

} // namespace VisitMap::Ui
