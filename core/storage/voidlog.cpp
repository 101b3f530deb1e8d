// SPDX-License-Identifier: GPL-3.0-or-later
#include "voidlog.h"
#include "security/auditdetail.h"

#include "database.h"
#include "journal.h"
#include "util/clock.h"

#include <QHash>

namespace VisitMap::Storage::VoidLog {

Status add(Database &db, Journal &journal, const QString &entity, const QString &entityId,
           const QString &householdId, const QString &officeCode, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::Validation, QStringLiteral("taking an entry back needs a reason"));
    return db.transaction([&]() -> Status {
        auto already = isVoided(db, entity, entityId);
        if (!already)
            return fail(already.error());
        if (*already)
            return fail(ErrorCode::Validation, QStringLiteral("the entry was already taken back"));
        const QString id = journal.newId();
        auto q = db.execute(QStringLiteral("INSERT INTO voids (id, entity, entity_id, office_code, "
                                           "reason, created_at, created_by) VALUES (?,?,?,?,?,?,?)"),
                            {id, entity, entityId, officeCode, reason, Iso::utc(journal.now()),
                             journal.actor().account});
        if (!q)
            return fail(q.error());
        if (auto ok = journal.recordChange(QStringLiteral("void"), id, ChangeOp::Append, officeCode,
                                           {{QStringLiteral("id"), id},
                                            {QStringLiteral("entity"), entity},
                                            {QStringLiteral("entity_id"), entityId},
                                            {QStringLiteral("reason"), reason}});
            !ok)
            return ok;
        return journal.audit({Security::AuditAction::Update, QStringLiteral("household"),
                              householdId, officeCode,
                              Security::AuditDetail(Security::AuditDetailCode::RecordVoided)
                                  .with(u"entity", entity)
                                  .with(u"id", entityId)
                                  .encode(),
                              reason});
    });
}

QString notVoided(QLatin1StringView entity, const QString &idColumn)
{
    return QStringLiteral("NOT EXISTS (SELECT 1 FROM voids x WHERE x.entity = '%1' AND "
                          "x.entity_id = %2)")
        .arg(entity, idColumn);
}

Result<QString> officeOfEntry(const Database &db, const QString &entity, const QString &entityId,
                              const QString &householdId)
{
    static const QHash<QString, QString> tables{
        {QStringLiteral("visit"), QStringLiteral("visits")},
        {QStringLiteral("assessment"), QStringLiteral("need_assessments")},
        {QStringLiteral("counseling"), QStringLiteral("counseling_notes")},
        {QStringLiteral("service_link"), QStringLiteral("service_links")},
        {QStringLiteral("attachment"), QStringLiteral("attachments")},
        {QStringLiteral("case"), QStringLiteral("cases")}};
    Result<QVariant> v = QVariant();
    if (entity == QLatin1String("stage_change")) {
        v = db.scalar(QStringLiteral("SELECT c.office_code FROM case_stage_changes c JOIN cases k ON k.id = "
                                     "c.case_id WHERE c.id = ? AND k.household_id = ?"),
                      {entityId, householdId});
    } else if (tables.contains(entity)) {
        v = db.scalar(QStringLiteral("SELECT office_code FROM %1 WHERE id = ? AND household_id = ?")
                          .arg(tables.value(entity)),
                      {entityId, householdId});
    } else {
        return fail(ErrorCode::Validation, QStringLiteral("a %1 cannot be taken back").arg(entity));
    }
    if (!v)
        return fail(v.error());
    return v->toString();
}

Result<bool> isVoided(const Database &db, const QString &entity, const QString &entityId)
{
    auto n = db.scalar(QStringLiteral("SELECT COUNT(*) FROM voids WHERE entity = ? AND entity_id = ?"),
                       {entity, entityId});
    if (!n)
        return fail(n.error());
    return n->toInt() > 0;
}

Result<QSet<QString>> voidedIds(const Database &db, const QString &entity)
{
    auto q = db.execute(QStringLiteral("SELECT entity_id FROM voids WHERE entity = ?"), {entity});
    if (!q)
        return fail(q.error());
    QSet<QString> out;
    while (q->next())
        out.insert(q->value(0).toString());
    return out;
}

Result<QList<QPair<QString, QString>>> loggedWithVisit(const Database &db, const QString &visitId)
{
    auto q = db.execute(
        QStringLiteral("SELECT 'assessment', id FROM need_assessments WHERE visit_id = ? AND id NOT "
                       "IN (SELECT entity_id FROM voids WHERE entity = 'assessment') "
                       "UNION ALL SELECT 'counseling', id FROM counseling_notes WHERE visit_id = ? "
                       "AND id NOT IN (SELECT entity_id FROM voids WHERE entity = 'counseling')"),
        {visitId, visitId});
    if (!q)
        return fail(q.error());
    QList<QPair<QString, QString>> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString()});
    return out;
}

} // namespace VisitMap::Storage::VoidLog
