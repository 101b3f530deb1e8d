// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importcontrol.h"
#include "import/importreport.h"
#include "model/crisisreport.h"
#include "util/csv.h"
#include "util/result.h"

namespace VisitMap {
class Workspace;
}
namespace VisitMap::Geo {
class DongLocator;
}

namespace VisitMap::Intake {

// 복지위기 알림 reports (JSON) and 발굴 round lists (CSV) going into the store for the signed-in
// account. Each runs in one transaction: a file with any bad row writes nothing, and so does a
// cancel through the control, seen between rows while placing or matching them and while
// writing them. Progress goes to the control as rows done of the total (Checking: reports placed
// or round rows matched; Writing: what is written).
class IntakeImport
{
public:
    explicit IntakeImport(Workspace &workspace, const Import::ImportControl *control = nullptr);

    Result<Import::ImportReport> reports(const QString &path);
    Result<Import::ImportReport>
    reports(const QByteArray &json, const QString &fileName, const QString &baseDir);
    // Each listed person is matched to a household by household id, else by name and birth date
    // (the address settles a tie, through Matcher); matched households are flagged new and
    // re-scored (urgent listings escalated), the others wait in the queue.
    Result<Import::ImportReport> rounds(const QString &path);
    Result<Import::ImportReport> rounds(const CsvTable &table, const QString &fileName);

    // Where a report belongs: the 행정동 holding its location (or, within 50 m of a boundary,
    // the nearest), else the 행정동 of a known household at its road address.
    struct Placement
    {
        QString officeCode; // empty: no known dong
        bool outOfArea = false;
        QString basis; // "location", "address" or empty
    };
    Placement place(const CrisisReport &report,
                    const Geo::DongLocator &locator,
                    const QStringList &storeOffices) const;

private:
    // The 행정동 most known households at this road address (or on this road) are in.
    QString officeAtAddress(const QString &addressText) const;

    Workspace &m_ws;
    const Import::ImportControl &m_control;
};

} // namespace VisitMap::Intake
