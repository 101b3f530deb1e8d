// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QVariantList>

namespace VisitMap::Storage {
class Database;
}

namespace VisitMap::Sync {

// A change the sync set aside instead of stopping: pulled and not applicable here, or pushed and
// refused by the central store.
struct QuarantinedChange
{
    enum class Direction { Pull, Push };
    qint64 id = 0;
    Direction direction = Direction::Pull;
    QString changeId;
    QString entity;
    QString entityId;
    QString officeCode;
    qint64 revision = 0; // the central revision of a pulled change
    QString reason;      // the local error or the server's words
    QJsonObject data;    // the record as it arrived (pulled) or was sent (pushed)
    QDateTime at;
};

// The changes set aside, kept in the local store (table sync_quarantine) so that the status line
// and `sync --status` report them and nothing is silently dropped.
class QuarantineStore
{
public:
    explicit QuarantineStore(Storage::Database &db)
        : m_db(db)
    {
    }

    Status add(const QuarantinedChange &change);
    // A later state of the record applied here: what was set aside for it is obsolete.
    Status clearPulled(const QString &entity, const QString &entityId);
    Status remove(qint64 id);
    Result<int> count() const;
    // Oldest first; direction: only those.
    Result<QList<QuarantinedChange>> list() const;
    Result<QList<QuarantinedChange>> list(QuarantinedChange::Direction direction) const;

private:
    Result<QList<QuarantinedChange>> read(const QString &where, const QVariantList &binds) const;
    Storage::Database &m_db;
};

} // namespace VisitMap::Sync
