// SPDX-License-Identifier: GPL-3.0-or-later
#include "workcommand.h"

#include "errortext.h"
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
    const Status done = doIt();
    m_skipRedo = done.has_value(); // QUndoStack::push calls redo() once more
    if (!done)
        return ErrorText::describe(done.error());
    return {};
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

void WorkCommand::finish(const Status &done, bool undone)
{
    if (!done) {
        m_controller->notifyError(
            ErrorText::describe(QCoreApplication::translate("VisitMap::Ui::WorkCommand",
                                                            "%1: 되돌리거나 다시 하지 못했습니다.")
                                    .arg(text()),
                                done.error()));
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
