// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeopener.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

namespace VisitMap::Ui {

using Storage::StoreLock;

QString StoreOpener::holderText(const QString &path, const std::optional<StoreLock::Holder> &holder)
{
    QString text = tr("저장소: %1").arg(QFileInfo(path).fileName());
    if (holder) {
        text += QLatin1Char('\n')
                + tr("사용 중인 프로그램: %1 (사용자 %2, 컴퓨터 %3, 프로세스 %4)")
                      .arg(holder->program.isEmpty() ? tr("알 수 없음") : holder->program,
                           holder->user.isEmpty() ? tr("알 수 없음") : holder->user,
                           holder->host.isEmpty() ? tr("알 수 없음") : holder->host)
                      .arg(holder->pid);
        if (holder->since.isValid())
            text += QLatin1Char('\n')
                    + tr("사용 시작: %1")
                          .arg(holder->since.toLocalTime().toString(
                              QStringLiteral("yyyy.MM.dd HH:mm:ss")));
    }
    text += QStringLiteral("\n\n")
            + tr("그 프로그램이 저장소를 닫을 때까지 기다리거나 취소하십시오. 한 저장소는 한 번에 "
                 "한 프로그램만 열 수 있습니다.");
    return text;
}

Result<std::unique_ptr<Workspace>>
StoreOpener::open(const QString &path, Workspace::OpenMode mode, QWidget *parent)
{
    auto lock = StoreLock::acquire(path, StoreLock::WaitPolicy{});
    if (!lock) {
        if (lock.error().code != ErrorCode::Conflict)
            return fail(lock.error());
        QMessageBox box(QMessageBox::Warning, tr("복지방문지도"),
                        tr("다른 프로그램이 이 저장소를 사용 중입니다."), QMessageBox::NoButton,
                        parent);
        box.setObjectName(QStringLiteral("storeBusy"));
        box.setInformativeText(holderText(path, StoreLock::recordedHolder(path)));
        QPushButton *wait = box.addButton(tr("기다리기"), QMessageBox::AcceptRole);
        box.addButton(tr("취소"), QMessageBox::RejectRole);
        box.setDefaultButton(wait);
        box.exec();
        if (box.clickedButton() != wait)
            return failAt(ErrorCode::Cancelled, path, 0,
                          QStringLiteral("not opened: the store is in use"));
        QProgressDialog progress(tr("다른 프로그램이 저장소를 닫기를 기다리는 중…"), tr("취소"), 0,
                                 0, parent);
        progress.setObjectName(QStringLiteral("storeWait"));
        progress.setWindowModality(Qt::ApplicationModal);
        progress.setMinimumDuration(0);
        progress.show();
        StoreLock::WaitPolicy policy;
        policy.timeoutMs = 24 * 3600 * 1000;
        policy.progress = [&progress](qint64) {
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        };
        lock = StoreLock::acquire(path, policy);
        progress.close();
        if (!lock)
            return fail(lock.error());
    }
    // The workspace's connection shares the lock taken here; it stays held while the store is open.
    return Workspace::open(path, mode);
}

} // namespace VisitMap::Ui
