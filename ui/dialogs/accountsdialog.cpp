// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountsdialog.h"

#include "errortext.h"
#include "passwordproblemtext.h"
#include "access/accountadmin.h"
#include "util/clock.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VisitMap::Ui {

namespace {

// Why an account change was refused, by the failure's code; for values the rules refuse, the
// rules in words (account names, office codes, passwords).
QString whyNot(const Error &error)
{
    if (const QString why = PasswordProblemText::describe(error); !why.isEmpty())
        return why;
    switch (error.code) {
    case ErrorCode::Validation:
        return AccountsDialog::tr(
            "입력한 값을 쓸 수 없습니다. 계정은 영문 소문자·숫자·'.'·'_'·'-' 3~32자, 담당 구역은 "
            "행정동 코드 10자리 또는 시군구 코드 5자리(관리자가 아니면 하나 이상), 비밀번호는 10자 "
            "이상이거나 8자 이상에 글자·숫자·기호 중 두 가지 이상을 섞어야 하며 계정 이름과 같으면 "
            "안 됩니다. 관리자는 자기 계정을 삭제할 수 없습니다.");
    case ErrorCode::AlreadyExists:
        return AccountsDialog::tr("같은 이름의 계정이 이미 있습니다.");
    default:
        return ErrorText::describe(error);
    }
}

} // namespace

AccountsDialog::AccountsDialog(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_table(new QTableWidget(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("계정 관리"));
    resize(820, 480);
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("계정"), tr("이름"), tr("역할"), tr("담당 구역"), tr("상태")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAccessibleName(tr("계정 목록"));
    auto *buttons = new QHBoxLayout;
    const std::pair<QString, void (AccountsDialog::*)()> actions[] = {
        {tr("계정 추가…"), &AccountsDialog::addAccount},
        {tr("잠금 해제"), &AccountsDialog::unlock},
        {tr("비밀번호 재설정…"), &AccountsDialog::resetPassword},
        {tr("담당 구역 변경…"), &AccountsDialog::editOffices},
        {tr("계정 삭제"), &AccountsDialog::removeAccount},
    };
    for (const auto &[text, slot] : actions) {
        auto *b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    auto *close = new QPushButton(tr("닫기"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    buttons->addWidget(close);
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    refresh();
}

void AccountsDialog::refresh()
{
    auto accounts = Security::AccountAdmin(*m_controller->workspace()).list();
    if (!accounts) {
        m_message->setText(
            ErrorText::describe(tr("계정 목록을 읽지 못했습니다."), accounts.error()));
        return;
    }
    m_table->setRowCount(int(accounts->size()));
    for (int r = 0; r < accounts->size(); ++r) {
        const auto &a = (*accounts)[r];
        const QString state = !a.active ? tr("삭제됨") : a.locked ? tr("잠김") : tr("사용 중");
        const QStringList cells{a.name, a.displayName, label(a.role), a.grants.join(QStringLiteral(", ")), state};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    m_table->resizeColumnsToContents();
}

QString AccountsDialog::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && m_table->item(row, 0) ? m_table->item(row, 0)->text() : QString();
}

void AccountsDialog::report(const QString &what, bool ok, const QString &error)
{
    m_message->setStyleSheet(ok ? QStringLiteral("color:#228738") : QStringLiteral("color:#DE3412"));
    m_message->setText(ok ? what : tr("바꾸지 못했습니다. %1").arg(error));
    refresh();
}

void AccountsDialog::addAccount()
{
    QDialog d(this);
    d.setWindowTitle(tr("계정 추가"));
    auto *name = new QLineEdit(&d);
    auto *display = new QLineEdit(&d);
    auto *role = new QComboBox(&d);
    for (Role r : {Role::Caseworker, Role::Nurse, Role::TeamLead, Role::Admin})
        role->addItem(label(r), toCode(r));
    auto *offices = new QLineEdit(&d);
    offices->setPlaceholderText(tr("행정동 코드 10자리 또는 시군구 5자리, 쉼표로 구분"));
    auto *password = new QLineEdit(&d);
    password->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout(&d);
    form->addRow(tr("계정"), name);
    form->addRow(tr("이름"), display);
    form->addRow(tr("역할"), role);
    form->addRow(tr("담당 구역"), offices);
    form->addRow(tr("초기 비밀번호"), password);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    if (d.exec() != QDialog::Accepted)
        return;
    QStringList grants;
    for (const QString &g : offices->text().split(u',', Qt::SkipEmptyParts))
        grants << g.trimmed();
    auto created = Security::AccountAdmin(*m_controller->workspace())
                       .create({name->text().trimmed(), display->text().trimmed(),
                                *roleFromCode(role->currentData().toString()), grants, password->text()});
    report(tr("%1 계정을 만들었습니다").arg(name->text()), bool(created),
           created ? QString() : whyNot(created.error()));
}

void AccountsDialog::unlock()
{
    const QString name = selected();
    if (name.isEmpty())
        return;
    auto ok = Security::AccountAdmin(*m_controller->workspace()).unlock(name);
    report(tr("%1 계정의 잠금을 풀었습니다").arg(name), bool(ok),
           ok ? QString() : whyNot(ok.error()));
}

void AccountsDialog::resetPassword()
{
    const QString name = selected();
    if (name.isEmpty())
        return;
    bool accepted = false;
    const QString password = QInputDialog::getText(this, tr("비밀번호 재설정"),
                                                   tr("%1 계정의 새 비밀번호 (암호화 키는 키 보유자가 다시 전달할 때까지 기다립니다)").arg(name),
                                                   QLineEdit::Password, {}, &accepted);
    if (!accepted)
        return;
    auto ok = Security::AccountAdmin(*m_controller->workspace()).resetPassword(name, password);
    report(tr("%1 계정의 비밀번호를 재설정했습니다").arg(name), bool(ok),
           ok ? QString() : whyNot(ok.error()));
}

void AccountsDialog::editOffices()
{
    const QString name = selected();
    if (name.isEmpty())
        return;
    const int row = m_table->currentRow();
    bool accepted = false;
    const QString text = QInputDialog::getText(this, tr("담당 구역 변경"), tr("%1 계정의 담당 구역 (쉼표로 구분)").arg(name),
                                               QLineEdit::Normal, m_table->item(row, 3)->text(), &accepted);
    if (!accepted)
        return;
    QStringList grants;
    for (const QString &g : text.split(u',', Qt::SkipEmptyParts))
        grants << g.trimmed();
    auto ok = Security::AccountAdmin(*m_controller->workspace()).setGrants(name, grants);
    report(tr("%1 계정의 담당 구역을 바꿨습니다").arg(name), bool(ok),
           ok ? QString() : whyNot(ok.error()));
}

void AccountsDialog::removeAccount()
{
    const QString name = selected();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("계정 삭제"),
                              tr("%1 계정을 삭제할까요? 권한과 암호화 키가 회수되며 기록은 남습니다.").arg(name))
        != QMessageBox::Yes)
        return;
    auto ok = Security::AccountAdmin(*m_controller->workspace()).remove(name);
    report(tr("%1 계정을 삭제했습니다").arg(name), bool(ok), ok ? QString() : whyNot(ok.error()));
}

} // namespace VisitMap::Ui
