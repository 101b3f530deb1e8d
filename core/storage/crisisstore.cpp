// SPDX-License-Identifier: GPL-3.0-or-later
#include "crisisstore.h"
#include "security/auditdetail.h"

#include "database.h"
#include "journal.h"
#include "security/keyring.h"
#include "util/clock.h"

namespace VisitMap::Storage {

Result<QString> CrisisStore::currentVersion() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT MAX(version) FROM crisis_item_codes"));
    if (!v)
        return fail(v.error());
    return v->toString();
}

Result<QList<CrisisItem>> CrisisStore::items(const QString &version) const
{
    auto q = m_db.execute(QStringLiteral("SELECT version, code, name, category, unit, weight FROM "
                                         "crisis_item_codes WHERE version = ? ORDER BY code"),
                          {version});
    if (!q)
        return fail(q.error());
    QList<CrisisItem> out;
    while (q->next()) {
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    q->value(3).toString(), q->value(4).toString(), q->value(5).toDouble()});
    }
    return out;
}

namespace {

const char *const signalColumns
    = "id, office_code, household_id, person_id, round_id, item_version, item_code, amount, "
      "months, received_date, subject_name, subject_birth, subject_address, match_status, "
      "subject_sex, "
      "urgency, response_due";

CrisisSignal fromRow(const QSqlQuery &q)
{
    CrisisSignal s;
    s.id = q.value(0).toString();
    s.officeCode = q.value(1).toString();
    s.householdId = q.value(2).toString();
    s.personId = q.value(3).toString();
    s.roundId = q.value(4).toString();
    s.itemVersion = q.value(5).toString();
    s.itemCode = q.value(6).toString();
    if (!q.value(7).isNull())
        s.amount = q.value(7).toLongLong();
    if (!q.value(8).isNull())
        s.months = q.value(8).toInt();
    s.receivedDate = QDate::fromString(q.value(9).toString(), Qt::ISODate);
    s.subjectName = q.value(10).toString();
    s.subjectBirth = QDate::fromString(q.value(11).toString(), Qt::ISODate);
    s.subjectAddress = q.value(12).toString();
    s.matchStatus = matchStatusFromCode(q.value(13).toString()).value_or(MatchStatus::Unmatched);
    s.subjectSex = q.value(14).toString();
    s.urgency = urgencyFromCode(q.value(15).toString());
    s.responseDue = QDate::fromString(q.value(16).toString(), Qt::ISODate);
    return s;
}

Result<QList<CrisisSignal>> collect(Result<QSqlQuery> q)
{
    if (!q)
        return fail(q.error());
    QList<CrisisSignal> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

} // namespace

Result<QList<CrisisSignal>> CrisisStore::signalsFor(const QString &householdId) const
{
    return collect(m_db.execute(QStringLiteral("SELECT %1 FROM crisis_signals WHERE household_id = ? ORDER BY received_date")
                                    .arg(QLatin1String(signalColumns)),
                                {householdId}));
}

Result<CrisisSignal> CrisisStore::get(const QString &id) const
{
    auto all = collect(m_db.execute(
        QStringLiteral("SELECT %1 FROM crisis_signals WHERE id = ?").arg(QLatin1String(signalColumns)), {id}));
    if (!all)
        return fail(all.error());
    if (all->isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("no round entry %1").arg(id));
    return all->first();
}

Result<QHash<QString, QHash<QString, CrisisItem>>> CrisisStore::itemTable() const
{
    auto q = m_db.execute(QStringLiteral("SELECT version, code, name, category, unit, weight FROM crisis_item_codes"));
    if (!q)
        return fail(q.error());
    QHash<QString, QHash<QString, CrisisItem>> out;
    while (q->next()) {
        CrisisItem i{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                     q->value(3).toString(), q->value(4).toString(), q->value(5).toDouble()};
        out[i.version].insert(i.code, i);
    }
    return out;
}

Result<QSet<QString>> CrisisStore::existingKeys(const QStringList &roundIds) const
{
    QSet<QString> out;
    auto q = m_db.prepare(QStringLiteral("SELECT round_id, subject_name, subject_birth, household_id, item_version, item_code "
                                         "FROM crisis_signals WHERE round_id = ?"));
    if (!q)
        return fail(q.error());
    for (const QString &round : QSet<QString>(roundIds.begin(), roundIds.end())) {
        q->bindValue(0, round);
        if (auto ok = Database::run(*q); !ok)
            return fail(ok.error());
        while (q->next())
            out.insert(signalRepeatKey(q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                 q->value(3).toString(), q->value(4).toString(), q->value(5).toString()));
        q->finish();
    }
    return out;
}

Status CrisisStore::add(QList<CrisisSignal> &entries,
                        const QStringList &rrns,
                        Journal &journal,
                        const Security::Keyring &keys,
                        const std::function<Status(qsizetype)> &afterEach)
{
    const QString now = Iso::utc(journal.now());
    auto q = m_db.prepare(
        QStringLiteral("INSERT INTO crisis_signals (id, office_code, household_id, person_id, "
                       "round_id, item_version, item_code, "
                       "amount, months, received_date, subject_name, subject_birth, "
                       "subject_rrn_cipher, subject_address, "
                       "match_status, created_at, created_by, subject_sex, urgency, response_due) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    if (!q)
        return fail(q.error());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        CrisisSignal &s = entries[i];
        s.id = journal.newId();
        QVariant rrnCipher;
        if (!rrns.value(i).isEmpty()) {
            auto cipher = keys.encrypt(s.officeCode, rrns.value(i), Security::Keyring::aad("crisis_signals", "subject_rrn", s.id));
            if (!cipher)
                return fail(cipher.error());
            rrnCipher = *cipher;
        }
        const QVariantList values{s.id,
                                  s.officeCode,
                                  orNull(s.householdId),
                                  orNull(s.personId),
                                  s.roundId,
                                  s.itemVersion,
                                  s.itemCode,
                                  s.amount ? QVariant(*s.amount) : QVariant(),
                                  s.months ? QVariant(*s.months) : QVariant(),
                                  s.receivedDate.toString(Qt::ISODate),
                                  orNull(s.subjectName),
                                  orNull(s.subjectBirth.toString(Qt::ISODate)),
                                  rrnCipher,
                                  orNull(s.subjectAddress),
                                  toCode(s.matchStatus),
                                  now,
                                  journal.actor().account,
                                  orNull(s.subjectSex),
                                  s.urgency ? QVariant(toCode(*s.urgency)) : QVariant(),
                                  s.responseDue.isValid() ? QVariant(Iso::date(s.responseDue))
                                                          : QVariant()};
        for (int v = 0; v < values.size(); ++v)
            q->bindValue(v, values[v]);
        if (auto ok = Database::run(*q); !ok)
            return fail(ok.error());
        QJsonObject payload{{QStringLiteral("id"), s.id},
                            {QStringLiteral("household_id"), s.householdId},
                            {QStringLiteral("round_id"), s.roundId},
                            {QStringLiteral("item_version"), s.itemVersion},
                            {QStringLiteral("item_code"), s.itemCode},
                            {QStringLiteral("received_date"), s.receivedDate.toString(Qt::ISODate)},
                            {QStringLiteral("match_status"), toCode(s.matchStatus)}};
        if (s.amount)
            payload.insert(QStringLiteral("amount"), double(*s.amount));
        if (s.months)
            payload.insert(QStringLiteral("months"), *s.months);
        if (auto ok = journal.recordChange(QStringLiteral("signal"), s.id, ChangeOp::Append, s.officeCode, payload); !ok)
            return ok;
        if (afterEach) {
            if (auto ok = afterEach(i + 1); !ok)
                return ok;
        }
    }
    if (entries.isEmpty())
        return {};
    return journal.audit({Security::AuditAction::Create,
                          QStringLiteral("signal"),
                          QString::number(entries.size()),
                          entries.first().officeCode,
                          Security::AuditDetail(Security::AuditDetailCode::SignalsReceived)
                              .with(u"round", entries.first().roundId)
                              .with(u"count", entries.size())
                              .encode(),
                          {}});
}

Result<QList<CrisisSignal>> CrisisStore::unmatched(const QStringList &offices) const
{
    QVariantList binds;
    QStringList marks;
    for (const QString &o : offices) {
        marks << QStringLiteral("?");
        binds << o;
    }
    if (offices.isEmpty())
        return QList<CrisisSignal>();
    return collect(m_db.execute(QStringLiteral("SELECT %1 FROM crisis_signals WHERE match_status = 'unmatched' AND "
                                               "office_code IN (%2) ORDER BY round_id, subject_name, subject_birth, item_code")
                                    .arg(QLatin1String(signalColumns), marks.join(u',')),
                                binds));
}

Result<QList<CrisisSignal>> CrisisStore::unclassified() const
{
    return collect(m_db.execute(
        QStringLiteral(
            "SELECT %1 FROM crisis_signals WHERE urgency IS NULL "
            "ORDER BY round_id, office_code, subject_name, subject_birth, household_id, id")
            .arg(QLatin1String(signalColumns))));
}

Status
CrisisStore::setUrgency(const QStringList &entryIds, Urgency urgency, const QDate &responseDue)
{
    for (const QString &id : entryIds) {
        auto q = m_db.execute(
            QStringLiteral("UPDATE crisis_signals SET urgency = ?, response_due = ? WHERE id = ?"),
            {toCode(urgency), responseDue.isValid() ? QVariant(Iso::date(responseDue)) : QVariant(),
             id});
        if (!q)
            return fail(q.error());
    }
    return {};
}

Result<QList<CrisisSignal>> CrisisStore::sameListing(const CrisisSignal &entry) const
{
    return collect(m_db.execute(QStringLiteral("SELECT %1 FROM crisis_signals WHERE match_status = 'unmatched' AND "
                                               "round_id = ? AND office_code = ? AND subject_name IS ? AND subject_birth IS ? "
                                               "ORDER BY item_code")
                                    .arg(QLatin1String(signalColumns)),
                                {entry.roundId, entry.officeCode, orNull(entry.subjectName),
                                 orNull(entry.subjectBirth.toString(Qt::ISODate))}));
}

Result<QString> CrisisStore::listedRrn(const CrisisSignal &entry, Journal &journal, const Security::Keyring &keys) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT subject_rrn_cipher FROM crisis_signals WHERE id = ?"), {entry.id});
    if (!v)
        return fail(v.error());
    if (v->isNull() || v->toByteArray().isEmpty())
        return QString();
    auto plain = keys.decrypt(entry.officeCode, v->toByteArray(), Security::Keyring::aad("crisis_signals", "subject_rrn", entry.id));
    if (!plain)
        return fail(plain.error());
    if (auto ok
        = journal.audit({Security::AuditAction::Reveal,
                         QStringLiteral("signal"),
                         entry.id,
                         entry.officeCode,
                         Security::AuditDetail(Security::AuditDetailCode::SignalRrn).encode(),
                         {}});
        !ok)
        return fail(ok.error());
    return *plain;
}

Status CrisisStore::match(const QList<CrisisSignal> &entries, const QString &householdId, const QString &personId,
                          MatchStatus status, Journal &journal)
{
    for (const CrisisSignal &s : entries) {
        if (s.matchStatus != MatchStatus::Unmatched)
            return fail(ErrorCode::Conflict, QStringLiteral("round entry %1 was already matched").arg(s.id));
        auto q = m_db.execute(QStringLiteral("UPDATE crisis_signals SET household_id = ?, person_id = ?, match_status = ? "
                                             "WHERE id = ?"),
                              {householdId, orNull(personId), toCode(status), s.id});
        if (!q)
            return fail(q.error());
        if (auto ok = journal.recordChange(QStringLiteral("signal"), s.id, ChangeOp::Update, s.officeCode,
                                           {{QStringLiteral("household_id"), householdId},
                                            {QStringLiteral("person_id"), personId},
                                            {QStringLiteral("match_status"), toCode(status)}},
                                           {{QStringLiteral("match_status"), toCode(s.matchStatus)}});
            !ok)
            return ok;
    }
    if (entries.isEmpty())
        return {};
    return journal.audit({Security::AuditAction::Update,
                          QStringLiteral("signal"),
                          entries.first().id,
                          entries.first().officeCode,
                          Security::AuditDetail(Security::AuditDetailCode::SignalsLinked)
                              .with(u"count", entries.size())
                              .encode(),
                          {}});
}

} // namespace VisitMap::Storage
