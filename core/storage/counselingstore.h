// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/logentries.h"
#include "util/result.h"

namespace VisitMap::Security {
class Keyring;
}

namespace VisitMap::Storage {

class Database;
class Journal;

// Counselling notes (민감정보): the body rests AES-256-GCM encrypted under the office key;
// append-only.
class CounselingStore
{
public:
    explicit CounselingStore(Database &db) : m_db(db) {}
    // Bodies are decrypted when the keyring holds the office key, else left empty.
    Result<QList<CounselingNote>> forHousehold(const QString &householdId,
                                               const Security::Keyring *keys) const;
    Status add(CounselingNote &note, Journal &journal, const Security::Keyring &keys);

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
