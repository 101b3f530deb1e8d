// SPDX-License-Identifier: GPL-3.0-or-later
#include "urgencybackfill.h"

#include "storage/crisisstore.h"
#include "storage/reportstore.h"
#include "risk/urgencyrules.h"

#include <QHash>

namespace VisitMap::Intake {

Result<int> UrgencyBackfill::run(Storage::Database &db)
{
    Storage::ReportStore reports(db);
    auto unclassified = reports.unclassified();
    if (!unclassified)
        return fail(unclassified.error());
    int done = 0;
    for (const CrisisReport &r : *unclassified) {
        const Urgency level = UrgencyRules::assess(UrgencyRules::factsOf(r)).level;
        if (auto ok = reports.setUrgency(
                r.id, level, UrgencyRules::responseDue(level, UrgencyRules::receivedDay(r)));
            !ok)
            return fail(ok.error());
        ++done;
    }

    Storage::CrisisStore crisis(db);
    auto entries = crisis.unclassified();
    if (!entries)
        return fail(entries.error());
    auto items = crisis.itemTable();
    if (!items)
        return fail(items.error());
    // One urgency per listing: the entries of one person (or household) in one round.
    auto listingOf = [](const CrisisSignal &s) {
        return s.roundId + u'|' + s.officeCode + u'|'
               + (s.householdId.isEmpty()
                      ? s.subjectName + u'|' + s.subjectBirth.toString(Qt::ISODate)
                      : s.householdId);
    };
    QHash<QString, QList<qsizetype>> byListing;
    QStringList order;
    for (qsizetype i = 0; i < entries->size(); ++i) {
        const QString key = listingOf(entries->at(i));
        if (!byListing.contains(key))
            order << key;
        byListing[key] << i;
    }
    for (const QString &key : order) {
        QStringList ids;
        QList<CrisisItem> listed;
        QDate received;
        for (qsizetype i : byListing.value(key)) {
            const CrisisSignal &s = entries->at(i);
            ids << s.id;
            listed << (*items)[s.itemVersion].value(s.itemCode);
            if (!received.isValid() || s.receivedDate < received)
                received = s.receivedDate;
        }
        const Urgency level = UrgencyRules::assess(UrgencyRules::factsOf(listed)).level;
        if (auto ok = crisis.setUrgency(ids, level, UrgencyRules::responseDue(level, received));
            !ok)
            return fail(ok.error());
        done += int(ids.size());
    }

    return done;
}

} // namespace VisitMap::Intake
