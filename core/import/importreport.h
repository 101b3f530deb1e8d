// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace VisitMap::Import {

// One bad row: where it is and why, in words the person who made the file understands.
struct RowError
{
    QString file;
    int line = 0;
    QString field; // the column or JSON field at fault, when one is
    QString reason;

    QString toString() const;
};

// What an import did, or why it did nothing. An import with any error changes nothing.
struct ImportReport
{
    int imported = 0;
    int skipped = 0; // already present (reported, not doubled)
    QList<RowError> errors;
    QStringList notes;

    bool ok() const { return errors.isEmpty(); }
    static constexpr int maxErrorsListed = 200;
    void addError(const QString &file, int line, const QString &field, const QString &reason)
    {
        errors.append({file, line, field, reason});
    }
};

} // namespace VisitMap::Import
