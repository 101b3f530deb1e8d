// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/crisissignal.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <functional>

namespace VisitMap::Security {
class Keyring;
}

namespace VisitMap::Storage {

class Database;
class Journal;

// The versioned crisis-item code table and the signals of 발굴 rounds.
class CrisisStore
{
public:
    explicit CrisisStore(Database &db) : m_db(db) {}

    Result<QString> currentVersion() const;
    Result<QList<CrisisItem>> items(const QString &version) const;
    Result<QList<CrisisSignal>> signalsFor(const QString &householdId) const;
    Result<CrisisSignal> get(const QString &id) const;

    // Every version's items: version -> code -> item.
    Result<QHash<QString, QHash<QString, CrisisItem>>> itemTable() const;

    // The repeat keys (round|who|version|code, who being name|birth when listed by name, else the
    // household id) already stored for these rounds.
    Result<QSet<QString>> existingKeys(const QStringList &roundIds) const;

    // Writes round entries inside the caller's transaction; ids and created_* are set. rrns: the
    // listed 주민등록번호 per entry (or empty), encrypted under the entry's office key. afterEach
    // (if given) is called with the count written after each entry; an error it returns stops
    // the writing and is returned (the caller rolls back).
    Status add(QList<CrisisSignal> &entries,
               const QStringList &rrns,
               Journal &journal,
               const Security::Keyring &keys,
               const std::function<Status(qsizetype written)> &afterEach = {});

    // Entries waiting for a household: unmatched, of the given offices, oldest round first.
    Result<QList<CrisisSignal>> unmatched(const QStringList &offices) const;
    // Entries not yet given an urgency (stored before urgencies were kept), by listing.
    Result<QList<CrisisSignal>> unclassified() const;
    // Stores the urgency of a listing's entries, as the rules decide it from their items (every
    // store decides the same, so the change is not sent to others).
    Status setUrgency(const QStringList &entryIds, Urgency urgency, const QDate &responseDue);
    // The unmatched entries listed for the same person in the same round as this one.
    Result<QList<CrisisSignal>> sameListing(const CrisisSignal &entry) const;
    // The entry's listed 주민등록번호 in the clear (empty when none); logged as a reveal.
    Result<QString> listedRrn(const CrisisSignal &entry, Journal &journal, const Security::Keyring &keys) const;
    // Ties entries to a household (Matched, or NewHousehold for one the round made).
    Status match(const QList<CrisisSignal> &entries, const QString &householdId, const QString &personId,
                 MatchStatus status, Journal &journal);

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
