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

// Needs assessments over the 10 욕구 domains + 기타: append-only. An item's note (민감정보, e.g.
// a 건강 note) rests AES-256-GCM encrypted under the office key in note_cipher, bound to its
// assessment and domain; the old plaintext column stays empty.
class AssessmentStore
{
public:
    // What encryptPlaintextNotes did.
    struct NoteSweep
    {
        int encrypted = 0;         // notes moved from the plaintext column to ciphertext
        int waiting = 0;           // plaintext notes of offices whose key this session lacks
        bool checkpointed = false; // the WAL was written back and truncated afterwards
    };

    explicit AssessmentStore(Database &db)
        : m_db(db)
    {
    }
    // Notes are decrypted when keys hold the office key; otherwise an encrypted note comes back
    // empty with noteLocked set.
    Result<QList<NeedAssessment>> forHousehold(const QString &householdId,
                                               const Security::Keyring *keys = nullptr) const;
    // A non-empty note needs the office key (KeyUnavailable otherwise).
    Status add(NeedAssessment &assessment, Journal &journal, const Security::Keyring &keys);
    static QString validate(const NeedAssessment &assessment);

    // Encrypts the plaintext notes an older store (or an older colleague's sync) left, for the
    // offices keys holds, in one transaction with secure_delete on so the freed text is zeroed;
    // rewrites the outbox payloads that carried them; then checkpoints the WAL (TRUNCATE) so no
    // earlier page image with the text stays in the -wal file. Cheap when nothing is left.
    Result<NoteSweep> encryptPlaintextNotes(const Security::Keyring &keys);

    static QString noteAad(const QString &assessmentId, const QString &domain);

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
