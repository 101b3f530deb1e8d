// SPDX-License-Identifier: GPL-3.0-or-later
#include "recorddialogs.h"

#include "commands/householdcommands.h"
#include "commands/logcommands.h"
#include "storage/servicestore.h"
#include "storage/stores.h"
#include "theme.h"
#include "widgets/needseditor.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace VisitMap::Ui {

namespace {

QDialogButtonBox *buttons(QDialog *dialog, const QString &ok)
{
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    box->button(QDialogButtonBox::Ok)->setText(ok);
    box->button(QDialogButtonBox::Cancel)->setText(QCoreApplication::translate("VisitMap::Ui", "취소"));
    QObject::connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return box;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setStyleSheet(QStringLiteral("color: #DE3412"));
    return l;
}

// Pushes a command that already ran; shows its error in the dialog otherwise.
bool run(WorkCommand *command, QUndoStack *undo, QLabel *message)
{
    if (const QString error = command->execute(); !error.isEmpty()) {
        delete command;
        message->setText(QCoreApplication::translate("VisitMap::Ui", "기록하지 못했습니다: %1").arg(error));
        return false;
    }
    undo->push(command);
    return true;
}

} // namespace

NeedsDialog::NeedsDialog(WorkspaceController *controller, QUndoStack *undo, const QString &householdId,
                         QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_undo(undo)
    , m_household(householdId)
    , m_editor(new NeedsEditor(this))
    , m_message(errorLabel(this))
{
    setWindowTitle(tr("욕구 조사"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("10개 욕구 영역과 기타의 수준을 평가하세요."), this));
    layout->addWidget(m_editor);
    layout->addWidget(m_message);
    layout->addWidget(buttons(this, tr("기록")));
}

void NeedsDialog::accept()
{
    NeedAssessment a;
    a.householdId = m_household;
    a.items = m_editor->items();
    if (run(new AddAssessmentCommand(m_controller, a), m_undo, m_message))
        QDialog::accept();
}

NoteDialog::NoteDialog(WorkspaceController *controller, QUndoStack *undo, const QString &householdId,
                       QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_undo(undo)
    , m_household(householdId)
    , m_topic(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_message(errorLabel(this))
{
    setWindowTitle(tr("상담 기록"));
    resize(560, 420);
    m_topic->setAccessibleName(tr("주제"));
    m_body->setAccessibleName(tr("상담 내용"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("주제(&T)"), m_topic);
    form->addRow(tr("내용(&B)"), m_body);
    form->addRow(new QLabel(tr("상담 내용은 민감정보로 암호화되어 저장됩니다."), this));
    form->addRow(m_message);
    form->addRow(buttons(this, tr("기록")));
}

void NoteDialog::accept()
{
    CounselingNote n;
    n.householdId = m_household;
    n.topic = m_topic->text().trimmed();
    n.body = m_body->toPlainText().trimmed();
    if (run(new AddNoteCommand(m_controller, n), m_undo, m_message))
        QDialog::accept();
}

ServiceLinkDialog::ServiceLinkDialog(WorkspaceController *controller, QUndoStack *undo, const QString &householdId,
                                     QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_undo(undo)
    , m_household(householdId)
    , m_search(new QLineEdit(this))
    , m_lifeCycle(new QComboBox(this))
    , m_situation(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_table(new QTableWidget(this))
    , m_status(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_message(errorLabel(this))
{
    setWindowTitle(tr("서비스 연계"));
    resize(860, 560);
    m_search->setPlaceholderText(tr("서비스·기관 이름 검색"));
    m_search->setAccessibleName(tr("자원 검색"));
    // 복지로 분류 (research-notes §3).
    m_lifeCycle->addItem(tr("모든 생애주기"), QString());
    for (const char *v : {"영유아", "아동", "청소년", "청년", "중장년", "노년", "임신·출산"})
        m_lifeCycle->addItem(QString::fromUtf8(v), QString::fromUtf8(v));
    m_situation->addItem(tr("모든 가구상황"), QString());
    for (const char *v : {"다문화·탈북민", "다자녀", "보훈대상자", "장애인", "저소득", "한부모·조손"})
        m_situation->addItem(QString::fromUtf8(v), QString::fromUtf8(v));
    m_theme->addItem(tr("모든 관심주제"), QString());
    for (const char *v : {"신체건강", "정신건강", "생활지원", "주거", "일자리", "문화·여가", "안전·위기",
                          "임신·출산", "보육", "교육", "입양·위탁", "보호·돌봄", "서민금융", "법률"})
        m_theme->addItem(QString::fromUtf8(v), QString::fromUtf8(v));
    for (const char *s : {"requested", "provided", "declined"})
        m_status->addItem(serviceStatusLabel(QString::fromLatin1(s)), QString::fromLatin1(s));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("서비스·자원"), tr("제공"), tr("분류"), tr("내용")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAccessibleName(tr("자원 목록"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_lifeCycle, 1);
    filters->addWidget(m_situation, 1);
    filters->addWidget(m_theme, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("상태(&S)"), m_status);
    form->addRow(tr("메모(&M)"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons(this, tr("연계")));
    connect(m_search, &QLineEdit::textChanged, this, &ServiceLinkDialog::refresh);
    for (QComboBox *c : {m_lifeCycle, m_situation, m_theme})
        connect(c, &QComboBox::currentIndexChanged, this, &ServiceLinkDialog::refresh);
    refresh();
}

void ServiceLinkDialog::refresh()
{
    Storage::ResourceQuery q;
    q.text = m_search->text().trimmed();
    q.lifeCycle = m_lifeCycle->currentData().toString();
    q.situation = m_situation->currentData().toString();
    q.theme = m_theme->currentData().toString();
    auto list = m_controller->workspace()->stores().services().resources(q);
    m_table->setRowCount(0);
    if (!list)
        return;
    m_table->setRowCount(int(list->size()));
    for (int r = 0; r < list->size(); ++r) {
        const Resource &res = (*list)[r];
        auto *name = new QTableWidgetItem(res.name);
        name->setData(Qt::UserRole, res.id);
        m_table->setItem(r, 0, name);
        m_table->setItem(r, 1, new QTableWidgetItem(res.provider));
        m_table->setItem(r, 2, new QTableWidgetItem(QStringList{res.lifeCycle, res.householdSituation, res.themes}
                                                        .filter(QRegularExpression(QStringLiteral(".+")))
                                                        .join(QStringLiteral(" · "))));
        m_table->setItem(r, 3, new QTableWidgetItem(res.description));
    }
    m_table->resizeColumnsToContents();
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
}

void ServiceLinkDialog::accept()
{
    const int row = m_table->currentRow();
    if (row < 0) {
        m_message->setText(tr("연계할 서비스를 고르세요."));
        return;
    }
    ServiceLink l;
    l.householdId = m_household;
    l.resourceId = m_table->item(row, 0)->data(Qt::UserRole).toString();
    l.status = m_status->currentData().toString();
    l.note = m_note->text().trimmed();
    if (run(new LinkServiceCommand(m_controller, l), m_undo, m_message))
        QDialog::accept();
}

RiskDialog::RiskDialog(WorkspaceController *controller, QUndoStack *undo, const QString &householdId,
                       RiskTier computed, std::optional<RiskTier> current, const QString &currentReason,
                       QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_undo(undo)
    , m_household(householdId)
    , m_current(current)
    , m_currentReason(currentReason)
    , m_choice(new QButtonGroup(this))
    , m_reason(new QPlainTextEdit(this))
    , m_message(errorLabel(this))
{
    setWindowTitle(tr("위험도 조정"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("계산된 위험도: %1 %2").arg(Theme::tierShapeName(computed), label(computed)), this));
    for (RiskTier t : {RiskTier::High, RiskTier::Medium, RiskTier::Low}) {
        auto *b = new QRadioButton(Theme::tierShapeName(t) + QLatin1Char(' ') + label(t), this);
        m_choice->addButton(b, int(t));
        layout->addWidget(b);
        if (current == t)
            b->setChecked(true);
    }
    auto *automatic = new QRadioButton(tr("조정 해제 (계산된 위험도 사용)"), this);
    automatic->setEnabled(current.has_value());
    m_choice->addButton(automatic, -1);
    layout->addWidget(automatic);
    if (!current) {
        if (auto *b = m_choice->button(int(computed)))
            b->setChecked(true);
    }
    auto *reasonLabel = new QLabel(tr("사유(&R) — 기록에 남습니다"), this);
    reasonLabel->setBuddy(m_reason);
    layout->addWidget(reasonLabel);
    m_reason->setAccessibleName(tr("조정 사유"));
    m_reason->setPlaceholderText(tr("예: 방문 결과 자해 위험 발언, 가족 돌봄 공백"));
    layout->addWidget(m_reason);
    layout->addWidget(m_message);
    layout->addWidget(buttons(this, tr("적용")));
}

void RiskDialog::choose(int option)
{
    if (auto *b = m_choice->button(option))
        b->setChecked(true);
}

void RiskDialog::accept()
{
    const int id = m_choice->checkedId();
    const std::optional<RiskTier> tier = id < 0 ? std::nullopt : std::optional<RiskTier>(RiskTier(id));
    if (tier == m_current) {
        m_message->setText(tr("지금과 같은 위험도입니다."));
        return;
    }
    auto *command = new RiskOverrideCommand(m_controller, m_household, tier, m_reason->toPlainText().trimmed(),
                                            m_current, m_currentReason);
    if (run(command, m_undo, m_message))
        QDialog::accept();
}

} // namespace VisitMap::Ui
