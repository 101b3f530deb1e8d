// SPDX-License-Identifier: GPL-3.0-or-later
#include "plannerdialog.h"

#include "access/disclosure.h"
#include "dialogs/routesheetpdf.h"
#include "dialogs/savedplanslist.h"
#include "errortext.h"
#include "filedialogs.h"
#include "map/mapwidget.h"
#include "map/routelayer.h"
#include "model/enums.h"
#include "plaintext.h"
#include "security/permissions.h"
#include "storage/householdstore.h"
#include "storage/stores.h"
#include "util/clock.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace VisitMap::Ui {

using Routing::DayPlanner;
using Routing::Unplanned;

PlannerDialog::PlannerDialog(WorkspaceController *controller,
                             MapWidget *map,
                             const QStringList &selection,
                             QWidget *parent)
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
    , m_recentDays(new QSpinBox(this))
    , m_mode(new QComboBox(this))
    , m_solve(new QPushButton(tr("경로 계획"), this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_saved(new SavedPlansList(controller, this))
    , m_tree(new PlanTree(this))
    , m_save(new QPushButton(tr("계획 저장"), this))
    , m_print(new QPushButton(tr("경로표 인쇄…"), this))
    , m_pdf(new QPushButton(tr("PDF로 저장…"), this))
    , m_up(new QPushButton(tr("위로"), this))
    , m_down(new QPushButton(tr("아래로"), this))
    , m_out(new QPushButton(tr("계획에서 빼기"), this))
    , m_add(new QPushButton(tr("선택한 가구 더하기"), this))
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
    m_recentDays->setRange(0, 60);
    m_recentDays->setValue(7);
    m_recentDays->setPrefix(tr("최근 "));
    m_recentDays->setSuffix(tr("일 안에 방문한 가구 빼기"));
    m_recentDays->setSpecialValueText(tr("빼지 않음"));
    m_recentDays->setToolTip(
        tr("이 기간 안에 방문한 가구는 계획에 넣지 않고, 빠진 가구 목록에 그 방문일을 적습니다."));
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
    form->addRow(tr("최근 방문"), m_recentDays);

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_solve);
    left->addWidget(m_progress);
    left->addWidget(m_summary);
    left->addWidget(m_saved, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_tree, 1);
    auto *edit = new QHBoxLayout;
    edit->addWidget(new QLabel(tr("끌어서 순서나 팀을 바꿀 수 있습니다."), this), 1);
    edit->addWidget(m_add);
    edit->addWidget(m_up);
    edit->addWidget(m_down);
    edit->addWidget(m_out);
    right->addLayout(edit);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_save);
    actions->addWidget(m_print);
    actions->addWidget(m_pdf);
    auto *close = new QPushButton(tr("닫기"), this);
    actions->addWidget(close);
    right->addLayout(actions);
    auto *root = new QHBoxLayout(this);
    root->addLayout(left, 0);
    root->addLayout(right, 1);
    resize(1040, 620);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        const Source s = Source(m_source->currentData().toInt());
        m_office->setEnabled(s != Source::Selection && s != Source::Plan);
    });
    m_office->setEnabled(Source(m_source->currentData().toInt()) != Source::Selection);
    connect(m_solve, &QPushButton::clicked, this, [this] { solve(); });
    connect(m_tree, &PlanTree::dropped, this, [this] {
        m_tree->readInto(m_plan, QStringLiteral("taken out by hand"));
        DayPlanner::retime(m_plan);
        rebuildTree();
        showOnMap();
    });
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &PlannerDialog::updateButtons);
    auto shift = [this](int by) {
        QTreeWidgetItem *item = m_tree->currentItem();
        if (!item || !item->parent())
            return;
        const int team = item->parent()->data(0, PlanTree::TeamRole).toInt();
        const int index = item->parent()->indexOfChild(item);
        moveStop(team, index, team, index + by);
    };
    connect(m_up, &QPushButton::clicked, this, [shift] { shift(-1); });
    connect(m_down, &QPushButton::clicked, this, [shift] { shift(+1); });
    connect(m_out, &QPushButton::clicked, this, [this] {
        QTreeWidgetItem *item = m_tree->currentItem();
        if (!item || !item->parent() || item->parent()->data(0, PlanTree::TeamRole).toInt() == 0)
            return;
        moveStop(item->parent()->data(0, PlanTree::TeamRole).toInt(),
                 item->parent()->indexOfChild(item), 0, 0);
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        const QStringList ids = m_selectionNow ? m_selectionNow() : QStringList();
        if (ids.isEmpty()) {
            QMessageBox::information(this, tr("선택한 가구 더하기"),
                                     tr("목록이나 지도에서 더할 가구를 먼저 선택하세요."));
            return;
        }
        addHouseholds(ids);
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (auto ok = save(); !ok)
            showFailure(tr("계획을 저장하지 못했습니다."), ok.error());
        else
            m_summary->setText(m_summary->text() + tr("<br><b>저장했습니다.</b>"));
    });
    connect(m_saved, &SavedPlansList::openRequested, this,
            [this](const QString &id) { openSaved(id); });
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        const auto asked = askReasonAndMasking(tr("경로표 PDF로 저장"));
        if (!asked)
            return;
        const QString path = FileDialogs::saveFileName(
            this, tr("경로표 PDF로 저장"),
            tr("방문경로표-%1.pdf").arg(m_plan.date.toString(Qt::ISODate)), tr("PDF 문서 (*.pdf)"));
        if (path.isEmpty())
            return;
        if (auto done = printSheets(path, asked->first, asked->second); !done)
            showFailure(tr("경로표를 저장하지 못했습니다."), done.error());
    });
    connect(m_print, &QPushButton::clicked, this, [this] {
        const auto asked = askReasonAndMasking(tr("경로표 인쇄"));
        if (!asked)
            return;
        QPrinter printer(QPrinter::HighResolution);
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        QPrintDialog dialog(&printer, this);
        dialog.setWindowTitle(tr("경로표 인쇄"));
        if (dialog.exec() != QDialog::Accepted)
            return;
        if (auto done = printTo(printer, asked->first, asked->second); !done)
            showFailure(tr("경로표를 인쇄하지 못했습니다."), done.error());
    });
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    updateButtons();
}

PlannerDialog::~PlannerDialog()
{
    if (m_map)
        m_map->setRoutes({});
}

QString PlannerDialog::reasonText(const Unplanned &u)
{
    switch (u.why) {
    case Unplanned::Why::NoLocation:
        return tr("지도에 위치가 없음");
    case Unplanned::Why::TooFar:
        return tr("사무소에서 너무 멀어 하루 안에 다녀올 수 없음");
    case Unplanned::Why::NoTime:
        return tr("팀들의 하루에 더 넣을 시간이 없음");
    case Unplanned::Why::RecentlyVisited:
        return tr("최근 %1일 안에 방문함 (%2)").arg(u.days).arg(Iso::displayDate(u.lastVisit));
    case Unplanned::Why::ByHand:
        break;
    }
    return tr("손으로 계획에서 뺌");
}

void PlannerDialog::showFailure(const QString &whatFailed, const Error &error)
{
    PlainText::warning(this, windowTitle(), ErrorText::describe(whatFailed, error));
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

void PlannerDialog::setRecentDays(int days)
{
    m_recentDays->setValue(days);
}

bool PlannerDialog::solve()
{
    Workspace *ws = m_controller->workspace();
    Routing::DayPlanner planner(*ws);
    Routing::DayPlanRequest req;
    const Source source = Source(m_source->currentData().toInt());
    if (source == Source::Selection) {
        req.householdIds = m_selection;
    } else if (source == Source::Plan) {
        req.householdIds = m_planHouseholds;
    } else {
        static const char *const which[] = {"", "overdue,high", "high", "overdue", "new"};
        auto ids = planner.select(QString::fromLatin1(which[int(source)]), m_office->currentData().toString());
        if (!ids) {
            m_summary->setText(
                ErrorText::describe(tr("가구를 고르지 못했습니다."), ids.error()).toHtmlEscaped());
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
    req.recentDays = m_recentDays->value();
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
        m_summary->setText(
            ErrorText::describe(tr("경로를 계획하지 못했습니다."), plan.error()).toHtmlEscaped());
        return false;
    }
    // Planned again from a saved plan: saving it makes the saved plan's next version.
    const QString savedId = m_hasPlan ? m_plan.savedId : QString();
    m_plan = *plan;
    m_plan.request.progress = nullptr;
    m_plan.savedId = source == Source::Plan ? savedId : QString();
    m_hasPlan = true;
    rebuildTree();
    showOnMap();
    if (m_map)
        m_map->fitToRoutes();
    return true;
}

bool PlannerDialog::addHouseholds(const QStringList &ids)
{
    QStringList all = m_hasPlan ? planHouseholds() : QStringList();
    for (const QString &id : ids) {
        if (!all.contains(id))
            all << id;
    }
    m_planHouseholds = all;
    if (m_source->findData(int(Source::Plan)) < 0)
        m_source->addItem(QString(), int(Source::Plan));
    m_source->setItemText(m_source->findData(int(Source::Plan)),
                          tr("이 계획의 가구 (%1)").arg(all.size()));
    setSource(Source::Plan);
    return solve();
}

bool PlannerDialog::openSaved(const QString &id)
{
    auto plan = Routing::PlanArchive::open(*m_controller->workspace(), id);
    if (!plan) {
        showFailure(tr("저장된 계획을 열지 못했습니다."), plan.error());
        return false;
    }
    m_plan = *plan;
    m_hasPlan = true;
    const Routing::DayPlanRequest &req = m_plan.request;
    m_date->setDate(m_plan.date);
    m_teams->setValue(int(m_plan.routes.size()));
    m_start->setTime(req.start);
    m_end->setTime(req.end);
    m_lunch->setTime(req.lunch);
    m_lunchMinutes->setValue(req.lunchMinutes);
    m_recentDays->setValue(req.recentDays);
    m_mode->setCurrentIndex(m_mode->findData(int(req.travel.mode)));
    m_planHouseholds = planHouseholds();
    if (m_source->findData(int(Source::Plan)) < 0)
        m_source->addItem(QString(), int(Source::Plan));
    m_source->setItemText(m_source->findData(int(Source::Plan)),
                          tr("이 계획의 가구 (%1)").arg(m_planHouseholds.size()));
    setSource(Source::Plan);
    rebuildTree();
    showOnMap();
    if (m_map)
        m_map->fitToRoutes();
    return true;
}

QStringList PlannerDialog::planHouseholds() const
{
    // Planned again, a plan is planned from its own households, less those taken out by hand.
    QStringList ids;
    for (const Routing::TeamRoute &r : m_plan.routes) {
        for (const Routing::PlannedStop &s : r.stops)
            ids << s.all();
    }
    for (const Unplanned &u : m_plan.unassigned) {
        if (u.why != Unplanned::Why::ByHand)
            ids << u.all();
    }
    return ids;
}

QString PlannerDialog::summary() const
{
    return m_summary->text();
}

void PlannerDialog::rebuildTree()
{
    Storage::HouseholdStore &store = m_controller->workspace()->stores().households();
    const Security::Disclosure &d = m_controller->disclosure();
    auto describe = [&](const QStringList &ids) {
        PlanTree::StopText text;
        QStringList lines;
        for (const QString &id : ids) {
            auto h = store.get(id);
            if (!h) {
                lines << tr("찾을 수 없는 가구");
                continue;
            }
            if (text.address.isEmpty())
                text.address = d.listAddress(h->roadAddress);
            const QString door = d.listRevealed() && !h->addressDetail.isEmpty()
                                     ? h->addressDetail + QStringLiteral(" ")
                                     : QString();
            lines << tr("%1%2 · %3").arg(door, d.listName(h->headName), label(h->tier()));
        }
        text.households = lines.join(u'\n');
        return text;
    };
    m_tree->setPlan(m_plan, describe, &PlannerDialog::reasonText);
    int recent = 0;
    for (const Unplanned &u : m_plan.unassigned)
        recent += u.why == Unplanned::Why::RecentlyVisited ? int(u.all().size()) : 0;
    m_summary->setText(
        tr("<b>%1</b> · %2팀이 %3곳(%4가구)을 방문합니다. 남은 가구 %5곳.<br>%6%7")
            .arg(m_plan.date.toString(Qt::ISODate))
            .arg(m_plan.routes.size())
            .arg(m_plan.planned())
            .arg(m_plan.households())
            .arg(m_plan.unassigned.size())
            .arg(m_plan.travelSource.toHtmlEscaped(),
                 m_plan.notice.isEmpty()
                     ? QString()
                     : QStringLiteral("<br><span style='color:#B1121B'>%1</span>")
                           .arg(m_plan.notice.toHtmlEscaped()))
        + (recent > 0 ? tr("<br>최근 %1일 안에 방문한 %2가구는 뺐습니다.")
                            .arg(m_plan.request.recentDays)
                            .arg(recent)
                      : QString())
        + (m_plan.anyLate() ? tr(
               "<br><span style='color:#B1121B'>빨간 방문은 근무 시간 안에 끝나지 않습니다.</span>")
                            : QString()));
    updateButtons();
}

bool PlannerDialog::moveStop(int fromTeam, int fromIndex, int toTeam, int toIndex)
{
    Routing::PlannedStop stop;
    if (fromTeam == 0) {
        if (fromIndex < 0 || fromIndex >= m_plan.unassigned.size())
            return false;
        const Unplanned &u = m_plan.unassigned[fromIndex];
        // Only a place the plan can time goes into a team.
        if (toTeam != 0 && m_plan.nodeIds.indexOf(u.householdId) <= 0)
            return false;
        stop.householdId = u.householdId;
        stop.households = u.households;
        m_plan.unassigned.removeAt(fromIndex);
    } else {
        if (fromTeam > m_plan.routes.size() || fromIndex < 0 || fromIndex >= m_plan.routes[fromTeam - 1].stops.size())
            return false;
        stop = m_plan.routes[fromTeam - 1].stops.takeAt(fromIndex);
    }
    if (toTeam == 0) {
        Unplanned u{stop.householdId, QStringLiteral("taken out by hand")};
        u.why = Unplanned::Why::ByHand;
        u.households = stop.households;
        m_plan.unassigned.insert(std::clamp<qsizetype>(toIndex, 0, m_plan.unassigned.size()), u);
    } else {
        auto &stops = m_plan.routes[std::clamp(toTeam, 1, int(m_plan.routes.size())) - 1].stops;
        stops.insert(std::clamp<qsizetype>(toIndex, 0, stops.size()), stop);
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
    Storage::HouseholdStore &store = m_controller->workspace()->stores().households();
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
    m_out->setEnabled(stop
                      && m_tree->currentItem()->parent()->data(0, PlanTree::TeamRole).toInt() > 0);
    m_save->setEnabled(m_hasPlan);
    const bool printable = m_hasPlan && m_plan.planned() > 0
                           && m_controller->can(int(Security::Permission::ExportMasked));
    m_print->setEnabled(printable);
    m_pdf->setEnabled(printable);
    m_add->setEnabled(m_hasPlan);
}

Status PlannerDialog::save()
{
    auto id = Routing::PlanArchive::save(*m_controller->workspace(), m_plan);
    if (!id)
        return fail(id.error());
    m_saved->reload();
    return {};
}

std::optional<std::pair<QString, bool>> PlannerDialog::askReasonAndMasking(const QString &title)
{
    bool ok = false;
    const QString reason
        = QInputDialog::getText(
              this, title,
              tr("경로표에는 주소가 담깁니다. 출력 사유를 적으세요 (접속기록에 남습니다):"),
              QLineEdit::Normal, tr("방문 경로표"), &ok)
              .trimmed();
    if (!ok || reason.isEmpty())
        return std::nullopt;
    bool unmasked = false;
    if (m_controller->can(int(Security::Permission::ExportUnmasked))) {
        // Masked unless the person chooses otherwise: Enter or Esc gives the masked sheet.
        QMessageBox box(QMessageBox::Question, title,
                        tr("경로표의 이름과 전화번호를 가릴까요?"), QMessageBox::NoButton, this);
        box.setInformativeText(
            tr("가리지 않은 경로표는 분실하면 개인정보가 그대로 드러납니다. 현장에서 꼭 "
               "필요할 때만 가리지 않고 만드세요. 어느 쪽이든 접속기록에 남습니다."));
        QPushButton *masked = box.addButton(tr("가리고 만들기"), QMessageBox::AcceptRole);
        QPushButton *open = box.addButton(tr("가리지 않고 만들기"), QMessageBox::DestructiveRole);
        open->setObjectName(QStringLiteral("unmaskedSheet"));
        masked->setObjectName(QStringLiteral("maskedSheet"));
        box.setDefaultButton(masked);
        box.setEscapeButton(masked);
        box.exec();
        unmasked = box.clickedButton() == open;
    }
    return std::pair{reason, unmasked};
}

std::function<QImage(const Routing::SheetTeam &, QSize)> PlannerDialog::excerpt() const
{
    return [this](const Routing::SheetTeam &team, QSize size) {
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
    };
}

Status PlannerDialog::printSheets(const QString &path, const QString &reason, bool unmasked)
{
    auto data = Routing::RouteSheet::prepare(*m_controller->workspace(), m_plan, unmasked, reason);
    if (!data)
        return fail(data.error());
    return RouteSheetPdf::write(path, *data, excerpt());
}

Status PlannerDialog::printTo(QPrinter &printer, const QString &reason, bool unmasked)
{
    auto data = Routing::RouteSheet::prepare(*m_controller->workspace(), m_plan, unmasked, reason);
    if (!data)
        return fail(data.error());
    return RouteSheetPdf::print(printer, *data, excerpt());
}

} // namespace VisitMap::Ui
