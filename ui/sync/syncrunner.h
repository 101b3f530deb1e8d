// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/syncservice.h"

#include <QObject>
#include <QString>

class QTimer;

namespace VisitMap::Ui {

class WorkspaceController;

// Runs the sync for the window: on demand, and every few minutes while a server password is held
// for the session (in memory only, or read from the desktop keyring when the person opted in).
// The state it reports is what the status bar shows: pending changes, the last sync, open
// conflicts, the last error in plain words.
class SyncRunner : public QObject
{
    Q_OBJECT
public:
    explicit SyncRunner(WorkspaceController *controller, QObject *parent = nullptr);

    static constexpr int periodMinutes = 5;

    QString server() const;
    bool hasPassword() const { return !m_password.isEmpty(); }
    // Keeps the password for this session (periodic sync) and, when keyring is set, in the desktop
    // keyring. Never written anywhere else.
    void rememberPassword(const QString &password, bool keyring);
    // The remembered password is dropped (sign-out, lock).
    void forget();
    // Reads a password the person kept in the desktop keyring; false when there is none or no
    // keyring answers.
    bool loadFromKeyring(QString *why = nullptr);
    static QString keyringKey(const QString &account, const QString &server);

    // Syncs now (an empty password: the one remembered for this sign-in).
    Result<Sync::SyncReport> syncNow(const QString &server, const QString &password);
    // The status bar line, whether it reports a problem, and what its counts of changes set
    // aside and waiting for others mean (toolTip empty when there are none).
    struct StatusLine
    {
        QString text;
        QString toolTip;
        bool problem = false;
        int openConflicts = 0; // the line then leads to them rather than to the sync
    };
    StatusLine statusLine() const;
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void stateChanged();
    void progress(const QString &stage, qint64 done, qint64 total);
    void synced(const VisitMap::Sync::SyncReport &report);

private:
    QString lineText(const Sync::SyncStatus *st, bool *problem) const;
    static QString lineToolTip(const Sync::SyncStatus *st);
    void periodic();

    WorkspaceController *m_controller;
    QTimer *m_timer;
    QString m_password;
    bool m_running = false;
};

// Plain words for a sync report.
QString describe(const Sync::SyncReport &report);

} // namespace VisitMap::Ui
