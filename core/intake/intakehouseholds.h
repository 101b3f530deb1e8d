// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matcher.h"
#include "model/crisisreport.h"
#include "model/household.h"
#include "model/person.h"
#include "util/result.h"

#include <functional>
#include <optional>
#include <utility>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Intake {

// The households side that both intakes share — crisis reports (ReportIntake) and 발굴 rounds
// (RoundIntake): finding the households an item may be about (read from the store, scored and
// decided by Matcher), and the writes either makes once an item is tied to one.
class IntakeHouseholds
{
public:
    explicit IntakeHouseholds(Workspace &workspace)
        : m_ws(workspace)
    {
    }

    // Households of the account's offices near the item's place, on its road or with a member of
    // its name, ranked by Matcher (best first, at most max).
    Result<QList<Candidate>> candidates(const CrisisReport &item, int max = 5) const;

    // Who a 발굴 listing names, when the store tells: by the household id it gives (a household of
    // the account's offices), else by name and birth date among the people of those offices (the
    // listed address settles a tie; see Matcher::listedPerson). Empty householdId: no match, with
    // why when there is a reason the caseworker should read.
    struct ListedMatch
    {
        QString householdId;
        QString personId;
        QString officeCode;
        QString why;
    };
    Result<ListedMatch>
    listedPerson(const QString &householdId,
                 const QString &name,
                 const QDate &birth,
                 const QString &address,
                 const std::function<bool(const QString &officeCode)> &mine) const;
    // The person of that household with this name and birth date (empty when none is).
    QString personIn(const QString &householdId, const QString &name, const QDate &birth) const;

    // A household of the account's offices, or why not.
    Result<Household> own(const QString &householdId) const;
    // Where a known building at this road address stands (lon, lat).
    std::optional<std::pair<double, double>> placeOfAddress(const QString &address) const;

    // A new household with one person and a case at 발굴, flagged new and scored; resolve ties
    // what it came from (the report, the round entries) to it, in the same transaction; an
    // urgent item (urgentWhat not empty) escalates it. Its id.
    struct NewHousehold
    {
        QString officeCode;
        QString address;
        std::optional<std::pair<double, double>>
            place; // else a building at the address, else the 동's middle
        QString householdType;
        Person person;
        QString source; // "report", "signal"
        QString reason; // the audit detail
        QString urgentWhat;
    };
    Result<QString>
    open(NewHousehold item,
         const std::function<Status(const QString &householdId, const QString &personId)> &resolve);

    // Flags the household new and scores it anew with what it is now tied to (inside the
    // caller's transaction).
    Status flagAndRescore(const QString &householdId);

private:
    Workspace &m_ws;
};

} // namespace VisitMap::Intake
