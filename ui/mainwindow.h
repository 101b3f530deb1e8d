// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QFrame;
class QLabel;
class QSplitter;
class QDockWidget;
class QStackedWidget;
class QTableView;
class QTimer;
class QUndoStack;

namespace VisitMap::Ui {

class HouseholdFilterBar;
class DashboardDialog;
class HouseholdPanel;
class HouseholdTableModel;
class IdleWatcher;
class IntakePanel;
class FacilitiesDialog;
class PlannerDialog;
class StoreSwitcher;
class SyncRunner;
class SyncDialog;
class ConflictDialog;
class HouseholdSelection;
class ScreenLock;
class WindowStatus;
class MapWidget;
class WorkspaceController;

// The workstation: the household list beside the map, the household panel and the intake queue
// docked, status below. Wiring and menus: the lock is ScreenLock's, the shared selection
// HouseholdSelection's, the status lines WindowStatus's.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(WorkspaceController *controller, QWidget *parent = nullptr);
    ~MainWindow() override;

    MapWidget *map() const { return m_map; }
    // Selects the households' rows in the list (those the list shows), as a map selection does.
    void selectRowsInList(const QList<qint64> &rowIds);
    QTableView *householdTable() const { return m_table; }
    HouseholdTableModel *householdModel() const { return m_model; }
    // The list's search and conditions (query() is what the list and the map show).
    HouseholdFilterBar *householdFilter() const { return m_filter; }
    // "map" or "list": which part gets the room (used by --screenshot and the View menu).
    void focusView(const QString &view);
    IdleWatcher *idleWatcher() const;
    HouseholdPanel *householdPanel() const { return m_panel; }
    IntakePanel *intakePanel() const { return m_intake; }
    // Shows the intake queue (reports and 발굴 entries waiting), with one item selected.
    void showIntake(const QString &id = {});
    // Opens the day planner (on the current selection when there is one).
    PlannerDialog *openPlanner();
    FacilitiesDialog *openFacilities(); // 지도 › 복지시설 목록
    // 팀장 › 현황판 (non-modal): a click on a bar shows those households in the list and map.
    DashboardDialog *openDashboard();
    QUndoStack *undoStack() const { return m_undo; }
    // Opens a household in the panel (and selects it in the list when listed).
    bool openHousehold(const QString &householdId);
    QStringList selectedHouseholdIds() const;
    bool isLocked() const;
    void lock();
    SyncRunner *syncRunner() const { return m_sync; }
    // Before the first show: the window as last left (geometry, docks), maximised on first start.
    void restoreLayout();
    // 파일 › 중앙 서버와 동기화 and 동기화 충돌 해결 (non-modal; the window keeps them).
    SyncDialog *openSync();
    ConflictDialog *openConflicts();
    // 파일 › 새 저장소 and 저장소 열기 go through it.
    StoreSwitcher *storeSwitcher() const { return m_switcher; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void updateActions();
    void buildMapMenu();
    void exportMap();
    void configureTiles();
    void onLocking();
    void onUnlocked();
    void signOutAndAsk();
    void forgetPreviousPerson();
    bool storeBusy() const; // an import is running off the window's thread

    WorkspaceController *m_controller;
    HouseholdFilterBar *m_filter;
    HouseholdTableModel *m_model;
    QTableView *m_table;
    MapWidget *m_map;
    QSplitter *m_splitter;
    QStackedWidget *m_pages;
    QAction *m_revealAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_mapExportAction = nullptr;
    QAction *m_accessLogAction = nullptr;
    QAction *m_accountsAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_assignAction = nullptr;
    QAction *m_workloadAction = nullptr;
    QUndoStack *m_undo;
    HouseholdPanel *m_panel;
    QDockWidget *m_panelDock;
    IntakePanel *m_intake;
    QDockWidget *m_intakeDock;
    bool m_intakeWasVisible = false;
    QList<QAction *> m_importActions;
    QAction *m_planAction = nullptr;
    QAction *m_dutyAction = nullptr;
    QPointer<PlannerDialog> m_planner;
    QPointer<FacilitiesDialog> m_facilities;
    QPointer<DashboardDialog> m_dashboard;
    QAction *m_dashboardAction = nullptr;
    SyncRunner *m_sync;
    WindowStatus *m_status = nullptr;
    ScreenLock *m_lock = nullptr;
    HouseholdSelection *m_selection = nullptr;
    QPointer<SyncDialog> m_syncDialog;
    QPointer<ConflictDialog> m_conflictDialog;
    StoreSwitcher *m_switcher = nullptr;
};

} // namespace VisitMap::Ui
