// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QTableWidget;

namespace VisitMap::Ui {

class WorkspaceController;

// Account administration (admin only): create, unlock, reset a password, change offices, remove.
// Every change goes to the rights log and the access log.
class AccountsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AccountsDialog(WorkspaceController *controller, QWidget *parent = nullptr);
    void refresh();

private:
    QString selected() const;
    void addAccount();
    void unlock();
    void resetPassword();
    void editOffices();
    void removeAccount();
    void report(const QString &what, bool ok, const QString &error);

    WorkspaceController *m_controller;
    QTableWidget *m_table;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
