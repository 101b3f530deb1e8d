// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "map/mapwidget.h"
#include "models/householdtablemodel.h"
#include "theme.h"
#include "widgets/householdfilterbar.h"
#include "workspacecontroller.h"

#include <QAction>
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
    , m_storeLabel(new QLabel(this))
    , m_accountLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
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
    leftLayout->addWidget(m_countLabel);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_map);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({560, 1000});
    setCentralWidget(m_splitter);

    statusBar()->addWidget(m_storeLabel, 1);
    statusBar()->addPermanentWidget(m_accountLabel);

    connect(m_filter, &HouseholdFilterBar::queryChanged, this, [this] {
        Storage::HouseholdQuery q = m_filter->query();
        q.order = m_model->query().order;
        q.descending = m_model->query().descending;
        m_model->setQuery(q);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(controller, &WorkspaceController::sessionChanged, this, &MainWindow::updateStatus);
    connect(m_map, &MapWidget::householdClicked, this, &MainWindow::selectInList);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_map->selectRowId(m_model->rowIdAt(current.row()));
            });
    buildMenus();
    Storage::HouseholdQuery initial = m_filter->query();
    initial.order = Storage::HouseholdOrder::Tier;
    m_model->setQuery(initial);
    updateStatus();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("파일(&F)"));
    QAction *quit = file->addAction(tr("끝내기(&Q)"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

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
}

void MainWindow::focusView(const QString &view)
{
    if (view == QLatin1String("list"))
        m_splitter->setSizes({1100, 500});
    else
        m_splitter->setSizes({520, 1080});
}

void MainWindow::updateStatus()
{
    const QString store = QFileInfo(m_controller->storePath()).fileName();
    m_storeLabel->setText(m_controller->isDemo() ? tr("저장소: %1 (합성 데모 자료)").arg(store)
                                                 : tr("저장소: %1").arg(store));
    m_accountLabel->setText(m_controller->accountName().isEmpty()
                                ? tr("로그인 안 됨")
                                : tr("%1 (%2)").arg(m_controller->accountName(), m_controller->roleLabel()));
    const Storage::TierCounts c = m_controller->counts();
    m_countLabel->setText(tr("목록 %L1가구 · 전체 %L2가구 (고위험 %L3 · 중위험 %L4 · 저위험 %L5) · 방문 지남 %L6")
                              .arg(m_model->rowCount())
                              .arg(c.total())
                              .arg(c.high)
                              .arg(c.medium)
                              .arg(c.low)
                              .arg(c.overdue));
}

void MainWindow::selectInList(qint64 rowId)
{
    const int row = m_model->rowOfRowId(rowId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    event->accept();
}

} // namespace VisitMap::Ui
