// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/account.h"

#include <QWizardPage>
#include <functional>

class QLabel;
class QLineEdit;

namespace VisitMap::Ui {

// A new store's account page (the first admin, the team lead): 계정 이름, 표시 이름 and the
// password twice, with the reason a value cannot be used said live in Korean; Next stays disabled
// until all is usable.
class NewAccountPage : public QWizardPage
{
    Q_OBJECT
public:
    // prefix names the fields for tests and accessibility ("admin", "lead"); takenName gives a
    // name this account may not have (the admin's, for the lead), empty for none.
    NewAccountPage(const QString &prefix,
                   const QString &title,
                   const QString &subTitle,
                   std::function<QString()> takenName,
                   QWidget *parent = nullptr);

    bool isComplete() const override;
    void initializePage() override;
    Security::NewAccount account() const; // role and grants are the setup's to give
    // Why the values cannot be used, in Korean; empty when they can.
    QString problem() const;

private:
    void update();

    std::function<QString()> m_takenName;
    QLineEdit *m_name;
    QLineEdit *m_display;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_message;
};

} // namespace VisitMap::Ui
