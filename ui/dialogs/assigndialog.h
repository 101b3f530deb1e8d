// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QUndoStack;

namespace VisitMap::Ui {

class WorkspaceController;

// Team lead: assigns the selected households to a worker (undoable).
class AssignDialog : public QDialog
{
    Q_OBJECT
public:
    AssignDialog(WorkspaceController *controller, QUndoStack *undo, QStringList householdIds,
                 QWidget *parent = nullptr);
    void accept() override;
    QComboBox *worker() const { return m_worker; }

private:
    WorkspaceController *m_controller;
    QUndoStack *m_undo;
    QStringList m_households;
    QComboBox *m_worker;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
