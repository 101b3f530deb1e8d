// SPDX-License-Identifier: GPL-3.0-or-later
#include "signindialog.h"

#include "demo/demogenerator.h"
#include "storage/accountstore.h"
#include "theme.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace VisitMap::Ui {

SignInDialog::SignInDialog(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_name(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("복지방문지도 — 로그인"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("개인 계정으로 로그인하세요. 비밀번호를 5회 틀리면 계정이 잠깁니다."), this);
    title->setWordWrap(true);
    layout->addWidget(title);
    auto *form = new QFormLayout;
    m_name->setAccessibleName(tr("계정"));
    m_password->setAccessibleName(tr("비밀번호"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("계정(&A)"), m_name);
    form->addRow(tr("비밀번호(&P)"), m_password);
    layout->addLayout(form);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
    m_message->setAccessibleName(tr("로그인 안내"));
    layout->addWidget(m_message);
    if (controller->isDemo()) {
        auto *demo = new QLabel(tr("이 저장소는 합성 데모 자료입니다. 데모 계정: demo-caseworker / %1")
                                    .arg(Demo::DemoGenerator::accounts().at(2).password),
                                this);
        demo->setWordWrap(true);
        demo->setStyleSheet(QStringLiteral("background:#ECF2FE; padding:6px; color:#0B50D0"));
        layout->addWidget(demo);
        m_name->setText(QStringLiteral("demo-caseworker"));
    } else {
        m_name->setText(QSettings().value(lastAccountKey(controller->storePath())).toString());
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("로그인"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("취소"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    layout->addWidget(buttons);
    (m_name->text().isEmpty() ? m_name : m_password)->setFocus();
}

QString SignInDialog::lastAccountKey(const QString &storePath)
{
    const QString canonical = QFileInfo(storePath).canonicalFilePath();
    const QByteArray digest = QCryptographicHash::hash(
        (canonical.isEmpty() ? storePath : canonical).toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("signin/lastAccount/") + QString::fromLatin1(digest.toHex().left(24));
}

void SignInDialog::setAccount(const QString &name)
{
    m_name->setText(name);
    m_password->clear();
    m_message->clear();
    (name.isEmpty() ? m_name : m_password)->setFocus();
}

QString SignInDialog::account() const
{
    return m_name->text();
}

void SignInDialog::accept()
{
    m_message->clear();
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_message->setText(tr("계정을 입력하세요."));
        m_name->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        // Enter on an empty field (or keys typed before the dialog had the keyboard) is not a
        // try: it would spend one of the five before the account locks.
        m_message->setText(tr("비밀번호를 입력하세요."));
        m_password->setFocus();
        return;
    }
    auto ok = m_controller->signIn(name, m_password->text());
    m_password->clear();
    if (!ok) {
        const Error &e = ok.error();
        // Core says what happened by its code; the words are the dialog's.
        switch (e.code) {
        case ErrorCode::AccountLocked:
            m_message->setText(tr("비밀번호를 %1회 틀려 계정이 잠겼습니다. 관리자에게 잠금 해제를 "
                                  "요청하세요.")
                                   .arg(Security::AccountStore::maxFailedLogins));
            break;
        case ErrorCode::AuthFailed:
            m_message->setText(tr("비밀번호가 틀렸거나 없는 계정입니다. %1회 틀리면 계정이 잠깁니다.")
                                   .arg(Security::AccountStore::maxFailedLogins));
            break;
        case ErrorCode::Validation:
            m_message->setText(tr("비밀번호에 쓸 수 없는 문자가 들어 있습니다. 다시 입력하세요."));
            break;
        case ErrorCode::Conflict:
            m_message->setText(tr("다른 프로그램이 저장소를 쓰고 있어 로그인하지 못했습니다. 잠시 뒤 "
                                  "다시 시도하세요."));
            break;
        default:
            m_message->setText(tr("로그인하지 못했습니다. 저장소를 읽거나 쓰지 못했습니다."));
            break;
        }
        m_password->setFocus();
        return;
    }
    QSettings().setValue(lastAccountKey(m_controller->storePath()), name);
    QDialog::accept();
}

} // namespace VisitMap::Ui
