// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Sync {

// A field two people changed from the same value: the central store kept theirs; the person
// whose change it refused decides.
struct Conflict
{
    QString id;
    QString entity;
    QString entityId;
    QString officeCode;
    QString field;
    QJsonValue base;   // the value both started from
    QJsonValue mine;   // what this store's account set
    QJsonValue theirs; // what the central store kept
    QString theirsBy;
    QDateTime detectedAt;
    QString householdId;
    QString householdAddress;
};

enum class Resolution { Mine, Theirs };

// The open conflicts of the signed-in account's offices, and their resolution. Choosing "mine"
// is an edit like any other: it goes through the outbox (from their value) and syncs.
class ConflictStore
{
public:
    explicit ConflictStore(Workspace &workspace) : m_ws(workspace) {}

    Result<QList<Conflict>> open() const;
    Status resolve(const QString &conflictId, Resolution resolution);

    // A value as a person reads it ("(비어 있음)" for none).
    static QString display(const QJsonValue &value, const QString &field = {});
    static QString fieldLabel(const QString &entity, const QString &field);

private:
    Workspace &m_ws;
};

} // namespace VisitMap::Sync
