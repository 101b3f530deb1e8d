// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace VisitMap::Test {

// Every byte of a store that rests on disk: the main file and, while the store is open, its
// write-ahead log and the log's index (recent writes sit in the -wal until a checkpoint), and a
// rollback journal if one is left. A scan for plaintext must read all of them.
inline QByteArray storeFilesBytes(const QString &path)
{
    QByteArray all;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        QFile f(path + QLatin1String(suffix));
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace VisitMap::Test
