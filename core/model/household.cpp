// SPDX-License-Identifier: GPL-3.0-or-later
#include "household.h"

#include <QStringList>

namespace VisitMap {

QStringList householdTypes()
{
    return {QStringLiteral("노인단독"), QStringLiteral("노인부부"), QStringLiteral("1인"),
            QStringLiteral("한부모·조손"), QStringLiteral("장애인"), QStringLiteral("다문화·탈북민"),
            QStringLiteral("다자녀"), QStringLiteral("일반")};
}

} // namespace VisitMap
