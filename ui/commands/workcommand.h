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
    WorkCommand(WorkspaceController *controller, const QString &text);

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
    void finish(const Status &done);
    bool m_skipRedo = false;
};

} // namespace VisitMap::Ui
