// SPDX-License-Identifier: GPL-3.0-or-later
#include "importjob.h"

#include "workspace.h"

#include <QThread>

namespace VisitMap::Ui {

ImportJob::ImportJob(Workspace &workspace,
                     Import::ImportKind kind,
                     QString path,
                     Import::ImportOptions options,
                     QObject *parent)
    : QObject(parent)
    , m_ws(workspace)
    , m_kind(kind)
    , m_path(std::move(path))
    , m_options(std::move(options))
{
}

ImportJob::~ImportJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void ImportJob::start()
{
    Q_ASSERT(!m_thread);
    QThread *home = QThread::currentThread();
    m_running = true;
    m_thread = QThread::create([this, home] {
        Import::ImportControl control(
            [this](Import::ImportStage stage, qint64 done, qint64 total) {
                Q_EMIT progressed(int(stage), done, total);
            },
            &m_cancel);
        m_result = Import::ImportService(m_ws, control).run(m_kind, m_path, m_options);
        m_ws.moveToThread(home);
    });
    connect(m_thread, &QThread::finished, this, [this] {
        m_running = false;
        Q_EMIT finished();
    });
    m_ws.moveToThread(m_thread);
    m_thread->start();
}

void ImportJob::cancel()
{
    m_cancel = true;
}

} // namespace VisitMap::Ui
