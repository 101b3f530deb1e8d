// SPDX-License-Identifier: GPL-3.0-or-later
#include "workcommand.h"

#include "errortext.h"
#include "workspacecontroller.h"

#include <QCoreApplication>

namespace VisitMap::Ui {

WorkCommand::WorkCommand(WorkspaceController *controller, const QString &text)
    : QUndoCommand(text)
    , m_controller(controller)
{}

QString WorkCommand::execute()
{
    const Status done = doIt();
    m_skipRedo = done.has_value(); // QUndoStack::push calls redo() once more
    if (!done)
        return ErrorText::describe(done.error());
    m_controller->notifyHouseholdsChanged();
    return {};
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

void WorkCommand::finish(const Status &done)
{
    m_controller->notifyHouseholdsChanged();
    if (!done)
        m_controller->notifyError(
            ErrorText::describe(QCoreApplication::translate("VisitMap::Ui::WorkCommand",
                                                            "%1: 되돌리거나 다시 하지 못했습니다.")
                                    .arg(text()),
                                done.error()));
}

} // namespace VisitMap::Ui
