// SPDX-License-Identifier: GPL-3.0-or-later
#include "assigndialog.h"

#include "commands/householdcommands.h"
#include "storage/accountstore.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QUndoStack>

namespace VisitMap::Ui {

AssignDialog::AssignDialog(WorkspaceController *controller, QUndoStack *undo, QStringList householdIds,
                           QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_undo(undo)
    , m_households(std::move(householdIds))
    , m_worker(new QComboBox(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("담당자 지정"));
    // Wide enough for its title and a person's "이름 · 역할 · 계정" in full.
    setMinimumWidth(440);
    // People by their names, role and account (the account is what is stored).
    if (controller->workspace()) {
        if (auto accounts = controller->workspace()->accounts().all()) {
            for (const Security::Account &a : *accounts) {
                if (!a.active || a.role == Role::Admin)
                    continue;
                const QString name = a.displayName.isEmpty() ? a.name : a.displayName;
                m_worker->addItem(QStringLiteral("%1 · %2 · %3").arg(name, label(a.role), a.name),
                                  a.name);
            }
        }
    }
    m_worker->addItem(tr("(담당자 없음)"), QString());
    m_worker->setAccessibleName(tr("담당자"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("color: #DE3412"));
    auto *form = new QFormLayout(this);
    form->addRow(new QLabel(tr("선택한 %L1가구의 담당자를 지정합니다.").arg(m_households.size()), this));
    form->addRow(tr("담당자(&W)"), m_worker);
    form->addRow(m_message);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setText(tr("지정"));
    box->button(QDialogButtonBox::Cancel)->setText(tr("취소"));
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, this, &AssignDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &AssignDialog::reject);
}

void AssignDialog::accept()
{
    auto *command = new AssignCommand(m_controller, m_households, m_worker->currentData().toString());
    if (const QString error = command->execute(); !error.isEmpty()) {
        delete command;
        m_message->setText(tr("지정하지 못했습니다: %1").arg(error));
        return;
    }
    m_undo->push(command);
    QDialog::accept();
}

} // namespace VisitMap::Ui
