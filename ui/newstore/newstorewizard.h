// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storesetup.h"

#include <QWizard>
#include <memory>

namespace VisitMap {
class Workspace;
}

namespace VisitMap::Ui {

class NewAccountPage;

// 파일 › 새 저장소: where the store goes, which office (시·도 → 시군구 of the bundled boundaries,
// and the 행정동 it serves), the first admin, the team lead, then a summary. Finishing makes the
// store (StoreSetup); a failure leaves no file and is said in Korean, the wizard staying open. On a
// store that exists but has no account yet, the same wizard without the first page sets it up.
class NewStoreWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { WherePage, OfficePage, AdminPage, LeadPage, SummaryPage };

    // A new store file.
    explicit NewStoreWizard(QWidget *parent = nullptr);
    // The accounts (and office) of an open store that has none; the store stays the caller's.
    explicit NewStoreWizard(Workspace *existing, QWidget *parent = nullptr);
    ~NewStoreWizard() override;

    void accept() override;

    // After acceptance: the new store, open with nobody signed in (new-file wizard only).
    std::unique_ptr<Workspace> takeWorkspace();
    QString storePath() const;
    QString leadName() const;
    StoreSetup::Plan plan() const;
    // Called before each step of the setup (tests inject a failure by returning false).
    void setStepHook(StoreSetup::Progress hook) { m_stepHook = std::move(hook); }

    // Documents/VisitMap: where a new store goes unless the person chooses another folder.
    static QString defaultFolder();

private:
    void build();
    QString failureText(const Error &error) const;

    Workspace *m_existing = nullptr;
    std::unique_ptr<Workspace> m_made;
    NewAccountPage *m_admin = nullptr;
    NewAccountPage *m_lead = nullptr;
    StoreSetup::Progress m_stepHook;
};

} // namespace VisitMap::Ui
