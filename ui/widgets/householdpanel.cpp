// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdpanel.h"

#include "access/disclosure.h"
#include "commands/householdcommands.h"
#include "commands/logcommands.h"
#include "dialogs/photoviewer.h"
#include "dialogs/recorddialogs.h"
#include "dialogs/visitdialog.h"
#include "errortext.h"
#include "filedialogs.h"
#include "koreandate.h"
#include "plaintext.h"
#include "security/masking.h"
#include "security/permissions.h"
#include "storage/accountstore.h"
#include "theme.h"
#include "timelinewords.h"
#include "util/clock.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace VisitMap::Ui {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = Theme::uiFont(10);
    f.setWeight(QFont::Bold);
    l->setFont(f);
    l->setContentsMargins(0, 8, 0, 2);
    return l;
}

QLabel *body(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::RichText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return l;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString deadlineColour(Risk::Deadline::State s)
{
    switch (s) {
    case Risk::Deadline::State::Late:
        return QStringLiteral("#B3261E");
    case Risk::Deadline::State::DueSoon:
        return QStringLiteral("#9E6A00");
    case Risk::Deadline::State::Met:
        return QStringLiteral("#228738");
    case Risk::Deadline::State::Upcoming:
        break;
    }
    return QStringLiteral("#3A4148");
}

} // namespace

HouseholdPanel::HouseholdPanel(WorkspaceController *controller, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_undo(undo)
    , m_title(new QLabel(this))
    , m_subtitle(body(this))
    , m_tier(body(this))
    , m_factors(body(this))
    , m_info(body(this))
    , m_members(new QTableWidget(this))
    , m_case(body(this))
    , m_deadlines(body(this))
    , m_services(body(this))
    , m_timeline(new QListWidget(this))
    , m_keys(body(this))
{
    setAccessibleName(tr("가구 정보"));
    QFont tf = Theme::uiFont(14);
    tf.setWeight(QFont::Bold);
    m_title->setFont(tf);
    m_title->setTextFormat(Qt::PlainText); // the head's name, as written: never markup
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keys->setStyleSheet(QStringLiteral("background:#FFF4E5; padding:6px; color:#8A4B00"));
    m_members->setColumnCount(6);
    m_members->setHorizontalHeaderLabels({tr("이름"), tr("관계"), tr("나이"), tr("성별"), tr("주민등록번호"), tr("장애·건강")});
    m_members->verticalHeader()->hide();
    m_members->horizontalHeader()->setStretchLastSection(true);
    m_members->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_members->setAccessibleName(tr("가구원"));
    m_timeline->setAccessibleName(tr("가구 이력"));
    m_timeline->setWordWrap(true);
    m_timeline->setContextMenuPolicy(Qt::CustomContextMenu);
    m_timeline->setMinimumHeight(260);
    connect(m_timeline, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QListWidgetItem *item = m_timeline->itemAt(at);
        if (!item || item->data(Qt::UserRole).toString().isEmpty() || item->data(Qt::UserRole + 2).toBool())
            return;
        QMenu menu(this);
        menu.addAction(tr("이 기록 취소…"), this, &HouseholdPanel::takeBackSelected);
        menu.exec(m_timeline->viewport()->mapToGlobal(at));
    });

    auto *content = new QWidget(this);
    auto *v = new QVBoxLayout(content);
    v->addWidget(m_title);
    v->addWidget(m_subtitle);
    v->addWidget(m_keys);
    auto *actions = new QGridLayout;
    addAction(actions, QStringLiteral("logVisit"), tr("방문 기록(&V)"), &HouseholdPanel::logVisit);
    addAction(actions, QStringLiteral("assess"), tr("욕구 조사"), &HouseholdPanel::assessNeeds);
    addAction(actions, QStringLiteral("note"), tr("상담 기록"), &HouseholdPanel::addNote);
    addAction(actions, QStringLiteral("service"), tr("서비스 연계"), &HouseholdPanel::linkService);
    addAction(actions, QStringLiteral("checkin"), tr("안전 체크인"), &HouseholdPanel::toggleCheckin);
    addAction(actions, QStringLiteral("photo"), tr("사진 첨부"), &HouseholdPanel::attachPhoto);
    addAction(actions, QStringLiteral("photos"), tr("사진 보기 (기록됨)"), &HouseholdPanel::viewPhotos);
    v->addLayout(actions);
    v->addWidget(heading(tr("위험도"), content));
    auto *tierRow = new QHBoxLayout;
    tierRow->addWidget(m_tier, 1);
    tierRow->addWidget(addAction(nullptr, QStringLiteral("risk"), tr("위험도 조정…"), &HouseholdPanel::adjustRisk));
    v->addLayout(tierRow);
    v->addWidget(m_factors);
    v->addWidget(heading(tr("연락처·주소"), content));
    v->addWidget(m_info);
    auto *membersHead = new QHBoxLayout;
    membersHead->addWidget(heading(tr("가구원"), content), 1);
    membersHead->addWidget(addAction(nullptr, QStringLiteral("reveal"), tr("주민등록번호 보기 (기록됨)"),
                                     &HouseholdPanel::revealIdentifiers));
    v->addLayout(membersHead);
    v->addWidget(m_members);
    v->addWidget(heading(tr("통합사례관리"), content));
    v->addWidget(m_case);
    v->addWidget(m_deadlines);
    auto *caseRow = new QHBoxLayout;
    caseRow->addWidget(addAction(nullptr, QStringLiteral("openCase"), tr("사례 열기…"), &HouseholdPanel::openCase));
    caseRow->addWidget(addAction(nullptr, QStringLiteral("previousStage"), tr("이전 단계로…"), &HouseholdPanel::previousStage));
    caseRow->addWidget(addAction(nullptr, QStringLiteral("nextStage"), tr("다음 단계로"), &HouseholdPanel::nextStage));
    caseRow->addStretch(1);
    v->addLayout(caseRow);
    v->addWidget(heading(tr("연계 서비스"), content));
    v->addWidget(m_services);
    v->addWidget(heading(tr("이력 (최근 방문 이후 새 기록은 강조)"), content));
    v->addWidget(m_timeline, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    connect(controller, &WorkspaceController::householdsChanged, this, &HouseholdPanel::refresh);
    // Any committed change may show on the open household (its own edits, a case moved, an undo).
    connect(controller, &WorkspaceController::storeChanged, this, &HouseholdPanel::refresh);
    connect(controller, &WorkspaceController::disclosureChanged, this, &HouseholdPanel::render);
    clear();
}

QPushButton *HouseholdPanel::addAction(QLayout *layout, const QString &objectName, const QString &text,
                                       void (HouseholdPanel::*slot)())
{
    auto *b = new QPushButton(text, this);
    b->setObjectName(objectName);
    connect(b, &QPushButton::clicked, this, slot);
    if (auto *grid = qobject_cast<QGridLayout *>(layout)) {
        const int n = grid->count();
        grid->addWidget(b, n / 3, n % 3);
    } else if (layout) {
        layout->addWidget(b);
    }
    return b;
}

QPushButton *HouseholdPanel::button(const QString &objectName) const
{
    return findChild<QPushButton *>(objectName);
}

void HouseholdPanel::clear()
{
    m_view.reset();
    m_title->setText(tr("가구를 선택하세요"));
    m_subtitle->setText(tr("목록이나 지도에서 가구를 고르면 가구원, 위험도의 이유, 사례관리 단계와 이력이 여기에 나옵니다."));
    for (QWidget *w : {static_cast<QWidget *>(m_tier), static_cast<QWidget *>(m_factors),
                       static_cast<QWidget *>(m_info), static_cast<QWidget *>(m_case),
                       static_cast<QWidget *>(m_deadlines), static_cast<QWidget *>(m_services)})
        static_cast<QLabel *>(w)->clear();
    m_members->setRowCount(0);
    m_timeline->clear();
    m_keys->hide();
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setEnabled(false);
}

bool HouseholdPanel::showHousehold(const QString &householdId)
{
    auto view = m_controller->caseWork().open(householdId);
    if (!view) {
        clear();
        m_subtitle->setText(esc(ErrorText::describe(tr("가구를 열지 못했습니다."), view.error())));
        return false;
    }
    m_view = std::move(*view);
    render();
    return true;
}

void HouseholdPanel::refresh()
{
    if (!m_view)
        return;
    auto view = m_controller->caseWork().open(m_view->household.id, CaseWork::ViewLog::Refresh);
    if (!view) {
        clear();
        return;
    }
    m_view = std::move(*view);
    render();
}

void HouseholdPanel::render()
{
    if (!m_view)
        return;
    const HouseholdView &v = *m_view;
    const Household &h = v.household;
    const QDate today = m_controller->today();
    const Security::Disclosure &disclosure = m_controller->disclosure();
    const bool canEdit = m_controller->can(int(Security::Permission::EditHouseholds));
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setEnabled(canEdit);
    button(QStringLiteral("reveal"))->setEnabled(m_controller->can(int(Security::Permission::RevealIdentifiers))
                                                 && !disclosure.identifiersRevealed(h.id));
    button(QStringLiteral("photos"))->setEnabled(!v.attachments.isEmpty());

    m_title->setText(h.headName.isEmpty() ? tr("(세대주 미상)") : h.headName);
    QStringList chips{esc(h.householdType), esc(m_controller->officeName(h.officeCode))};
    if (h.tong > 0)
        chips << tr("%1통 %2반").arg(h.tong).arg(h.ban);
    if (h.isOverdue(today))
        chips << QStringLiteral("<span style='color:#B3261E;font-weight:bold'>%1</span>")
                     .arg(tr("방문 %1일 지남").arg(h.nextVisitDue.daysTo(today)));
    if (h.isNew())
        chips << QStringLiteral("<span style='color:#6A1B9A;font-weight:bold'>%1</span>").arg(tr("신규 발굴"));
    m_subtitle->setText(chips.join(QStringLiteral(" · ")));
    m_keys->setVisible(!v.keysAvailable);
    m_keys->setText(tr("이 행정동의 암호화 키를 아직 받지 못했습니다. 주민등록번호와 상담 내용은 키 보유자의 로그인이나 동기화 뒤에 열립니다."));

    const QString colour = Theme::tierColor(h.tier()).name();
    QString tier = QStringLiteral("<span style='color:%1;font-size:15pt;font-weight:bold'>%2 %3</span> ")
                       .arg(colour, Theme::tierShapeName(h.tier()), label(h.tier()));
    tier += tr("점수 %1").arg(v.risk.score);
    if (h.tierOverride)
        tier += tr("<br>담당자 조정 (계산 결과 %1): %2").arg(label(h.computedTier), esc(h.overrideReason));
    m_tier->setText(tier);
    QStringList factors;
    for (const Risk::RiskFactor &f : v.risk.factors)
        factors << QStringLiteral("%1 <span style='color:#58616A'>+%2</span>").arg(esc(f.label)).arg(f.points);
    m_factors->setText(factors.isEmpty() ? tr("위기 요인이 없습니다.") : QStringLiteral("• ") + factors.join(QStringLiteral("<br>• ")));

    QStringList info;
    info << esc(h.roadAddress + (h.addressDetail.isEmpty() ? QString() : QStringLiteral(" ") + h.addressDetail));
    info << tr("전화 %1 · 주거 %2").arg(esc(h.phone.isEmpty() ? QStringLiteral("-") : h.phone),
                                       esc(h.housing.isEmpty() ? QStringLiteral("-") : h.housing));
    // The worker by their name, as the workload and assign dialogs show people.
    QString worker = h.assignedWorker.isEmpty() ? tr("미지정") : h.assignedWorker;
    if (auto accounts = m_controller->workspace()->accounts().all(); accounts) {
        for (const Security::Account &a : *accounts) {
            if (a.name == h.assignedWorker && !a.displayName.isEmpty())
                worker = a.displayName;
        }
    }
    info << tr("담당 %1 · 최근 만남 %2 · 다음 방문 %3")
                .arg(esc(worker),
                     h.lastVisitAt.isValid()
                         ? KoreanDate::date(h.lastVisitAt.toTimeZone(Clock::seoul()).date())
                         : tr("없음"),
                     KoreanDate::date(h.nextVisitDue));
    m_info->setText(info.join(QStringLiteral("<br>")));

    m_members->setRowCount(int(v.members.size()));
    for (int r = 0; r < v.members.size(); ++r) {
        const Person &p = v.members[r];
        const int age = p.ageOn(today);
        QString rrn = p.rrn.isEmpty() ? (p.hasRrn ? tr("(암호화됨)") : QString()) : disclosure.rrn(h.id, p.rrn);
        QString extra = p.disability;
        if (!p.healthNotes.isEmpty())
            extra += (extra.isEmpty() ? QString() : QStringLiteral(" · ")) + p.healthNotes;
        if (p.nationality != QLatin1String("KR"))
            extra += (extra.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("국적 %1").arg(p.nationality);
        const QStringList cells{p.name, p.relationship, age >= 0 ? QString::number(age) : QString(),
                                p.sex == QLatin1String("M") ? tr("남") : p.sex == QLatin1String("F") ? tr("여") : QString(),
                                rrn, extra};
        for (int c = 0; c < cells.size(); ++c)
            m_members->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    m_members->resizeColumnsToContents();
    m_members->setFixedHeight(m_members->horizontalHeader()->height() + 6
                              + m_members->verticalHeader()->length());

    std::optional<CaseFile> open;
    for (const CaseFile &c : v.cases)
        if (c.stage != CaseStage::Closure)
            open = c;
    button(QStringLiteral("openCase"))->setEnabled(canEdit && !open);
    button(QStringLiteral("nextStage"))->setEnabled(canEdit && open && open->stage != CaseStage::FollowUp);
    button(QStringLiteral("previousStage"))->setEnabled(canEdit && open && open->stage != CaseStage::Discovery);
    if (open) {
        m_case->setText(tr("%1 · <b>%2</b> (%3부터)").arg(label(open->caseType), label(open->stage),
                                                          KoreanDate::date(open->stageSince)));
        if (open->stage != CaseStage::FollowUp)
            button(QStringLiteral("nextStage"))->setText(tr("다음 단계로: %1").arg(label(CaseStage(int(open->stage) + 1))));
    } else {
        m_case->setText(v.cases.isEmpty() ? tr("사례가 없습니다.") : tr("종결된 사례 %1건").arg(v.cases.size()));
    }
    QStringList deadlines;
    for (const Risk::Deadline &d : v.deadlines) {
        QString when = d.state == Risk::Deadline::State::Met
                           ? tr("%1 완료").arg(KoreanDate::date(d.metOn))
                           : d.daysLeft < 0 ? tr("%1일 지남").arg(-d.daysLeft) : tr("%1일 남음").arg(d.daysLeft);
        deadlines << QStringLiteral("<span style='color:%1'>%2 — %3 (%4, 기한 %5)</span>")
                         .arg(deadlineColour(d.state), esc(d.label), Risk::CaseDeadlines::stateLabel(d.state), when,
                              KoreanDate::date(d.due));
    }
    m_deadlines->setText(deadlines.join(QStringLiteral("<br>")));
    m_deadlines->setVisible(!deadlines.isEmpty());

    QStringList services;
    for (const ServiceLink &s : v.services) {
        QString line = QStringLiteral("%1 — %2 (%3)").arg(esc(s.resourceName), serviceStatusLabel(s.status),
                                                          KoreanDate::date(s.requestedAt));
        if (s.voided)
            line = QStringLiteral("<s>%1</s>").arg(line);
        services << line;
    }
    m_services->setText(services.isEmpty() ? tr("연계된 서비스가 없습니다.") : services.join(QStringLiteral("<br>")));

    button(QStringLiteral("checkin"))->setText(v.openCheckin ? tr("체크아웃 (%1 체크인)").arg(Iso::displayDateTime(v.openCheckin->checkedInAt).right(5))
                                                             : tr("안전 체크인"));

    m_timeline->clear();
    for (const Storage::TimelineEntry &e : v.timeline) {
        QString text = tr("%1 · %2 — %3")
                           .arg(KoreanDate::dateTime(e.at), TimelineWords::kind(e.kind),
                                TimelineWords::title(e));
        if (const QString detail = TimelineWords::detail(e); !detail.isEmpty())
            text += QLatin1Char('\n') + detail;
        if (const QString by = TimelineWords::by(e); !by.isEmpty())
            text += QStringLiteral("  (%1)").arg(by);
        if (e.voided)
            text += QLatin1Char('\n') + tr("취소됨: %1").arg(e.voidReason.isEmpty() ? tr("사유 기록됨") : e.voidReason);
        auto *item = new QListWidgetItem(text, m_timeline);
        item->setData(Qt::UserRole, e.entity);
        item->setData(Qt::UserRole + 1, e.entityId);
        item->setData(Qt::UserRole + 2, e.voided);
        item->setData(Qt::UserRole + 3, e.isNew);
        QFont f = item->font();
        if (e.voided) {
            f.setStrikeOut(true);
            item->setForeground(QColor(0x8A, 0x93, 0x9C));
        } else if (e.isNew) {
            f.setBold(true);
            item->setBackground(QColor(0xFF, 0xF7, 0xD6));
            item->setText(tr("[새] ") + item->text());
        }
        item->setFont(f);
    }
}

void HouseholdPanel::fail(const QString &what, const QString &error)
{
    PlainText::warning(this, what, error);
}

void HouseholdPanel::logVisit()
{
    if (!m_view)
        return;
    VisitDialog dialog(m_controller, m_undo, m_view->household.id, this);
    dialog.exec();
}

void HouseholdPanel::assessNeeds()
{
    if (!m_view)
        return;
    NeedsDialog dialog(m_controller, m_undo, m_view->household.id, this);
    dialog.exec();
}

void HouseholdPanel::addNote()
{
    if (!m_view)
        return;
    NoteDialog dialog(m_controller, m_undo, m_view->household.id, this);
    dialog.exec();
}

void HouseholdPanel::linkService()
{
    if (!m_view)
        return;
    ServiceLinkDialog dialog(m_controller, m_undo, m_view->household.id, this);
    dialog.exec();
}

void HouseholdPanel::adjustRisk()
{
    if (!m_view)
        return;
    const Household &h = m_view->household;
    RiskDialog dialog(m_controller, m_undo, h.id, h.computedTier, h.tierOverride, h.overrideReason, this);
    dialog.exec();
}

void HouseholdPanel::nextStage()
{
    if (!m_view)
        return;
    for (const CaseFile &c : m_view->cases) {
        if (c.stage == CaseStage::Closure || c.stage == CaseStage::FollowUp)
            continue;
        auto *command = new MoveCaseCommand(m_controller, c.householdId, c.id, c.stage,
                                            CaseStage(int(c.stage) + 1), {});
        if (const QString error = command->execute(); !error.isEmpty()) {
            delete command;
            fail(tr("사례관리 단계"), error);
            return;
        }
        m_undo->push(command);
        return;
    }
}

void HouseholdPanel::previousStage()
{
    if (!m_view)
        return;
    for (const CaseFile &c : m_view->cases) {
        if (c.stage == CaseStage::Closure || c.stage == CaseStage::Discovery)
            continue;
        bool ok = false;
        const QString note = QInputDialog::getText(this, tr("이전 단계로"),
                                                   tr("%1(으)로 되돌리는 사유").arg(label(CaseStage(int(c.stage) - 1))),
                                                   QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
        auto *command = new MoveCaseCommand(m_controller, c.householdId, c.id, c.stage,
                                            CaseStage(int(c.stage) - 1), note);
        if (const QString error = command->execute(); !error.isEmpty()) {
            delete command;
            fail(tr("사례관리 단계"), error);
            return;
        }
        m_undo->push(command);
        return;
    }
}

void HouseholdPanel::openCase()
{
    if (!m_view)
        return;
    // Each row carries its type: what is chosen is the type, never the words shown for it.
    QDialog dialog(this);
    dialog.setWindowTitle(tr("사례 열기"));
    auto *types = new QComboBox(&dialog);
    types->setAccessibleName(tr("사례 유형"));
    for (CaseType k : {CaseType::General, CaseType::Intensive, CaseType::Linkage})
        types->addItem(label(k), int(k));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("사례 유형"), types);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto type = CaseType(types->currentData().toInt());
    auto *command = new OpenCaseCommand(m_controller, m_view->household.id, type);
    if (const QString error = command->execute(); !error.isEmpty()) {
        delete command;
        fail(tr("사례 열기"), error);
        return;
    }
    m_undo->push(command);
}

void HouseholdPanel::toggleCheckin()
{
    if (!m_view)
        return;
    CaseWork &work = m_controller->caseWork();
    if (m_view->openCheckin) {
        if (auto ok = work.checkOut(m_view->openCheckin->id); !ok)
            fail(tr("체크아웃"), ErrorText::describe(ok.error()));
    } else {
        bool ok = false;
        const int minutes = QInputDialog::getInt(this, tr("안전 체크인"),
                                                 tr("방문 예상 시간(분). 이 시간이 지나도 체크아웃하지 않으면 팀장에게 알립니다."),
                                                 60, 5, 480, 5, &ok);
        if (!ok)
            return;
        if (auto c = work.checkIn(m_view->household.id, minutes); !c)
            fail(tr("안전 체크인"), ErrorText::describe(c.error()));
    }
}

void HouseholdPanel::attachPhoto()
{
    if (!m_view)
        return;
    const QString file = FileDialogs::openFileName(
        this, tr("사진·문서 첨부"), {}, tr("사진과 문서 (*.jpg *.jpeg *.png *.heic *.pdf)"));
    if (file.isEmpty())
        return;
    if (QMessageBox::question(
            this, tr("동의 확인"),
            tr("대상자가 이 사진·문서의 보관에 동의했습니까? 동의가 없으면 보관할 수 없습니다."),
            QMessageBox::Yes | QMessageBox::No,
            QMessageBox::No) // consent is said, never assumed by a key press
        != QMessageBox::Yes)
        return;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        fail(tr("사진 첨부"),
             tr("%1 파일을 열 수 없습니다. 파일이 있는지, 읽을 권한이 있는지 확인하세요.")
                 .arg(QFileInfo(file).fileName()));
        return;
    }
    auto *command = new AttachCommand(m_controller, m_view->household.id,
                                      QFileInfo(file).fileName(), f.readAll());
    if (const QString error = command->execute(); !error.isEmpty()) {
        delete command;
        fail(tr("사진 첨부"), error);
        return;
    }
    m_undo->push(command);
}

void HouseholdPanel::viewPhotos()
{
    if (!m_view || m_view->attachments.isEmpty())
        return;
    PhotoViewer viewer(m_controller, m_view->attachments, int(m_view->attachments.size()) - 1, this);
    viewer.exec();
}

void HouseholdPanel::revealIdentifiers()
{
    if (!m_view)
        return;
    if (!m_controller->disclosure().revealIdentifiers(m_view->household.id, m_view->household.officeCode))
        fail(tr("주민등록번호 보기"), tr("볼 수 있는 권한이 없습니다."));
    render();
}

void HouseholdPanel::takeBackSelected()
{
    QListWidgetItem *item = m_timeline->currentItem();
    if (!m_view || !item)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("기록 취소"),
                                                 tr("취소하는 사유 (기록은 지워지지 않고 취소 표시와 함께 남습니다)"),
                                                 QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    auto done = m_controller->caseWork().takeBack(item->data(Qt::UserRole).toString(),
                                                  item->data(Qt::UserRole + 1).toString(),
                                                  m_view->household.id, reason);
    if (!done)
        fail(tr("기록 취소"), ErrorText::describe(done.error()));
}

} // namespace VisitMap::Ui
