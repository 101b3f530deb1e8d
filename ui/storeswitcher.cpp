// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeswitcher.h"

#include "dialogs/signindialog.h"
#include "errortext.h"
#include "filedialogs.h"
#include "newstore/newstorewizard.h"
#include "plaintext.h"
#include "access/accountadmin.h"
#include "storeopener.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace VisitMap::Ui {

StoreSwitcher::StoreSwitcher(WorkspaceController *controller,
                             QWidget *window,
                             std::function<void()> forgetPerson)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
    , m_forgetPerson(std::move(forgetPerson))
{
}

bool StoreSwitcher::createStore()
{
    NewStoreWizard wizard(m_window);
    if (wizard.exec() != QDialog::Accepted)
        return false;
    return switchTo(wizard.takeWorkspace(), wizard.leadName());
}

bool StoreSwitcher::chooseAndOpen()
{
    const QString current = m_controller->storePath();
    const QString start
        = current.isEmpty() ? NewStoreWizard::defaultFolder() : QFileInfo(current).absolutePath();
    const QString path = FileDialogs::openStoreFileName(m_window, tr("저장소 열기"), start);
    return !path.isEmpty() && openStore(path);
}

bool StoreSwitcher::openStore(const QString &path)
{
    const QString title = tr("저장소 열기");
    const QString name = QFileInfo(path).fileName();
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (!canonical.isEmpty()
        && canonical == QFileInfo(m_controller->storePath()).canonicalFilePath()) {
        PlainText::information(m_window, title,
                               tr("%1은(는) 지금 열려 있는 저장소입니다.").arg(name));
        return false;
    }
    auto ws = StoreOpener::open(path, Workspace::OpenMode::ExistingOnly, m_window);
    if (!ws) {
        const Error &e = ws.error();
        if (e.code == ErrorCode::Cancelled)
            return false; // the person chose not to wait for the program that holds it
        const QString kept = tr("지금 저장소는 그대로 열려 있습니다.");
        if (e.code == ErrorCode::Io && QFileInfo(e.file) == QFileInfo(path))
            PlainText::warning(m_window, title,
                               tr("%1을(를) 복지방문지도 저장소로 열 수 없습니다. 저장소 파일이 "
                                  "아니거나, 손상되었거나, 읽을 수 없는 파일입니다. %2")
                                   .arg(name, kept));
        else
            PlainText::warning(
                m_window, title,
                ErrorText::describe(tr("%1을(를) 열지 못했습니다. %2").arg(name, kept), e));
        return false;
    }
    const std::optional<QString> account = prepareAccounts(**ws, m_window);
    if (!account)
        return false; // the store without accounts stays as it was; the current one stays open
    return switchTo(std::move(*ws), *account);
}

std::optional<QString> StoreSwitcher::prepareAccounts(Workspace &workspace, QWidget *parent)
{
    auto has = Security::AccountAdmin(workspace).storeHasAccounts();
    if (!has || *has)
        return QString(); // a store that cannot say so is asked for a sign-in, which says why
    NewStoreWizard wizard(&workspace, parent);
    if (wizard.exec() != QDialog::Accepted)
        return std::nullopt;
    return wizard.leadName();
}

bool StoreSwitcher::switchTo(std::unique_ptr<Workspace> workspace, const QString &account)
{
    if (!workspace)
        return false;
    const QString path = workspace->path();
    if (m_forgetPerson)
        m_forgetPerson();
    m_controller->signOut();
    m_controller->adopt(std::move(workspace)); // the previous store closes here
    QSettings().setValue(QStringLiteral("store/last"), path);
    SignInDialog dialog(m_controller, m_window);
    if (!account.isEmpty())
        dialog.setAccount(account);
    if (dialog.exec() != QDialog::Accepted) {
        Q_EMIT signInCancelled();
        return false;
    }
    return true;
}

} // namespace VisitMap::Ui
