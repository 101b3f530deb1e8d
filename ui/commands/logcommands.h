// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/logentries.h"
#include "model/visit.h"
#include "workcommand.h"

#include <optional>

namespace VisitMap::Ui {

// Logging: a visit (with its assessment and note), an assessment, a counselling note, a service
// link. Undo takes the entry back with a reason; redo logs it again as a new entry.
class LogVisitCommand : public WorkCommand
{
public:
    LogVisitCommand(WorkspaceController *controller, Visit visit, std::optional<NeedAssessment> assessment,
                    std::optional<CounselingNote> note);
    const Visit &visit() const { return m_logged; }

protected:
    Status doIt() override;
    Status undoIt() override;

private:
    Visit m_visit;
    std::optional<NeedAssessment> m_assessment;
    std::optional<CounselingNote> m_note;
    Visit m_logged;
};

class AddAssessmentCommand : public WorkCommand
{
public:
    AddAssessmentCommand(WorkspaceController *controller, NeedAssessment assessment);

protected:
    Status doIt() override;
    Status undoIt() override;

private:
    NeedAssessment m_assessment;
    QString m_loggedId;
};

class AddNoteCommand : public WorkCommand
{
public:
    AddNoteCommand(WorkspaceController *controller, CounselingNote note);

protected:
    Status doIt() override;
    Status undoIt() override;

private:
    CounselingNote m_note;
    QString m_loggedId;
};

class LinkServiceCommand : public WorkCommand
{
public:
    LinkServiceCommand(WorkspaceController *controller, ServiceLink link);

protected:
    Status doIt() override;
    Status undoIt() override;

private:
    ServiceLink m_link;
    QString m_loggedId;
};

// Attaching a photo or document the person consented to keep. Undo takes it back (no longer
// shown; struck through in the timeline); redo attaches the same file again as a new entry.
class AttachCommand : public WorkCommand
{
public:
    AttachCommand(WorkspaceController *controller,
                  QString householdId,
                  QString fileName,
                  QByteArray data);
    const QString &attachmentId() const { return m_loggedId; }

protected:
    Status doIt() override;
    Status undoIt() override;

private:
    QString m_household;
    QString m_fileName;
    QByteArray m_data;
    QString m_loggedId;
};

// The reason recorded when an entry is taken back by undo.
QString undoReason();

} // namespace VisitMap::Ui
