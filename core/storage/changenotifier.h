// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFlags>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace VisitMap::Storage {

enum class ChangeOp;

// What changed about a household, so a view can tell a new colour from a move.
enum class HouseholdAspect : unsigned {
    Risk = 1,       // risk tier, score or override
    Status = 2,     // active, closed, moved out
    Position = 4,   // lon / lat
    Assignment = 8, // the assigned worker
    VisitDue = 16,  // last visit, next visit due, visit cycle
    Details = 32,   // anything else on the record (address, members, notes)
};
Q_DECLARE_FLAGS(HouseholdAspects, HouseholdAspect)
Q_DECLARE_OPERATORS_FOR_FLAGS(HouseholdAspects)

// The changes of one committed transaction (or one write outside any).
struct ChangeSet
{
    QSet<QString> householdsAdded;
    QHash<QString, HouseholdAspects> householdsChanged; // never lists an added or removed one
    QSet<QString> householdsRemoved;
    QSet<QString> visitsLogged; // visit ids
    QSet<QString> casesMoved;   // case ids (a new case, a stage change)
    QSet<QString> entities;     // every entity kind written ("household", "visit", "office", ...)

    bool isEmpty() const
    {
        return householdsAdded.isEmpty() && householdsChanged.isEmpty()
               && householdsRemoved.isEmpty() && visitsLogged.isEmpty() && casesMoved.isEmpty()
               && entities.isEmpty();
    }
    // Added, changed and removed households together.
    QSet<QString> touchedHouseholds() const;
    // Only households changed, and none of them moved: a view can update them where they are.
    bool changesOnlyInPlace() const;
    void merge(const ChangeSet &other);
};

// Announces what a store's writes changed, once they are committed. The Journal tells it of
// every change it records and the Database of every transaction's end: changes made inside a
// transaction are held until the outermost one commits, and dropped when it (or the savepoint
// they were made in) rolls back. A write outside any transaction is announced at once.
class ChangeNotifier : public QObject
{
    Q_OBJECT
public:
    explicit ChangeNotifier(QObject *parent = nullptr);

    // From the Journal: one recorded change (the outbox's entity, id, operation and payload).
    void recordChange(const QString &entity,
                      const QString &entityId,
                      ChangeOp op,
                      const QJsonObject &payload);
    // From the Journal: an access-log row written about a household (not a mere view).
    void recordHouseholdTouched(const QString &householdId);

    // From the Database: the transaction depth the changes recorded from now on belong to.
    void beginLevel();
    void commitLevel(bool outermost);
    void rollbackLevel();
    bool holding() const { return m_depth > 0; }

    // Changes announced so far (for tests and counters).
    int announcements() const { return m_announcements; }

Q_SIGNALS:
    void changed(const VisitMap::Storage::ChangeSet &changes);

private:
    void flush();

    // The changes of each open level, outermost first; level 0 is outside any transaction.
    QList<ChangeSet> m_levels{ChangeSet()};
    int m_depth = 0;
    int m_announcements = 0;
};

} // namespace VisitMap::Storage

Q_DECLARE_METATYPE(VisitMap::Storage::ChangeSet)
