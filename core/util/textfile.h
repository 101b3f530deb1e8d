// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QString>

namespace VisitMap {

// A whole UTF-8 text file, refused (naming the file) when it cannot be opened or is larger than
// maxBytes.
Result<QString> readTextFile(const QString &path, qint64 maxBytes);

} // namespace VisitMap
