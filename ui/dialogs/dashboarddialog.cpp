// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboarddialog.h"

#include "channelwords.h"
#include "errortext.h"
#include "model/logentries.h"
#include "security/permissions.h"
#include "storage/accountstore.h"
#include "theme.h"
#include "util/clock.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace VisitMap::Ui {

namespace {

// KRDS colours for what is not a tier (the tier colours are kept for tiers).
const QColor kSeries[] = {QColor(0x25, 0x63, 0xEB), QColor(0x0F, 0x76, 0x6E),
                          QColor(0x7C, 0x3A, 0xED), QColor(0x64, 0x74, 0x8B)};
// Lateness, light to dark: 1–7, 8–30, 31+ days.
const QColor kLate[]
    = {QColor(0xF5, 0xC2, 0x6B), QColor(0xE0, 0x7A, 0x1F), QColor(0xB3, 0x26, 0x1E)};

QChartView *makeView(const QString &objectName, const QString &accessible, QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessible);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(420, 240);
    return view;
}

// A chart of stacked bars over these categories, with a count axis; the view takes it.
// Horizontal: the categories down the left, for long names (행정동) that a column would cut short.
QChart *stackedChart(QChartView *view,
                     const QString &title,
                     const QStringList &categories,
                     const QList<QBarSet *> &sets,
                     bool horizontal = false)
{
    auto *chart = new QChart;
    chart->setTitle(categories.isEmpty()
                        ? DashboardDialog::tr("%1 — 해당하는 자료가 없습니다").arg(title)
                        : title);
    chart->setTitleFont(Theme::uiFont(11));
    QAbstractBarSeries *series
        = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalStackedBarSeries)
                     : new QStackedBarSeries;
    for (QBarSet *s : sets)
        series->append(s);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsFont(Theme::uiFont(9));
    chart->addAxis(x, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setLabelsFont(Theme::uiFont(9));
    // The tallest stack sets the scale (at least 1, so an empty chart still has an axis).
    double top = 1;
    for (qsizetype i = 0; i < categories.size(); ++i) {
        double stack = 0;
        for (QBarSet *s : sets)
            stack += i < s->count() ? s->at(i) : 0;
        top = std::max(top, stack);
    }
    chart->addAxis(y, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(y);
    if (top <= 5) {
        // Whole numbers only: one tick a household.
        y->setRange(0, std::ceil(top));
        y->setTickCount(int(std::ceil(top)) + 1);
    } else {
        y->setRange(0, top);
        y->applyNiceNumbers();
    }
    y->setLabelsVisible(!categories.isEmpty());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(Theme::uiFont(9));
    chart->setMargins(QMargins(4, 4, 4, 4));
    QChart *old = view->chart();
    view->setChart(chart);
    if (old && old != chart)
        delete old;
    return chart;
}

QBarSet *barSet(const QString &name, const QColor &colour)
{
    auto *set = new QBarSet(name);
    set->setColor(colour);
    set->setBorderColor(colour.darker(115));
    return set;
}

QTableWidget *makeTable(const QStringList &header, const QString &accessible, QWidget *parent)
{
    auto *t = new QTableWidget(parent);
    t->setColumnCount(int(header.size()));
    t->setHorizontalHeaderLabels(header);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setAccessibleName(accessible);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        if (c > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setItem(row, c, item);
    }
}

} // namespace

DashboardDialog::DashboardDialog(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_office(new QComboBox(this))
    , m_worker(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_summary(new QLabel(this))
    , m_tiers(makeView(QStringLiteral("tiers"), tr("동별 위험도"), this))
    , m_weeks(makeView(QStringLiteral("weeks"), tr("주별 방문·전화·안부확인"), this))
    , m_overdue(makeView(QStringLiteral("overdue"), tr("담당자별 방문 지연"), this))
    , m_needs(makeView(QStringLiteral("needs"), tr("욕구 영역별 가구"), this))
    , m_cases(makeTable({tr("사례관리 단계"), tr("사례")}, tr("사례관리 단계별 사례"), this))
    , m_discoveries(
          makeTable({tr("발굴 경로"), tr("건수"), tr("연락됨"), tr("첫 연락까지 (중앙값)")},
                    tr("발굴 경로별 첫 연락"),
                    this))
{
    setWindowTitle(tr("현황판"));
    resize(1360, 960);
    Workspace &ws = *controller->workspace();
    for (const Office &o : controller->offices())
        m_officeNames.insert(o.code, o.name);
    if (auto accounts = ws.accounts().all()) {
        for (const Security::Account &a : *accounts)
            m_people.insert(a.name, a.displayName.isEmpty() ? a.name : a.displayName);
    }
    m_office->setAccessibleName(tr("행정동 선택"));
    m_office->addItem(tr("모든 행정동"), QString());
    for (const Office &o : controller->offices())
        m_office->addItem(o.name, o.code);
    m_worker->setAccessibleName(tr("담당자 선택"));
    const bool lead = controller->can(int(Security::Permission::AssignHouseholds));
    if (lead) {
        m_worker->addItem(tr("모든 담당자"), QString());
        for (const QString &w : controller->workers())
            m_worker->addItem(personName(w), w);
    } else {
        // A caseworker's figures are of their own households.
        m_worker->addItem(tr("내 담당 가구"), QString());
        m_worker->setEnabled(false);
    }
    const QDate today = ws.clock().today();
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy.MM.dd"));
        d->setMaximumDate(today);
    }
    m_from->setAccessibleName(tr("기간 시작"));
    m_to->setAccessibleName(tr("기간 끝"));
    m_to->setDate(today);
    m_from->setDate(today.addDays(-7 * 12 + 1));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("행정동"), this));
    filters->addWidget(m_office, 2);
    filters->addWidget(new QLabel(tr("담당자"), this));
    filters->addWidget(m_worker, 2);
    filters->addWidget(new QLabel(tr("기간"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(QStringLiteral("~"), this));
    filters->addWidget(m_to);
    filters->addStretch(1);
    // The offices' chart runs the whole height: one bar a 행정동, each name whole.
    auto *grid = new QGridLayout;
    grid->addWidget(m_tiers, 0, 0, 2, 1);
    grid->addWidget(m_weeks, 0, 1);
    grid->addWidget(m_overdue, 1, 1);
    grid->addWidget(m_needs, 2, 0);
    auto *tables = new QVBoxLayout;
    tables->addWidget(m_cases, 1);
    tables->addWidget(m_discoveries, 1);
    grid->addLayout(tables, 2, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    auto *hint = new QLabel(tr("막대를 누르면 그 가구들을 목록과 지도에 보여 줍니다."), this);
    hint->setStyleSheet(QStringLiteral("color: %1").arg(Theme::mutedText().name()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("닫기"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_summary);
    layout->addLayout(grid, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    for (QComboBox *c : {m_office, m_worker})
        connect(c, &QComboBox::currentIndexChanged, this, &DashboardDialog::refresh);
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, &DashboardDialog::refresh);
    refresh();
}

QChartView *DashboardDialog::chart(const QString &objectName) const
{
    return findChild<QChartView *>(objectName);
}

QString DashboardDialog::officeName(const QString &code) const
{
    return m_officeNames.value(code, code);
}

QString DashboardDialog::personName(const QString &account) const
{
    return account.isEmpty() ? tr("(담당자 없음)") : m_people.value(account, account);
}

void DashboardDialog::refresh()
{
    Report::FigureFilter filter;
    if (const QString office = m_office->currentData().toString(); !office.isEmpty())
        filter.offices = {office};
    filter.worker = m_worker->currentData().toString();
    filter.from = m_from->date();
    filter.to = m_to->date();
    auto figures = Report::Supervision(*m_controller->workspace()).figures(filter);
    if (!figures) {
        m_summary->setText(ErrorText::describe(figures.error()));
        return;
    }
    m_figures = *figures;
    int households = 0;
    int overdue = 0;
    for (const auto &t : m_figures.tiers)
        households += t.total();
    for (const auto &o : m_figures.overdue)
        overdue += o.total();
    int contacts = 0;
    for (const auto &w : m_figures.weeks)
        contacts += w.total();
    m_summary->setText(
        tr("관리 가구 %L1 · 방문 지남 %L2 · 기간 중 방문·전화·안부확인 %L3건 · 법정 기한 "
           "지난 사례 %L4")
            .arg(households)
            .arg(overdue)
            .arg(contacts)
            .arg(m_figures.casesPastDeadline));
    drawTiers();
    drawWeeks();
    drawOverdue();
    drawNeeds();
    fillTables();
}

void DashboardDialog::drawTiers()
{
    QStringList offices;
    QList<QBarSet *> sets;
    const QList<RiskTier> tiers{RiskTier::High, RiskTier::Medium, RiskTier::Low};
    for (RiskTier t : tiers)
        sets << barSet(label(t), Theme::tierColor(t));
    QStringList codes;
    for (const auto &t : m_figures.tiers) {
        offices << officeName(t.office);
        codes << t.office;
        *sets[0] << t.high;
        *sets[1] << t.medium;
        *sets[2] << t.low;
    }
    stackedChart(m_tiers, tr("동별 위험도 (가구)"), offices, sets, true);
    for (int i = 0; i < sets.size(); ++i) {
        connect(sets[i], &QBarSet::clicked, this, [this, codes, tier = tiers[i]](int index) {
            if (index < 0 || index >= codes.size())
                return;
            HouseholdFilterBar::Narrowing n;
            n.office = codes[index];
            n.tier = tier;
            n.worker = m_figures.scope.worker;
            Q_EMIT narrowRequested(n);
        });
    }
}

void DashboardDialog::drawWeeks()
{
    QList<QBarSet *> sets{barSet(tr("방문"), kSeries[0]), barSet(tr("전화"), kSeries[1]),
                          barSet(tr("내방"), kSeries[3]), barSet(tr("안부확인"), kSeries[2])};
    QStringList weeks;
    for (const auto &w : m_figures.weeks) {
        weeks << w.monday.toString(QStringLiteral("M.d"));
        *sets[0] << w.visits;
        *sets[1] << w.calls;
        *sets[2] << w.officeVisits;
        *sets[3] << w.checks;
    }
    stackedChart(m_weeks, tr("주별 방문·전화·안부확인 (건, 주 시작일)"), weeks, sets);
}

void DashboardDialog::drawOverdue()
{
    QList<QBarSet *> sets{barSet(tr("1~7일"), kLate[0]), barSet(tr("8~30일"), kLate[1]),
                          barSet(tr("31일 이상"), kLate[2])};
    QStringList workers;
    QStringList accounts;
    for (const auto &o : m_figures.overdue) {
        workers << personName(o.worker);
        accounts << o.worker;
        *sets[0] << o.upToWeek;
        *sets[1] << o.upToMonth;
        *sets[2] << o.longer;
    }
    stackedChart(m_overdue, tr("담당자별 방문 지연 (가구)"), workers, sets);
    for (QBarSet *set : sets) {
        connect(set, &QBarSet::clicked, this, [this, accounts](int index) {
            if (index < 0 || index >= accounts.size())
                return;
            HouseholdFilterBar::Narrowing n;
            n.office
                = m_figures.scope.offices.size() == 1 ? m_figures.scope.offices.first() : QString();
            n.worker = accounts[index].isEmpty() ? QStringLiteral("-") : accounts[index];
            n.overdueOnly = true;
            Q_EMIT narrowRequested(n);
        });
    }
}

void DashboardDialog::drawNeeds()
{
    // Households by the level their latest assessment gives each domain, every office together.
    QList<QBarSet *> sets{barSet(needLevelLabel(1), kSeries[3]),
                          barSet(needLevelLabel(2), kSeries[0]),
                          barSet(needLevelLabel(3), kSeries[2])};
    QStringList domains;
    for (const NeedDomain &d : needDomains()) {
        int byLevel[4] = {0, 0, 0, 0};
        for (const auto &n : m_figures.needs)
            if (n.domain == d.code && n.level >= 1 && n.level <= 3)
                byLevel[n.level] += n.households;
        if (byLevel[1] + byLevel[2] + byLevel[3] == 0)
            continue;
        domains << d.name;
        for (int level = 1; level <= 3; ++level)
            *sets[level - 1] << byLevel[level];
    }
    stackedChart(m_needs, tr("욕구 영역별 가구 (최근 욕구 조사)"), domains, sets);
}

void DashboardDialog::fillTables()
{
    m_cases->setRowCount(int(m_figures.stages.size()) + 1);
    int row = 0;
    for (const auto &s : m_figures.stages)
        setRow(m_cases, row++, {label(s.stage), QString::number(s.cases)});
    setRow(m_cases, row,
           {tr("법정 기한 지난 진행 사례"), QString::number(m_figures.casesPastDeadline)});
    m_cases->resizeColumnsToContents();
    m_discoveries->setRowCount(int(m_figures.discoveries.size()));
    row = 0;
    for (const auto &d : m_figures.discoveries) {
        QString median = tr("-");
        if (d.medianHours) {
            const double h = *d.medianHours;
            median = h < 48 ? tr("%1시간").arg(QString::number(h, 'f', h < 10 ? 1 : 0))
                            : tr("%1일").arg(QString::number(h / 24.0, 'f', 1));
        }
        setRow(m_discoveries, row++,
               {ChannelWords::channel(d.channel), QString::number(d.items),
                QString::number(d.contacted), median});
    }
    m_discoveries->resizeColumnsToContents();
}

} // namespace VisitMap::Ui
