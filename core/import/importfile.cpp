// SPDX-License-Identifier: GPL-3.0-or-later
#include "importfile.h"

#include "util/textdecoder.h"

#include <QFile>
#include <QFileInfo>

namespace VisitMap::Import {

Result<QByteArray> ImportFile::read(const QString &path, qint64 cap)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failAt(ErrorCode::Io, path, 0, QStringLiteral("the file does not exist"));
    if (!info.isFile())
        return failAt(
            ErrorCode::Validation, path, 0,
            QStringLiteral("not a regular file (a folder, pipe or device); choose the file "
                           "itself"));
    if (info.size() > cap)
        return failAt(
            ErrorCode::Validation, path, 0,
            QStringLiteral("the file is %1 MB; import files are read up to %2 MB (split it)")
                .arg(QString::number(double(info.size()) / (1024 * 1024), 'f', 1))
                .arg(cap / (1024 * 1024)));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return failAt(ErrorCode::Io, path, 0,
                      QStringLiteral("cannot open the file: %1").arg(f.errorString()));
    // Read no more than the cap even if the file grew since it was measured.
    QByteArray bytes = f.read(cap + 1);
    if (bytes.size() > cap)
        return failAt(
            ErrorCode::Validation, path, 0,
            QStringLiteral("the file grew past %1 MB while it was read").arg(cap / (1024 * 1024)));
    return bytes;
}

Result<CsvTable> ImportFile::readCsv(const QString &path, qint64 cap)
{
    auto bytes = read(path, cap);
    if (!bytes)
        return fail(bytes.error());
    auto decoded = decodeText(*bytes, path);
    if (!decoded)
        return fail(decoded.error());
    return CsvReader::parse(decoded->text, path);
}

} // namespace VisitMap::Import
