// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"
#include "storage/entitymap.h"
#include "support/testsupport.h"
#include "workspace.h"

#include <QMap>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace VisitMap::Test {

// Every row of every synced kind (Sync::entitySpecs(): households, persons, cases, notes,
// attachments, voids …) of one office in a store, as text of the columns that travel, sorted,
// by kind. Two stores that converged read the same. Left out: a household's own sync state, and
// its updated_at, which each store stamps itself when it works the last visit and the due date
// out again from the visits it holds (those two fields are compared).
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
                    && (name == QLatin1String("published") || name == QLatin1String("revision")
                        || name == QLatin1String("updated_at")))
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

// The first row where two such lists differ, field by field, for a failure message.
inline std::string firstDifference(const QStringList &a, const QStringList &b)
{
    if (a.size() != b.size())
        return QStringLiteral("%1 rows against %2").arg(a.size()).arg(b.size()).toStdString();
    for (int i = 0; i < a.size(); ++i) {
        if (a[i] == b[i])
            continue;
        const QStringList fa = a[i].split(u'|'), fb = b[i].split(u'|');
        QStringList out{fa.value(0)};
        for (int f = 0; f < std::max(fa.size(), fb.size()); ++f)
            if (fa.value(f) != fb.value(f))
                out << fa.value(f) + QStringLiteral(" <> ") + fb.value(f);
        return out.join(QStringLiteral("; ")).toStdString();
    }
    return {};
}

} // namespace VisitMap::Test
