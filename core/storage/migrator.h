// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QList>
#include <QString>

namespace VisitMap::Storage {

class Database;

struct Migration
{
    int number = 0;
    QString name;
    QString sql;
};

// Applies the numbered migrations compiled into the resources (resources/sql/migrations/
// NNNN_name.sql) that are newer than the store's PRAGMA user_version, each in its own transaction
// together with the version bump. A store newer than this program is refused, not touched.
class Migrator
{
public:
    explicit Migrator(Database &db) : m_db(db) {}

    static QList<Migration> bundled();
    static int latestVersion();

    Result<int> migrate(); // returns how many migrations ran
    Status apply(const Migration &migration);

    // Splits a script into complete statements (triggers with BEGIN ... END stay whole).
    static QStringList splitStatements(const QString &sql);

private:
    Database &m_db;
};

} // namespace VisitMap::Storage
