// SPDX-License-Identifier: GPL-3.0-or-later
#include "casestore.h"
#include "security/auditdetail.h"

#include "database.h"
#include "journal.h"
#include "util/clock.h"

#include <QJsonObject>

namespace VisitMap::Storage {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, household_id, office_code, case_type, stage, stage_since, discovered_at, "
    "intake_at, "
    "assessed_at, planned_at, closed_at, worker FROM cases WHERE NOT EXISTS (SELECT 1 FROM voids x "
    "WHERE x.entity = 'case' AND x.entity_id = cases.id)");

QDate dateOf(const QVariant &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

CaseFile readCase(const QSqlQuery &q)
{
    CaseFile c;
    c.id = q.value(0).toString();
    c.householdId = q.value(1).toString();
    c.officeCode = q.value(2).toString();
    c.caseType = caseTypeFromCode(q.value(3).toString()).value_or(CaseType::General);
    c.stage = caseStageFromCode(q.value(4).toString()).value_or(CaseStage::Discovery);
    c.stageSince = dateOf(q.value(5));
    c.discoveredAt = dateOf(q.value(6));
    c.intakeAt = dateOf(q.value(7));
    c.assessedAt = dateOf(q.value(8));
    c.plannedAt = dateOf(q.value(9));
    c.closedAt = dateOf(q.value(10));
    c.worker = q.value(11).toString();
    return c;
}

} // namespace

Result<QList<CaseFile>> CaseStore::forHousehold(const QString &householdId) const
{
    auto q = m_db.execute(kSelect + QStringLiteral(" AND household_id = ? ORDER BY created_at"),
                          {householdId});
    if (!q)
        return fail(q.error());
    QList<CaseFile> out;
    while (q->next())
        out.append(readCase(*q));
    return out;
}

Result<CaseFile> CaseStore::get(const QString &caseId) const
{
    auto q = m_db.execute(kSelect + QStringLiteral(" AND id = ?"), {caseId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no case with id %1").arg(caseId));
    return readCase(*q);
}

Result<QList<CaseFile>> CaseStore::open(const QStringList &offices, const QString &worker) const
{
    QString sql = kSelect + QStringLiteral(" AND stage <> 'closure'");
    QVariantList binds;
    if (!offices.isEmpty()) {
        sql += QStringLiteral(" AND ")
               + Database::inList(QStringLiteral("office_code"), offices, binds);
    }
    if (!worker.isEmpty()) {
        sql += QStringLiteral(" AND household_id IN (SELECT id FROM households WHERE "
                              "assigned_worker = ?)");
        binds << worker;
    }
    auto q = m_db.execute(sql + QStringLiteral(" ORDER BY stage_since"), binds);
    if (!q)
        return fail(q.error());
    QList<CaseFile> out;
    while (q->next())
        out.append(readCase(*q));
    return out;
}

Result<QList<StageChange>> CaseStore::history(const QString &caseId) const
{
    auto q = m_db.execute(QStringLiteral(
                              "SELECT c.id, c.case_id, c.from_stage, c.to_stage, c.at, c.note, c.created_by, "
                              "EXISTS (SELECT 1 FROM voids v WHERE v.entity = 'stage_change' AND v.entity_id = c.id) "
                              "FROM case_stage_changes c WHERE c.case_id = ? ORDER BY c.at, c.created_at"),
                          {caseId});
    if (!q)
        return fail(q.error());
    QList<StageChange> out;
    while (q->next()) {
        StageChange s;
        s.id = q->value(0).toString();
        s.caseId = q->value(1).toString();
        s.from = caseStageFromCode(q->value(2).toString()).value_or(CaseStage::Discovery);
        s.to = caseStageFromCode(q->value(3).toString()).value_or(CaseStage::Discovery);
        s.at = dateOf(q->value(4));
        s.note = q->value(5).toString();
        s.by = q->value(6).toString();
        s.voided = q->value(7).toBool();
        out.append(s);
    }
    return out;
}

Result<CaseFile> CaseStore::openCase(const QString &householdId, CaseType caseType,
                                     const QDate &on, Journal &journal)
{
    auto office = m_db.scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {householdId});
    if (!office)
        return fail(office.error());
    if (office->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(householdId));
    auto existing = forHousehold(householdId);
    if (!existing)
        return fail(existing.error());
    for (const CaseFile &c : *existing) {
        if (c.stage != CaseStage::Closure)
            return fail(ErrorCode::Validation, QStringLiteral("the household already has an open case"));
    }
    CaseFile c;
    c.id = journal.newId();
    c.householdId = householdId;
    c.officeCode = office->toString();
    c.caseType = caseType;
    c.stage = CaseStage::Discovery;
    c.stageSince = on;
    c.discoveredAt = on;
    c.worker = journal.actor().account;
    auto ok = m_db.transaction([&]() -> Status {
        const QString now = Iso::utc(journal.now());
        auto q = m_db.execute(QStringLiteral("INSERT INTO cases (id, household_id, office_code, case_type, "
                                             "stage, stage_since, discovered_at, worker, created_at, "
                                             "updated_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
                              {c.id, c.householdId, c.officeCode, toCode(c.caseType), toCode(c.stage),
                               Iso::date(on), Iso::date(on), c.worker, now, now, c.worker});
        if (!q)
            return fail(q.error());
        if (auto r = journal.recordChange(QStringLiteral("case"), c.id, ChangeOp::Insert, c.officeCode,
                                          {{QStringLiteral("id"), c.id},
                                           {QStringLiteral("household_id"), c.householdId},
                                           {QStringLiteral("case_type"), toCode(c.caseType)},
                                           {QStringLiteral("stage"), toCode(c.stage)},
                                           {QStringLiteral("stage_since"), Iso::date(on)}});
            !r)
            return r;
        return journal.audit({Security::AuditAction::Create,
                              QStringLiteral("household"),
                              householdId,
                              c.officeCode,
                              Security::AuditDetail(Security::AuditDetailCode::CaseOpened)
                                  .with(u"type", toCode(caseType))
                                  .encode(),
                              {}});
    });
    if (!ok)
        return fail(ok.error());
    return c;
}

Status CaseStore::moveTo(const QString &caseId, CaseStage to, const QDate &on, const QString &note,
                         Journal &journal)
{
    auto current = get(caseId);
    if (!current)
        return fail(current.error());
    const CaseFile &c = *current;
    if (to == c.stage)
        return fail(ErrorCode::Validation, QStringLiteral("the case is already at %1").arg(label(to)));
    const bool back = int(to) < int(c.stage);
    if (back && note.trimmed().isEmpty())
        return fail(ErrorCode::Validation, QStringLiteral("moving a case back to an earlier stage needs a reason"));
    if (!back && int(to) > int(c.stage) + 1 && c.caseType != CaseType::Linkage)
        return fail(ErrorCode::Validation,
                    QStringLiteral("a case moves one stage at a time: next is %1")
                        .arg(label(CaseStage(int(c.stage) + 1))));
    if (on < c.stageSince)
        return fail(ErrorCode::Validation, QStringLiteral("the date is before the case entered its current stage"));
    return m_db.transaction([&]() -> Status {
        QString milestone;
        if (to == CaseStage::Intake && !c.intakeAt.isValid())
            milestone = QStringLiteral("intake_at");
        else if (int(to) > int(CaseStage::Assessment) && !c.assessedAt.isValid())
            milestone = QStringLiteral("assessed_at");
        else if (int(to) > int(CaseStage::ServicePlan) && !c.plannedAt.isValid())
            milestone = QStringLiteral("planned_at");
        else if (to == CaseStage::Closure)
            milestone = QStringLiteral("closed_at");
        QString sql = QStringLiteral("UPDATE cases SET stage = ?, stage_since = ?, updated_at = ?");
        QVariantList binds{toCode(to), Iso::date(on), Iso::utc(journal.now())};
        if (!milestone.isEmpty()) {
            sql += QStringLiteral(", %1 = ?").arg(milestone);
            binds << Iso::date(on);
        }
        sql += QStringLiteral(" WHERE id = ?");
        binds << caseId;
        auto q = m_db.execute(sql, binds);
        if (!q)
            return fail(q.error());
        const QString changeId = journal.newId();
        auto h = m_db.execute(QStringLiteral("INSERT INTO case_stage_changes (id, case_id, office_code, "
                                             "from_stage, to_stage, at, note, created_at, created_by) "
                                             "VALUES (?,?,?,?,?,?,?,?,?)"),
                              {changeId, caseId, c.officeCode, toCode(c.stage), toCode(to), Iso::date(on),
                               note, Iso::utc(journal.now()), journal.actor().account});
        if (!h)
            return fail(h.error());
        QJsonObject payload{{QStringLiteral("stage"), toCode(to)}, {QStringLiteral("stage_since"), Iso::date(on)}};
        if (!milestone.isEmpty())
            payload.insert(milestone, Iso::date(on));
        if (auto r = journal.recordChange(QStringLiteral("case"), caseId, ChangeOp::Update, c.officeCode, payload,
                                          {{QStringLiteral("stage"), toCode(c.stage)}});
            !r)
            return r;
        if (auto r = journal.recordChange(QStringLiteral("stage_change"), changeId, ChangeOp::Append, c.officeCode,
                                          {{QStringLiteral("id"), changeId},
                                           {QStringLiteral("case_id"), caseId},
                                           {QStringLiteral("from_stage"), toCode(c.stage)},
                                           {QStringLiteral("to_stage"), toCode(to)},
                                           {QStringLiteral("at"), Iso::date(on)},
                                           {QStringLiteral("note"), note}});
            !r)
            return r;
        return journal.audit({Security::AuditAction::Update, QStringLiteral("household"),
                              c.householdId, c.officeCode,
                              Security::AuditDetail(Security::AuditDetailCode::CaseStage)
                                  .with(u"from", toCode(c.stage))
                                  .with(u"to", toCode(to))
                                  .encode(),
                              note});
    });
}

} // namespace VisitMap::Storage
