// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importcontrol.h"
#include "import/importreport.h"
#include "matcher.h"
#include "model/crisissignal.h"
#include "risk/urgencyrules.h"
#include "util/csv.h"
#include "util/result.h"

#include <optional>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Intake {

// The intake of 발굴 rounds (the 사회보장정보원's lists of people at risk) for the signed-in
// account: import, where each listed person is matched to a household by household id, else by
// name and birth date (the address settles a tie) — matched households are flagged new and
// re-scored, the others wait in the queue — and the two decisions for a listing no household
// matched (link it to one, open a new household). Households are found and written through
// IntakeHouseholds, as for crisis reports (ReportIntake).
class RoundIntake
{
public:
    // control: how an import is followed and cancelled (see IntakeImport).
    explicit RoundIntake(Workspace &workspace, const Import::ImportControl *control = nullptr)
        : m_ws(workspace)
        , m_control(control)
    {
    }

    Result<Import::ImportReport> importSignals(const QString &path);
    Result<Import::ImportReport> importSignals(const CsvTable &table, const QString &fileName);

    // A person a round listed whom no household matched, with the listed items.
    struct Entry
    {
        QString id;           // the first item's id; any item's id names the entry
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
    Result<QList<Entry>> signalQueue(int maxCandidates = 5);
    // Linking or opening an urgent (긴급) listing escalates the household (see UrgentEscalation).
    Status linkSignal(const QString &entryId, const QString &householdId);
    // A new household (with the listed person, and a case at 발굴) for a round entry.
    Result<QString> openSignalHousehold(const QString &entryId);

private:
    Result<QList<CrisisSignal>> openEntry(const QString &entryId);

    Workspace &m_ws;
    const Import::ImportControl *m_control = nullptr;
};

} // namespace VisitMap::Intake
