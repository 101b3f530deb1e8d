// SPDX-License-Identifier: GPL-3.0-or-later
#include "counselingstore.h"
#include "security/auditdetail.h"

#include "database.h"
#include "journal.h"
#include "security/keyring.h"
#include "util/clock.h"

namespace VisitMap::Storage {

Result<QList<CounselingNote>> CounselingStore::forHousehold(const QString &householdId,
                                                            const Security::Keyring *keys) const
{
    auto q = m_db.execute(QStringLiteral(
                              "SELECT n.id, n.office_code, n.visit_id, n.at, n.topic, n.body_cipher, n.created_by, "
                              "EXISTS (SELECT 1 FROM voids v WHERE v.entity = 'counseling' AND v.entity_id = n.id) "
                              "FROM counseling_notes n WHERE n.household_id = ? ORDER BY n.at"),
                          {householdId});
    if (!q)
        return fail(q.error());
    QList<CounselingNote> out;
    while (q->next()) {
        CounselingNote n;
        n.id = q->value(0).toString();
        n.householdId = householdId;
        n.officeCode = q->value(1).toString();
        n.visitId = q->value(2).toString();
        n.at = Iso::parse(q->value(3).toString());
        n.topic = q->value(4).toString();
        if (keys) {
            if (auto body = keys->decrypt(n.officeCode, q->value(5).toByteArray(),
                                          Security::Keyring::aad("counseling_notes", "body", n.id)))
                n.body = *body;
        }
        n.createdBy = q->value(6).toString();
        n.voided = q->value(7).toBool();
        out.append(n);
    }
    return out;
}

Status CounselingStore::add(CounselingNote &n, Journal &journal, const Security::Keyring &keys)
{
    if (n.body.trimmed().isEmpty())
        return fail(ErrorCode::Validation, QStringLiteral("the note is empty"));
    if (n.body.size() > 20000)
        return fail(ErrorCode::Validation, QStringLiteral("the note is longer than 20,000 characters"));
    auto office = m_db.scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {n.householdId});
    if (!office)
        return fail(office.error());
    if (office->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(n.householdId));
    n.officeCode = office->toString();
    if (n.id.isEmpty())
        n.id = journal.newId();
    if (!n.at.isValid())
        n.at = journal.now();
    n.createdBy = journal.actor().account;
    auto cipher = keys.encrypt(n.officeCode, n.body, Security::Keyring::aad("counseling_notes", "body", n.id));
    if (!cipher)
        return fail(cipher.error());
    return m_db.transaction([&]() -> Status {
        auto q = m_db.execute(QStringLiteral("INSERT INTO counseling_notes (id, household_id, office_code, visit_id, "
                                             "at, topic, body_cipher, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)"),
                              {n.id, n.householdId, n.officeCode, n.visitId.isEmpty() ? QVariant() : QVariant(n.visitId),
                               Iso::utc(n.at), n.topic, *cipher, Iso::utc(journal.now()), n.createdBy});
        if (!q)
            return fail(q.error());
        if (auto r = journal.recordChange(QStringLiteral("counseling"), n.id, ChangeOp::Append, n.officeCode,
                                          {{QStringLiteral("id"), n.id},
                                           {QStringLiteral("household_id"), n.householdId},
                                           {QStringLiteral("at"), Iso::utc(n.at)},
                                           {QStringLiteral("topic"), n.topic},
                                           {QStringLiteral("body_cipher"), QString::fromLatin1(cipher->toBase64())}});
            !r)
            return r;
        return journal.audit(
            {Security::AuditAction::Create,
             QStringLiteral("household"),
             n.householdId,
             n.officeCode,
             Security::AuditDetail(Security::AuditDetailCode::CounsellingNote).encode(),
             {}});
    });
}

} // namespace VisitMap::Storage
