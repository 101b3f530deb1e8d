// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdstatus.h"

#include <array>
#include <utility>

namespace VisitMap::HouseholdStatus {

namespace {
const std::array<std::pair<const char *, const char *>, 4> statuses{
    {{"active", "관리중"}, {"closed", "종결"}, {"moved", "전출"}, {"deceased", "사망"}}};
}

QString label(const QString &code)
{
    for (const auto &[c, l] : statuses)
        if (code == QLatin1String(c))
            return QString::fromUtf8(l);
    return code;
}

std::optional<QString> fromText(QStringView text)
{
    for (const auto &[c, l] : statuses)
        if (text == QLatin1String(c) || text == QString::fromUtf8(l))
            return QString::fromLatin1(c);
    return std::nullopt;
}

} // namespace VisitMap::HouseholdStatus
