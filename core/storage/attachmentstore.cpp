// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentstore.h"
#include "security/auditdetail.h"

#include "database.h"
#include "util/photofile.h"
#include "journal.h"
#include "security/crypto.h"
#include "security/keyring.h"
#include "util/clock.h"

#include <QFileInfo>
#include <sodium.h>

namespace VisitMap::Storage {

QString AttachmentStore::mimeFor(const QByteArray &data, const QString &fileName)
{
    if (const QString image = Intake::PhotoFile::imageMime(data); !image.isEmpty())
        return image;
    if (data.startsWith("\x89PNG"))
        return QStringLiteral("image/png");
    if (data.startsWith("%PDF"))
        return QStringLiteral("application/pdf");
    if (fileName.endsWith(QLatin1String(".heic"), Qt::CaseInsensitive))
        return QStringLiteral("image/heic");
    return QStringLiteral("application/octet-stream");
}

QString AttachmentStore::contentDigest(const Security::SecretBytes &officeKey,
                                       const QByteArray &data)
{
    Q_ASSERT(officeKey.size() == crypto_kdf_KEYBYTES);
    Security::initialiseCrypto();
    unsigned char subkey[crypto_generichash_KEYBYTES];
    crypto_kdf_derive_from_key(subkey, sizeof subkey, 1, "vmattach", officeKey.data());
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char *>(data.constData()),
                       size_t(data.size()), subkey, sizeof subkey);
    sodium_memzero(subkey, sizeof subkey);
    return QStringLiteral("b2k1:")
           + QString::fromLatin1(
               QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

Result<QList<Attachment>> AttachmentStore::select(const QString &where, const QVariant &key) const
{
    auto q = m_db.execute(
        QStringLiteral(
            "SELECT id, household_id, report_id, visit_id, office_code, file_name, mime, "
            "sha256, size, consent, created_at, created_by, EXISTS (SELECT 1 FROM voids x "
            "WHERE x.entity = 'attachment' AND x.entity_id = attachments.id) "
            "FROM attachments WHERE ")
            + where + QStringLiteral(" ORDER BY created_at, id"),
        {key});
    if (!q)
        return fail(q.error());
    QList<Attachment> out;
    while (q->next()) {
        Attachment a;
        a.id = q->value(0).toString();
        a.householdId = q->value(1).toString();
        a.reportId = q->value(2).toString();
        a.visitId = q->value(3).toString();
        a.officeCode = q->value(4).toString();
        a.fileName = q->value(5).toString();
        a.mime = q->value(6).toString();
        a.sha256 = q->value(7).toString();
        a.size = q->value(8).toLongLong();
        a.consent = q->value(9).toBool();
        a.createdAt = Iso::parse(q->value(10).toString());
        a.createdBy = q->value(11).toString();
        a.voided = q->value(12).toBool();
        out.append(a);
    }
    return out;
}

Result<QList<Attachment>> AttachmentStore::forHousehold(const QString &householdId) const
{
    return select(QStringLiteral("household_id = ?"), householdId);
}

Result<QList<Attachment>> AttachmentStore::forReport(const QString &reportId) const
{
    return select(QStringLiteral("report_id = ?"), reportId);
}

Result<Attachment> AttachmentStore::get(const QString &attachmentId) const
{
    auto found = select(QStringLiteral("id = ?"), attachmentId);
    if (!found)
        return fail(found.error());
    if (found->isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("no attachment %1").arg(attachmentId));
    return found->first();
}

Result<Attachment> AttachmentStore::add(const QString &householdId, const QString &fileName, const QByteArray &data,
                                        bool consent, const QString &visitId, Journal &journal,
                                        const Security::Keyring &keys)
{
    if (!consent)
        return fail(ErrorCode::Validation,
                    QStringLiteral("a photo is kept only with the person's consent (동의); record it first"));
    if (data.isEmpty())
        return fail(ErrorCode::Validation, QStringLiteral("the file is empty"));
    if (data.size() > maxBytes)
        return fail(ErrorCode::Validation, QStringLiteral("the file is larger than 20 MB"));
    auto office = m_db.scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {householdId});
    if (!office)
        return fail(office.error());
    if (office->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(householdId));
    Attachment a;
    a.id = journal.newId();
    a.householdId = householdId;
    a.visitId = visitId;
    a.officeCode = office->toString();
    a.fileName = QFileInfo(fileName).fileName();
    a.mime = mimeFor(data, fileName);
    a.size = data.size();
    a.consent = true;
    a.createdAt = journal.now();
    a.createdBy = journal.actor().account;
    const Security::SecretBytes *key = keys.key(a.officeCode);
    if (!key)
        return fail(ErrorCode::KeyUnavailable, QStringLiteral("waiting for the office key of %1").arg(a.officeCode));
    a.sha256 = contentDigest(*key, data);
    const QByteArray cipher = Security::FieldCipher::encrypt(*key, data,
                                                             Security::Keyring::aad("attachments", "data", a.id).toUtf8());
    auto ok = m_db.transaction([&]() -> Status {
        auto q = m_db.execute(QStringLiteral("INSERT INTO attachments (id, household_id, visit_id, office_code, "
                                             "file_name, mime, sha256, size, consent, data_cipher, created_at, "
                                             "created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
                              {a.id, a.householdId, a.visitId.isEmpty() ? QVariant() : QVariant(a.visitId),
                               a.officeCode, a.fileName, a.mime, a.sha256, a.size, 1, cipher,
                               Iso::utc(a.createdAt), a.createdBy});
        if (!q)
            return fail(q.error());
        if (auto r = journal.recordChange(QStringLiteral("attachment"), a.id, ChangeOp::Append, a.officeCode,
                                          {{QStringLiteral("id"), a.id},
                                           {QStringLiteral("household_id"), a.householdId},
                                           {QStringLiteral("file_name"), a.fileName},
                                           {QStringLiteral("sha256"), a.sha256},
                                           {QStringLiteral("consent"), true}});
            !r)
            return r;
        return journal.audit({Security::AuditAction::Create,
                              QStringLiteral("household"),
                              householdId,
                              a.officeCode,
                              Security::AuditDetail(Security::AuditDetailCode::AttachmentAdded)
                                  .with(u"file", a.fileName)
                                  .with(u"bytes", a.size)
                                  .encode(),
                              {}});
    });
    if (!ok)
        return fail(ok.error());
    return a;
}

Result<QByteArray> AttachmentStore::read(const QString &attachmentId, Journal &journal,
                                         const Security::Keyring &keys) const
{
    auto q = m_db.execute(QStringLiteral("SELECT household_id, report_id, office_code, data_cipher, sha256, consent "
                                         "FROM attachments WHERE id = ?"),
                          {attachmentId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no attachment %1").arg(attachmentId));
    const QString household = q->value(0).toString(), report = q->value(1).toString(),
                  office = q->value(2).toString();
    // Kept and shown only with the person's consent: a row without one (pulled from a store that
    // recorded none) stays closed.
    if (!q->value(5).toBool())
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("attachment %1 has no consent record: it is not opened").arg(attachmentId));
    const Security::SecretBytes *key = keys.key(office);
    if (!key)
        return fail(ErrorCode::KeyUnavailable, QStringLiteral("waiting for the office key of %1").arg(office));
    auto plain = Security::FieldCipher::decrypt(*key, q->value(3).toByteArray(),
                                                Security::Keyring::aad("attachments", "data", attachmentId).toUtf8());
    if (!plain)
        return fail(plain.error());
    // A keyed digest is checked; a plain SHA-256 (a row pulled from a store not yet migrated) is
    // checked as it is; an empty one was removed by migration 0012 and the GCM tag alone decides.
    const QString recorded = q->value(4).toString();
    const QString digest = recorded.isEmpty() ? recorded
                           : recorded.startsWith(QLatin1String("b2k1:"))
                               ? contentDigest(*key, *plain)
                               : QString::fromLatin1(Security::sha256Hex(*plain));
    if (digest != recorded)
        return fail(ErrorCode::Crypto, QStringLiteral("the attachment does not match its recorded hash"));
    const bool ofReport = household.isEmpty() && !report.isEmpty();
    if (auto ok = journal.audit({Security::AuditAction::Reveal,
                                 ofReport ? QStringLiteral("report") : QStringLiteral("household"),
                                 ofReport ? report : household,
                                 office,
                                 Security::AuditDetail(Security::AuditDetailCode::AttachmentOpened)
                                     .with(u"attachment", attachmentId)
                                     .encode(),
                                 {}});
        !ok)
        return fail(ok.error());
    return *plain;
}

} // namespace VisitMap::Storage
