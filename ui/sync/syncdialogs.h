// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/conflictstore.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace VisitMap::Ui {

class SyncRunner;
class WorkspaceController;

// 중앙 서버와 동기화: where the server is, the password (asked, never stored unless the person opts
// in to the desktop keyring), progress and the result in words.
class SyncDialog : public QDialog
{
    Q_OBJECT
public:
    SyncDialog(WorkspaceController *controller, SyncRunner *runner, QWidget *parent = nullptr);
    // Runs the sync with what the fields hold (the 동기화 button).
    bool start();
    QString resultText() const;

private:
    WorkspaceController *m_controller;
    SyncRunner *m_runner;
    QLineEdit *m_server;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QCheckBox *m_keyring;
    QProgressBar *m_progress;
    QLabel *m_result;
    QPushButton *m_run;
};

// 동기화 충돌: each field two people changed from the same value, with the value it started from,
// this account's and the one the central store kept (and who set it). Choosing is an edit that
// syncs like any other.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    ConflictDialog(WorkspaceController *controller, QWidget *parent = nullptr);
    int count() const;
    // Resolves the selected row's conflict (the buttons).
    bool choose(Sync::Resolution resolution);
    void selectRow(int row);

Q_SIGNALS:
    void resolved();

private:
    void reload();

    WorkspaceController *m_controller;
    QTableWidget *m_table;
    QLabel *m_message;
    QPushButton *m_mine;
    QPushButton *m_theirs;
    QList<Sync::Conflict> m_conflicts;
};

} // namespace VisitMap::Ui
