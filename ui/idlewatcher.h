// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/idlelock.h"

#include <QObject>

class QTimer;

namespace VisitMap::Ui {

// Watches the person's input across the application and drives the idle lock: a warning a minute
// before, then the lock. The time comes from the workspace's clock.
class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    IdleWatcher(const Clock &clock, int idleMinutes, QObject *parent = nullptr);

    Security::IdleLock &lock() { return m_lock; }
    // Evaluates the state now (the timer does this every second).
    void check();
    void extend();
    void unlocked();
    void lockNow();

Q_SIGNALS:
    void warning(int secondsLeft);
    void locked();
    void active();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Security::IdleLock m_lock;
    QTimer *m_timer;
    Security::IdleLock::State m_last = Security::IdleLock::State::Active;
};

} // namespace VisitMap::Ui
