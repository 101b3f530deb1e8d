// SPDX-License-Identifier: GPL-3.0-or-later
#include "urgency.h"

namespace VisitMap {

QString toCode(Urgency urgency)
{
    switch (urgency) {
    case Urgency::Urgent:
        return QStringLiteral("urgent");
    case Urgency::Priority:
        return QStringLiteral("priority");
    case Urgency::Normal:
        return QStringLiteral("normal");
    }
    return QStringLiteral("normal");
}

std::optional<Urgency> urgencyFromCode(const QString &code)
{
    if (code == QLatin1String("urgent"))
        return Urgency::Urgent;
    if (code == QLatin1String("priority"))
        return Urgency::Priority;
    if (code == QLatin1String("normal"))
        return Urgency::Normal;
    return std::nullopt;
}

} // namespace VisitMap
