// SPDX-License-Identifier: GPL-3.0-or-later
#include "assessmentstore.h"
#include "security/auditdetail.h"

#include "database.h"
#include "journal.h"
#include "security/keyring.h"
#include "util/clock.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace VisitMap::Storage {

QString AssessmentStore::validate(const NeedAssessment &a)
{
    if (a.householdId.isEmpty())
        return QStringLiteral("the assessment names no household");
    if (a.items.isEmpty())
        return QStringLiteral("rate at least one 욕구 domain");
    QSet<QString> known;
    for (const NeedDomain &d : needDomains())
        known.insert(d.code);
    QSet<QString> seen;
    for (const NeedItem &i : a.items) {
        if (!known.contains(i.domain))
            return QStringLiteral("'%1' is not a 욕구 domain").arg(i.domain);
        if (seen.contains(i.domain))
            return QStringLiteral("a domain is rated twice");
        seen.insert(i.domain);
        if (i.level < 0 || i.level > 3)
            return QStringLiteral("levels are 0 (없음) to 3 (높음)");
        if (i.note.size() > 2000)
            return QStringLiteral("a note is longer than 2,000 characters");
    }
    return {};
}

QString AssessmentStore::noteAad(const QString &assessmentId, const QString &domain)
{
    return Security::Keyring::aad("need_assessment_items", "note",
                                  assessmentId + QLatin1Char('/') + domain);
}

Result<QList<NeedAssessment>> AssessmentStore::forHousehold(const QString &householdId,
                                                            const Security::Keyring *keys) const
{
    auto q = m_db.execute(
        QStringLiteral(
            "SELECT a.id, a.office_code, a.visit_id, a.assessed_at, a.created_by, "
            "EXISTS (SELECT 1 FROM voids v WHERE v.entity = 'assessment' AND v.entity_id = a.id), "
            "i.domain, i.level, i.note, i.note_cipher FROM need_assessments a "
            "LEFT JOIN need_assessment_items i ON i.assessment_id = a.id "
            "WHERE a.household_id = ? ORDER BY a.assessed_at, a.id, i.domain"),
        {householdId});
    if (!q)
        return fail(q.error());
    QList<NeedAssessment> out;
    while (q->next()) {
        const QString id = q->value(0).toString();
        if (out.isEmpty() || out.last().id != id) {
            NeedAssessment a;
            a.id = id;
            a.householdId = householdId;
            a.officeCode = q->value(1).toString();
            a.visitId = q->value(2).toString();
            a.assessedAt = Iso::parse(q->value(3).toString());
            a.createdBy = q->value(4).toString();
            a.voided = q->value(5).toBool();
            out.append(a);
        }
        if (q->value(6).isNull())
            continue;
        NeedItem item{q->value(6).toString(), q->value(7).toInt(), {}};
        const QByteArray cipher = q->value(9).toByteArray();
        if (cipher.isEmpty()) {
            item.note = q->value(8).toString(); // an older store's note, not yet encrypted
        } else {
            auto plain
                = keys ? keys->decrypt(out.last().officeCode, cipher, noteAad(id, item.domain))
                       : Result<QString>(QString());
            if (keys && plain)
                item.note = *plain;
            else
                item.noteLocked = true; // never the ciphertext or a guess in its place
        }
        out.last().items.append(item);
    }
    return out;
}

Status AssessmentStore::add(NeedAssessment &a, Journal &journal, const Security::Keyring &keys)
{
    if (const QString why = validate(a); !why.isEmpty())
        return fail(ErrorCode::Validation, why);
    auto office = m_db.scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"),
                              {a.householdId});
    if (!office)
        return fail(office.error());
    if (office->isNull())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("no household with id %1").arg(a.householdId));
    a.officeCode = office->toString();
    if (a.id.isEmpty())
        a.id = journal.newId();
    if (!a.assessedAt.isValid())
        a.assessedAt = journal.now();
    a.createdBy = journal.actor().account;
    // Notes are encrypted before anything is written: their plaintext never reaches the store.
    QList<QByteArray> ciphers;
    for (const NeedItem &i : a.items) {
        QByteArray cipher;
        if (!i.note.isEmpty()) {
            auto c = keys.encrypt(a.officeCode, i.note, noteAad(a.id, i.domain));
            if (!c)
                return fail(c.error());
            cipher = *c;
        }
        ciphers.append(cipher);
    }
    return m_db.transaction([&]() -> Status {
        const QString now = Iso::utc(journal.now());
        auto q = m_db.execute(
            QStringLiteral("INSERT INTO need_assessments (id, household_id, office_code, "
                           "visit_id, assessed_at, created_at, created_by) VALUES (?,?,?,?,?,?,?)"),
            {a.id, a.householdId, a.officeCode,
             a.visitId.isEmpty() ? QVariant() : QVariant(a.visitId), Iso::utc(a.assessedAt), now,
             a.createdBy});
        if (!q)
            return fail(q.error());
        QJsonArray items;
        for (qsizetype n = 0; n < a.items.size(); ++n) {
            const NeedItem &i = a.items.at(n);
            const QByteArray &cipher = ciphers.at(n);
            auto iq = m_db.execute(
                QStringLiteral("INSERT INTO need_assessment_items (assessment_id, domain, "
                               "level, note, note_cipher) VALUES (?,?,?,'',?)"),
                {a.id, i.domain, i.level, cipher.isEmpty() ? QVariant() : QVariant(cipher)});
            if (!iq)
                return fail(iq.error());
            QJsonObject item{{QStringLiteral("domain"), i.domain},
                             {QStringLiteral("level"), i.level}};
            if (!cipher.isEmpty())
                item.insert(QStringLiteral("note_cipher"), QString::fromLatin1(cipher.toBase64()));
            items.append(item);
        }
        if (auto r = journal.recordChange(QStringLiteral("assessment"), a.id, ChangeOp::Append,
                                          a.officeCode,
                                          {{QStringLiteral("id"), a.id},
                                           {QStringLiteral("household_id"), a.householdId},
                                           {QStringLiteral("visit_id"), a.visitId},
                                           {QStringLiteral("assessed_at"), Iso::utc(a.assessedAt)},
                                           {QStringLiteral("items"), items}});
            !r)
            return r;
        return journal.audit({Security::AuditAction::Create,
                              QStringLiteral("household"),
                              a.householdId,
                              a.officeCode,
                              Security::AuditDetail(Security::AuditDetailCode::Assessment).encode(),
                              {}});
    });
}

Result<AssessmentStore::NoteSweep>
AssessmentStore::encryptPlaintextNotes(const Security::Keyring &keys)
{
    NoteSweep sweep;
    auto q = m_db.execute(QStringLiteral(
        "SELECT i.assessment_id, i.domain, i.note, i.note_cipher, a.office_code "
        "FROM need_assessment_items i JOIN need_assessments a ON a.id = i.assessment_id "
        "WHERE i.note <> ''"));
    if (!q)
        return fail(q.error());
    struct Pending
    {
        QString assessmentId, domain;
        QByteArray cipher;
    };
    QList<Pending> pending;
    while (q->next()) {
        const QString id = q->value(0).toString();
        const QString domain = q->value(1).toString();
        const QString office = q->value(4).toString();
        if (!keys.has(office)) {
            ++sweep.waiting;
            continue;
        }
        // A row that somehow has both keeps its ciphertext; the plaintext goes either way.
        QByteArray cipher = q->value(3).toByteArray();
        if (cipher.isEmpty()) {
            auto c = keys.encrypt(office, q->value(2).toString(), noteAad(id, domain));
            if (!c)
                return fail(c.error());
            cipher = *c;
        }
        pending.append({id, domain, cipher});
    }
    q->finish();
    if (pending.isEmpty())
        return sweep;

    // secure_delete makes SQLite zero the freed bytes of the old cells (and overflow pages)
    // instead of leaving the text in the page's free space.
    auto secureBefore = m_db.scalar(QStringLiteral("PRAGMA secure_delete"));
    if (!secureBefore)
        return fail(secureBefore.error());
    if (auto ok = m_db.exec(QStringLiteral("PRAGMA secure_delete = ON")); !ok)
        return fail(ok.error());
    auto done = m_db.transaction([&]() -> Status {
        QHash<QString, QHash<QString, QByteArray>> byAssessment;
        for (const Pending &p : pending) {
            auto u = m_db.execute(
                QStringLiteral("UPDATE need_assessment_items SET note = '', note_cipher = ? "
                               "WHERE assessment_id = ? AND domain = ?"),
                {p.cipher, p.assessmentId, p.domain});
            if (!u)
                return fail(u.error());
            byAssessment[p.assessmentId].insert(p.domain, p.cipher);
        }
        // The outbox keeps what was sent and what waits to be: its copies of the notes go too.
        for (auto it = byAssessment.constBegin(); it != byAssessment.constEnd(); ++it) {
            auto o = m_db.execute(
                QStringLiteral("SELECT seq, payload FROM outbox WHERE entity = 'assessment' "
                               "AND entity_id = ?"),
                {it.key()});
            if (!o)
                return fail(o.error());
            QList<std::pair<qint64, QString>> rewrites;
            while (o->next()) {
                QJsonObject payload
                    = QJsonDocument::fromJson(o->value(1).toString().toUtf8()).object();
                QJsonArray items = payload.value(QStringLiteral("items")).toArray();
                bool changed = false;
                for (qsizetype n = 0; n < items.size(); ++n) {
                    QJsonObject item = items.at(n).toObject();
                    const QString domain = item.value(QStringLiteral("domain")).toString();
                    if (!item.contains(QStringLiteral("note")) || !it->contains(domain))
                        continue;
                    item.remove(QStringLiteral("note"));
                    item.insert(QStringLiteral("note_cipher"),
                                QString::fromLatin1(it->value(domain).toBase64()));
                    items.replace(n, item);
                    changed = true;
                }
                if (changed) {
                    payload.insert(QStringLiteral("items"), items);
                    rewrites.append(
                        {o->value(0).toLongLong(),
                         QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact))});
                }
            }
            o->finish();
            for (const auto &[seq, payload] : rewrites) {
                auto u = m_db.execute(QStringLiteral("UPDATE outbox SET payload = ? WHERE seq = ?"),
                                      {payload, seq});
                if (!u)
                    return fail(u.error());
            }
        }
        return {};
    });
    (void)m_db.exec(QStringLiteral("PRAGMA secure_delete = %1").arg(secureBefore->toInt()));
    if (!done)
        return fail(done.error());
    sweep.encrypted = int(pending.size());
    // The WAL still holds the page images from before (and the old ones a crash left): write
    // them back and truncate it. Inside a caller's transaction this waits for the next sweep.
    if (!m_db.inTransaction()) {
        auto c = m_db.execute(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (!c)
            return fail(c.error());
        sweep.checkpointed = c->next() && c->value(0).toInt() == 0;
    }
    return sweep;
}

} // namespace VisitMap::Storage
