// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "access/disclosure.h"
#include "dialogs/accesslogdialog.h"
#include "dialogs/accountsdialog.h"
#include "dialogs/assigndialog.h"
#include "dialogs/dashboarddialog.h"
#include "dialogs/dutyworkerdialog.h"
#include "dialogs/exportdialog.h"
#include "dialogs/facilitiesdialog.h"
#include "dialogs/importdialog.h"
#include "dialogs/passworddialog.h"
#include "dialogs/plannerdialog.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/signindialog.h"
#include "dialogs/workloaddialog.h"
#include "errortext.h"
#include "filedialogs.h"
#include "idlewatcher.h"
#include "map/mapexport.h"
#include "map/mapwidget.h"
#include "models/householdtablemodel.h"
#include "plaintext.h"
#include "security/permissions.h"
#include "storeswitcher.h"
#include "sync/syncdialogs.h"
#include "sync/syncrunner.h"
#include "theme.h"
#include "util/clock.h"
#include "widgets/householdfilterbar.h"
#include "widgets/householdpanel.h"
#include "widgets/intakepanel.h"
#include "window/householdselection.h"
#include "window/screenlock.h"
#include "window/windowstatus.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QHash>
#include <QDir>
#include <QInputDialog>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QDockWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QUndoStack>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace VisitMap::Ui {

MainWindow::MainWindow(WorkspaceController *controller, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_filter(new HouseholdFilterBar(controller, this))
    , m_model(new HouseholdTableModel(controller, this))
    , m_table(new QTableView(this))
    , m_map(new MapWidget(controller, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_pages(new QStackedWidget(this))
    , m_undo(new QUndoStack(this))
    , m_panel(new HouseholdPanel(controller, m_undo, this))
    , m_panelDock(new QDockWidget(tr("가구 정보"), this))
    , m_intake(new IntakePanel(controller, this))
    , m_intakeDock(new QDockWidget(tr("접수 대기 (복지위기 알림 신고 · 발굴 대상자)"), this))
    , m_sync(new SyncRunner(controller, this))
{
    setWindowTitle(tr("복지방문지도"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSortIndicator(HouseholdTableModel::TierColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(26);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("가구 목록"));
    m_table->setColumnWidth(HouseholdTableModel::TierColumn, 80);
    m_table->setColumnWidth(HouseholdTableModel::DongColumn, 80);
    m_table->setColumnWidth(HouseholdTableModel::HeadColumn, 70);
    m_table->setColumnWidth(HouseholdTableModel::AddressColumn, 230);
    m_table->setColumnWidth(HouseholdTableModel::TypeColumn, 90);
    m_table->setColumnWidth(HouseholdTableModel::DueColumn, 150);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 4, 8);
    auto *heading = new QLabel(tr("관리 가구"), left);
    QFont hf = Theme::uiFont(12);
    hf.setWeight(QFont::Bold);
    heading->setFont(hf);
    leftLayout->addWidget(heading);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_table, 1);
    m_status = new WindowStatus(controller, m_sync, m_model, m_intake, statusBar(), this);
    leftLayout->addWidget(m_status->countLabel());
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_map);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({560, 1000});

    auto *workPage = new QWidget(this);
    m_pages->addWidget(workPage);
    setCentralWidget(m_pages);
    m_lock = new ScreenLock(controller, this, m_pages, workPage);
    auto *workLayout = new QVBoxLayout(workPage);
    workLayout->setContentsMargins(0, 0, 0, 0);
    workLayout->setSpacing(0);
    workLayout->addWidget(m_lock->warningBar());
    workLayout->addWidget(m_splitter, 1);
    connect(m_lock, &ScreenLock::locking, this, &MainWindow::onLocking);
    connect(m_lock, &ScreenLock::unlocked, this, &MainWindow::onUnlocked);
    connect(m_lock, &ScreenLock::signOutRequested, this, &MainWindow::signOutAndAsk);
    connect(m_status, &WindowStatus::syncRequested, this, [this] { openSync(); });
    connect(m_status, &WindowStatus::conflictsRequested, this, [this] { openConflicts(); });

    m_panelDock->setObjectName(QStringLiteral("householdDock"));
    m_panelDock->setWidget(m_panel);
    m_panelDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    m_panelDock->setMinimumWidth(460);
    addDockWidget(Qt::RightDockWidgetArea, m_panelDock);
    // The household panel keeps the window's full height: the intake queue below the map never
    // pushes its case and timeline down.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_panelDock->hide();

    // The intake queue below the map: opened at start when something is waiting.
    m_intakeDock->setObjectName(QStringLiteral("intakeDock"));
    m_intakeDock->setWidget(m_intake);
    m_intakeDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    m_intakeDock->setMinimumHeight(260);
    addDockWidget(Qt::BottomDockWidgetArea, m_intakeDock);
    m_intakeDock->setVisible(m_intake->waiting() > 0);
    connect(m_intake, &IntakePanel::queueChanged, this,
            [this] { m_map->setIntakeMarks(m_intake->marks()); });
    m_map->setIntakeMarks(m_intake->marks());
    connect(m_intake, &IntakePanel::workerWanted, this, [this](const QString &householdId) {
        AssignDialog dialog(m_controller, m_undo, {householdId}, this);
        dialog.exec();
    });
    connect(m_map, &MapWidget::intakeActivated, this, [this](const QString &id) { showIntake(id); });
    connect(m_intake, &IntakePanel::householdRequested, this, [this](const QString &id) { openHousehold(id); });
    connect(controller, &WorkspaceController::errorOccurred, this, [this](const QString &message) {
        PlainText::warning(this, tr("복지방문지도"), message);
    });
    // An undo or redo shows whose record it was: the household opens, the status bar says what.
    connect(controller, &WorkspaceController::workRevisited, this,
            [this](const QString &id, const QString &message) {
                if (!id.isEmpty())
                    openHousehold(id);
                statusBar()->showMessage(message, 10000);
            });

    connect(m_filter, &HouseholdFilterBar::queryChanged, this, [this] {
        Storage::HouseholdQuery q = m_filter->query();
        q.order = m_model->query().order;
        q.descending = m_model->query().descending;
        m_model->setQuery(q);
    });
    // The map shows the households the list shows: the same rowids, never a second rule.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_map->setHouseholdFilter(m_filter->isActive() ? std::optional(m_model->sortedRowIds())
                                                       : std::nullopt);
    });
    connect(m_map, &MapWidget::filterClearRequested, m_filter, &HouseholdFilterBar::clear);
    connect(controller, &WorkspaceController::sessionChanged, this, &MainWindow::updateActions);
    connect(m_map, &MapWidget::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_selection = new HouseholdSelection(controller, m_map, m_table, m_model, m_panel, this);
    connect(m_selection, &HouseholdSelection::panelShown, m_panelDock, &QWidget::show);
    connect(m_selection, &HouseholdSelection::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    buildMenus();
    Storage::HouseholdQuery initial = m_filter->query();
    initial.order = Storage::HouseholdOrder::Tier;
    m_model->setQuery(initial);
    m_status->refresh();
    m_status->refreshSync();

    QSettings settings;
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    // First start: the whole screen. After that: as the person left it (maximised or not).
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        setWindowState(windowState() | Qt::WindowMaximized);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // The docks' places come back; what they show is this session's.
    m_panelDock->setVisible(!m_panel->householdId().isEmpty());
    m_intakeDock->setVisible(m_intake->waiting() > 0);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("파일(&F)"));
    m_switcher = new StoreSwitcher(m_controller, this, [this] { forgetPreviousPerson(); });
    connect(m_switcher, &StoreSwitcher::signInCancelled, this, &QWidget::close);
    const auto switchStore = [this](bool (StoreSwitcher::*how)()) {
        if (storeBusy()) {
            PlainText::information(this, tr("복지방문지도"),
                                   tr("가져오기가 끝난 뒤에 다른 저장소로 옮기세요."));
            return;
        }
        if ((m_switcher->*how)()) {
            m_lock->applyIdleMinutes();
            m_lock->unlock();
        }
    };
    QAction *newStore = file->addAction(tr("새 저장소(&N)…"));
    connect(newStore, &QAction::triggered, this,
            [switchStore] { switchStore(&StoreSwitcher::createStore); });
    QAction *openStore = file->addAction(tr("저장소 열기(&L)…"));
    openStore->setShortcut(QKeySequence::Open);
    connect(openStore, &QAction::triggered, this,
            [switchStore] { switchStore(&StoreSwitcher::chooseAndOpen); });
    file->addSeparator();
    m_exportAction = file->addAction(tr("자료 내보내기(&E)…"));
    m_exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    connect(m_exportAction, &QAction::triggered, this, [this] {
        // The export follows what the list shows, or what is selected on the map or in the list.
        ExportDialog dialog(m_controller, m_model->query(), selectedHouseholdIds(), this);
        dialog.exec();
    });
    file->addSeparator();
    QAction *importFile = file->addAction(tr("가져오기(&I)…"));
    importFile->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(importFile, &QAction::triggered, this, [this] {
        ImportDialog dialog(m_controller, this);
        dialog.exec();
    });
    QAction *importReports = file->addAction(tr("복지위기 알림 신고 가져오기(&R)…"));
    connect(importReports, &QAction::triggered, this, [this] {
        showIntake();
        m_intake->importReports();
    });
    QAction *importSignals = file->addAction(tr("발굴 대상자 명단 가져오기(&D)…"));
    connect(importSignals, &QAction::triggered, this, [this] {
        showIntake();
        m_intake->importSignals();
    });
    m_importActions = {importReports, importSignals};
    file->addSeparator();
    QAction *syncNow = file->addAction(tr("중앙 서버와 동기화(&Y)…"));
    syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    connect(syncNow, &QAction::triggered, this, [this] { openSync(); });
    QAction *conflicts = file->addAction(tr("동기화 충돌 해결(&C)…"));
    connect(conflicts, &QAction::triggered, this, [this] { openConflicts(); });
    file->addSeparator();
    QAction *password = file->addAction(tr("비밀번호 변경(&P)…"));
    connect(password, &QAction::triggered, this, [this] {
        PasswordDialog dialog(m_controller, this);
        dialog.exec();
    });
    QAction *lockNow = file->addAction(tr("지금 화면 잠그기(&K)"));
    lockNow->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_L);
    connect(lockNow, &QAction::triggered, this, &MainWindow::lock);
    QAction *signOut = file->addAction(tr("로그아웃(&O)"));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutAndAsk);
    file->addSeparator();
    QAction *quit = file->addAction(tr("끝내기(&Q)"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("편집(&E)"));
    QAction *undo = m_undo->createUndoAction(this, tr("실행 취소"));
    undo->setShortcut(QKeySequence::Undo);
    edit->addAction(undo);
    QAction *redo = m_undo->createRedoAction(this, tr("다시 실행"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(redo);

    QMenu *view = menuBar()->addMenu(tr("보기(&V)"));
    QAction *fit = view->addAction(tr("전체 지역 보기(&A)"));
    fit->setShortcut(Qt::CTRL | Qt::Key_0);
    connect(fit, &QAction::triggered, m_map, &MapWidget::fitToData);
    QAction *focusList = view->addAction(tr("가구 목록으로 이동(&L)"));
    focusList->setShortcut(Qt::CTRL | Qt::Key_L);
    connect(focusList, &QAction::triggered, m_table, qOverload<>(&QWidget::setFocus));
    QAction *focusMap = view->addAction(tr("지도로 이동(&M)"));
    focusMap->setShortcut(Qt::CTRL | Qt::Key_M);
    connect(focusMap, &QAction::triggered, m_map, qOverload<>(&QWidget::setFocus));
    QAction *intake = m_intakeDock->toggleViewAction();
    intake->setText(tr("접수 대기 목록(&I)"));
    intake->setShortcut(Qt::CTRL | Qt::Key_I);
    view->addAction(intake);
    view->addSeparator();
    buildMapMenu();
    m_revealAction = view->addAction(tr("목록에 개인정보 표시 (접속기록에 남음)(&R)"));
    m_revealAction->setCheckable(true);
    connect(m_revealAction, &QAction::toggled, this, [this](bool on) {
        if (!m_controller->disclosure().setListRevealed(on)) {
            const QSignalBlocker block(m_revealAction);
            m_revealAction->setChecked(false);
        }
        m_controller->notifyDisclosureChanged();
    });

    QMenu *lead = menuBar()->addMenu(tr("팀장(&T)"));
    m_assignAction = lead->addAction(tr("선택한 가구 담당자 지정(&A)…"));
    connect(m_assignAction, &QAction::triggered, this, [this] {
        const QStringList ids = selectedHouseholdIds();
        if (ids.isEmpty()) {
            QMessageBox::information(this, tr("담당자 지정"), tr("목록이나 지도에서 가구를 먼저 선택하세요."));
            return;
        }
        AssignDialog dialog(m_controller, m_undo, ids, this);
        dialog.exec();
    });
    m_dutyAction = lead->addAction(tr("당직 담당자(&D)…"));
    connect(m_dutyAction, &QAction::triggered, this,
            [this] { DutyWorkerDialog(m_controller, this).exec(); });
    m_planAction = lead->addAction(tr("방문 경로 계획(&R)…"));
    m_planAction->setShortcut(Qt::CTRL | Qt::Key_R);
    connect(m_planAction, &QAction::triggered, this, [this] { openPlanner(); });
    m_dashboardAction = lead->addAction(tr("현황판(&B)…"));
    m_dashboardAction->setShortcut(Qt::CTRL | Qt::Key_B);
    connect(m_dashboardAction, &QAction::triggered, this, [this] { openDashboard(); });
    m_workloadAction = lead->addAction(tr("담당자별 업무량(&W)…"));
    connect(m_workloadAction, &QAction::triggered, this, [this] {
        WorkloadDialog dialog(m_controller, this);
        dialog.exec();
    });

    QMenu *admin = menuBar()->addMenu(tr("관리(&A)"));
    m_accessLogAction = admin->addAction(tr("접속기록 점검(&L)…"));
    connect(m_accessLogAction, &QAction::triggered, this, [this] {
        AccessLogDialog dialog(m_controller, this);
        dialog.exec();
    });
    m_accountsAction = admin->addAction(tr("계정 관리(&U)…"));
    connect(m_accountsAction, &QAction::triggered, this, [this] {
        AccountsDialog dialog(m_controller, this);
        dialog.exec();
    });
    m_settingsAction = admin->addAction(tr("저장소 설정(&S)…"));
    connect(m_settingsAction, &QAction::triggered, this, [this] {
        SettingsDialog dialog(m_controller, this);
        if (dialog.exec() == QDialog::Accepted)
            m_lock->applyIdleMinutes();
    });
    updateActions();
}

void MainWindow::buildMapMenu()
{
    QMenu *map = menuBar()->addMenu(tr("지도(&P)"));
    auto toggle = [this, map](const QString &text, bool MapRenderer::Layers::*field) {
        QAction *a = map->addAction(text);
        a->setCheckable(true);
        a->setChecked(m_map->layers().*field);
        connect(a, &QAction::toggled, this, [this, field](bool on) {
            MapRenderer::Layers l = m_map->layers();
            l.*field = on;
            m_map->setLayers(l);
        });
        return a;
    };
    toggle(tr("가구 묶어 보기(클러스터)(&C)"), &MapRenderer::Layers::clustered);
    toggle(tr("고위험 가구 밀도(단계구분도)(&D)"), &MapRenderer::Layers::choropleth);
    toggle(tr("복지시설(&W)"), &MapRenderer::Layers::facilities);
    toggle(tr("배경지도 타일(&T)"), &MapRenderer::Layers::tiles);
    map->addSeparator();
    auto *tools = new QActionGroup(this);
    const struct
    {
        QString text;
        MapWidget::Tool tool;
    } modes[] = {{tr("이동 도구(&M)\tV"), MapWidget::Tool::Pan},
                 {tr("사각형으로 선택(&R) — Shift+끌기\tR"), MapWidget::Tool::Rectangle},
                 {tr("올가미로 선택(&L) — Ctrl+끌기\tL"), MapWidget::Tool::Lasso}};
    // V, R and L are the map's own keys (MapWidget::keyPressEvent), shown here after a tab: as
    // window shortcuts they took those letters from every open menu.
    QHash<int, QAction *> byTool;
    for (const auto &m : modes) {
        QAction *a = map->addAction(m.text);
        a->setCheckable(true);
        a->setChecked(m.tool == MapWidget::Tool::Pan);
        tools->addAction(a);
        const MapWidget::Tool tool = m.tool;
        byTool.insert(int(tool), a);
        connect(a, &QAction::triggered, this, [this, tool] { m_map->setTool(tool); });
    }
    connect(m_map, &MapWidget::toolChanged, this, [byTool](MapWidget::Tool tool) {
        if (QAction *a = byTool.value(int(tool)))
            a->setChecked(true);
    });
    QAction *fitSel = map->addAction(tr("선택한 가구 보기(&F)"));
    connect(fitSel, &QAction::triggered, m_map, &MapWidget::fitToSelection);
    map->addSeparator();
    connect(map->addAction(tr("복지시설 목록(&O)…")), &QAction::triggered, this, &MainWindow::openFacilities);
    m_mapExportAction = map->addAction(tr("지도 그림으로 저장(PNG/PDF)(&S)…"));
    connect(m_mapExportAction, &QAction::triggered, this, &MainWindow::exportMap);
    QAction *tiles = map->addAction(tr("배경지도 서버 설정(&B)…"));
    connect(tiles, &QAction::triggered, this, &MainWindow::configureTiles);
}

void MainWindow::exportMap()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("지도 저장"),
                                                 tr("지도에는 가구의 위치가 담깁니다. 저장하는 사유를 적으세요 "
                                                    "(접속기록에 남습니다):"),
                                                 QLineEdit::Normal, {}, &ok)
                               .trimmed();
    if (!ok)
        return;
    if (reason.isEmpty()) {
        QMessageBox::warning(this, tr("지도 저장"), tr("사유를 적어야 저장할 수 있습니다."));
        return;
    }
    const QString path = FileDialogs::saveFileName(
        this, tr("지도 저장"),
        tr("복지방문지도-%1.png").arg(m_controller->today().toString(Qt::ISODate)),
        tr("PNG 그림 (*.png);;PDF 문서 (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto r = MapExport::save(*m_map, *m_controller, path, reason); !r)
        PlainText::warning(this, tr("지도 저장"), ErrorText::describe(r.error()));
    else
        statusBar()->showMessage(tr("지도를 %1에 저장했습니다").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::configureTiles()
{
    QSettings s;
    bool ok = false;
    const QString url = QInputDialog::getText(
        this, tr("배경지도 서버"),
        tr("XYZ 타일 주소 틀을 적으세요. {z}/{x}/{y}가 들어갑니다.\n예: VWorld는 "
           "https://api.vworld.kr/req/wmts/1.0.0/인증키/Base/{z}/{y}/{x}.png\n비워 두면 행정동 경계 기본 지도만 씁니다."),
        QLineEdit::Normal, s.value(QStringLiteral("map/tileUrl")).toString(), &ok);
    if (!ok)
        return;
    const QString attribution = QInputDialog::getText(this, tr("배경지도 출처"),
                                                      tr("지도에 표시할 출처·저작권 문구 (타일 이용 조건에 따라):"),
                                                      QLineEdit::Normal,
                                                      s.value(QStringLiteral("map/tileAttribution")).toString(), &ok);
    if (!ok)
        return;
    s.setValue(QStringLiteral("map/tileUrl"), url.trimmed());
    s.setValue(QStringLiteral("map/tileAttribution"), attribution.trimmed());
    m_map->applyTileSettings();
}

void MainWindow::updateActions()
{
    using Security::Permission;
    m_exportAction->setEnabled(m_controller->can(int(Permission::ExportMasked)));
    m_mapExportAction->setEnabled(m_controller->can(int(Permission::ExportMasked)));
    m_revealAction->setEnabled(m_controller->can(int(Permission::RevealIdentifiers)));
    {
        const QSignalBlocker block(m_revealAction);
        m_revealAction->setChecked(m_controller->disclosure().listRevealed());
    }
    m_accessLogAction->setEnabled(m_controller->isOpen() && m_controller->workspace()->session());
    m_accountsAction->setEnabled(m_controller->can(int(Permission::ManageAccounts)));
    m_settingsAction->setEnabled(m_controller->can(int(Permission::ManageSettings)));
    m_assignAction->setEnabled(m_controller->can(int(Permission::AssignHouseholds)));
    m_dutyAction->setEnabled(m_controller->can(int(Permission::AssignHouseholds)));
    // Everyone may read their own entries; the review of everyone's is a lead's or admin's.
    m_accessLogAction->setText(m_controller->can(int(Permission::ReviewAccessLog))
                                   ? tr("접속기록 점검(&L)…")
                                   : tr("내 접속기록 보기(&L)…"));
    m_workloadAction->setEnabled(m_controller->can(int(Permission::AssignHouseholds)));
    // A caseworker's board holds their own households.
    m_dashboardAction->setEnabled(m_controller->can(int(Permission::ViewHouseholds)));
    m_dashboardAction->setText(m_controller->can(int(Permission::AssignHouseholds))
                                   ? tr("현황판(&B)…")
                                   : tr("내 현황판(&B)…"));
    if (m_dashboard && !m_controller->can(int(Permission::ViewHouseholds)))
        m_dashboard->close();
    m_planAction->setEnabled(m_controller->can(int(Permission::PlanRoutes)));
    for (QAction *a : std::as_const(m_importActions))
        a->setEnabled(m_controller->can(int(Permission::ImportData)));
    m_status->checkOverdueCheckins();
}

bool MainWindow::storeBusy() const
{
    Workspace *ws = m_controller->workspace();
    return ws && ws->busyElsewhere();
}

bool MainWindow::openHousehold(const QString &householdId)
{
    return m_selection->open(householdId);
}

QStringList MainWindow::selectedHouseholdIds() const
{
    return m_selection->selectedIds();
}

void MainWindow::selectRowsInList(const QList<qint64> &rowIds)
{
    m_selection->selectRows(rowIds);
}

IdleWatcher *MainWindow::idleWatcher() const
{
    return m_lock->idleWatcher();
}

bool MainWindow::isLocked() const
{
    return m_lock->isLocked();
}

void MainWindow::lock()
{
    m_lock->lockNow();
}

void MainWindow::onLocking()
{
    m_panelDock->hide();
    m_intakeWasVisible = m_intakeDock->isVisible();
    m_intakeDock->hide();
    if (m_planner)
        m_planner->close(); // the plan shows households; it is made again after unlocking
    if (m_dashboard)
        m_dashboard->close();
    menuBar()->setEnabled(false);
}

void MainWindow::onUnlocked()
{
    menuBar()->setEnabled(true);
    if (!m_panel->householdId().isEmpty())
        m_panelDock->show();
    if (m_intakeWasVisible)
        m_intakeDock->show();
    updateActions();
}

PlannerDialog *MainWindow::openPlanner()
{
    if (!m_planner) {
        m_planner = new PlannerDialog(m_controller, m_map, selectedHouseholdIds(), this);
        m_planner->setSelectionProvider([this] { return selectedHouseholdIds(); });
        m_planner->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_planner->show();
    m_planner->raise();
    return m_planner;
}

DashboardDialog *MainWindow::openDashboard()
{
    if (!m_dashboard) {
        m_dashboard = new DashboardDialog(m_controller, this);
        m_dashboard->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dashboard, &DashboardDialog::narrowRequested, this,
                [this](const HouseholdFilterBar::Narrowing &n) { m_filter->narrowTo(n); });
    }
    m_dashboard->show();
    m_dashboard->raise();
    return m_dashboard;
}

FacilitiesDialog *MainWindow::openFacilities()
{
    if (!m_facilities) {
        m_facilities = new FacilitiesDialog(m_controller, m_map, this);
        m_facilities->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_facilities->show();
    m_facilities->raise();
    return m_facilities;
}

void MainWindow::showIntake(const QString &id)
{
    m_intakeDock->show();
    m_intakeDock->raise();
    if (!id.isEmpty())
        m_intake->select(id);
}

void MainWindow::forgetPreviousPerson()
{
    // Whatever the person who leaves searched, chose, opened or was told stays with them.
    m_filter->clear();
    m_selection->clear();
    m_panelDock->hide();
    m_intakeWasVisible = false;
    m_intakeDock->hide();
    m_undo->clear();
    if (m_planner)
        m_planner->close();
    if (m_dashboard)
        m_dashboard->close(); // the next person's figures are their own
    m_lock->closeOtherWindows();
    m_status->clear();
}

void MainWindow::signOutAndAsk()
{
    forgetPreviousPerson();
    m_controller->signOut();
    SignInDialog dialog(m_controller, this);
    dialog.setAccount({}); // the next person is not asked to be the last one
    if (dialog.exec() != QDialog::Accepted) {
        close();
        return;
    }
    m_lock->unlock();
}

void MainWindow::focusView(const QString &view)
{
    if (view == QLatin1String("list"))
        m_splitter->setSizes({1100, 500});
    else
        m_splitter->setSizes({520, 1080});
}

SyncDialog *MainWindow::openSync()
{
    if (!m_syncDialog) {
        m_syncDialog = new SyncDialog(m_controller, m_sync, this);
        m_syncDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_syncDialog->show();
    m_syncDialog->raise();
    return m_syncDialog;
}

ConflictDialog *MainWindow::openConflicts()
{
    if (!m_conflictDialog) {
        m_conflictDialog = new ConflictDialog(m_controller, this);
        m_conflictDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_conflictDialog, &ConflictDialog::resolved, m_status, &WindowStatus::refreshSync);
    }
    m_conflictDialog->show();
    m_conflictDialog->raise();
    return m_conflictDialog;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace VisitMap::Ui
