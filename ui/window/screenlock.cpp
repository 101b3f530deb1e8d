// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenlock.h"

#include "access/disclosure.h"
#include "idlewatcher.h"
#include "widgets/lockscreen.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>

namespace VisitMap::Ui {

ScreenLock::ScreenLock(WorkspaceController *controller,
                       QWidget *window,
                       QStackedWidget *pages,
                       QWidget *work)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
    , m_pages(pages)
    , m_work(work)
    , m_lockScreen(new LockScreen(controller, pages))
    , m_idle(new IdleWatcher(
          controller->workspace()->clock(), controller->workspace()->idleLockMinutes(), this))
    , m_warningBar(new QFrame(window))
    , m_warningText(new QLabel(m_warningBar))
{
    m_warningBar->setStyleSheet(
        QStringLiteral("QFrame { background: #FFF4E5; border-bottom: 1px solid #E8A33D; }"));
    auto *layout = new QHBoxLayout(m_warningBar);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addWidget(m_warningText, 1);
    auto *keep = new QPushButton(tr("계속 사용"), m_warningBar);
    layout->addWidget(keep);
    m_warningBar->hide();
    m_pages->addWidget(m_lockScreen);

    connect(keep, &QPushButton::clicked, this, [this] {
        m_idle->extend();
        m_warningBar->hide();
    });
    connect(m_idle, &IdleWatcher::warning, this, &ScreenLock::showWarning);
    connect(m_idle, &IdleWatcher::active, m_warningBar, &QWidget::hide);
    connect(m_idle, &IdleWatcher::locked, this, &ScreenLock::onLocked);
    connect(m_lockScreen, &LockScreen::unlocked, this, &ScreenLock::unlock);
    connect(m_lockScreen, &LockScreen::signedOut, this, &ScreenLock::signOutRequested);
}

QWidget *ScreenLock::warningBar() const
{
    return m_warningBar;
}

bool ScreenLock::isLocked() const
{
    return m_pages->currentWidget() == m_lockScreen;
}

void ScreenLock::lockNow()
{
    m_idle->lockNow();
}

void ScreenLock::applyIdleMinutes()
{
    m_idle->lock().setIdleMinutes(m_controller->workspace()->idleLockMinutes());
}

void ScreenLock::showWarning(int secondsLeft)
{
    m_warningText->setText(
        tr("%1초 뒤 화면이 잠깁니다. 계속 사용하려면 [계속 사용]을 누르세요.").arg(secondsLeft));
    m_warningBar->show();
}

void ScreenLock::onLocked()
{
    if (isLocked())
        return;
    m_warningBar->hide();
    // Nothing personal stays on screen: other windows go, lists forget what was revealed.
    m_hiddenWhileLocked.clear();
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w != m_window && w->isVisible()) {
            m_hiddenWhileLocked << w;
            w->hide();
        }
    }
    m_controller->disclosure().forget();
    m_controller->notifyDisclosureChanged();
    Q_EMIT locking();
    m_pages->setCurrentWidget(m_lockScreen);
    m_lockScreen->prepare();
    (void)m_controller->workspace()->recordLock(QStringLiteral("screen")); // why: screen | idle
}

void ScreenLock::unlock()
{
    m_pages->setCurrentWidget(m_work);
    m_idle->unlocked();
    for (QWidget *w : std::as_const(m_hiddenWhileLocked))
        if (w)
            w->show();
    m_hiddenWhileLocked.clear();
    Q_EMIT unlocked();
}

void ScreenLock::closeOtherWindows()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w != m_window && (w->isVisible() || m_hiddenWhileLocked.contains(w)))
            w->close();
    }
    m_hiddenWhileLocked.clear();
    m_warningBar->hide();
}

} // namespace VisitMap::Ui
