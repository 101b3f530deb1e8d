// SPDX-License-Identifier: GPL-3.0-or-later
#include "dutyworkerdialog.h"

#include "errortext.h"
#include "intake/urgentescalation.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace VisitMap::Ui {

DutyWorkerDialog::DutyWorkerDialog(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_worker(new QComboBox(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("당직 담당자"));
    m_worker->addItem(tr("(정하지 않음: 그때마다 묻기)"), QString());
    for (const QString &w : controller->workers())
        m_worker->addItem(w, w);
    const QString current = controller->escalation().dutyWorker();
    m_worker->setCurrentIndex(std::max(0, m_worker->findData(current)));
    m_worker->setAccessibleName(tr("당직 담당자"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
    auto *form = new QFormLayout(this);
    auto *about = new QLabel(tr("긴급 신고로 새 가구를 등록하거나 담당자 없는 가구에 연결하면, 그 "
                                "가구를 당직 담당자에게 "
                                "맡기고 오늘 연락할 가구로 표시합니다."),
                             this);
    about->setWordWrap(true);
    form->addRow(about);
    form->addRow(tr("당직 담당자(&W)"), m_worker);
    form->addRow(m_message);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setText(tr("저장"));
    box->button(QDialogButtonBox::Cancel)->setText(tr("취소"));
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, this, &DutyWorkerDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &DutyWorkerDialog::reject);
}

void DutyWorkerDialog::accept()
{
    auto ok = m_controller->escalation().setDutyWorker(m_worker->currentData().toString());
    if (!ok) {
        m_message->setText(
            ErrorText::describe(tr("당직 담당자를 저장하지 못했습니다"), ok.error()));
        return;
    }
    QDialog::accept();
}

} // namespace VisitMap::Ui
