// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdcommands.h"

#include "logcommands.h"
#include "workflow/casework.h"
#include "workspacecontroller.h"

#include <QCoreApplication>

namespace VisitMap::Ui {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("VisitMap::Ui", s);
}
} // namespace

RiskOverrideCommand::RiskOverrideCommand(WorkspaceController *controller,
                                         QString householdId,
                                         std::optional<RiskTier> tier,
                                         QString reason,
                                         std::optional<RiskTier> previous,
                                         QString previousReason)
    : WorkCommand(controller,
                  tier ? tr("위험도를 %1(으)로 조정").arg(label(*tier)) : tr("위험도 조정 해제"),
                  householdId)
    , m_household(std::move(householdId))
    , m_tier(tier)
    , m_reason(std::move(reason))
    , m_previous(previous)
    , m_previousReason(std::move(previousReason))
{}

Status RiskOverrideCommand::doIt()
{
    auto ok = m_controller->caseWork().setRiskOverride(m_household, m_tier, m_reason);
    return ok;
}

Status RiskOverrideCommand::undoIt()
{
    const QString reason = m_previous ? m_previousReason + QStringLiteral(" (") + undoReason() + QLatin1Char(')')
                                      : undoReason();
    auto ok = m_controller->caseWork().setRiskOverride(m_household, m_previous, reason);
    return ok;
}

AssignCommand::AssignCommand(WorkspaceController *controller,
                             QStringList householdIds,
                             QString worker)
    : WorkCommand(controller,
                  householdIds.size() == 1 ? tr("담당자 지정")
                                           : tr("%1가구 담당자 지정").arg(householdIds.size()),
                  householdIds.size() == 1 ? householdIds.first() : QString())
    , m_households(std::move(householdIds))
    , m_worker(std::move(worker))
{}

Status AssignCommand::doIt()
{
    auto previous = m_controller->caseWork().assign(m_households, m_worker);
    if (!previous)
        return fail(previous.error());
    m_previous = *previous;
    return {};
}

Status AssignCommand::undoIt()
{
    auto ok = m_controller->caseWork().assignEach(m_previous);
    return ok;
}

MoveCaseCommand::MoveCaseCommand(WorkspaceController *controller,
                                 const QString &householdId,
                                 QString caseId,
                                 CaseStage from,
                                 CaseStage to,
                                 QString note)
    : WorkCommand(controller, tr("사례관리 단계 %1 → %2").arg(label(from), label(to)), householdId)
    , m_case(std::move(caseId))
    , m_from(from)
    , m_to(to)
    , m_note(std::move(note))
{}

OpenCaseCommand::OpenCaseCommand(WorkspaceController *controller,
                                 const QString &householdId,
                                 CaseType type)
    : WorkCommand(controller, tr("사례 열기 (%1)").arg(label(type)), householdId)
    , m_household(householdId)
    , m_type(type)
{
}

Status OpenCaseCommand::doIt()
{
    auto opened = m_controller->caseWork().openCase(m_household, m_type);
    if (!opened)
        return fail(opened.error());
    m_case = opened->id;
    return {};
}

Status OpenCaseCommand::undoIt()
{
    auto ok = m_controller->caseWork().takeBack(QStringLiteral("case"), m_case, m_household,
                                                undoReason());
    return ok;
}

Status MoveCaseCommand::doIt()
{
    auto ok = m_controller->caseWork().moveCase(m_case, m_to, m_note);
    return ok;
}

Status MoveCaseCommand::undoIt()
{
    auto ok = m_controller->caseWork().moveCase(m_case, m_from, undoReason());
    return ok;
}

} // namespace VisitMap::Ui
