// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importservice.h"

#include <QObject>
#include <QString>
#include <atomic>

class QThread;

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Ui {

// One import run off the window's thread: the store's connection is handed to a worker thread
// for the run and back when it ends (the window does not touch the store meanwhile: the import
// dialog is modal). Progress arrives as signals on the window's thread; cancel() asks the import
// to stop at its next row, and a stopped import has written nothing.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    ImportJob(Workspace &workspace,
              Import::ImportKind kind,
              QString path,
              Import::ImportOptions options,
              QObject *parent = nullptr);
    ~ImportJob() override; // cancels and waits for a run still going

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    // After finished(): what the import did or why it did nothing.
    const Result<Import::ImportReport> &result() const { return m_result; }

Q_SIGNALS:
    void progressed(int stage, qint64 done, qint64 total); // an Import::ImportStage
    void finished();

private:
    Workspace &m_ws;
    Import::ImportKind m_kind;
    QString m_path;
    Import::ImportOptions m_options;
    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
    bool m_running = false;
    Result<Import::ImportReport> m_result;
};

} // namespace VisitMap::Ui
