// SPDX-License-Identifier: GPL-3.0-or-later
#include "intakepanel.h"

#include "channelwords.h"
#include "intake/urgentescalation.h"

#include "dialogs/photoviewer.h"
#include "errortext.h"
#include "filedialogs.h"
#include "koreandate.h"
#include "model/crisisreport.h"
#include "plaintext.h"
#include "access/disclosure.h"
#include "security/permissions.h"
#include "theme.h"
#include "urgencytext.h"
#include "util/clock.h"
#include "workspace.h"
#include "workflow/photoaccess.h"
#include "workspacecontroller.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace VisitMap::Ui {

using Security::Permission;

namespace {

enum Role { IdRole = Qt::UserRole + 1, KindRole };
enum Column { UrgencyColumn, KindColumn, ReceivedColumn, DueColumn, DongColumn, WhatColumn };

QString categoriesText(const QStringList &codes)
{
    QStringList out;
    for (const QString &c : codes)
        out << CrisisCategories::label(c);
    return out.join(QStringLiteral(", "));
}

} // namespace

IntakePanel::IntakePanel(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_title(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_detail(new QLabel(this))
    , m_candidatesTitle(new QLabel(tr("후보 가구 (점수 높은 순)"), this))
    , m_candidates(new QTableWidget(0, 5, this))
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(8, 6, 8, 6);
    auto *top = new QHBoxLayout;
    QFont tf = Theme::uiFont(12);
    tf.setWeight(QFont::Bold);
    m_title->setFont(tf);
    top->addWidget(m_title, 1);
    auto addButton = [this](QLayout *layout, const QString &name, const QString &text, void (IntakePanel::*slot)()) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, slot);
        layout->addWidget(b);
        m_buttons << b;
        return b;
    };
    addButton(top, QStringLiteral("importReports"), tr("신고 가져오기…"), &IntakePanel::importReports);
    addButton(top, QStringLiteral("importSignals"), tr("발굴 명단 가져오기…"), &IntakePanel::importSignals);
    root->addLayout(top);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_list->setHeaderLabels(
        {tr("긴급도"), tr("구분"), tr("접수"), tr("응답 기한"), tr("행정동"), tr("내용")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    // 긴급도 and 응답 기한 first, in full; the rest elide at a capped width with the full text
    // in the tooltip, so what decides the order is seen without scrolling sideways.
    QHeaderView *header = m_list->header();
    header->moveSection(header->visualIndex(DueColumn), 1);
    header->moveSection(header->visualIndex(DongColumn), 3);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(UrgencyColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DueColumn, QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setAccessibleName(tr("접수 대기 목록"));
    split->addWidget(m_list);

    auto *right = new QWidget(split);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(8, 0, 0, 0);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rl->addWidget(m_detail);
    QFont bold = Theme::uiFont(10);
    bold.setWeight(QFont::Bold);
    m_candidatesTitle->setFont(bold);
    rl->addWidget(m_candidatesTitle);
    m_candidates->setHorizontalHeaderLabels({tr("가구"), tr("점수"), tr("거리"), tr("근거"), tr("ID")});
    m_candidates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_candidates->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_candidates->setSelectionMode(QAbstractItemView::SingleSelection);
    m_candidates->verticalHeader()->hide();
    m_candidates->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_candidates->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_candidates->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_candidates->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_candidates->setColumnHidden(4, true);
    m_candidates->setAccessibleName(tr("후보 가구"));
    rl->addWidget(m_candidates, 1);
    // The decisions in two rows of three, so the queue beside an open household panel still
    // fits a 1366 px screen.
    auto *actions = new QHBoxLayout;
    addButton(actions, QStringLiteral("openCandidate"), tr("가구 보기"), &IntakePanel::openCandidate);
    addButton(actions, QStringLiteral("link"), tr("선택한 가구에 연결"), &IntakePanel::linkSelected);
    addButton(actions, QStringLiteral("openNew"), tr("새 가구·사례 등록 (발굴)"),
              &IntakePanel::openNew);
    actions->addStretch(1);
    rl->addLayout(actions);
    auto *more = new QHBoxLayout;
    addButton(more, QStringLiteral("duplicate"), tr("중복 신고…"), &IntakePanel::markDuplicate);
    addButton(more, QStringLiteral("contact"), tr("신고자 연락처"),
              &IntakePanel::showReporterContact);
    addButton(more, QStringLiteral("photos"), tr("사진 보기 (기록됨)"), &IntakePanel::viewPhotos);
    more->addStretch(1);
    rl->addLayout(more);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    root->addWidget(split, 1);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { showCurrent(); });
    connect(m_candidates, &QTableWidget::itemSelectionChanged, this, [this] { updateButtons(); });
    connect(m_candidates, &QTableWidget::cellDoubleClicked, this, [this] { openCandidate(); });
    connect(m_controller, &WorkspaceController::disclosureChanged, this, [this] { showCurrent(); });
    connect(m_controller, &WorkspaceController::sessionChanged, this, [this] { refresh(); });
    refresh();
}

const Security::Disclosure *IntakePanel::disclosure() const
{
    // Names and addresses go through the list's masking; none at all when nobody is signed in.
    const Workspace *ws = m_controller->workspace();
    return ws && ws->session() ? &m_controller->disclosure() : nullptr;
}

QPushButton *IntakePanel::button(const QString &objectName) const
{
    for (QPushButton *b : m_buttons) {
        if (b->objectName() == objectName)
            return b;
    }
    return nullptr;
}

void IntakePanel::refresh()
{
    const QString keep = selectedId();
    m_rows.clear(); // before what its rows point at
    m_reports.clear();
    m_signals.clear();
    Workspace *ws = m_controller->workspace();
    if (ws && ws->session() && m_controller->can(int(Permission::ViewHouseholds))) {
        Intake::ReportIntake &reportIntake = m_controller->reportIntake();
        Intake::RoundIntake &roundIntake = m_controller->roundIntake();
        if (auto q = reportIntake.queue())
            m_reports = *q;
        else
            m_controller->notifyError(
                ErrorText::describe(tr("접수 목록을 읽지 못했습니다."), q.error()));
        if (auto q = roundIntake.signalQueue())
            m_signals = *q;
        else
            m_controller->notifyError(
                ErrorText::describe(tr("발굴 목록을 읽지 못했습니다."), q.error()));
    }
    // One list, the most urgent first, then the one waiting longest (UrgencyRules::precedes).
    for (const auto &e : m_reports)
        m_rows << Item(&e);
    for (const auto &e : m_signals)
        m_rows << Item(&e);
    auto urgencyOf = [](const Item &item) {
        if (const auto *const *r = std::get_if<const Intake::ReportIntake::Entry *>(&item))
            return std::pair{(*r)->urgency.level, (*r)->report.receivedAt};
        const auto *sp = *std::get_if<const Intake::RoundIntake::Entry *>(&item);
        return std::pair{sp->urgency.level, sp->listing.receivedDate.startOfDay(Clock::seoul())};
    };
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Item &a, const Item &b) {
        const auto [ua, ta] = urgencyOf(a);
        const auto [ub, tb] = urgencyOf(b);
        return Intake::UrgencyRules::precedes(ua, ta, ub, tb);
    });

    const QSignalBlocker block(m_list);
    m_list->clear();
    const Security::Disclosure *d = disclosure();
    const QDate today
        = m_controller->workspace() ? m_controller->workspace()->clock().today() : QDate();
    for (const Item &row : m_rows) {
        auto *item = new QTreeWidgetItem(m_list);
        if (const auto *const *rp = std::get_if<const Intake::ReportIntake::Entry *>(&row)) {
            const Intake::ReportIntake::Entry &e = **rp;
            const CrisisReport &r = e.report;
            item->setText(KindColumn, tr("신고"));
            item->setText(ReceivedColumn, KoreanDate::dateTime(r.receivedAt));
            QString dong = r.officeCode.isEmpty()   ? tr("위치 미상")
                           : e.officeName.isEmpty() ? r.officeCode
                                                    : e.officeName;
            if (r.outOfArea)
                dong += tr(" (관할 밖)");
            item->setText(DongColumn, dong);
            QString what = categoriesText(r.categories);
            if (!r.subjectName.isEmpty() && d)
                what += QStringLiteral(" · ") + d->listName(r.subjectName);
            item->setText(WhatColumn, what);
            item->setData(0, IdRole, r.id);
            item->setData(0, KindRole, 0);
            UrgencyText::decorate(item, UrgencyColumn, DueColumn, e.urgency.level, r.responseDue,
                                  today);
            bool grave = false;
            for (const QString &c : r.categories)
                grave = grave || CrisisCategories::isGrave(c);
            if (grave)
                item->setForeground(WhatColumn, QColor(0xB1, 0x12, 0x1B));
            if (r.outOfArea || r.officeCode.isEmpty())
                item->setForeground(DongColumn, Theme::mutedText());
        } else {
            const Intake::RoundIntake::Entry &e
                = **std::get_if<const Intake::RoundIntake::Entry *>(&row);
            item->setText(KindColumn, tr("발굴 %1차").arg(e.listing.roundId));
            item->setText(ReceivedColumn, KoreanDate::date(e.listing.receivedDate));
            item->setText(DongColumn, e.officeName.isEmpty() ? e.listing.officeCode : e.officeName);
            item->setText(WhatColumn, (d ? d->listName(e.listing.subjectName) : QString())
                                          + QStringLiteral(" · ")
                                          + tr("위기정보 %1건").arg(e.items.size()));
            item->setData(0, IdRole, e.id);
            item->setData(0, KindRole, 1);
            UrgencyText::decorate(item, UrgencyColumn, DueColumn, e.urgency.level, e.responseDue,
                                  today);
        }
    }
    fitColumns();
    m_title->setText(waiting() == 0 ? tr("접수 대기 없음")
                                    : tr("접수 대기 %1건 · 신고 %2 · 발굴 %3").arg(waiting()).arg(m_reports.size()).arg(m_signals.size()));
    if (keep.isEmpty() || !select(keep)) {
        if (m_list->topLevelItemCount() > 0)
            m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    showCurrent();
    Q_EMIT queueChanged();
}

void IntakePanel::fitColumns()
{
    // Each cell's full text in its tooltip (the list elides what does not fit).
    for (int r = 0; r < m_list->topLevelItemCount(); ++r) {
        QTreeWidgetItem *item = m_list->topLevelItem(r);
        for (int c = 0; c < m_list->columnCount(); ++c)
            item->setToolTip(c, item->text(c));
    }
    // The columns after 긴급도 and 응답 기한 as wide as their text, but no wider than this many
    // Hangul syllables.
    const QFontMetrics fm(m_list->font());
    const struct
    {
        int column;
        int syllables;
    } capped[] = {{KindColumn, 6}, {DongColumn, 5}, {ReceivedColumn, 8}};
    for (const auto &c : capped) {
        m_list->resizeColumnToContents(c.column);
        const int cap = fm.horizontalAdvance(QString(c.syllables, QChar(0xAC00))) + 16;
        if (m_list->columnWidth(c.column) > cap)
            m_list->setColumnWidth(c.column, cap);
    }
    // The list never narrower than 긴급도 and 응답 기한 side by side.
    QFont bold = m_list->font();
    bold.setBold(true);
    const QFontMetrics bfm(bold);
    int first = 0;
    for (const int c : {int(UrgencyColumn), int(DueColumn)}) {
        int w = bfm.horizontalAdvance(m_list->headerItem()->text(c));
        for (int r = 0; r < m_list->topLevelItemCount(); ++r)
            w = std::max(w, bfm.horizontalAdvance(m_list->topLevelItem(r)->text(c)));
        first += w + 16;
    }
    m_list->setMinimumWidth(first + 2 * m_list->frameWidth()
                            + m_list->verticalScrollBar()->sizeHint().width() + 4);
}

QList<IntakeMark> IntakePanel::marks() const
{
    QList<IntakeMark> out;
    const Security::Disclosure *d = disclosure();
    for (const auto &e : m_reports) {
        const CrisisReport &r = e.report;
        if (!r.hasLocation())
            continue;
        IntakeMark m;
        m.kind = IntakeMark::Kind::Report;
        m.id = r.id;
        m.lon = *r.lon;
        m.lat = *r.lat;
        for (const QString &c : r.categories)
            m.grave = m.grave || CrisisCategories::isGrave(c);
        m.tooltip = tr("복지위기 알림 신고 %1\n%2\n%3")
                        .arg(KoreanDate::dateTime(r.receivedAt),
                             categoriesText(r.categories), tr("후보 가구 %1곳").arg(e.candidates.size()));
        out << m;
    }
    for (const auto &e : m_signals) {
        if (!e.lon || !e.lat)
            continue;
        IntakeMark m;
        m.kind = IntakeMark::Kind::Signal;
        m.id = e.id;
        m.lon = *e.lon;
        m.lat = *e.lat;
        m.tooltip = tr("발굴 %1차 미연결 대상자 %2\n%3")
                        .arg(e.listing.roundId, d ? d->listName(e.listing.subjectName) : QString(),
                             e.itemNames.join(QStringLiteral(", ")));
        out << m;
    }
    return out;
}

bool IntakePanel::select(const QString &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        bool match = item->data(0, IdRole).toString() == id;
        const Item row = m_rows.value(i);
        if (const auto *const *rp = std::get_if<const Intake::ReportIntake::Entry *>(&row);
            !match && rp && *rp)
            match = (*rp)->report.externalId == id;
        if (const auto *const *sp = std::get_if<const Intake::RoundIntake::Entry *>(&row);
            !match && sp && *sp) {
            for (const CrisisSignal &s : (*sp)->items)
                match = match || s.id == id;
        }
        if (match) {
            m_list->setCurrentItem(item);
            m_list->scrollToItem(item);
            return true;
        }
    }
    return false;
}

QString IntakePanel::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, IdRole).toString() : QString();
}

IntakePanel::Item IntakePanel::current() const
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    if (row >= 0 && row < m_rows.size())
        return m_rows[row];
    return static_cast<const Intake::ReportIntake::Entry *>(nullptr);
}

void IntakePanel::showCurrent()
{
    m_candidates->setRowCount(0);
    const Item item = current();
    const Security::Disclosure *d = disclosure();
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QList<Intake::Candidate> candidates;
    QString html;
    const QDate today
        = m_controller->workspace() ? m_controller->workspace()->clock().today() : QDate();
    if (const auto *const *rp = std::get_if<const Intake::ReportIntake::Entry *>(&item);
        rp && *rp) {
        const Intake::ReportIntake::Entry &e = **rp;
        const CrisisReport &r = e.report;
        html = tr("<b>복지위기 알림 신고</b> %1 · %2 · %3")
                   .arg(esc(r.externalId), esc(ChannelWords::channel(r.channel)),
                        KoreanDate::dateTime(r.receivedAt));
        html += UrgencyText::detailHtml(e.urgency, r.responseDue, today);
        html += tr("<br><b>위기상황</b> %1").arg(esc(categoriesText(r.categories)));
        QStringList who;
        if (!r.householdType.isEmpty())
            who << r.householdType;
        if (!r.ageBand.isEmpty())
            who << r.ageBand;
        if (r.sex == QLatin1String("M"))
            who << tr("남성");
        else if (r.sex == QLatin1String("F"))
            who << tr("여성");
        if (!r.subjectName.isEmpty() && d)
            who << d->listName(r.subjectName);
        if (!who.isEmpty())
            html += tr("<br><b>대상</b> %1").arg(esc(who.join(QStringLiteral(" · "))));
        if (!r.addressText.isEmpty() && d)
            html += tr("<br><b>주소</b> %1").arg(esc(d->listAddress(r.addressText)));
        const bool self = r.reporterType == QLatin1String("self");
        html += tr("<br><b>신고자</b> %1").arg(self ? tr("본인") : r.anonymous ? tr("이웃 (익명)") : tr("이웃"));
        if (e.photos)
            html += tr(" · 사진 %1장").arg(e.photos);
        if (r.outOfArea)
            html += tr("<br><span style='color:#B1121B'><b>관할 밖</b>: %1 — 해당 주민센터로 이관하세요.</span>")
                        .arg(esc(e.officeName.isEmpty() ? r.officeCode : e.officeName));
        else if (r.officeCode.isEmpty())
            html += tr("<br><span style='color:#B1121B'><b>위치 미상</b>: 아는 행정동에 들지 않습니다.</span>");
        if (!r.description.isEmpty())
            html += QStringLiteral("<p style='margin-top:6px'>%1</p>").arg(esc(r.description));
        candidates = e.candidates;
    } else if (const auto *const *sp = std::get_if<const Intake::RoundIntake::Entry *>(&item);
               sp && *sp) {
        const Intake::RoundIntake::Entry &e = **sp;
        const CrisisSignal &s = e.listing;
        html = tr("<b>발굴 %1차 미연결 대상자</b> · 통보 %2").arg(esc(s.roundId), s.receivedDate.toString(Qt::ISODate));
        QStringList who;
        if (d)
            who << d->listName(s.subjectName);
        if (s.subjectBirth.isValid())
            who << tr("%1년생").arg(s.subjectBirth.year());
        if (s.subjectSex == QLatin1String("M"))
            who << tr("남성");
        else if (s.subjectSex == QLatin1String("F"))
            who << tr("여성");
        html += tr("<br><b>대상</b> %1").arg(esc(who.join(QStringLiteral(" · "))));
        if (!s.subjectAddress.isEmpty() && d)
            html += tr("<br><b>주소</b> %1").arg(esc(d->listAddress(s.subjectAddress)));
        html += UrgencyText::detailHtml(e.urgency, e.responseDue, today);
        html += tr("<br><b>위기정보</b> %1").arg(esc(e.itemNames.join(QStringLiteral(", "))));
        candidates = e.candidates;
    } else {
        html = waiting() == 0 ? tr("기다리는 신고나 발굴 대상자가 없습니다. 새 신고(JSON)나 발굴 명단(CSV)을 가져오세요.")
                              : QString();
    }
    m_detail->setText(html);
    m_candidates->setRowCount(int(candidates.size()));
    for (int i = 0; i < candidates.size(); ++i) {
        const Intake::Candidate &c = candidates[i];
        auto set = [&](int col, const QString &text) {
            auto *cell = new QTableWidgetItem(text);
            m_candidates->setItem(i, col, cell);
            return cell;
        };
        set(0, m_controller->householdLine(c.householdId));
        set(1, QString::number(c.score, 'f', 0))->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        set(2, c.distanceM >= 0 ? QStringLiteral("%L1 m").arg(qRound(c.distanceM)) : QStringLiteral("–"))
            ->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        set(3, Intake::words(c.reasons).join(QStringLiteral(" · ")));
        set(4, c.householdId);
    }
    m_candidatesTitle->setText(candidates.isEmpty() && html.isEmpty() ? QString()
                               : candidates.isEmpty()                  ? tr("후보 가구 없음: 새 가구로 등록하거나 현장에서 확인하세요.")
                                                                       : tr("후보 가구 (점수 높은 순)"));
    if (!candidates.isEmpty())
        m_candidates->selectRow(0);
    updateButtons();
}

QString IntakePanel::selectedCandidate() const
{
    const auto rows = m_candidates->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const QTableWidgetItem *cell = m_candidates->item(rows.first().row(), 4);
    return cell ? cell->text() : QString();
}

void IntakePanel::updateButtons()
{
    const Item item = current();
    const auto *const *rp = std::get_if<const Intake::ReportIntake::Entry *>(&item);
    const bool report = rp && *rp;
    const bool signal = !report && std::get_if<const Intake::RoundIntake::Entry *>(&item)
                        && *std::get_if<const Intake::RoundIntake::Entry *>(&item);
    const bool edit = m_controller->can(int(Permission::EditHouseholds));
    const bool inArea = report ? (!(*rp)->report.outOfArea && !(*rp)->report.officeCode.isEmpty()) : signal;
    const bool candidate = !selectedCandidate().isEmpty();
    button(QStringLiteral("importReports"))->setVisible(m_controller->can(int(Permission::ImportData)));
    button(QStringLiteral("importSignals"))->setVisible(m_controller->can(int(Permission::ImportData)));
    button(QStringLiteral("openCandidate"))->setEnabled(candidate);
    button(QStringLiteral("link"))->setEnabled(edit && (report || signal) && candidate && inArea);
    button(QStringLiteral("openNew"))->setEnabled(edit && (report || signal) && inArea);
    button(QStringLiteral("duplicate"))->setVisible(!signal);
    button(QStringLiteral("duplicate"))->setEnabled(edit && report && m_reports.size() > 1);
    button(QStringLiteral("contact"))->setVisible(m_controller->can(int(Permission::ViewReporterContact)) && !signal);
    button(QStringLiteral("contact"))->setEnabled(report);
    button(QStringLiteral("photos"))->setVisible(!signal);
    button(QStringLiteral("photos"))->setEnabled(report && (*rp)->photos > 0);
}

void IntakePanel::decisionFailed(const QString &what, const Error &error)
{
    PlainText::warning(this, what, ErrorText::describe(error));
}

void IntakePanel::afterDecision()
{
    // The decision changed households (a new one, a new flag, a new score): the store announces
    // them to the list and the map; the queue is read again here.
    refresh();
}

void IntakePanel::linkSelected()
{
    const QString household = selectedCandidate();
    if (household.isEmpty())
        return;
    Intake::ReportIntake &reportIntake = m_controller->reportIntake();
    Intake::RoundIntake &roundIntake = m_controller->roundIntake();
    const Item item = current();
    Status ok;
    if (const auto *const *rp = std::get_if<const Intake::ReportIntake::Entry *>(&item); rp && *rp)
        ok = reportIntake.link((*rp)->report.id, household);
    else if (const auto *const *sp = std::get_if<const Intake::RoundIntake::Entry *>(&item);
             sp && *sp)
        ok = roundIntake.linkSignal((*sp)->id, household);
    else
        return;
    if (!ok)
        return decisionFailed(tr("가구에 연결"), ok.error());
    afterDecision();
    Q_EMIT householdRequested(household);
    askForWorker(household);
}

void IntakePanel::openNew()
{
    Intake::ReportIntake &reportIntake = m_controller->reportIntake();
    Intake::RoundIntake &roundIntake = m_controller->roundIntake();
    const Item item = current();
    Result<QString> opened = fail(ErrorCode::NotFound, tr("선택한 항목이 없습니다"));
    if (const auto *const *rp = std::get_if<const Intake::ReportIntake::Entry *>(&item);
        rp && *rp) {
        if (!(*rp)->candidates.isEmpty()
            && QMessageBox::question(this, tr("새 가구·사례 등록"),
                                     tr("후보 가구가 %1곳 있습니다. 그래도 새 가구로 등록할까요?").arg((*rp)->candidates.size()))
                   != QMessageBox::Yes)
            return;
        opened = reportIntake.openHousehold((*rp)->report.id);
    } else if (const auto *const *sp = std::get_if<const Intake::RoundIntake::Entry *>(&item);
               sp && *sp) {
        opened = roundIntake.openSignalHousehold((*sp)->id);
    } else {
        return;
    }
    if (!opened)
        return decisionFailed(tr("새 가구·사례 등록"), opened.error());
    afterDecision();
    Q_EMIT householdRequested(*opened);
    askForWorker(*opened);
}

void IntakePanel::askForWorker(const QString &householdId)
{
    auto asks = m_controller->escalation().awaitsWorker(householdId);
    if (!asks || !*asks)
        return;
    if (m_controller->can(int(Permission::AssignHouseholds))) {
        Q_EMIT workerWanted(householdId);
        return;
    }
    PlainText::information(
        this, tr("담당자 지정"),
        tr("긴급 가구의 담당자가 없습니다. 당직 담당자가 정해져 있지 않으니 팀장에게 오늘 연락할 "
           "담당자 지정을 요청하세요."));
}

void IntakePanel::markDuplicate()
{
    const Item item = current();
    const auto *const *rp = std::get_if<const Intake::ReportIntake::Entry *>(&item);
    if (!rp || !*rp)
        return;
    QStringList others;
    for (const auto &e : m_reports) {
        if (e.report.id != (*rp)->report.id)
            others << QStringLiteral("%1 · %2 · %3")
                          .arg(e.report.externalId,
                               KoreanDate::dateTime(e.report.receivedAt),
                               categoriesText(e.report.categories));
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("중복 신고"), tr("이 신고와 같은 먼저 들어온 신고:"), others, 0,
                                                 false, &ok);
    if (!ok || chosen.isEmpty())
        return;
    const QString of = chosen.section(QStringLiteral(" · "), 0, 0);
    if (auto done = m_controller->reportIntake().markDuplicate((*rp)->report.id, of); !done)
        return decisionFailed(tr("중복 신고"), done.error());
    afterDecision();
}

void IntakePanel::showReporterContact()
{
    const Item item = current();
    const auto *const *rp = std::get_if<const Intake::ReportIntake::Entry *>(&item);
    if (!rp || !*rp)
        return;
    auto contact = m_controller->reportIntake().reporterContact((*rp)->report.id);
    if (!contact)
        return decisionFailed(tr("신고자 연락처"), contact.error());
    PlainText::information(
        this, tr("신고자 연락처"),
        contact->isEmpty()
            ? tr("신고자가 연락처를 남기지 않았습니다.")
            : tr("%1\n\n이 열람은 접속기록에 남습니다. 사례 기록에 옮겨 적지 마세요.")
                  .arg(*contact));
}

void IntakePanel::viewPhotos()
{
    const Item item = current();
    const auto *const *rp = std::get_if<const Intake::ReportIntake::Entry *>(&item);
    if (!rp || !*rp)
        return;
    auto photos = m_controller->photos().forReport((*rp)->report.id);
    if (!photos)
        return PlainText::warning(this, tr("사진 보기"), ErrorText::describe(tr("사진 목록을 읽지 못했습니다."), photos.error()));
    PhotoViewer viewer(m_controller, *photos, 0, this);
    viewer.exec();
}

void IntakePanel::openCandidate()
{
    const QString household = selectedCandidate();
    if (!household.isEmpty())
        Q_EMIT householdRequested(household);
}

QString IntakePanel::importFile(const QString &path, bool reports, bool *okOut)
{
    Intake::ReportIntake &reportIntake = m_controller->reportIntake();
    Intake::RoundIntake &roundIntake = m_controller->roundIntake();
    auto result = reports ? reportIntake.importReports(path) : roundIntake.importSignals(path);
    if (okOut)
        *okOut = false;
    if (!result)
        return ErrorText::describe(tr("가져오지 못했습니다."), result.error());
    QStringList lines;
    if (!result->ok()) {
        for (const Import::RowError &e : result->errors.mid(0, 30))
            lines << e.toString();
        if (result->errors.size() > 30)
            lines << tr("… 외 %1건").arg(result->errors.size() - 30);
        lines << tr("파일에 문제가 %1건 있어 아무것도 가져오지 않았습니다.").arg(result->errors.size());
        return lines.join(u'\n');
    }
    if (okOut)
        *okOut = true;
    lines << (reports ? tr("신고 %1건을 가져왔습니다.") : tr("발굴 위기정보 %1건을 가져왔습니다.")).arg(result->imported);
    if (result->skipped)
        lines << tr("이미 있는 %1건은 건너뛰었습니다.").arg(result->skipped);
    lines << result->notes;
    refresh();
    return lines.join(u'\n');
}

void IntakePanel::runImport(bool reports)
{
    const QString path = FileDialogs::openFileName(
        this, reports ? tr("복지위기 알림 신고 가져오기") : tr("발굴 대상자 명단 가져오기"),
        QString(), reports ? tr("신고 파일 (*.json)") : tr("명단 파일 (*.csv)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString message = importFile(path, reports, &ok);
    if (ok)
        PlainText::information(this, tr("가져오기"), message);
    else
        PlainText::warning(this, tr("가져오기"), message);
}

void IntakePanel::importReports()
{
    runImport(true);
}

void IntakePanel::importSignals()
{
    runImport(false);
}

} // namespace VisitMap::Ui
