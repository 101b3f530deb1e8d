// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace VisitMap::Intake {

// A photo a report file names by path, read the safe way: the path must stay inside the report
// file's folder (no absolute path, no "..", no link that leads out), name a regular file (not a
// device, pipe or folder), be at most maxBytes by its size on disk before a byte is read, and
// hold an image by its contents (JPEG, PNG, HEIC or WebP), whatever its name says.
class PhotoFile
{
public:
    static constexpr qint64 maxBytes = 20ll * 1024 * 1024;

    // The bytes of baseDir/path, or a Validation error whose message says why not (in words for
    // the person who made the report file; the caller adds the file, line and field).
    static Result<QByteArray> read(const QString &baseDir, const QString &path);

    // "image/jpeg", "image/png", "image/heic" or "image/webp" from the first bytes, or empty
    // when the bytes are not one of those images.
    static QString imageMime(const QByteArray &data);
};

} // namespace VisitMap::Intake
