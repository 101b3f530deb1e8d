// SPDX-License-Identifier: GPL-3.0-or-later
#include "newaccountpage.h"

#include "passwordproblemtext.h"
#include "security/passwordpolicy.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace VisitMap::Ui {

NewAccountPage::NewAccountPage(const QString &prefix,
                               const QString &title,
                               const QString &subTitle,
                               std::function<QString()> takenName,
                               QWidget *parent)
    : QWizardPage(parent)
    , m_takenName(std::move(takenName))
    , m_name(new QLineEdit(this))
    , m_display(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setTitle(title);
    setSubTitle(subTitle);
    m_name->setObjectName(prefix + QStringLiteral("Name"));
    m_display->setObjectName(prefix + QStringLiteral("DisplayName"));
    m_password->setObjectName(prefix + QStringLiteral("Password"));
    m_repeat->setObjectName(prefix + QStringLiteral("Repeat"));
    m_message->setObjectName(prefix + QStringLiteral("Message"));
    m_name->setAccessibleName(tr("계정 이름"));
    m_display->setAccessibleName(tr("표시 이름"));
    m_password->setAccessibleName(tr("비밀번호"));
    m_repeat->setAccessibleName(tr("비밀번호 확인"));
    m_message->setAccessibleName(tr("입력 안내"));
    for (QLineEdit *e : {m_password, m_repeat})
        e->setEchoMode(QLineEdit::Password);
    m_name->setPlaceholderText(tr("예: kim.minsu"));
    m_display->setPlaceholderText(tr("예: 김민수"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("계정 이름(&N)"), m_name);
    form->addRow(tr("표시 이름(&D)"), m_display);
    form->addRow(tr("비밀번호(&P)"), m_password);
    form->addRow(tr("비밀번호 확인(&R)"), m_repeat);
    auto *rule = new QLabel(PasswordProblemText::rule(), this);
    rule->setWordWrap(true);
    form->addRow(rule);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
    form->addRow(m_message);
    for (QLineEdit *e : {m_name, m_display, m_password, m_repeat})
        connect(e, &QLineEdit::textChanged, this, &NewAccountPage::update);
}

void NewAccountPage::initializePage()
{
    update(); // the name this account may not have can have changed on an earlier page
}

QString NewAccountPage::problem() const
{
    const QString name = m_name->text().trimmed();
    if (!Security::isValidAccountName(name))
        return tr("계정 이름은 영문·숫자·'.'·'_'·'-' 3~32자이고, 영문이나 숫자로 시작해야 합니다.");
    if (m_takenName) {
        const QString taken = m_takenName();
        if (!taken.isEmpty() && taken.compare(name, Qt::CaseInsensitive) == 0)
            return tr("관리자 계정과 다른 이름이어야 합니다. 팀장은 자기 계정으로 일합니다.");
    }
    if (m_display->text().trimmed().isEmpty())
        return tr("표시 이름을 입력하세요.");
    const auto p = Security::PasswordPolicy::check(m_password->text(), name);
    if (p != Security::PasswordProblem::None)
        return PasswordProblemText::forProblem(p);
    if (m_password->text() != m_repeat->text())
        return tr("비밀번호 두 개가 서로 다릅니다.");
    return {};
}

void NewAccountPage::update()
{
    const bool untouched = m_name->text().isEmpty() && m_display->text().isEmpty()
                           && m_password->text().isEmpty() && m_repeat->text().isEmpty();
    m_message->setText(untouched ? QString() : problem());
    Q_EMIT completeChanged();
}

bool NewAccountPage::isComplete() const
{
    return problem().isEmpty();
}

Security::NewAccount NewAccountPage::account() const
{
    Security::NewAccount a;
    a.name = m_name->text().trimmed();
    a.displayName = m_display->text().trimmed();
    a.password = m_password->text();
    return a;
}

} // namespace VisitMap::Ui
