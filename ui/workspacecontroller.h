// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/facility.h"

#include "model/office.h"
#include "storage/changenotifier.h"
#include "storage/householdstore.h"
#include "util/result.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace VisitMap {
class CaseWork;
class FacilityDirectory;
class PhotoAccess;
class Workspace;
namespace Export {
class ExportService;
}
namespace Intake {
class ReportIntake;
class RoundIntake;
class UrgentEscalation;
} // namespace Intake
namespace Security {
class Disclosure;
}
namespace Sync {
class ConflictStore;
class SyncService;
} // namespace Sync
} // namespace VisitMap

namespace VisitMap::Ui {

// The open store as the widgets see it: owns the Workspace, fetches what the views show through
// the core stores, and tells the views when data changed. Widgets never run SQL.
class WorkspaceController : public QObject
{
    Q_OBJECT
public:
    explicit WorkspaceController(QObject *parent = nullptr);
    ~WorkspaceController() override;

    Status open(const QString &path);
    void adopt(std::unique_ptr<Workspace> workspace);
    Workspace *workspace() const { return m_ws.get(); }
    bool isOpen() const { return m_ws != nullptr; }

    Status signIn(const QString &name, const QString &password);
    Status signInDemo();
    void signOut();
    // What the screen may show of people (masked lists, logged reveals).
    Security::Disclosure &disclosure() const { return *m_disclosure; }
    // The services of the open store, built once when it opens (only while one is open): what
    // the panels, dialogs and undo commands call.
    CaseWork &caseWork() const { return *m_caseWork; }
    PhotoAccess &photos() const { return *m_photos; }
    FacilityDirectory &facilityDirectory() const { return *m_facilityDirectory; }
    Export::ExportService &exports() const { return *m_exports; }
    Sync::SyncService &sync() const { return *m_sync; }
    Sync::ConflictStore &conflicts() const { return *m_conflicts; }
    Intake::ReportIntake &reportIntake() const { return *m_reportIntake; }
    Intake::RoundIntake &roundIntake() const { return *m_roundIntake; }
    Intake::UrgentEscalation &escalation() const { return *m_escalation; }
    bool can(int permission) const; // a Security::Permission
    QString accountName() const;
    QString roleLabel() const;
    bool isDemo() const;
    QString storePath() const;

    QDate today() const;
    // Accounts that can be assigned households (active, not admins), by name.
    QStringList workers() const;
    QList<Office> offices() const;            // the offices the account covers
    QString officeName(const QString &code) const;
    std::vector<Storage::HouseholdPoint> householdPoints() const;
    // The same read, packaged to run on a worker thread with its own read-only connection to the
    // store file (WAL lets it read beside this thread's connection), so a district of a million
    // households never holds up the window. An in-memory store is read at once instead. A read
    // that fails says so (the map shows the failure, never an empty district).
    std::function<Result<std::vector<Storage::HouseholdPoint>>()> householdPointsReader() const;
    Storage::TierCounts counts() const;
    // For the map: placed welfare facilities, high-risk households per office, a one-line masked
    // description of a household (for tooltips and the chooser), household ids of map rows.
    QList<Facility> placedFacilities() const;
    QHash<QString, int> highRiskByOffice() const;
    QString householdSummary(qint64 rowId) const;
    // The same line for a household by id (intake candidates).
    QString householdLine(const QString &householdId) const;
    QStringList householdIds(const QList<qint64> &rowIds) const;
    // The row the map and the list know a household by; none when it is not in the store.
    std::optional<qint64> rowIdOf(const QString &householdId) const;
    Storage::HouseholdQuery baseQuery() const; // restricted to the account's offices
    // The households a list query selects (in its order), held to the account's offices whatever
    // the query asks for: the one rule the list, the map and exports filter by. None when signed
    // out or when the query's offices are none of the account's.
    std::vector<qint64> listedRowIds(const Storage::HouseholdQuery &query) const;

    // The same facts for these households only (ids), in rowid order: what the views read again
    // when the store's notifier says they changed. Households outside the account's offices are
    // left out. None when the read failed.
    std::optional<std::vector<Storage::HouseholdPoint>>
    householdPointsOf(const QStringList &householdIds) const;

    // Edits need no call here: the store's notifier announces each committed change
    // (storeChanged). What changes everything at once (a sync pull, an import that added 행정동)
    // asks the views to read everything again; the offices are read again too.
    void reloadAll()
    {
        cacheOffices();
        Q_EMIT householdsChanged();
    }
    void notifyDisclosureChanged() { Q_EMIT disclosureChanged(); }
    void notifyError(const QString &message) { Q_EMIT errorOccurred(message); }
    void notifyWorkRevisited(const QString &householdId, const QString &message)
    {
        Q_EMIT workRevisited(householdId, message);
    }
    // A household as texts that stay name it (the undo menu): its 행정동 and its head masked as
    // the list shows it ("천연동 홍*동"), whatever is revealed on screen now, so two households
    // whose masked names are alike are told apart. Empty when there is no such household.
    QString maskedHeadName(const QString &householdId) const;

Q_SIGNALS:
    void sessionChanged();
    // Read everything again: another store, another account, a sync.
    void householdsChanged();
    // A committed transaction of the open store changed these (from Storage::ChangeNotifier).
    void storeChanged(const VisitMap::Storage::ChangeSet &changes);
    void disclosureChanged();
    // Something the person asked for failed (an undo that could not be done, say), in words.
    void errorOccurred(const QString &message);
    // An undo or redo went through on this household's record (empty: several households):
    // the window opens the household and shows the message.
    void workRevisited(const QString &householdId, const QString &message);

private:
    void cacheOffices();
    QString summaryLine(const Household &household) const;

    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<Security::Disclosure> m_disclosure;
    std::unique_ptr<CaseWork> m_caseWork;
    std::unique_ptr<PhotoAccess> m_photos;
    std::unique_ptr<FacilityDirectory> m_facilityDirectory;
    std::unique_ptr<Export::ExportService> m_exports;
    std::unique_ptr<Sync::SyncService> m_sync;
    std::unique_ptr<Sync::ConflictStore> m_conflicts;
    std::unique_ptr<Intake::ReportIntake> m_reportIntake;
    std::unique_ptr<Intake::RoundIntake> m_roundIntake;
    std::unique_ptr<Intake::UrgentEscalation> m_escalation;
    QList<Office> m_offices;
    QHash<QString, QString> m_officeNames;
};

} // namespace VisitMap::Ui
