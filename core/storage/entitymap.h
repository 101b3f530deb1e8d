// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace VisitMap::Storage {
class Database;
}

namespace VisitMap::Sync {

// A synced entity (the name the outbox and the central store use) and the local table that
// holds it. Rows travel as JSON objects of their columns; BLOB columns (ciphertext) as base64.
struct EntitySpec
{
    QString entity;
    QString table;
    QString idColumn = QStringLiteral("id");
    int rank = 0;            // parents before children when a batch is applied
    bool appendOnly = false; // never edited after it is written: never conflicts
};

const QList<EntitySpec> &entitySpecs();

// A JSON value as text (a string quoted, an object or array compact) and back; a NULL column
// reads as JSON null.
QString jsonText(const QJsonValue &value);
QJsonValue jsonFromText(const QVariant &text);
const EntitySpec *entitySpec(const QString &entity);

// Reads rows as JSON and writes JSON back as rows, by the tables' declared column types.
class RowCodec
{
public:
    explicit RowCodec(Storage::Database &db)
        : m_db(db)
    {
    }

    // The row as it stands (without the columns only this store keeps), with what travels with
    // it: an assessment's items, a report's sealed contact, a linked private resource.
    Result<std::optional<QJsonObject>> snapshot(const EntitySpec &spec, const QString &id);
    // Inserts the row or updates the fields given; fields in skip are left as they are here
    // (edits of this store not pushed yet).
    Status upsert(const EntitySpec &spec,
                  const QString &id,
                  const QJsonObject &data,
                  const QSet<QString> &skip = {});
    // One field, as the column's type wants it ('' in a reference column is NULL: the stores
    // send an empty text for "no household" where their row holds NULL).
    Result<QVariant> toSql(const QString &table, const QString &column, const QJsonValue &value);
    static QJsonValue toJson(const QVariant &value, bool blob);
    Result<bool> hasColumn(const QString &table, const QString &column);
    // The household the record hangs off (its household_id); empty when it has none or is gone.
    Result<QString> householdOf(const EntitySpec &spec, const QString &id);

private:
    struct Column
    {
        QString name;
        bool blob = false;
        bool reference = false; // a foreign key: empty text is no reference (NULL)
    };
    Result<QList<Column>> columns(const QString &table);
    Result<QJsonObject>
    readRow(const QString &table, const QString &where, const QVariantList &binds);

    Storage::Database &m_db;
    QHash<QString, QList<Column>> m_columns;
    QHash<QString, QSqlQuery> m_selects;
};

} // namespace VisitMap::Sync
