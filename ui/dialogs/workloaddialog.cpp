// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloaddialog.h"

#include "koreandate.h"
#include "storage/accountstore.h"
#include "storage/checkinstore.h"
#include "storage/statsstore.h"
#include "storage/stores.h"
#include "util/clock.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VisitMap::Ui {

WorkloadDialog::WorkloadDialog(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_workers(new QTableWidget(this))
    , m_checkins(new QTableWidget(this))
{
    setWindowTitle(tr("담당자별 업무량"));
    resize(820, 560);
    Workspace &ws = *controller->workspace();
    const QStringList offices = ws.session()->offices;
    m_workers->setColumnCount(8);
    m_workers->setHorizontalHeaderLabels({tr("담당자"), tr("가구"), tr("고위험"), tr("중위험"), tr("저위험"),
                                          tr("이번 주 방문"), tr("방문 지남"), tr("진행 사례")});
    m_workers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_workers->verticalHeader()->hide();
    m_workers->setAccessibleName(tr("담당자별 업무량"));
    // People by their names (the account in the tooltip), not by their sign-in accounts.
    QHash<QString, QString> names;
    if (auto accounts = ws.accounts().all()) {
        for (const Security::Account &a : *accounts)
            names.insert(a.name, a.displayName.isEmpty() ? a.name : a.displayName);
    }
    const auto person = [&names](const QString &account) {
        return names.value(account, account);
    };
    if (auto load = ws.stores().stats().workload(ws.clock().today(), offices)) {
        m_workers->setRowCount(int(load->size()));
        for (int r = 0; r < load->size(); ++r) {
            const Storage::WorkerLoad &w = (*load)[r];
            const QStringList cells{w.worker.isEmpty() ? tr("(미지정)") : person(w.worker),
                                    QString::number(w.total()),
                                    QString::number(w.high),
                                    QString::number(w.medium),
                                    QString::number(w.low),
                                    QString::number(w.dueThisWeek),
                                    QString::number(w.overdue),
                                    QString::number(w.openCases)};
            for (int c = 0; c < cells.size(); ++c) {
                auto *item = new QTableWidgetItem(cells[c]);
                if (c > 0)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                else if (!w.worker.isEmpty())
                    item->setToolTip(tr("계정: %1").arg(w.worker));
                if (c == 6 && w.overdue > 0)
                    item->setForeground(QColor(0xB3, 0x26, 0x1E));
                m_workers->setItem(r, c, item);
            }
        }
    }
    m_workers->resizeColumnsToContents();
    m_checkins->setColumnCount(4);
    m_checkins->setHorizontalHeaderLabels({tr("직원"), tr("체크인"), tr("예상 시간"), tr("가구")});
    m_checkins->horizontalHeader()->setStretchLastSection(true);
    m_checkins->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checkins->verticalHeader()->hide();
    m_checkins->setAccessibleName(tr("체크아웃하지 않은 방문"));
    if (auto overdue = ws.stores().checkins().overdue(offices, ws.clock().now())) {
        m_checkins->setRowCount(int(overdue->size()));
        for (int r = 0; r < overdue->size(); ++r) {
            const Checkin &c = (*overdue)[r];
            const QStringList cells{person(c.staff), KoreanDate::dateTime(c.checkedInAt),
                                    tr("%1분").arg(c.expectedMinutes), c.householdId};
            for (int k = 0; k < cells.size(); ++k) {
                auto *item = new QTableWidgetItem(cells[k]);
                item->setForeground(QColor(0xB3, 0x26, 0x1E));
                m_checkins->setItem(r, k, item);
            }
        }
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_workers, 2);
    layout->addWidget(new QLabel(tr("예상 시간이 지나도록 체크아웃하지 않은 가정방문 (안전 확인 필요)"), this));
    layout->addWidget(m_checkins, 1);
    auto *close = new QPushButton(tr("닫기"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    layout->addWidget(close, 0, Qt::AlignRight);
}

} // namespace VisitMap::Ui
