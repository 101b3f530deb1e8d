// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importcontrol.h"
#include "import/importreport.h"
#include "matcher.h"
#include "model/crisisreport.h"
#include "risk/urgencyrules.h"
#include "util/result.h"

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Intake {

// The intake of 복지위기 알림 reports for the signed-in account: import (each report assigned to
// the 행정동 that holds it), the queue with scored candidate households, and the three decisions
// (link to a household, open a new household and case, mark a duplicate). The reporter's contact
// is shown only to an account with the intake right (team lead). Households are found and
// written through IntakeHouseholds, as for 발굴 rounds (RoundIntake).
class ReportIntake
{
public:
    // control: how an import is followed and cancelled (see IntakeImport).
    explicit ReportIntake(Workspace &workspace, const Import::ImportControl *control = nullptr)
        : m_ws(workspace)
        , m_control(control)
    {
    }

    Result<Import::ImportReport> importReports(const QString &path);
    Result<Import::ImportReport>
    importReports(const QByteArray &json, const QString &fileName, const QString &baseDir);

    struct Entry
    {
        CrisisReport report;
        QString officeName; // of officeCode, when known
        int photos = 0;
        QList<Candidate> candidates;
        // The report's urgency (as stored; report.urgency and report.responseDue are always set
        // here) and why the rules give it.
        UrgencyAssessment urgency;
    };
    // Open reports of the account's offices and those no office holds: the most urgent first,
    // then the one waiting longest.
    Result<QList<Entry>> queue(int maxCandidates = 5);
    Result<QList<Candidate>> candidates(const CrisisReport &report, int max = 5);

    Result<QString> reporterContact(const QString &reportId);
    // Linking or opening an urgent (긴급) report escalates the household (see UrgentEscalation).
    Status link(const QString &reportId, const QString &householdId);
    // A new household (and a 통합사례관리 case at 발굴) from what the report says; its id.
    Result<QString> openHousehold(const QString &reportId);
    Status markDuplicate(const QString &reportId, const QString &ofReportId);

private:
    Result<CrisisReport> openReport(const QString &reportId);

    Workspace &m_ws;
    const Import::ImportControl *m_control = nullptr;
};

} // namespace VisitMap::Intake
