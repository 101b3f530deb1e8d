// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QLabel;
class QStatusBar;
class QTimer;

namespace VisitMap::Ui {

class HouseholdTableModel;
class IntakePanel;
class SyncRunner;
class WorkspaceController;

// What the window says about the store at a glance: the store and the account (status bar,
// left and right), the list's count line under the list, the sync line (a link to the sync or,
// when conflicts wait, to them), home visits left checked in, and the intake waiting. Read again
// when the session, the list or the sync changes, and once a minute.
class WindowStatus : public QObject
{
    Q_OBJECT
public:
    WindowStatus(WorkspaceController *controller,
                 SyncRunner *sync,
                 HouseholdTableModel *model,
                 IntakePanel *intake,
                 QStatusBar *bar,
                 QWidget *window);

    // The count line; the window places it under the list.
    QLabel *countLabel() const { return m_countLabel; }

    // Store, account and counts.
    void refresh();
    void refreshSync();
    // A team lead sees home visits left checked in past their expected length.
    void checkOverdueCheckins();
    // The next person sees nothing of the last one's alerts or messages.
    void clear();

Q_SIGNALS:
    void syncRequested();
    void conflictsRequested();

private:
    bool storeBusy() const;

    WorkspaceController *m_controller;
    SyncRunner *m_sync;
    HouseholdTableModel *m_model;
    QStatusBar *m_bar;
    QLabel *m_storeLabel;
    QLabel *m_accountLabel;
    QLabel *m_countLabel;
    QLabel *m_syncLabel;
    QLabel *m_checkinAlert;
    QLabel *m_intakeLabel;
    QTimer *m_timer;
};

} // namespace VisitMap::Ui
