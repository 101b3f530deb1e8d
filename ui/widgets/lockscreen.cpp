// SPDX-License-Identifier: GPL-3.0-or-later
#include "lockscreen.h"

#include "theme.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace VisitMap::Ui {

LockScreen::LockScreen(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_who(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Theme::surface());
    setPalette(pal);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto *title = new QLabel(tr("화면이 잠겼습니다"), this);
    QFont tf = Theme::uiFont(18);
    tf.setWeight(QFont::Bold);
    title->setFont(tf);
    title->setAlignment(Qt::AlignCenter);
    outer->addWidget(title);
    m_who->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_who);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    m_password->setObjectName(QStringLiteral("unlockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("비밀번호"));
    m_password->setAccessibleName(tr("잠금 해제 비밀번호"));
    m_password->setMinimumWidth(260);
    row->addWidget(m_password);
    auto *unlock = new QPushButton(tr("잠금 해제"), this);
    row->addWidget(unlock);
    auto *signOut = new QPushButton(tr("로그아웃"), this);
    row->addWidget(signOut);
    row->addStretch(1);
    outer->addLayout(row);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
    outer->addWidget(m_message);
    outer->addStretch(3);
    connect(unlock, &QPushButton::clicked, this, &LockScreen::tryUnlock);
    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::tryUnlock);
    connect(signOut, &QPushButton::clicked, this, &LockScreen::signedOut);
}

void LockScreen::prepare()
{
    m_who->setTextFormat(Qt::PlainText);
    m_who->setText(tr("%1 계정으로 로그인되어 있습니다. 비밀번호를 입력하면 계속할 수 있습니다.")
                       .arg(m_controller->accountName()));
    m_password->clear();
    m_message->clear();
    m_password->setFocus();
}

void LockScreen::tryUnlock()
{
    auto ok = m_controller->workspace()->reauthenticate(m_password->text());
    m_password->clear();
    if (!ok) {
        if (ok.error().code == ErrorCode::AccountLocked) {
            m_message->setText(tr("비밀번호를 5회 틀려 계정이 잠겼습니다. 관리자에게 문의하세요."));
            Q_EMIT signedOut();
        } else {
            m_message->setText(tr("비밀번호가 맞지 않습니다."));
        }
        return;
    }
    Q_EMIT unlocked();
}

} // namespace VisitMap::Ui
