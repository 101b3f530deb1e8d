// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/auditlog.h"
#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace VisitMap {
class Clock;
}

namespace VisitMap::Storage {

class Database;

// Who is acting, for created_by columns and the access log.
struct Actor
{
    QString account;
    QString machine;
};

enum class ChangeOp { Insert, Update, Append, Void, Delete };
QString toCode(ChangeOp op);

// Writes the outbox row and the access-log row of a change. Stores call it inside the same
// transaction as the change itself, so all three land together or not at all.
class Journal
{
public:
    Journal(Database &db, Security::AuditLog &audit, const Clock &clock)
        : m_db(db), m_audit(audit), m_clock(clock)
    {}

    void setActor(Actor actor) { m_actor = std::move(actor); }
    const Actor &actor() const { return m_actor; }
    const Clock &clock() const { return m_clock; }
    QDateTime now() const;
    QString newId() const;

    // One pending change for the central store. base: the values the edit started from.
    Status recordChange(const QString &entity, const QString &entityId, ChangeOp op,
                        const QString &officeCode, const QJsonObject &payload,
                        const QJsonObject &base = {});
    Status audit(const Security::AuditRecord &record);

private:
    Database &m_db;
    Security::AuditLog &m_audit;
    const Clock &m_clock;
    Actor m_actor;
};

} // namespace VisitMap::Storage
