// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportscope.h"

#include <QSet>

namespace VisitMap::Export {

bool ExportScope::narrows(const Storage::HouseholdQuery &q, const QStringList &accountOffices)
{
    if (q.tier || q.overdueOnly || q.newOnly || !q.worker.isEmpty() || q.tong > 0 || q.ban > 0
        || q.caseStage || !q.text.trimmed().isEmpty())
        return true;
    if (q.offices.isEmpty())
        return false;
    const QSet<QString> asked(q.offices.cbegin(), q.offices.cend());
    for (const QString &o : accountOffices)
        if (!asked.contains(o))
            return true;
    return false;
}

} // namespace VisitMap::Export
