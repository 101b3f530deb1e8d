// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "errortext.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace VisitMap::Ui {

SettingsDialog::SettingsDialog(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_idle(new QSpinBox(this))
    , m_high(new QSpinBox(this))
    , m_medium(new QSpinBox(this))
    , m_low(new QSpinBox(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("저장소 설정"));
    Workspace &ws = *controller->workspace();
    m_idle->setRange(1, 60);
    m_idle->setSuffix(tr(" 분"));
    m_idle->setValue(ws.idleLockMinutes());
    const Risk::VisitCycle c = ws.visitCycle();
    for (auto [box, value] : {std::pair{m_high, c.highDays}, {m_medium, c.mediumDays}, {m_low, c.lowDays}}) {
        box->setRange(1, 366);
        box->setSuffix(tr(" 일"));
        box->setValue(value);
    }
    auto *form = new QFormLayout(this);
    form->addRow(tr("자동 잠금 (사용하지 않을 때)"), m_idle);
    form->addRow(tr("고위험 방문 주기"), m_high);
    form->addRow(tr("중위험 방문 주기"), m_medium);
    form->addRow(tr("저위험 방문 주기"), m_low);
    m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
    form->addRow(m_message);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setText(tr("저장"));
    box->button(QDialogButtonBox::Cancel)->setText(tr("취소"));
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

void SettingsDialog::accept()
{
    Workspace &ws = *m_controller->workspace();
    if (auto ok = ws.setIdleLockMinutes(m_idle->value()); !ok) {
        m_message->setText(
            ErrorText::describe(tr("자동 잠금 시간을 저장하지 못했습니다."), ok.error()));
        return;
    }
    if (auto ok = ws.setVisitCycle({m_high->value(), m_medium->value(), m_low->value()}); !ok) {
        m_message->setText(ErrorText::describe(tr("방문 주기를 저장하지 못했습니다."), ok.error()));
        return;
    }
    QDialog::accept();
}

} // namespace VisitMap::Ui
