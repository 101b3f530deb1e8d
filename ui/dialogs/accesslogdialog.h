// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace VisitMap::Ui {

class WorkspaceController;

// The monthly access-log review (접속기록 점검): entries filtered by person, action and record,
// each account's days summarised with what looks unusual highlighted, and a chain check.
class AccessLogDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AccessLogDialog(WorkspaceController *controller, QWidget *parent = nullptr);
    void refresh();
    int entryCount() const;
    int flaggedDays() const;

private:
    void verify();

    WorkspaceController *m_controller;
    QDateEdit *m_since;
    QDateEdit *m_until;
    QComboBox *m_account;
    QComboBox *m_action;
    QLineEdit *m_subject;
    QTableWidget *m_days;
    QTableWidget *m_entries;
    QLabel *m_chain;
};

} // namespace VisitMap::Ui
