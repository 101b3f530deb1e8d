// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace VisitMap::HouseholdStatus {

// A household's status is stored as a code (active, closed, moved, deceased); files a 구청 reads
// carry its Korean word (관리중, 종결, 전출, 사망).
QString label(const QString &code);
// The code of a status given as a code or its Korean word, or nothing.
std::optional<QString> fromText(QStringView text);

} // namespace VisitMap::HouseholdStatus
