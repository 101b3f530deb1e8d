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
    // Puts an account name in (empty: none), the password field taking the focus when given.
    void setAccount(const QString &name);
    QString account() const;
    // The settings key under which the last account signed in to this store is kept: per store,
    // so one store's account never appears in another's dialog.
    static QString lastAccountKey(const QString &storePath);

private:
    WorkspaceController *m_controller;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLabel *m_message;
    QPushButton *m_ok;
};

} // namespace VisitMap::Ui
