// SPDX-License-Identifier: GPL-3.0-or-later
#include "filedialogs.h"

#include "storage/storelock.h"

#include <QAbstractFileIconProvider>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QMessageBox>
#include <QSortFilterProxyModel>

namespace VisitMap::Ui {

namespace {

// Icons and type words from the name and kind alone. Qt's providers ask QMimeDatabase, which
// opens and reads a file whose name it does not know (a store, its -wal and -shm) to guess.
class NameOnlyIconProvider : public QAbstractFileIconProvider
{
public:
    QIcon icon(IconType type) const override { return QAbstractFileIconProvider::icon(type); }
    QIcon icon(const QFileInfo &info) const override
    {
        return QAbstractFileIconProvider::icon(info.isDir() ? Folder : File);
    }
    QString type(const QFileInfo &info) const override
    {
        if (info.isDir())
            return FileDialogs::tr("폴더");
        const QString suffix = info.suffix();
        return suffix.isEmpty() ? FileDialogs::tr("파일")
                                : FileDialogs::tr("%1 파일").arg(suffix.toUpper());
    }
};

NameOnlyIconProvider &iconProvider()
{
    static NameOnlyIconProvider provider;
    return provider;
}

// Hides the store's files from the list, whatever name filter is chosen.
class StoreFileFilter : public QSortFilterProxyModel
{
public:
    explicit StoreFileFilter(bool storesChosen, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_storesChosen(storesChosen)
    {
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const auto *model = qobject_cast<const QFileSystemModel *>(sourceModel());
        if (!model)
            return true;
        const QModelIndex index = model->index(row, 0, parent);
        if (model->isDir(index))
            return true;
        const QString path = model->filePath(index);
        return m_storesChosen ? !FileDialogs::isStoreSidecarOrHeld(path)
                              : !FileDialogs::isStoreFile(path);
    }

private:
    bool m_storesChosen;
};

enum class Chooses { OtherFile, Store };

QString run(QWidget *parent,
            QFileDialog::AcceptMode mode,
            const QString &caption,
            const QString &dir,
            const QString &filter,
            Chooses chooses = Chooses::OtherFile)
{
    for (;;) {
        QFileDialog dialog(parent, caption, dir, filter);
        dialog.setAcceptMode(mode);
        dialog.setFileMode(mode == QFileDialog::AcceptOpen ? QFileDialog::ExistingFile
                                                           : QFileDialog::AnyFile);
        if (chooses == Chooses::Store) {
            FileDialogs::configureForStores(dialog);
            dialog.setDefaultSuffix(QStringLiteral("visitmap"));
        } else {
            FileDialogs::configure(dialog);
        }
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return {};
        const QString chosen = dialog.selectedFiles().constFirst();
        if (chooses == Chooses::Store ? !FileDialogs::isStoreSidecarOrHeld(chosen)
                                      : !FileDialogs::isStoreFile(chosen))
            return chosen;
        // Typed by hand: a store's file is never read or written by anything but the store.
        QMessageBox::warning(
            parent, caption,
            FileDialogs::tr("%1은(는) 복지방문지도 저장소의 파일이라 선택할 수 없습니다. "
                            "다른 파일을 고르십시오.")
                .arg(QFileInfo(chosen).fileName()));
    }
}

} // namespace

void FileDialogs::configure(QFileDialog &dialog)
{
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setOption(QFileDialog::DontResolveSymlinks);
    dialog.setOption(QFileDialog::DontUseCustomDirectoryIcons);
    dialog.setIconProvider(&iconProvider());
    dialog.setProxyModel(new StoreFileFilter(false, &dialog));
}

void FileDialogs::configureForStores(QFileDialog &dialog)
{
    configure(dialog);
    dialog.setProxyModel(new StoreFileFilter(true, &dialog));
}

bool FileDialogs::isStoreSidecarOrHeld(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName().toLower();
    const bool store = name.endsWith(QLatin1String(".visitmap")) && name.size() > 9;
    if (!store)
        return isStoreFile(path);
    const QString absolute = info.absoluteFilePath();
    return Storage::StoreLock::heldStores().contains(absolute);
}

bool FileDialogs::isStoreFile(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName().toLower();
    for (const char *suffix :
         {".visitmap", ".visitmap-wal", ".visitmap-shm", ".visitmap-journal", ".visitmap.lock",
          ".visitmap.part", ".visitmap.part-wal", ".visitmap.part-shm", ".visitmap.part-journal",
          ".visitmap.part.lock"}) {
        if (name.endsWith(QLatin1String(suffix)))
            return true;
    }
    const QString absolute = info.absoluteFilePath();
    for (const QString &store : Storage::StoreLock::heldStores()) {
        for (const char *suffix : {"", "-wal", "-shm", "-journal", ".lock"}) {
            if (absolute == store + QLatin1String(suffix))
                return true;
        }
    }
    return false;
}

QString FileDialogs::openFileName(QWidget *parent,
                                  const QString &caption,
                                  const QString &dir,
                                  const QString &filter)
{
    return run(parent, QFileDialog::AcceptOpen, caption, dir, filter);
}

QString FileDialogs::saveFileName(QWidget *parent,
                                  const QString &caption,
                                  const QString &dir,
                                  const QString &filter)
{
    return run(parent, QFileDialog::AcceptSave, caption, dir, filter);
}

QString FileDialogs::openStoreFileName(QWidget *parent, const QString &caption, const QString &dir)
{
    return run(parent, QFileDialog::AcceptOpen, caption, dir,
               tr("복지방문지도 저장소 (*.visitmap)"), Chooses::Store);
}

QString FileDialogs::saveStoreFileName(QWidget *parent, const QString &caption, const QString &dir)
{
    return run(parent, QFileDialog::AcceptSave, caption, dir,
               tr("복지방문지도 저장소 (*.visitmap)"), Chooses::Store);
}

} // namespace VisitMap::Ui
