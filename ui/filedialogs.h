// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QFileDialog;
class QFileInfo;
class QWidget;

namespace VisitMap::Ui {

// Every file dialog of the app goes through here. A dialog in the store's folder must never open
// the store's files: on Linux any open and close of them in this process drops the POSIX locks
// SQLite holds on them. Qt's own (widget) dialog is used, never the platform's, which may run in
// this process and read files to guess their type; its icon provider answers from the name and
// kind alone (no QMimeDatabase content sniffing, no custom folder icons); symlinks are not
// resolved; and the store's files (*.visitmap and its -wal, -shm, -journal and .lock sidecars,
// and whichever store this process holds) are hidden and cannot be chosen.
class FileDialogs
{
    Q_DECLARE_TR_FUNCTIONS(FileDialogs)

public:
    static QString openFileName(QWidget *parent,
                                const QString &caption,
                                const QString &dir,
                                const QString &filter);
    static QString saveFileName(QWidget *parent,
                                const QString &caption,
                                const QString &dir,
                                const QString &filter);

    // For a store itself (저장소 열기, 새 저장소): *.visitmap files are listed and may be chosen,
    // their sidecars and the store this process holds are not. Opening asks for an existing file;
    // saving gives a name ending in .visitmap.
    static QString openStoreFileName(QWidget *parent, const QString &caption, const QString &dir);
    static QString saveStoreFileName(QWidget *parent, const QString &caption, const QString &dir);

    // Sets up a dialog as above (the two calls use it; tests look at it).
    static void configure(QFileDialog &dialog);
    // As configure(), for a dialog that chooses a store (storeFiles: *.visitmap may be chosen).
    static void configureForStores(QFileDialog &dialog);
    // A store file or one of its sidecars (by name, or being a store this process holds).
    static bool isStoreFile(const QString &path);
    // A store's sidecar (-wal, -shm, -journal, .lock, .part …) or a store this process holds:
    // what even a store dialog never offers.
    static bool isStoreSidecarOrHeld(const QString &path);
};

} // namespace VisitMap::Ui
