// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportstore.h"
#include "security/auditdetail.h"

#include "attachmentstore.h"
#include "database.h"
#include "journal.h"
#include "security/crypto.h"
#include "security/keyring.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace VisitMap::Storage {

namespace {

const char *const columns
    = "id, external_id, office_code, out_of_area, channel, received_at, reporter_type, "
      "anonymous, categories, household_type, sex, age_band, subject_name, address_text, "
      "lon, lat, description, status, household_id, duplicate_of, resolved_at, resolved_by, "
      "created_at, created_by, urgency, response_due";

CrisisReport fromRow(const QSqlQuery &q)
{
    CrisisReport r;
    r.id = q.value(0).toString();
    r.externalId = q.value(1).toString();
    r.officeCode = q.value(2).toString();
    r.outOfArea = q.value(3).toInt() != 0;
    r.channel = q.value(4).toString();
    r.receivedAt = Iso::parse(q.value(5).toString());
    r.reporterType = q.value(6).toString();
    r.anonymous = q.value(7).toInt() != 0;
    for (const QJsonValue &c : QJsonDocument::fromJson(q.value(8).toByteArray()).array())
        r.categories << c.toString();
    r.householdType = q.value(9).toString();
    r.sex = q.value(10).toString();
    r.ageBand = q.value(11).toString();
    r.subjectName = q.value(12).toString();
    r.addressText = q.value(13).toString();
    if (!q.value(14).isNull() && !q.value(15).isNull()) {
        r.lon = q.value(14).toDouble();
        r.lat = q.value(15).toDouble();
    }
    r.description = q.value(16).toString();
    r.status = q.value(17).toString();
    r.householdId = q.value(18).toString();
    r.duplicateOf = q.value(19).toString();
    r.resolvedAt = Iso::parse(q.value(20).toString());
    r.resolvedBy = q.value(21).toString();
    r.createdAt = Iso::parse(q.value(22).toString());
    r.createdBy = q.value(23).toString();
    r.urgency = urgencyFromCode(q.value(24).toString());
    r.responseDue = QDate::fromString(q.value(25).toString(), Qt::ISODate);
    return r;
}

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

Result<QList<CrisisReport>> collect(Result<QSqlQuery> q)
{
    if (!q)
        return fail(q.error());
    QList<CrisisReport> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

} // namespace

Result<QSet<QString>> ReportStore::existing(const QStringList &externalIds) const
{
    QSet<QString> out;
    auto q = m_db.prepare(QStringLiteral("SELECT 1 FROM crisis_reports WHERE external_id = ?"));
    if (!q)
        return fail(q.error());
    for (const QString &id : externalIds) {
        q->bindValue(0, id);
        if (auto ok = Database::run(*q); !ok)
            return fail(ok.error());
        if (q->next())
            out.insert(id);
        q->finish();
    }
    return out;
}

Status ReportStore::add(QList<CrisisReport> &reports,
                        const QList<ReportAttachments> &attachments,
                        const QString &keyOffice,
                        Journal &journal,
                        const Security::Keyring &keys,
                        const std::function<Status(qsizetype)> &afterEach)
{
    const QString now = Iso::utc(journal.now());
    for (qsizetype i = 0; i < reports.size(); ++i) {
        CrisisReport &r = reports[i];
        r.id = journal.newId();
        r.createdAt = journal.now();
        r.createdBy = journal.actor().account;
        const QByteArray categories = QJsonDocument(QJsonArray::fromStringList(r.categories)).toJson(QJsonDocument::Compact);
        auto q = m_db.execute(
            QStringLiteral("INSERT INTO crisis_reports (%1) VALUES "
                           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .arg(QLatin1String(columns)),
            {r.id, r.externalId, orNull(r.officeCode), r.outOfArea ? 1 : 0, r.channel, Iso::utc(r.receivedAt),
             r.reporterType, r.anonymous ? 1 : 0, QString::fromUtf8(categories), orNull(r.householdType),
             orNull(r.sex), orNull(r.ageBand), orNull(r.subjectName), orNull(r.addressText),
             r.lon ? QVariant(*r.lon) : QVariant(), r.lat ? QVariant(*r.lat) : QVariant(), r.description, r.status,
             QVariant(), QVariant(), QVariant(), QVariant(), now, r.createdBy,
             r.urgency ? QVariant(toCode(*r.urgency)) : QVariant(),
             r.responseDue.isValid() ? QVariant(Iso::date(r.responseDue)) : QVariant()});
        if (!q)
            return fail(q.error());
        // Contacts and photos are encrypted with the key of the office that holds the report, or
        // of the importing office when the report lies outside the district.
        const QString office = !r.outOfArea && keys.has(r.officeCode) ? r.officeCode : keyOffice;
        const ReportAttachments &att = attachments.value(i);
        if (!att.reporterContact.isEmpty()) {
            auto cipher = keys.encrypt(office, att.reporterContact,
                                       Security::Keyring::aad("crisis_report_contacts", "contact", r.id));
            if (!cipher)
                return fail(cipher.error());
            auto c = m_db.execute(QStringLiteral("INSERT INTO crisis_report_contacts (report_id, office_code, "
                                                 "contact_cipher) VALUES (?,?,?)"),
                                  {r.id, office, *cipher});
            if (!c)
                return fail(c.error());
        }
        for (const ReportAttachments::Photo &p : att.photos) {
            const Security::SecretBytes *key = keys.key(office);
            if (!key)
                return fail(ErrorCode::KeyUnavailable, QStringLiteral("waiting for the office key of %1").arg(office));
            const QString id = journal.newId();
            const QByteArray cipher =
                Security::FieldCipher::encrypt(*key, p.data, Security::Keyring::aad("attachments", "data", id).toUtf8());
            auto a = m_db.execute(
                QStringLiteral(
                    "INSERT INTO attachments (id, report_id, office_code, file_name, mime, "
                    "sha256, size, consent, data_cipher, created_at, created_by) "
                    "VALUES (?,?,?,?,?,?,?,1,?,?,?)"),
                {id, r.id, office, p.fileName, AttachmentStore::mimeFor(p.data, p.fileName),
                 AttachmentStore::contentDigest(*key, p.data), p.data.size(), cipher, now,
                 r.createdBy});
            if (!a)
                return fail(a.error());
        }
        QJsonObject payload{{QStringLiteral("id"), r.id},
                            {QStringLiteral("external_id"), r.externalId},
                            {QStringLiteral("office_code"), r.officeCode},
                            {QStringLiteral("out_of_area"), r.outOfArea},
                            {QStringLiteral("channel"), r.channel},
                            {QStringLiteral("received_at"), Iso::utc(r.receivedAt)},
                            {QStringLiteral("reporter_type"), r.reporterType},
                            {QStringLiteral("anonymous"), r.anonymous},
                            {QStringLiteral("categories"), QJsonArray::fromStringList(r.categories)}};
        if (auto ok = journal.recordChange(QStringLiteral("crisis_report"), r.id, ChangeOp::Insert,
                                           r.officeCode.isEmpty() ? keyOffice : r.officeCode, payload);
            !ok)
            return ok;
        if (afterEach) {
            if (auto ok = afterEach(i + 1); !ok)
                return ok;
        }
    }
    if (!reports.isEmpty()) {
        return journal.audit({Security::AuditAction::Create,
                              QStringLiteral("report"),
                              QString::number(reports.size()),
                              keyOffice,
                              Security::AuditDetail(Security::AuditDetailCode::ReportsReceived)
                                  .with(u"count", reports.size())
                                  .encode(),
                              {}});
    }
    return {};
}

Result<CrisisReport> ReportStore::get(const QString &id) const
{
    auto all = collect(m_db.execute(QStringLiteral("SELECT %1 FROM crisis_reports WHERE id = ?").arg(QLatin1String(columns)), {id}));
    if (!all)
        return fail(all.error());
    if (all->isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("no crisis report %1").arg(id));
    return all->first();
}

Result<CrisisReport> ReportStore::byExternalId(const QString &externalId) const
{
    auto all = collect(m_db.execute(
        QStringLiteral("SELECT %1 FROM crisis_reports WHERE external_id = ?").arg(QLatin1String(columns)), {externalId}));
    if (!all)
        return fail(all.error());
    if (all->isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("no crisis report %1").arg(externalId));
    return all->first();
}

Result<QList<CrisisReport>> ReportStore::open(const QStringList &offices) const
{
    QVariantList binds;
    QStringList marks;
    for (const QString &o : offices) {
        marks << QStringLiteral("?");
        binds << o;
    }
    const QString mine = offices.isEmpty() ? QStringLiteral("1") : QStringLiteral("office_code IN (%1)").arg(marks.join(u','));
    return collect(m_db.execute(
        QStringLiteral("SELECT %1 FROM crisis_reports WHERE status = 'new' AND (%2 OR office_code IS NULL OR out_of_area = 1) "
                       "ORDER BY received_at, id")
            .arg(QLatin1String(columns), mine),
        binds));
}

Result<QList<CrisisReport>> ReportStore::unclassified() const
{
    return collect(m_db.execute(
        QStringLiteral("SELECT %1 FROM crisis_reports WHERE urgency IS NULL ORDER BY id")
            .arg(QLatin1String(columns))));
}

Status ReportStore::setUrgency(const QString &reportId, Urgency urgency, const QDate &responseDue)
{
    auto q = m_db.execute(
        QStringLiteral("UPDATE crisis_reports SET urgency = ?, response_due = ? WHERE id = ?"),
        {toCode(urgency), responseDue.isValid() ? QVariant(Iso::date(responseDue)) : QVariant(),
         reportId});
    return q ? Status() : fail(q.error());
}

Result<QList<CrisisReport>> ReportStore::forHousehold(const QString &householdId) const
{
    return collect(m_db.execute(
        QStringLiteral("SELECT %1 FROM crisis_reports WHERE household_id = ? ORDER BY received_at").arg(QLatin1String(columns)),
        {householdId}));
}

Result<QString> ReportStore::contact(const QString &reportId, Journal &journal, const Security::Keyring &keys) const
{
    auto q = m_db.execute(QStringLiteral("SELECT office_code, contact_cipher FROM crisis_report_contacts WHERE report_id = ?"),
                          {reportId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return QString();
    const QString office = q->value(0).toString();
    auto plain = keys.decrypt(office, q->value(1).toByteArray(),
                              Security::Keyring::aad("crisis_report_contacts", "contact", reportId));
    if (!plain)
        return fail(plain.error());
    if (auto ok
        = journal.audit({Security::AuditAction::Reveal,
                         QStringLiteral("report"),
                         reportId,
                         office,
                         Security::AuditDetail(Security::AuditDetailCode::ReportContact).encode(),
                         {}});
        !ok)
        return fail(ok.error());
    return *plain;
}

Result<int> ReportStore::photoCount(const QString &reportId) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT count(*) FROM attachments WHERE report_id = ?"), {reportId});
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Status ReportStore::resolve(const QString &reportId, const QString &status, const QString &householdId,
                            const QString &duplicateOf, Journal &journal)
{
    auto before = get(reportId);
    if (!before)
        return fail(before.error());
    if (before->status != QLatin1String("new"))
        return fail(ErrorCode::Conflict, QStringLiteral("report %1 was already dealt with (%2)").arg(before->externalId, before->status));
    const QString now = Iso::utc(journal.now());
    auto q = m_db.execute(QStringLiteral("UPDATE crisis_reports SET status = ?, household_id = ?, duplicate_of = ?, "
                                         "resolved_at = ?, resolved_by = ? WHERE id = ?"),
                          {status, orNull(householdId), orNull(duplicateOf), now, journal.actor().account, reportId});
    if (!q)
        return fail(q.error());
    const QString office = before->officeCode;
    if (auto ok = journal.recordChange(QStringLiteral("crisis_report"), reportId, ChangeOp::Update, office,
                                       {{QStringLiteral("status"), status},
                                        {QStringLiteral("household_id"), householdId},
                                        {QStringLiteral("duplicate_of"), duplicateOf}},
                                       {{QStringLiteral("status"), before->status}});
        !ok)
        return ok;
    return journal.audit({Security::AuditAction::Update,
                          QStringLiteral("report"),
                          reportId,
                          office,
                          Security::AuditDetail(Security::AuditDetailCode::ReportStatus)
                              .with(u"status", status)
                              .encode(),
                          {}});
}

} // namespace VisitMap::Storage
