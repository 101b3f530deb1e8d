// SPDX-License-Identifier: GPL-3.0-or-later
#include "visitdialog.h"

#include "commands/logcommands.h"
#include "util/clock.h"
#include "widgets/needseditor.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

namespace VisitMap::Ui {

VisitDialog::VisitDialog(WorkspaceController *controller, QUndoStack *undo, const QString &householdId,
                         QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_undo(undo)
    , m_household(householdId)
    , m_kind(new QComboBox(this))
    , m_when(new QDateTimeEdit(this))
    , m_outcome(new QComboBox(this))
    , m_staff(new QLineEdit(this))
    , m_metWhom(new QLineEdit(this))
    , m_notes(new QPlainTextEdit(this))
    , m_needsBox(new QGroupBox(tr("욕구 조사도 함께 기록"), this))
    , m_needs(new NeedsEditor(this))
    , m_noteBox(new QGroupBox(tr("상담 기록도 함께 남기기 (암호화되어 저장)"), this))
    , m_noteTopic(new QLineEdit(this))
    , m_noteBody(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("방문·상담 기록"));
    resize(680, 760);
    for (VisitKind k : {VisitKind::Visit, VisitKind::Phone, VisitKind::Office, VisitKind::Check})
        m_kind->addItem(label(k), int(k));
    for (VisitOutcome o : {VisitOutcome::Met, VisitOutcome::Absent, VisitOutcome::Refused, VisitOutcome::Moved})
        m_outcome->addItem(label(o), int(o));
    m_when->setDisplayFormat(QStringLiteral("yyyy.MM.dd HH:mm"));
    m_when->setCalendarPopup(true);
    // The edit shows Korean wall-clock time whatever the computer's zone is.
    const QDateTime local = controller->workspace()->clock().now().toTimeZone(Clock::seoul());
    m_when->setDateTime(QDateTime(local.date(), local.time()));
    m_staff->setText(controller->accountName());
    m_staff->setPlaceholderText(tr("함께 간 직원 계정 (쉼표로 구분)"));
    m_metWhom->setPlaceholderText(tr("예: 본인, 배우자, 이웃"));
    m_notes->setPlaceholderText(tr("확인한 내용, 요청 사항, 다음에 할 일"));
    m_kind->setAccessibleName(tr("구분"));
    m_when->setAccessibleName(tr("일시"));
    m_outcome->setAccessibleName(tr("결과"));
    m_staff->setAccessibleName(tr("방문 직원"));
    m_metWhom->setAccessibleName(tr("만난 사람"));
    m_notes->setAccessibleName(tr("내용"));
    auto *form = new QFormLayout;
    form->addRow(tr("구분(&K)"), m_kind);
    form->addRow(tr("일시(&T)"), m_when);
    form->addRow(tr("결과(&O)"), m_outcome);
    form->addRow(tr("방문 직원(&S)"), m_staff);
    form->addRow(tr("만난 사람(&W)"), m_metWhom);
    form->addRow(tr("내용(&N)"), m_notes);

    m_needsBox->setCheckable(true);
    m_needsBox->setChecked(false);
    auto *needsLayout = new QVBoxLayout(m_needsBox);
    needsLayout->addWidget(m_needs);
    m_noteBox->setCheckable(true);
    m_noteBox->setChecked(false);
    auto *noteLayout = new QFormLayout(m_noteBox);
    m_noteTopic->setPlaceholderText(tr("예: 건강, 경제, 주거"));
    noteLayout->addRow(tr("주제"), m_noteTopic);
    noteLayout->addRow(tr("상담 내용"), m_noteBody);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(form);
    contentLayout->addWidget(m_needsBox);
    contentLayout->addWidget(m_noteBox);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("기록"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("취소"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &VisitDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &VisitDialog::reject);
    // Absence means nobody was met.
    connect(m_outcome, &QComboBox::currentIndexChanged, this, [this] {
        m_metWhom->setEnabled(VisitOutcome(m_outcome->currentData().toInt()) == VisitOutcome::Met);
    });
}

QString VisitDialog::error() const
{
    return m_message->text();
}

void VisitDialog::accept()
{
    Visit v;
    v.householdId = m_household;
    v.kind = VisitKind(m_kind->currentData().toInt());
    v.outcome = VisitOutcome(m_outcome->currentData().toInt());
    v.at = QDateTime(m_when->date(), m_when->time(), Clock::seoul()).toUTC();
    v.staffPresent = m_staff->text().trimmed();
    v.metWhom = v.outcome == VisitOutcome::Met ? m_metWhom->text().trimmed() : QString();
    v.notes = m_notes->toPlainText().trimmed();
    std::optional<NeedAssessment> assessment;
    if (m_needsBox->isChecked()) {
        NeedAssessment a;
        a.items = m_needs->items();
        assessment = a;
    }
    std::optional<CounselingNote> note;
    if (m_noteBox->isChecked()) {
        CounselingNote n;
        n.topic = m_noteTopic->text().trimmed();
        n.body = m_noteBody->toPlainText().trimmed();
        if (n.body.isEmpty()) {
            m_message->setText(tr("상담 내용을 적거나 '상담 기록도 함께 남기기'를 끄세요."));
            return;
        }
        note = n;
    }
    auto *command = new LogVisitCommand(m_controller, v, assessment, note);
    if (const QString error = command->execute(); !error.isEmpty()) {
        delete command;
        m_message->setText(tr("기록하지 못했습니다: %1").arg(error));
        return;
    }
    m_undo->push(command);
    QDialog::accept();
}

} // namespace VisitMap::Ui
