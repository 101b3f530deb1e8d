// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal.h"

#include "changenotifier.h"
#include "database.h"
#include "util/clock.h"
#include "util/uuid.h"

#include <QJsonDocument>

namespace VisitMap::Storage {

QString toCode(ChangeOp op)
{
    switch (op) {
    case ChangeOp::Insert:
        return QStringLiteral("insert");
    case ChangeOp::Update:
        return QStringLiteral("update");
    case ChangeOp::Append:
        return QStringLiteral("append");
    case ChangeOp::Void:
        return QStringLiteral("void");
    case ChangeOp::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

QDateTime Journal::now() const
{
    return m_clock.now();
}

QString Journal::newId() const
{
    return Uuid::v7(m_clock.now().toMSecsSinceEpoch());
}

Status Journal::recordChange(const QString &entity, const QString &entityId, ChangeOp op,
                             const QString &officeCode, const QJsonObject &payload,
                             const QJsonObject &base)
{
    auto q = m_db.prepare(QStringLiteral(
        "INSERT INTO outbox (change_id, entity, entity_id, op, office_code, payload, base, "
        "created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)"));
    if (!q)
        return fail(q.error());
    Storage::Database::bind(*q, 0, newId());
    Storage::Database::bind(*q, 1, entity);
    Storage::Database::bind(*q, 2, entityId);
    Storage::Database::bind(*q, 3, toCode(op));
    Storage::Database::bind(*q, 4, officeCode);
    Storage::Database::bind(*q, 5, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    Storage::Database::bind(*q, 6, QString::fromUtf8(QJsonDocument(base).toJson(QJsonDocument::Compact)));
    Storage::Database::bind(*q, 7, Iso::utc(now()));
    Storage::Database::bind(*q, 8, m_actor.account);
    if (auto ok = Database::run(*q); !ok)
        return ok;
    if (ChangeNotifier *n = m_db.notifier())
        n->recordChange(entity, entityId, op, payload);
    return {};
}

Status Journal::audit(const Security::AuditRecord &record)
{
    if (auto ok = m_audit.append(m_actor.account, m_actor.machine, record); !ok)
        return ok;
    const bool change = record.action == Security::AuditAction::Create
                        || record.action == Security::AuditAction::Update
                        || record.action == Security::AuditAction::Delete;
    if (change && record.subjectKind == QLatin1String("household"))
        if (ChangeNotifier *n = m_db.notifier())
            n->recordHouseholdTouched(record.subject);
    return {};
}

} // namespace VisitMap::Storage
