// SPDX-License-Identifier: GPL-3.0-or-later
#include "casefile.h"

namespace VisitMap {

QString caseTypeLabel(const QString &type)
{
    if (type == QLatin1String("intensive"))
        return QStringLiteral("고난도사례");
    if (type == QLatin1String("linkage"))
        return QStringLiteral("서비스연계");
    return QStringLiteral("일반사례");
}

} // namespace VisitMap
