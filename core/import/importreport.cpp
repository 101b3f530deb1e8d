// SPDX-License-Identifier: GPL-3.0-or-later
#include "importreport.h"

namespace VisitMap::Import {

QString RowError::toString() const
{
    QString where = file;
    if (line > 0)
        where += QStringLiteral(":%1").arg(line);
    const QString what = field.isEmpty() ? reason : QStringLiteral("%1: %2").arg(field, reason);
    return where.isEmpty() ? what : where + QStringLiteral(": ") + what;
}

} // namespace VisitMap::Import
