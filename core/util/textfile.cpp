// SPDX-License-Identifier: GPL-3.0-or-later
#include "textfile.h"

#include <QFile>

namespace VisitMap {

Result<QString> readTextFile(const QString &path, qint64 maxBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return failAt(ErrorCode::Io, path, 0, QStringLiteral("cannot open the file: %1").arg(f.errorString()));
    if (f.size() > maxBytes)
        return failAt(ErrorCode::Validation, path, 0, QStringLiteral("the file is over %1 MB").arg(maxBytes / (1024 * 1024)));
    return QString::fromUtf8(f.readAll());
}

} // namespace VisitMap
