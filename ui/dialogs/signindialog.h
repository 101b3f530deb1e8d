// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace VisitMap::Ui {

class WorkspaceController;

// Sign-in with the person's own account. On a demo store it says so and offers the demo
// caseworker, whose password is public.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(WorkspaceController *controller, QWidget *parent = nullptr);

    void accept() override;

private:
    WorkspaceController *m_controller;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLabel *m_message;
    QPushButton *m_ok;
};

} // namespace VisitMap::Ui
