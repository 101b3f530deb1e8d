// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"
#include "support/testsupport.h"
#include "sync/entitymap.h"
#include "workspace.h"

#include <QMap>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace VisitMap::Test {

// Every row of every synced kind (Sync::entitySpecs(): households, persons, cases, notes,
// attachments, voids …) of one office in a store, as text of the columns that travel (all but
// a household's own sync state), sorted, by kind. Two stores that converged read the same.
inline QMap<QString, QStringList> syncedRows(Workspace &ws, const QString &office)
{
    QMap<QString, QStringList> out;
    for (const Sync::EntitySpec &spec : Sync::entitySpecs()) {
        const QString where = spec.table == QLatin1String("offices") ? QStringLiteral("code") : QStringLiteral("office_code");
        auto q = ws.db().execute(QStringLiteral("SELECT * FROM %1 WHERE %2 = ?").arg(spec.table, where), {office});
        REQUIRE(q);
        QStringList rows;
        while (q->next()) {
            const QSqlRecord r = q->record();
            QStringList fields;
            for (int i = 0; i < r.count(); ++i) {
                const QString name = r.fieldName(i);
                if (spec.table == QLatin1String("households")
                    && (name == QLatin1String("published") || name == QLatin1String("revision")))
                    continue;
                const QVariant v = r.value(i);
                fields << name + u'='
                              + (v.isNull() ? QStringLiteral("NULL")
                                 : v.typeId() == QMetaType::QByteArray ? QString::fromLatin1(v.toByteArray().toHex())
                                                                       : v.toString());
            }
            rows << fields.join(u'|');
        }
        rows.sort();
        out.insert(spec.entity, rows);
    }
    return out;
}

} // namespace VisitMap::Test
