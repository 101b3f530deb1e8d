// SPDX-License-Identifier: GPL-3.0-or-later
#include "workcommand.h"

#include "workspacecontroller.h"

#include <QCoreApplication>

namespace VisitMap::Ui {

WorkCommand::WorkCommand(WorkspaceController *controller,
                         const QString &record,
                         const QString &householdId)
    : m_controller(controller)
    , m_record(record)
    , m_householdId(householdId)
    , m_householdName(householdId.isEmpty() ? QString() : controller->maskedHeadName(householdId))
{
    setText(m_householdName.isEmpty() ? record
                                      : QCoreApplication::translate("VisitMap::Ui", "%1: %2 가구")
                                            .arg(record, m_householdName));
}

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
    finish(doIt(), false);
}

void WorkCommand::undo()
{
    finish(undoIt(), true);
}

void WorkCommand::finish(const QString &error, bool undone)
{
    m_controller->notifyHouseholdsChanged();
    if (!error.isEmpty()) {
        m_controller->notifyError(QStringLiteral("%1: %2").arg(text(), error));
        return;
    }
    const QString what = m_householdName.isEmpty()
                             ? m_record
                             : QCoreApplication::translate("VisitMap::Ui", "%1: %2 가구")
                                   .arg(m_record, m_householdName);
    m_controller->notifyWorkRevisited(
        m_householdId,
        undone ? QCoreApplication::translate("VisitMap::Ui", "취소함 — %1").arg(what)
               : QCoreApplication::translate("VisitMap::Ui", "다시 실행함 — %1").arg(what));
}

} // namespace VisitMap::Ui
