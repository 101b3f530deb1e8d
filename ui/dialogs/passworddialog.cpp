// SPDX-License-Identifier: GPL-3.0-or-later
#include "passworddialog.h"

#include "errortext.h"
#include "passwordproblemtext.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace VisitMap::Ui {

namespace {

// Why the password was not changed, by the failure's code: a wrong current password and a new
// password the rules refuse are told apart, with the rules in words.
QString whyNot(const Error &error)
{
    switch (error.code) {
    case ErrorCode::AuthFailed:
        return PasswordDialog::tr("지금 비밀번호가 맞지 않습니다.");
    default:
        if (const QString why = PasswordProblemText::describe(error); !why.isEmpty())
            return PasswordDialog::tr("새 비밀번호로 쓸 수 없습니다. %1").arg(why);
        return ErrorText::describe(PasswordDialog::tr("비밀번호를 바꾸지 못했습니다."), error);
    }
}

} // namespace

PasswordDialog::PasswordDialog(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_old(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("비밀번호 변경"));
    for (QLineEdit *e : {m_old, m_new, m_repeat})
        e->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout(this);
    form->addRow(tr("현재 비밀번호"), m_old);
    form->addRow(tr("새 비밀번호"), m_new);
    form->addRow(tr("새 비밀번호 확인"), m_repeat);
    auto *rule = new QLabel(PasswordProblemText::rule(), this);
    rule->setWordWrap(true);
    form->addRow(rule);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
    form->addRow(m_message);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setText(tr("변경"));
    box->button(QDialogButtonBox::Cancel)->setText(tr("취소"));
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &PasswordDialog::reject);
}

void PasswordDialog::accept()
{
    if (m_new->text() != m_repeat->text()) {
        m_message->setText(tr("새 비밀번호 두 개가 서로 다릅니다."));
        return;
    }
    auto ok = m_controller->workspace()->changePassword(m_old->text(), m_new->text());
    if (!ok) {
        m_message->setText(whyNot(ok.error()));
        return;
    }
    QDialog::accept();
}

} // namespace VisitMap::Ui
