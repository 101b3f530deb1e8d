// SPDX-License-Identifier: GPL-3.0-or-later
#include "workcommand.h"

#include "workspacecontroller.h"

namespace VisitMap::Ui {

WorkCommand::WorkCommand(WorkspaceController *controller, const QString &text)
    : QUndoCommand(text)
    , m_controller(controller)
{}

QString WorkCommand::execute()
{
    const QString error = doIt();
    m_skipRedo = error.isEmpty(); // QUndoStack::push calls redo() once more
    if (error.isEmpty())
        m_controller->notifyHouseholdsChanged();
    return error;
}

void WorkCommand::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    finish(doIt());
}

void WorkCommand::undo()
{
    finish(undoIt());
}

void WorkCommand::finish(const QString &error)
{
    m_controller->notifyHouseholdsChanged();
    if (!error.isEmpty())
        m_controller->notifyError(QStringLiteral("%1: %2").arg(text(), error));
}

} // namespace VisitMap::Ui
