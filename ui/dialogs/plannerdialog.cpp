// SPDX-License-Identifier: GPL-3.0-or-later
#include "plannerdialog.h"

#include "dialogs/routesheetpdf.h"
#include "filedialogs.h"
#include "map/mapwidget.h"
#include "map/routelayer.h"
#include "model/enums.h"
#include "plaintext.h"
#include "security/disclosure.h"
#include "security/permissions.h"
#include "storage/householdstore.h"
#include "theme.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDropEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace VisitMap::Ui {

using Routing::DayPlanner;

namespace {
enum Role { IdRole = Qt::UserRole + 1, TeamRole };
}

void PlanTree::dropEvent(QDropEvent *event)
{
    QTreeWidget::dropEvent(event);
    Q_EMIT dropped();
}

PlannerDialog::PlannerDialog(WorkspaceController *controller, MapWidget *map, const QStringList &selection, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_map(map)
    , m_selection(selection)
    , m_source(new QComboBox(this))
    , m_office(new QComboBox(this))
    , m_date(new QDateEdit(controller->today(), this))
    , m_teams(new QSpinBox(this))
    , m_start(new QTimeEdit(QTime(9, 0), this))
    , m_end(new QTimeEdit(QTime(18, 0), this))
    , m_lunch(new QTimeEdit(QTime(12, 0), this))
    , m_lunchMinutes(new QSpinBox(this))
    , m_mode(new QComboBox(this))
    , m_solve(new QPushButton(tr("경로 계획"), this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_tree(new PlanTree(this))
    , m_save(new QPushButton(tr("계획 저장"), this))
    , m_print(new QPushButton(tr("경로표 인쇄 (PDF)…"), this))
    , m_up(new QPushButton(tr("위로"), this))
    , m_down(new QPushButton(tr("아래로"), this))
    , m_out(new QPushButton(tr("계획에서 빼기"), this))
{
    setWindowTitle(tr("방문 경로 계획"));
    setModal(false);
    m_source->addItem(tr("선택한 가구 (%1)").arg(selection.size()), int(Source::Selection));
    m_source->addItem(tr("방문 주기 지난 고위험 가구"), int(Source::OverdueHigh));
    m_source->addItem(tr("고위험 가구"), int(Source::High));
    m_source->addItem(tr("방문 주기 지난 가구"), int(Source::Overdue));
    m_source->addItem(tr("신규 발굴 가구"), int(Source::New));
    if (selection.isEmpty())
        m_source->setCurrentIndex(1);
    for (const Office &o : controller->offices())
        m_office->addItem(o.name, o.code);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd (ddd)"));
    m_teams->setRange(1, 20);
    m_teams->setValue(3);
    m_teams->setSuffix(tr("팀"));
    for (QTimeEdit *t : {m_start, m_end, m_lunch})
        t->setDisplayFormat(QStringLiteral("HH:mm"));
    m_lunchMinutes->setRange(0, 120);
    m_lunchMinutes->setSingleStep(10);
    m_lunchMinutes->setValue(60);
    m_lunchMinutes->setSuffix(tr("분"));
    m_mode->addItem(tr("도보"), int(Routing::TravelMode::Walk));
    m_mode->addItem(tr("차량"), int(Routing::TravelMode::Car));
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("방문할 가구"), m_source);
    form->addRow(tr("행정동"), m_office);
    form->addRow(tr("날짜"), m_date);
    form->addRow(tr("팀 수"), m_teams);
    auto *hours = new QHBoxLayout;
    hours->addWidget(m_start);
    hours->addWidget(new QLabel(QStringLiteral("–"), this));
    hours->addWidget(m_end);
    form->addRow(tr("근무 시간"), hours);
    auto *lunch = new QHBoxLayout;
    lunch->addWidget(m_lunch);
    lunch->addWidget(m_lunchMinutes);
    form->addRow(tr("점심"), lunch);
    form->addRow(tr("이동"), m_mode);

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_tree->setHeaderLabels({tr("순서 · 도착"), tr("가구"), tr("머무름"), tr("거리")});
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    // Stops go into a team (or the unassigned group), never beside the teams.
    m_tree->invisibleRootItem()->setFlags(Qt::ItemIsEnabled);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->setAccessibleName(tr("팀별 방문 순서"));

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_solve);
    left->addWidget(m_progress);
    left->addWidget(m_summary);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_tree, 1);
    auto *edit = new QHBoxLayout;
    edit->addWidget(new QLabel(tr("끌어서 순서나 팀을 바꿀 수 있습니다."), this), 1);
    edit->addWidget(m_up);
    edit->addWidget(m_down);
    edit->addWidget(m_out);
    right->addLayout(edit);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_save);
    actions->addWidget(m_print);
    auto *close = new QPushButton(tr("닫기"), this);
    actions->addWidget(close);
    right->addLayout(actions);
    auto *root = new QHBoxLayout(this);
    root->addLayout(left, 0);
    root->addLayout(right, 1);
    resize(900, 560);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        m_office->setEnabled(Source(m_source->currentData().toInt()) != Source::Selection);
    });
    m_office->setEnabled(Source(m_source->currentData().toInt()) != Source::Selection);
    connect(m_solve, &QPushButton::clicked, this, [this] { solve(); });
    connect(m_tree, &PlanTree::dropped, this, [this] {
        readTree();
        DayPlanner::retime(m_plan);
        rebuildTree();
        showOnMap();
    });
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &PlannerDialog::updateButtons);
    auto shift = [this](int by) {
        QTreeWidgetItem *item = m_tree->currentItem();
        if (!item || !item->parent())
            return;
        const int team = item->parent()->data(0, TeamRole).toInt();
        const int index = item->parent()->indexOfChild(item);
        moveStop(team, index, team, index + by);
    };
    connect(m_up, &QPushButton::clicked, this, [shift] { shift(-1); });
    connect(m_down, &QPushButton::clicked, this, [shift] { shift(+1); });
    connect(m_out, &QPushButton::clicked, this, [this] {
        QTreeWidgetItem *item = m_tree->currentItem();
        if (!item || !item->parent() || item->parent()->data(0, TeamRole).toInt() == 0)
            return;
        moveStop(item->parent()->data(0, TeamRole).toInt(), item->parent()->indexOfChild(item), 0, 0);
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (auto ok = save(); !ok)
            PlainText::warning(this, tr("계획 저장"), ok.error().message);
        else
            m_summary->setText(m_summary->text() + tr("<br><b>저장했습니다.</b>"));
    });
    connect(m_print, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString reason = QInputDialog::getText(this, tr("경로표 인쇄"),
                                                     tr("경로표에는 주소가 담깁니다. 출력 사유를 적으세요 (접속기록에 남습니다):"),
                                                     QLineEdit::Normal, tr("방문 경로표"), &ok)
                                   .trimmed();
        if (!ok || reason.isEmpty())
            return;
        const QString path = FileDialogs::saveFileName(
            this, tr("경로표 인쇄"), tr("방문경로표-%1.pdf").arg(m_plan.date.toString(Qt::ISODate)),
            tr("PDF 문서 (*.pdf)"));
        if (path.isEmpty())
            return;
        const bool unmasked = m_controller->can(int(Security::Permission::ExportUnmasked))
                              && QMessageBox::question(this, tr("경로표 인쇄"), tr("이름과 전화번호를 가리지 않고 인쇄할까요?"))
                                     == QMessageBox::Yes;
        if (auto done = printSheets(path, reason, unmasked); !done)
            PlainText::warning(this, tr("경로표 인쇄"), done.error().message);
    });
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    updateButtons();
}

PlannerDialog::~PlannerDialog()
{
    if (m_map)
        m_map->setRoutes({});
}

void PlannerDialog::setSource(Source source, const QString &officeCode)
{
    m_source->setCurrentIndex(m_source->findData(int(source)));
    if (!officeCode.isEmpty())
        m_office->setCurrentIndex(m_office->findData(officeCode));
}

void PlannerDialog::setTeams(int teams)
{
    m_teams->setValue(teams);
}

bool PlannerDialog::solve()
{
    Workspace *ws = m_controller->workspace();
    Routing::DayPlanner planner(*ws);
    Routing::DayPlanRequest req;
    const Source source = Source(m_source->currentData().toInt());
    if (source == Source::Selection) {
        req.householdIds = m_selection;
    } else {
        static const char *const which[] = {"", "overdue,high", "high", "overdue", "new"};
        auto ids = planner.select(QString::fromLatin1(which[int(source)]), m_office->currentData().toString());
        if (!ids) {
            m_summary->setText(ids.error().message.toHtmlEscaped());
            return false;
        }
        req.householdIds = *ids;
    }
    if (req.householdIds.isEmpty()) {
        m_summary->setText(tr("계획할 가구가 없습니다. 목록이나 지도에서 가구를 고르거나 다른 조건을 고르세요."));
        return false;
    }
    req.date = m_date->date();
    req.teams = m_teams->value();
    req.start = m_start->time();
    req.end = m_end->time();
    req.lunch = m_lunch->time();
    req.lunchMinutes = m_lunchMinutes->value();
    req.travel.mode = Routing::TravelMode(m_mode->currentData().toInt());
    req.progress = [this](double fraction) {
        m_progress->setValue(int(fraction * 100));
        QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        return true;
    };
    m_progress->setValue(0);
    m_progress->show();
    m_solve->setEnabled(false);
    auto plan = planner.plan(req);
    m_progress->hide();
    m_solve->setEnabled(true);
    if (!plan) {
        m_summary->setText(plan.error().message.toHtmlEscaped());
        return false;
    }
    m_plan = *plan;
    m_plan.request.progress = nullptr;
    m_hasPlan = true;
    rebuildTree();
    showOnMap();
    if (m_map)
        m_map->fitToRoutes();
    return true;
}

QString PlannerDialog::summary() const
{
    return m_summary->text();
}

void PlannerDialog::rebuildTree()
{
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    Storage::HouseholdStore store(m_controller->workspace()->db());
    const Security::Disclosure &d = m_controller->disclosure();
    auto describe = [&](const QString &id) {
        auto h = store.get(id);
        if (!h)
            return id;
        return QStringLiteral("%1 · %2 · %3").arg(d.listName(h->headName), label(h->tier()), d.listAddress(h->roadAddress));
    };
    auto teamItem = [&](int team, const QString &text) {
        auto *item = new QTreeWidgetItem(m_tree, {text});
        item->setData(0, TeamRole, team);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsDropEnabled);
        QFont f = item->font(0);
        f.setBold(true);
        item->setFont(0, f);
        item->setFirstColumnSpanned(true);
        if (team > 0)
            item->setForeground(0, RouteLayer::teamColour(team));
        item->setExpanded(true);
        return item;
    };
    for (const Routing::TeamRoute &r : m_plan.routes) {
        QTreeWidgetItem *team = teamItem(r.team, tr("%1팀 · %2곳 · %3 km · 복귀 %4")
                                                     .arg(r.team)
                                                     .arg(r.stops.size())
                                                     .arg(r.metres / 1000, 0, 'f', 1)
                                                     .arg(DayPlanner::clock(r.backAtOffice)));
        int k = 0;
        for (const Routing::PlannedStop &s : r.stops) {
            auto *item = new QTreeWidgetItem(team, {QStringLiteral("%1. %2").arg(++k).arg(DayPlanner::clock(s.start)), describe(s.householdId),
                                                    tr("%1분").arg(s.leave - s.start), QStringLiteral("%L1 m").arg(qRound(s.metresFromPrevious))});
            item->setData(0, IdRole, s.householdId);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
            if (s.late) {
                for (int c = 0; c < 4; ++c)
                    item->setForeground(c, QColor(0xB1, 0x12, 0x1B));
                item->setToolTip(0, tr("근무 시간 안에 끝나지 않습니다"));
            }
        }
        team->setExpanded(true);
    }
    QTreeWidgetItem *left = teamItem(0, tr("계획에 넣지 못한 가구 (%1)").arg(m_plan.unassigned.size()));
    for (const Routing::Unplanned &u : m_plan.unassigned) {
        auto *item = new QTreeWidgetItem(left, {QStringLiteral("–"), describe(u.householdId), QString(), u.reason});
        item->setData(0, IdRole, u.householdId);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        item->setToolTip(3, PlainText::toolTip(u.reason));
    }
    left->setExpanded(true);
    m_tree->resizeColumnToContents(0);
    m_summary->setText(tr("<b>%1</b> · %2팀이 %3곳을 방문합니다. 남은 가구 %4곳.<br>%5%6")
                           .arg(m_plan.date.toString(Qt::ISODate))
                           .arg(m_plan.routes.size())
                           .arg(m_plan.planned())
                           .arg(m_plan.unassigned.size())
                           .arg(m_plan.travelSource.toHtmlEscaped(),
                                m_plan.notice.isEmpty() ? QString() : QStringLiteral("<br><span style='color:#B1121B'>%1</span>").arg(m_plan.notice.toHtmlEscaped()))
                       + (m_plan.anyLate() ? tr("<br><span style='color:#B1121B'>빨간 방문은 근무 시간 안에 끝나지 않습니다.</span>") : QString()));
    updateButtons();
}

void PlannerDialog::readTree()
{
    // The tree is the plan after a drag: teams in order, then the unassigned group.
    QHash<QString, Routing::PlannedStop> stops;
    QHash<QString, QString> reasons;
    for (const Routing::TeamRoute &r : m_plan.routes) {
        for (const Routing::PlannedStop &s : r.stops)
            stops.insert(s.householdId, s);
    }
    for (const Routing::Unplanned &u : m_plan.unassigned)
        reasons.insert(u.householdId, u.reason);
    QList<Routing::TeamRoute> routes;
    QList<Routing::Unplanned> left;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        if (!group->data(0, IdRole).toString().isEmpty()) {
            // A stop that ended up beside the teams is not lost: it is left out of the plan.
            const QString id = group->data(0, IdRole).toString();
            left.append({id, reasons.value(id, tr("손으로 계획에서 뺌"))});
            continue;
        }
        const int team = group->data(0, TeamRole).toInt();
        Routing::TeamRoute route;
        route.team = team;
        for (int c = 0; c < group->childCount(); ++c) {
            const QString id = group->child(c)->data(0, IdRole).toString();
            if (team == 0) {
                left.append({id, reasons.value(id, tr("손으로 계획에서 뺌"))});
            } else {
                Routing::PlannedStop s = stops.value(id);
                s.householdId = id;
                route.stops << s;
            }
        }
        if (team > 0)
            routes << route;
    }
    m_plan.routes = routes;
    m_plan.unassigned = left;
}

bool PlannerDialog::moveStop(int fromTeam, int fromIndex, int toTeam, int toIndex)
{
    QString id;
    if (fromTeam == 0) {
        if (fromIndex < 0 || fromIndex >= m_plan.unassigned.size())
            return false;
        id = m_plan.unassigned.takeAt(fromIndex).householdId;
    } else {
        if (fromTeam > m_plan.routes.size() || fromIndex < 0 || fromIndex >= m_plan.routes[fromTeam - 1].stops.size())
            return false;
        id = m_plan.routes[fromTeam - 1].stops.takeAt(fromIndex).householdId;
    }
    if (toTeam == 0) {
        m_plan.unassigned.insert(std::clamp<qsizetype>(toIndex, 0, m_plan.unassigned.size()), {id, tr("손으로 계획에서 뺌")});
    } else {
        Routing::PlannedStop s;
        s.householdId = id;
        auto &stops = m_plan.routes[std::clamp(toTeam, 1, int(m_plan.routes.size())) - 1].stops;
        stops.insert(std::clamp<qsizetype>(toIndex, 0, stops.size()), s);
    }
    DayPlanner::retime(m_plan);
    rebuildTree();
    showOnMap();
    return true;
}

void PlannerDialog::showOnMap()
{
    if (!m_map)
        return;
    RouteOverlay overlay;
    overlay.officeLon = m_plan.officeLon;
    overlay.officeLat = m_plan.officeLat;
    Storage::HouseholdStore store(m_controller->workspace()->db());
    for (const Routing::TeamRoute &r : m_plan.routes) {
        RouteOverlay::Team t;
        t.team = r.team;
        for (const Routing::PlannedStop &s : r.stops) {
            auto h = store.get(s.householdId);
            if (!h)
                continue;
            t.stops.append({h->lon, h->lat, DayPlanner::clock(s.start), s.late});
        }
        overlay.teams << t;
    }
    m_map->setRoutes(overlay);
}

void PlannerDialog::updateButtons()
{
    const bool stop = m_tree->currentItem() && m_tree->currentItem()->parent();
    m_up->setEnabled(stop);
    m_down->setEnabled(stop);
    m_out->setEnabled(stop && m_tree->currentItem()->parent()->data(0, TeamRole).toInt() > 0);
    m_save->setEnabled(m_hasPlan);
    m_print->setEnabled(m_hasPlan && m_plan.planned() > 0 && m_controller->can(int(Security::Permission::ExportMasked)));
}

Status PlannerDialog::save()
{
    auto id = Routing::PlanArchive::save(*m_controller->workspace(), m_plan);
    return id ? Status() : fail(id.error());
}

Status PlannerDialog::printSheets(const QString &path, const QString &reason, bool unmasked)
{
    auto data = Routing::RouteSheet::prepare(*m_controller->workspace(), m_plan, unmasked, reason);
    if (!data)
        return fail(data.error());
    return RouteSheetPdf::write(path, *data, [this](const Routing::SheetTeam &team, QSize size) {
        if (!m_map)
            return QImage();
        RouteOverlay overlay;
        overlay.officeLon = m_plan.officeLon;
        overlay.officeLat = m_plan.officeLat;
        RouteOverlay::Team t;
        t.team = team.team;
        for (const Routing::SheetStop &s : team.stops)
            t.stops.append({s.lon, s.lat, s.eta, false});
        overlay.teams << t;
        return m_map->renderExcerpt(size, 2.0, overlay);
    });
}

} // namespace VisitMap::Ui
