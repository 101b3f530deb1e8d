// SPDX-License-Identifier: GPL-3.0-or-later
#include "logcommands.h"

#include "workflow/casework.h"
#include "workspacecontroller.h"

#include <QCoreApplication>

namespace VisitMap::Ui {

QString undoReason()
{
    return QCoreApplication::translate("VisitMap::Ui", "실행 취소로 되돌림");
}

LogVisitCommand::LogVisitCommand(WorkspaceController *controller,
                                 Visit visit,
                                 std::optional<NeedAssessment> assessment,
                                 std::optional<CounselingNote> note)
    : WorkCommand(controller,
                  QCoreApplication::translate("VisitMap::Ui", "%1 기록").arg(label(visit.kind)),
                  visit.householdId)
    , m_visit(std::move(visit))
    , m_assessment(std::move(assessment))
    , m_note(std::move(note))
{}

Status LogVisitCommand::doIt()
{
    Visit fresh = m_visit;
    fresh.id.clear();
    auto result = m_controller->caseWork().logVisit(fresh, m_assessment, m_note);
    if (!result)
        return fail(result.error());
    m_logged = *result;
    // A redo logs it again as it was first logged, at the same time (with its assessment and
    // note at theirs), not at the time of the redo.
    m_visit.at = m_logged.at;
    if (m_assessment && !m_assessment->assessedAt.isValid())
        m_assessment->assessedAt = m_logged.at;
    if (m_note && !m_note->at.isValid())
        m_note->at = m_logged.at;
    return {};
}

Status LogVisitCommand::undoIt()
{
    auto ok = m_controller->caseWork().takeBack(QStringLiteral("visit"), m_logged.id,
                                                m_logged.householdId, undoReason());
    return ok;
}

AddAssessmentCommand::AddAssessmentCommand(WorkspaceController *controller,
                                           NeedAssessment assessment)
    : WorkCommand(controller,
                  QCoreApplication::translate("VisitMap::Ui", "욕구 조사 기록"),
                  assessment.householdId)
    , m_assessment(std::move(assessment))
{}

Status AddAssessmentCommand::doIt()
{
    NeedAssessment fresh = m_assessment;
    fresh.id.clear();
    auto result = m_controller->caseWork().assess(fresh);
    if (!result)
        return fail(result.error());
    m_loggedId = result->id;
    m_assessment.assessedAt = result->assessedAt; // a redo keeps the first time
    return {};
}

Status AddAssessmentCommand::undoIt()
{
    auto ok = m_controller->caseWork().takeBack(QStringLiteral("assessment"), m_loggedId,
                                                m_assessment.householdId, undoReason());
    return ok;
}

AddNoteCommand::AddNoteCommand(WorkspaceController *controller, CounselingNote note)
    : WorkCommand(
        controller, QCoreApplication::translate("VisitMap::Ui", "상담 기록"), note.householdId)
    , m_note(std::move(note))
{}

Status AddNoteCommand::doIt()
{
    CounselingNote fresh = m_note;
    fresh.id.clear();
    auto result = m_controller->caseWork().addNote(fresh);
    if (!result)
        return fail(result.error());
    m_loggedId = result->id;
    m_note.at = result->at; // a redo keeps the first time
    return {};
}

Status AddNoteCommand::undoIt()
{
    auto ok = m_controller->caseWork().takeBack(QStringLiteral("counseling"), m_loggedId,
                                                m_note.householdId, undoReason());
    return ok;
}

LinkServiceCommand::LinkServiceCommand(WorkspaceController *controller, ServiceLink link)
    : WorkCommand(
        controller, QCoreApplication::translate("VisitMap::Ui", "서비스 연계"), link.householdId)
    , m_link(std::move(link))
{}

Status LinkServiceCommand::doIt()
{
    ServiceLink fresh = m_link;
    fresh.id.clear();
    auto result = m_controller->caseWork().linkService(fresh);
    if (!result)
        return fail(result.error());
    m_loggedId = result->id;
    return {};
}

Status LinkServiceCommand::undoIt()
{
    auto ok = m_controller->caseWork().takeBack(QStringLiteral("service_link"), m_loggedId,
                                                m_link.householdId, undoReason());
    return ok;
}

AttachCommand::AttachCommand(WorkspaceController *controller,
                             QString householdId,
                             QString fileName,
                             QByteArray data)
    : WorkCommand(
        controller, QCoreApplication::translate("VisitMap::Ui", "사진·문서 첨부"), householdId)
    , m_household(std::move(householdId))
    , m_fileName(std::move(fileName))
    , m_data(std::move(data))
{
}

Status AttachCommand::doIt()
{
    // Consent was asked before the command was made; it is what the panel records.
    auto added = m_controller->caseWork().attach(m_household, m_fileName, m_data, true);
    if (!added)
        return fail(added.error());
    m_loggedId = added->id;
    return {};
}

Status AttachCommand::undoIt()
{
    auto ok = m_controller->caseWork().takeBack(QStringLiteral("attachment"), m_loggedId,
                                                m_household, undoReason());
    return ok;
}

} // namespace VisitMap::Ui
