// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/crisisreport.h"
#include "model/crisissignal.h"
#include "risk/urgencyrules.h"
#include "util/result.h"

#include <QHash>
#include <QString>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Intake {

// What an urgent (긴급) intake item does to the household it is tied to — by a link from the
// queue, a new household opened from it, or a 발굴 round matching it: the household becomes
// 고위험 (an override whose reason names the item), an unassigned household goes to the office's
// duty worker (당직 담당자, the "duty_worker" setting) when one is set, and its next contact is
// brought forward to the day (see Storage::UrgencyStore::pendingDue).
class UrgentEscalation
{
public:
    using ItemTable = QHash<QString, QHash<QString, CrisisItem>>; // version -> code -> item

    explicit UrgentEscalation(Workspace &workspace)
        : m_ws(workspace)
    {
    }

    // The item in the words the risk change's reason keeps in the store.
    static QString reportText(const CrisisReport &report);
    static QString listingText(const QList<CrisisSignal> &entries, const ItemTable &items);
    // Why an item is urgent, in those words ("자살 위험, '쓰러' 언급").
    static QString reasonText(const QList<UrgencyReason> &reasons);
    // The code-table entries of a listing's items.
    static QList<CrisisItem> itemsOf(const QList<CrisisSignal> &entries, const ItemTable &items);

    // Escalates the household (inside the caller's transaction); what: reportText or listingText.
    Status escalate(const QString &householdId, const QString &what) const;

    QString dutyWorker() const; // empty: none set, or the account can no longer take households
    Status setDutyWorker(const QString &account); // team lead; empty clears
    // Whether a household of the account's offices waits for an urgent contact with nobody
    // assigned: then the screen asks who takes it.
    Result<bool> awaitsWorker(const QString &householdId) const;
    // Urgent items of the account's offices not yet contacted (the team lead's status bar).
    Result<int> urgentUncontacted() const;

private:
    Workspace &m_ws;
};

} // namespace VisitMap::Intake
