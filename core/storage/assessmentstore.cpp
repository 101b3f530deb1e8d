// SPDX-License-Identifier: GPL-3.0-or-later
#include "assessmentstore.h"

#include "database.h"
#include "journal.h"
#include "util/clock.h"

#include <QJsonArray>
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

Result<QList<NeedAssessment>> AssessmentStore::forHousehold(const QString &householdId) const
{
    auto q = m_db.execute(QStringLiteral(
                              "SELECT a.id, a.office_code, a.visit_id, a.assessed_at, a.created_by, "
                              "EXISTS (SELECT 1 FROM voids v WHERE v.entity = 'assessment' AND v.entity_id = a.id), "
                              "i.domain, i.level, i.note FROM need_assessments a "
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
        if (!q->value(6).isNull())
            out.last().items.append({q->value(6).toString(), q->value(7).toInt(), q->value(8).toString()});
    }
    return out;
}

Status AssessmentStore::add(NeedAssessment &a, Journal &journal)
{
    if (const QString why = validate(a); !why.isEmpty())
        return fail(ErrorCode::Validation, why);
    auto office = m_db.scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {a.householdId});
    if (!office)
        return fail(office.error());
    if (office->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(a.householdId));
    a.officeCode = office->toString();
    if (a.id.isEmpty())
        a.id = journal.newId();
    if (!a.assessedAt.isValid())
        a.assessedAt = journal.now();
    a.createdBy = journal.actor().account;
    return m_db.transaction([&]() -> Status {
        const QString now = Iso::utc(journal.now());
        auto q = m_db.execute(QStringLiteral("INSERT INTO need_assessments (id, household_id, office_code, "
                                             "visit_id, assessed_at, created_at, created_by) VALUES (?,?,?,?,?,?,?)"),
                              {a.id, a.householdId, a.officeCode, a.visitId.isEmpty() ? QVariant() : QVariant(a.visitId),
                               Iso::utc(a.assessedAt), now, a.createdBy});
        if (!q)
            return fail(q.error());
        QJsonArray items;
        for (const NeedItem &i : a.items) {
            auto iq = m_db.execute(QStringLiteral("INSERT INTO need_assessment_items (assessment_id, domain, "
                                                  "level, note) VALUES (?,?,?,?)"),
                                   {a.id, i.domain, i.level, i.note});
            if (!iq)
                return fail(iq.error());
            items.append(QJsonObject{{QStringLiteral("domain"), i.domain},
                                     {QStringLiteral("level"), i.level},
                                     {QStringLiteral("note"), i.note}});
        }
        if (auto r = journal.recordChange(QStringLiteral("assessment"), a.id, ChangeOp::Append, a.officeCode,
                                          {{QStringLiteral("id"), a.id},
                                           {QStringLiteral("household_id"), a.householdId},
                                           {QStringLiteral("visit_id"), a.visitId},
                                           {QStringLiteral("assessed_at"), Iso::utc(a.assessedAt)},
                                           {QStringLiteral("items"), items}});
            !r)
            return r;
        return journal.audit({Security::AuditAction::Create, QStringLiteral("household"), a.householdId,
                              a.officeCode, QStringLiteral("needs assessment"), {}});
    });
}

} // namespace VisitMap::Storage
