// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace VisitMap::Ui {

class WorkspaceController;

// Shown instead of everything else while the app is locked: no personal data behind it. The
// signed-in person's password unlocks it; five wrong ones lock the account.
class LockScreen : public QWidget
{
    Q_OBJECT
public:
    explicit LockScreen(WorkspaceController *controller, QWidget *parent = nullptr);
    void prepare(); // clears the field and focuses it

Q_SIGNALS:
    void unlocked();
    void signedOut();

private:
    void tryUnlock();

    WorkspaceController *m_controller;
    QLabel *m_who;
    QLineEdit *m_password;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
