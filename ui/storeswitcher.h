// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

class QWidget;

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Ui {

class WorkspaceController;

// Moves the window to another store (파일 › 새 저장소, 파일 › 저장소 열기): the new store is opened
// first (a bad file is said in Korean and the current store stays open); then the person is
// signed out and forgotten, the window adopts the store, QSettings store/last points at it and the
// sign-in dialog comes up (with the new store's team lead filled in). Cancelling that sign-in ends
// the program, as it does after 로그아웃; the next start opens the new store.
class StoreSwitcher : public QObject
{
    Q_OBJECT
public:
    StoreSwitcher(WorkspaceController *controller,
                  QWidget *window,
                  std::function<void()> forgetPerson);

    // 파일 › 새 저장소…: true once someone signed in to the new store.
    bool createStore();
    // 파일 › 저장소 열기…: asks for a .visitmap file, then openStore().
    bool chooseAndOpen();
    bool openStore(const QString &path);

    // A store that has no account yet (visitmap-cli init) gets its first admin and team lead from
    // the wizard: the account to sign in as (empty when the store had accounts), or nothing when
    // the person cancelled.
    static std::optional<QString> prepareAccounts(Workspace &workspace, QWidget *parent);

Q_SIGNALS:
    // The sign-in after a switch was cancelled: the window closes.
    void signInCancelled();

private:
    bool switchTo(std::unique_ptr<Workspace> workspace, const QString &account);

    WorkspaceController *m_controller;
    QWidget *m_window;
    std::function<void()> m_forgetPerson;
};

} // namespace VisitMap::Ui
