// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/logentries.h"
#include "util/result.h"

#include <QByteArray>

namespace VisitMap::Security {
class Keyring;
class SecretBytes;
}

namespace VisitMap::Storage {

class Database;
class Journal;

// Photos and documents of a household (or of a crisis report): stored encrypted with the office
// key, with a keyed content digest and the person's consent. Without consent nothing is stored.
class AttachmentStore
{
public:
    static constexpr qint64 maxBytes = 20 * 1024 * 1024;
    static QString mimeFor(const QByteArray &data, const QString &fileName);
    // The digest kept beside an attachment (in the sha256 column): BLAKE2b-256 of the bytes keyed
    // with a subkey derived from the office data key, written "b2k1:<hex>". Without the key it
    // cannot be computed, so it is no oracle for guessing what a photo shows. Rows written before
    // hold a plain SHA-256 hex, which read() still accepts.
    static QString contentDigest(const Security::SecretBytes &officeKey, const QByteArray &data);

    explicit AttachmentStore(Database &db) : m_db(db) {}
    Result<QList<Attachment>> forHousehold(const QString &householdId) const;
    // The photos that came with a crisis report.
    Result<QList<Attachment>> forReport(const QString &reportId) const;
    Result<Attachment> get(const QString &attachmentId) const;
    Result<Attachment> add(const QString &householdId, const QString &fileName, const QByteArray &data,
                           bool consent, const QString &visitId, Journal &journal,
                           const Security::Keyring &keys);
    // The decrypted bytes, logged as a reveal (열람) of the household or report they belong to.
    // One without a consent record is never opened (PermissionDenied, nothing decrypted).
    Result<QByteArray> read(const QString &attachmentId, Journal &journal, const Security::Keyring &keys) const;

private:
    Result<QList<Attachment>> select(const QString &where, const QVariant &key) const;

    Database &m_db;
};

} // namespace VisitMap::Storage
