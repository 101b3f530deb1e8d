// SPDX-License-Identifier: GPL-3.0-or-later
#include "photofile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace VisitMap::Intake {

namespace {

QString mb(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', 1);
}

auto refuse(const QString &why)
{
    return fail(ErrorCode::Validation, why);
}

} // namespace

QString PhotoFile::imageMime(const QByteArray &data)
{
    if (data.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (data.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("image/png");
    if (data.size() >= 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    // ISO base media file: [size]["ftyp"][major brand]; HEIF/HEIC brands only.
    if (data.size() >= 12 && data.mid(4, 4) == "ftyp") {
        static const QList<QByteArray> brands{"heic", "heix", "heim", "heis",
                                              "hevc", "hevx", "mif1", "msf1"};
        if (brands.contains(data.mid(8, 4)))
            return QStringLiteral("image/heic");
    }
    return {};
}

Result<QByteArray> PhotoFile::read(const QString &baseDir, const QString &path)
{
    if (path.trimmed().isEmpty())
        return refuse(QStringLiteral("the path is empty"));
    if (QDir::isAbsolutePath(path) || path.startsWith(u'/') || path.startsWith(u'\\'))
        return refuse(QStringLiteral("%1 is an absolute path; photos are read only from the report "
                                     "file's folder (give a name like photos/1.jpg)")
                          .arg(path));
    const QStringList parts = QString(path).replace(u'\\', u'/').split(u'/');
    if (parts.contains(QStringLiteral("..")))
        return refuse(
            QStringLiteral("%1 leaves the report file's folder (..); photos are read only "
                           "from that folder")
                .arg(path));
    const QString base = QFileInfo(baseDir).canonicalFilePath();
    if (base.isEmpty())
        return refuse(QStringLiteral("the report file's folder cannot be read"));
    const QString target = QFileInfo(QDir(base).filePath(path)).canonicalFilePath();
    if (target.isEmpty())
        return refuse(QStringLiteral("%1 does not exist beside the report file").arg(path));
    const QString inside = base.endsWith(u'/') ? base : base + u'/';
    if (!target.startsWith(inside))
        return refuse(QStringLiteral("%1 leads outside the report file's folder (a link?); photos "
                                     "are read only from that folder")
                          .arg(path));

    QByteArray data;
#ifdef Q_OS_UNIX
    // Opened without following a link and without waiting for a writer (a pipe), then checked on
    // the open file itself, so what is checked is what is read.
    const QByteArray native = QFile::encodeName(target);
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return refuse(QStringLiteral("cannot read %1").arg(path));
    struct FdCloser
    {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0)
        return refuse(QStringLiteral("cannot read %1").arg(path));
    if (!S_ISREG(st.st_mode))
        return refuse(
            QStringLiteral("%1 is not a regular file (a device, pipe or folder)").arg(path));
    if (st.st_size == 0)
        return refuse(QStringLiteral("%1 is empty").arg(path));
    if (st.st_size > maxBytes)
        return refuse(QStringLiteral("%1 is %2 MB; photos are read up to %3 MB")
                          .arg(path, mb(st.st_size), mb(maxBytes)));
    data.resize(qsizetype(st.st_size));
    qsizetype got = 0;
    while (got < data.size()) {
        const ssize_t n = ::read(fd, data.data() + got, size_t(data.size() - got));
        if (n < 0)
            return refuse(QStringLiteral("cannot read %1").arg(path));
        if (n == 0)
            break;
        got += n;
    }
    data.truncate(got);
#else
    const QFileInfo info(target);
    if (!info.isFile() || info.isSymLink())
        return refuse(
            QStringLiteral("%1 is not a regular file (a device, pipe or folder)").arg(path));
    if (info.size() == 0)
        return refuse(QStringLiteral("%1 is empty").arg(path));
    if (info.size() > maxBytes)
        return refuse(QStringLiteral("%1 is %2 MB; photos are read up to %3 MB")
                          .arg(path, mb(info.size()), mb(maxBytes)));
    QFile f(target);
    if (!f.open(QIODevice::ReadOnly))
        return refuse(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    data = f.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return refuse(QStringLiteral("%1 is larger than %2 MB").arg(path, mb(maxBytes)));
#endif
    if (imageMime(data).isEmpty())
        return refuse(QStringLiteral("%1 is not a JPEG, PNG, HEIC or WebP image (judged by its "
                                     "contents, not its name)")
                          .arg(path));
    return data;
}

} // namespace VisitMap::Intake
