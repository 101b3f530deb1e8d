// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace VisitMap::Storage {
class Database;
}

namespace VisitMap::Sync {

// An unsent change as the journal wrote it to the outbox.
struct OutboxRow
{
    qint64 seq = 0;
    QString changeId;
    QString entity;
    QString entityId;
    QString op;
    QString officeCode;
    QJsonObject payload;
    QJsonObject base;
};

// The outbox as the sync reads and marks it (the journal writes it).
class OutboxStore
{
public:
    explicit OutboxStore(Storage::Database &db)
        : m_db(db)
    {
    }

    Result<qint64> unsentCount() const;
    // The highest seq so far (0 for an empty outbox).
    Result<qint64> lastSeq() const;
    // Up to limit unsent rows after seq, in order.
    Result<QList<OutboxRow>> unsentAfter(qint64 seq, int limit) const;
    // The rows were applied by the central store at now (ISO text).
    Status markSent(const QStringList &seqs, const QString &now);
    // Unsent rows up to seq move after every row there is (edits made before publishing go after
    // the records they edit).
    Status moveBehindNewest(qint64 seq);
    // Whether the outbox holds the change (sent or not): a pulled change this store made.
    Result<bool> holds(const QString &changeId);
    // The payloads of the record's unsent changes, oldest first.
    Result<QList<QJsonObject>> unsentPayloads(const QString &entity, const QString &entityId);

private:
    Storage::Database &m_db;
    std::optional<QSqlQuery> m_holds;
    std::optional<QSqlQuery> m_payloads;
};

} // namespace VisitMap::Sync
