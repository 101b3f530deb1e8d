// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace VisitMap::Security {

// One masking rule everywhere (screens, exports, prints), because mixed rules can be combined to
// unmask (research-notes §4).
namespace Mask {
// 711231-1234567 -> 711231-1******; fewer than 7 digits -> all digits hidden.
QString rrn(const QString &rrn);
// 김민수 -> 김*수, 김수 -> 김*, 남궁민수 -> 남**수, 김 -> *, "John Smith" -> "J*** S****".
QString name(const QString &name);
// 010-1234-5678 -> 010-1234-****: the last four digits hidden, separators kept.
QString phone(const QString &phone);
// 연희로 123-4 -> 연희로 ***: the building number (and a 지번) hidden; the detail (동·호) dropped.
QString address(const QString &address);
} // namespace Mask

} // namespace VisitMap::Security
