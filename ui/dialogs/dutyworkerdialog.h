// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace VisitMap::Ui {

class WorkspaceController;

// Team lead: who is on duty (당직 담당자) — the worker who gets a household opened or linked from
// an urgent report when nobody has it yet.
class DutyWorkerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DutyWorkerDialog(WorkspaceController *controller, QWidget *parent = nullptr);
    void accept() override;
    QComboBox *worker() const { return m_worker; }

private:
    WorkspaceController *m_controller;
    QComboBox *m_worker;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
