// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"
#include "matcher.h"
#include "model/crisisreport.h"
#include "util/result.h"

namespace VisitMap {
class Workspace;
}
namespace VisitMap::Geo {
class DongLocator;
}

namespace VisitMap::Intake {

// The intake of 복지위기 알림 reports for the signed-in account: import (each report assigned to
// the 행정동 that holds it), the queue with scored candidate households, and the three decisions
// (link to a household, open a new household and case, mark a duplicate). The reporter's contact
// is shown only to an account with the intake right (team lead).
class IntakeService
{
public:
    explicit IntakeService(Workspace &workspace) : m_ws(workspace) {}

    Result<Import::ImportReport> importReports(const QString &path);
    Result<Import::ImportReport> importReports(const QByteArray &json, const QString &fileName, const QString &baseDir);

    struct Entry
    {
        CrisisReport report;
        QString officeName; // of officeCode, when known
        int photos = 0;
        QList<Candidate> candidates;
    };
    // Open reports of the account's offices and those no office holds, oldest first.
    Result<QList<Entry>> queue(int maxCandidates = 5);
    Result<QList<Candidate>> candidates(const CrisisReport &report, int max = 5);

    Result<QString> reporterContact(const QString &reportId);
    Status link(const QString &reportId, const QString &householdId);
    // A new household (and a 통합사례관리 case at 발굴) from what the report says; its id.
    Result<QString> openHousehold(const QString &reportId);
    Status markDuplicate(const QString &reportId, const QString &ofReportId);

    // Where a report belongs: the 행정동 holding its location (or, within 50 m of a boundary,
    // the nearest), else the 행정동 of a known household at its road address.
    struct Placement
    {
        QString officeCode; // empty: no known dong
        bool outOfArea = false;
        QString basis; // "location", "address" or empty
    };
    Placement place(const CrisisReport &report, const Geo::DongLocator &locator, const QStringList &storeOffices) const;

private:
    Result<CrisisReport> openReport(const QString &reportId);
    Workspace &m_ws;
};

} // namespace VisitMap::Intake
