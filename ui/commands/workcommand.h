// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QUndoCommand>

namespace VisitMap::Ui {

class WorkspaceController;

// An undoable piece of case work. execute() runs it the first time (the dialog shows a failure
// and nothing is pushed); redo and undo go through the core again. Undoing a logged entry never
// deletes it: the core records that it was taken back, and the timeline strikes it through.
class WorkCommand : public QUndoCommand
{
public:
    // record: what is done, in words ("상담 기록"); householdId: whose record it is (empty for
    // work on several households). The command's text names both, the head's name masked as
    // the list shows it masked ("상담 기록: 홍*동 가구"), so an undo never acts unseen.
    WorkCommand(WorkspaceController *controller,
                const QString &record,
                const QString &householdId = {});

    const QString &householdId() const { return m_householdId; }
    const QString &record() const { return m_record; }

    // Runs the action; an empty string on success, else the reason in Korean words (by the
    // failure's code and place, see ErrorText).
    QString execute();
    void redo() override;
    void undo() override;

protected:
    virtual Status doIt() = 0;
    virtual Status undoIt() = 0;

    WorkspaceController *m_controller;

private:
    // Tells the window what was undone or redone (it opens the household and says so), or why
    // it could not be.
    void finish(const Status &done, bool undone);
    bool m_skipRedo = false;
    QString m_record;
    QString m_householdId;
    QString m_householdName; // masked
};

} // namespace VisitMap::Ui
