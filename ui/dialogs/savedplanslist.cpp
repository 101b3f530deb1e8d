// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedplanslist.h"

#include "errortext.h"
#include "planning/routesheet.h"
#include "util/clock.h"
#include "workspacecontroller.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace VisitMap::Ui {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

SavedPlansList::SavedPlansList(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_list(new QTreeWidget(this))
    , m_open(new QPushButton(tr("저장된 계획 열기"), this))
{
    m_list->setHeaderLabels({tr("날짜"), tr("행정동"), tr("팀"), tr("방문지"), tr("저장")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAccessibleName(tr("저장된 방문 경로 계획"));
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->setMinimumHeight(120);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>저장된 계획</b>"), this));
    layout->addWidget(m_list, 1);
    layout->addWidget(m_open);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_open->setEnabled(m_list->currentItem() != nullptr); });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        Q_EMIT openRequested(item->data(0, IdRole).toString());
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_list->currentItem())
            Q_EMIT openRequested(item->data(0, IdRole).toString());
    });
    reload();
}

bool SavedPlansList::reload()
{
    m_list->clear();
    m_open->setEnabled(false);
    auto plans = Routing::PlanArchive::list(*m_controller->workspace());
    if (!plans) {
        auto *item = new QTreeWidgetItem(
            m_list, {ErrorText::describe(tr("저장된 계획을 읽지 못했습니다."), plans.error())});
        item->setFirstColumnSpanned(true);
        item->setFlags(Qt::ItemIsEnabled);
        return false;
    }
    QHash<QString, QString> officeNames;
    for (const Office &o : m_controller->offices())
        officeNames.insert(o.code, o.name);
    for (const Routing::SavedPlan &p : *plans) {
        const QString saved = p.version > 1
                                  ? tr("%1 · %2 (%3판)")
                                        .arg(Iso::displayDateTime(p.savedAt), p.savedBy)
                                        .arg(p.version)
                                  : tr("%1 · %2").arg(Iso::displayDateTime(p.savedAt), p.savedBy);
        auto *item = new QTreeWidgetItem(
            m_list,
            {Iso::displayDate(p.date), officeNames.value(p.officeCode, p.officeCode),
             tr("%1팀").arg(p.teams), tr("%1곳 (%2가구)").arg(p.stops).arg(p.households), saved});
        item->setData(0, IdRole, p.id);
    }
    return true;
}

int SavedPlansList::count() const
{
    int n = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        n += m_list->topLevelItem(i)->data(0, IdRole).toString().isEmpty() ? 0 : 1;
    return n;
}

void SavedPlansList::open(int row)
{
    QTreeWidgetItem *item = m_list->topLevelItem(row);
    if (!item || item->data(0, IdRole).toString().isEmpty())
        return;
    m_list->setCurrentItem(item);
    Q_EMIT openRequested(item->data(0, IdRole).toString());
}

} // namespace VisitMap::Ui
