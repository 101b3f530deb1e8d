// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrator.h"

#include "database.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <algorithm>
#include <sqlite3.h>

namespace VisitMap::Storage {

QList<Migration> Migrator::bundled()
{
    QList<Migration> list;
    const QDir dir(QStringLiteral(":/sql/migrations"));
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_(\\w+)\\.sql$"));
    for (const QString &entry : dir.entryList({QStringLiteral("*.sql")}, QDir::Files)) {
        const auto m = pattern.match(entry);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(entry));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        list.append({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    std::sort(list.begin(), list.end(),
              [](const Migration &a, const Migration &b) { return a.number < b.number; });
    return list;
}

int Migrator::latestVersion()
{
    const auto all = bundled();
    return all.isEmpty() ? 0 : all.last().number;
}

QStringList Migrator::splitStatements(const QString &sql)
{
    // sqlite3_complete() knows SQLite's grammar for statement ends, including trigger bodies,
    // quoted semicolons and comments, so the split agrees with what SQLite itself would run.
    QStringList statements;
    QString current;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        current += line;
        current += QLatin1Char('\n');
        if (!line.contains(QLatin1Char(';')))
            continue;
        const QByteArray utf8 = current.toUtf8();
        if (sqlite3_complete(utf8.constData())) {
            // Comment lines before a statement belong to no statement.
            QStringList lines = current.trimmed().split(QLatin1Char('\n'));
            while (!lines.isEmpty() && (lines.first().trimmed().startsWith(QLatin1String("--"))
                                        || lines.first().trimmed().isEmpty()))
                lines.removeFirst();
            const QString trimmed = lines.join(QLatin1Char('\n')).trimmed();
            if (!trimmed.isEmpty())
                statements << trimmed;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty()) {
        // Only comments may remain after the last statement.
        QString rest = current;
        rest.remove(QRegularExpression(QStringLiteral("--[^\n]*")));
        if (!rest.trimmed().isEmpty())
            statements << current.trimmed();
    }
    return statements;
}

Status Migrator::apply(const Migration &migration)
{
    return m_db.transaction([&]() -> Status {
        for (const QString &statement : splitStatements(migration.sql)) {
            if (auto ok = m_db.exec(statement); !ok) {
                Error e = ok.error();
                e.message = QStringLiteral("migration %1_%2 failed: %3")
                                .arg(migration.number, 4, 10, QLatin1Char('0'))
                                .arg(migration.name, e.message);
                return fail(e);
            }
        }
        return m_db.setUserVersion(migration.number);
    });
}

Result<int> Migrator::migrate()
{
    const int current = m_db.userVersion();
    if (current < 0)
        return fail(ErrorCode::Sql, QStringLiteral("cannot read the store's schema version"));
    const auto all = bundled();
    if (all.isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("no migrations are bundled"));
    if (current > all.last().number)
        return fail(ErrorCode::Validation,
                    QStringLiteral("the store has schema version %1, newer than this program "
                                   "understands (%2); update VisitMap")
                        .arg(current)
                        .arg(all.last().number));
    int ran = 0;
    for (const Migration &m : all) {
        if (m.number <= current)
            continue;
        if (auto ok = apply(m); !ok)
            return fail(ok.error());
        ++ran;
    }
    return ran;
}

} // namespace VisitMap::Storage
