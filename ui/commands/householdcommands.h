// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"
#include "workcommand.h"

#include <QHash>
#include <optional>

namespace VisitMap::Ui {

// Changes to the household record itself: the caseworker's risk tier, assignments, case stages.
class RiskOverrideCommand : public WorkCommand
{
public:
    // tier nullopt: back to the computed tier. previous: the override before (nullopt: none).
    RiskOverrideCommand(WorkspaceController *controller, QString householdId, std::optional<RiskTier> tier,
                        QString reason, std::optional<RiskTier> previous, QString previousReason);

protected:
    Status doIt() override;
    Status undoIt() override;

private:
    QString m_household;
    std::optional<RiskTier> m_tier;
    QString m_reason;
    std::optional<RiskTier> m_previous;
    QString m_previousReason;
};

class AssignCommand : public WorkCommand
{
public:
    AssignCommand(WorkspaceController *controller, QStringList householdIds, QString worker);

protected:
    Status doIt() override;
    Status undoIt() override;

private:
    QStringList m_households;
    QString m_worker;
    QHash<QString, QString> m_previous;
};

// Opening a case (사례 열기). Undo takes the case back with a reason (it stays in the store and the
// access log, counted nowhere); redo opens it again as a new case.
class OpenCaseCommand : public WorkCommand
{
public:
    OpenCaseCommand(WorkspaceController *controller, const QString &householdId, CaseType type);
    const QString &caseId() const { return m_case; }

protected:
    Status doIt() override;
    Status undoIt() override;

private:
    QString m_household;
    CaseType m_type;
    QString m_case;
};

class MoveCaseCommand : public WorkCommand
{
public:
    MoveCaseCommand(WorkspaceController *controller,
                    const QString &householdId,
                    QString caseId,
                    CaseStage from,
                    CaseStage to,
                    QString note);

protected:
    Status doIt() override;
    Status undoIt() override;

private:
    QString m_case;
    CaseStage m_from;
    CaseStage m_to;
    QString m_note;
};

} // namespace VisitMap::Ui
