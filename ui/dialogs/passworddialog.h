// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace VisitMap::Ui {

class WorkspaceController;

// Changes the signed-in person's password; their key pair is re-wrapped under the new one.
class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PasswordDialog(WorkspaceController *controller, QWidget *parent = nullptr);
    void accept() override;

private:
    WorkspaceController *m_controller;
    QLineEdit *m_old;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
