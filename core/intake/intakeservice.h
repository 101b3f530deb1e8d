// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importcontrol.h"
#include "import/importreport.h"
#include "matcher.h"
#include "model/crisisreport.h"
#include "model/crisissignal.h"
#include "risk/urgencyrules.h"
#include "util/csv.h"

#include <functional>
#include <optional>
#include "util/result.h"

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Intake {

// The intake of 복지위기 알림 reports for the signed-in account: import (each report assigned to
// the 행정동 that holds it), the queue with scored candidate households, and the three decisions
// (link to a household, open a new household and case, mark a duplicate). The reporter's contact
// is shown only to an account with the intake right (team lead).
class IntakeService
{
public:
    // control: how an import is followed and cancelled (see IntakeImport).
    explicit IntakeService(Workspace &workspace, const Import::ImportControl *control = nullptr)
        : m_ws(workspace)
        , m_control(control)
    {
    }

    Result<Import::ImportReport> importReports(const QString &path);
    Result<Import::ImportReport> importReports(const QByteArray &json, const QString &fileName, const QString &baseDir);

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

    // 발굴 round CSV: each listed person is matched to a household by household id, else by name
    // and birth date (the address settles a tie); matched households are flagged new and
    // re-scored, the others wait in the queue.
    Result<Import::ImportReport> importSignals(const QString &path);
    Result<Import::ImportReport> importSignals(const CsvTable &table, const QString &fileName);

    // A person a round listed whom no household matched, with the listed items.
    struct SignalEntry
    {
        QString id; // the first item's id; any item's id names the entry
        CrisisSignal listing; // round, name, birth, sex, address, office
        QList<CrisisSignal> items;
        QStringList itemNames; // "E01 단전(전류제한)" …
        QString officeName;
        std::optional<double> lon, lat; // of a known building at the listed address
        QList<Candidate> candidates;
        UrgencyAssessment urgency; // of the listing, over all its items
        QDate responseDue;
    };
    // Unmatched listings, the most urgent first, then the one waiting longest.
    Result<QList<SignalEntry>> signalQueue(int maxCandidates = 5);
    Status linkSignal(const QString &entryId, const QString &householdId);
    // A new household (with the listed person, and a case at 발굴) for a round entry.
    Result<QString> openSignalHousehold(const QString &entryId);

    Result<QString> reporterContact(const QString &reportId);
    Status link(const QString &reportId, const QString &householdId);
    // A new household (and a 통합사례관리 case at 발굴) from what the report says; its id.
    Result<QString> openHousehold(const QString &reportId);
    Status markDuplicate(const QString &reportId, const QString &ofReportId);
    // Flags the household new and scores it anew with what it is now tied to (inside the
    // caller's transaction).
    Status flagAndRescore(const QString &householdId);

    // Linking or opening an urgent (긴급) item — and a 발굴 round matching one to a household —
    // escalates the household (see UrgentEscalation).
    QString dutyWorker() const; // empty: none set, or the account can no longer take households
    Status setDutyWorker(const QString &account); // team lead; empty clears
    // Whether the household waits for an urgent contact with nobody assigned: then the screen
    // asks who takes it.
    Result<bool> awaitsWorker(const QString &householdId) const;
    // Urgent items of the account's offices not yet contacted (the team lead's status bar).
    Result<int> urgentUncontacted() const;

private:
    Result<CrisisReport> openReport(const QString &reportId);
    Result<QList<CrisisSignal>> openEntry(const QString &entryId);
    // A household of the account's offices, or why not.
    Result<Household> ownHousehold(const QString &householdId) const;
    // Where a known building at this road address stands (lon, lat).
    std::optional<std::pair<double, double>> placeOfAddress(const QString &address) const;
    // A new household with one person and a case at 발굴, flagged new and scored; resolve ties
    // what it came from (the report, the round entries) to it, in the same transaction.
    Result<QString> openNew(
        const QString &officeCode,
        const QString &address,
        std::optional<std::pair<double, double>> place,
        const QString &householdType,
        Person person,
        const QString &source,
        const QString &reason,
        const std::function<Status(const QString &householdId, const QString &personId)> &resolve,
        const QString &urgentWhat = {});
    Workspace &m_ws;
    const Import::ImportControl *m_control = nullptr;
};

} // namespace VisitMap::Intake
