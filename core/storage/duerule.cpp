// SPDX-License-Identifier: GPL-3.0-or-later
#include "duerule.h"

namespace VisitMap::Storage::DueRule {

namespace {
QString prefix(const QString &alias)
{
    return alias.isEmpty() ? QString() : alias + u'.';
}
} // namespace

QString overdue(const QString &alias)
{
    const QString p = prefix(alias);
    return QStringLiteral("(%1status = 'active' AND %1next_visit_due > '' AND %1next_visit_due < ?)").arg(p);
}

QString dueBetween(const QString &alias)
{
    const QString p = prefix(alias);
    return QStringLiteral("(%1status = 'active' AND %1next_visit_due BETWEEN ? AND ?)").arg(p);
}

} // namespace VisitMap::Storage::DueRule
