// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDate>
#include <QHash>
#include <QStringList>
#include <optional>

namespace VisitMap::Storage {

class Database;

// What the intake items' urgency asks of households and of the team lead: which urgent (긴급) or
// priority (우선) items tied to a household still wait for a contact, and how many urgent items
// of an office nobody has contacted yet.
//
// An item is contacted once a visit, call or office visit that reached someone (any outcome but
// 부재) is logged on its household at or after the item was received, and not taken back; a
// report marked a duplicate or dismissed is closed and waits for nothing.
class UrgencyStore
{
public:
    explicit UrgencyStore(Database &db)
        : m_db(db)
    {
    }

    // The day the household must be contacted by for its urgent and priority items not yet
    // contacted: the earliest of their response deadlines, none earlier than the day the item
    // was tied to the household (an urgent report opened today is due today). nullopt: none.
    Result<std::optional<QDate>> pendingDue(const QString &householdId) const;
    // The same day for every household that has such an item, by household id (households
    // without one are absent): one query, for refreshing many households at once.
    Result<QHash<QString, QDate>> pendingDueAll() const;
    // Whether an urgent item tied to the household still waits for its contact.
    Result<bool> awaitsUrgentContact(const QString &householdId) const;
    // Urgent items of these offices not yet contacted: reports still waiting in the queue (also
    // those no office holds) or tied to a household nobody has reached since, and 발굴 listings
    // likewise (one per person and round).
    Result<int> uncontactedUrgent(const QStringList &offices) const;

private:
    struct Waiting
    {
        QString household;
        QString deadline; // the response deadline, ISO date
        QString tiedAt;   // when the item was tied to the household, ISO time
    };
    // Each item at these levels ('urgent', 'priority') tied to the household (empty: to any
    // household) and not yet contacted.
    Result<QList<Waiting>> waiting(const QString &householdId, const QString &levels) const;

    Database &m_db;
};

} // namespace VisitMap::Storage
