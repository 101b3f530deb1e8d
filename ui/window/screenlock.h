// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QFrame;
class QLabel;
class QStackedWidget;
class QWidget;

namespace VisitMap::Ui {

class IdleWatcher;
class LockScreen;
class WorkspaceController;

// The window's lock: the idle watcher, the warning a minute before it locks (with a way to keep
// working), the lock screen over the work, and what leaves the screen while it is locked: every
// other window of the app, and whatever the list revealed. The window hides and brings back its
// own panels on locking() and unlocked().
class ScreenLock : public QObject
{
    Q_OBJECT
public:
    // `pages` shows `work` while unlocked and the lock screen, added here, while locked. The
    // warning bar goes where the window places it (warningBar()), above the work.
    ScreenLock(WorkspaceController *controller,
               QWidget *window,
               QStackedWidget *pages,
               QWidget *work);

    IdleWatcher *idleWatcher() const { return m_idle; }
    QWidget *warningBar() const;
    bool isLocked() const;
    void lockNow();
    // Sign-out: the next person sees none of the last one's windows, hidden or shown.
    void closeOtherWindows();
    // The idle minutes were changed in the settings.
    void applyIdleMinutes();

Q_SIGNALS:
    void locking();  // about to show the lock screen: the window hides what shows people
    void unlocked(); // the same person is back
    void signOutRequested();

public Q_SLOTS:
    // Back from the lock screen, or a new sign-in over it.
    void unlock();

private:
    void showWarning(int secondsLeft);
    void onLocked();

    WorkspaceController *m_controller;
    QWidget *m_window;
    QStackedWidget *m_pages;
    QWidget *m_work;
    LockScreen *m_lockScreen;
    IdleWatcher *m_idle;
    QFrame *m_warningBar;
    QLabel *m_warningText;
    QList<QPointer<QWidget>> m_hiddenWhileLocked;
};

} // namespace VisitMap::Ui
