// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdselection.h"

#include "map/mapwidget.h"
#include "models/householdtablemodel.h"
#include "widgets/householdpanel.h"
#include "workspacecontroller.h"

#include <QItemSelectionModel>
#include <QTableView>

#include <algorithm>
#include <vector>

namespace VisitMap::Ui {

HouseholdSelection::HouseholdSelection(WorkspaceController *controller,
                                       MapWidget *map,
                                       QTableView *table,
                                       HouseholdTableModel *model,
                                       HouseholdPanel *panel,
                                       QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_map(map)
    , m_table(table)
    , m_model(model)
    , m_panel(panel)
{
    connect(m_map, &MapWidget::householdActivated, this, &HouseholdSelection::selectInList);
    connect(m_map, &MapWidget::selectionChanged, this, &HouseholdSelection::selectRows);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HouseholdSelection::listSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString id = m_model->data(current, HouseholdTableModel::IdRole).toString();
                if (!id.isEmpty() && id != m_panel->householdId()) {
                    m_panel->showHousehold(id);
                    Q_EMIT panelShown();
                }
            });
}

bool HouseholdSelection::open(const QString &householdId)
{
    if (!m_panel->showHousehold(householdId))
        return false;
    Q_EMIT panelShown();
    const std::optional<qint64> rowId = m_controller->rowIdOf(householdId);
    const int row = rowId ? m_model->rowOfRowId(*rowId) : -1;
    if (row >= 0) {
        const QSignalBlocker block(m_table->selectionModel());
        m_table->selectRow(row);
        m_map->selectRowId(*rowId);
        m_map->bringIntoView(*rowId);
    }
    return true;
}

QStringList HouseholdSelection::selectedIds() const
{
    return m_controller->householdIds(m_map->selection());
}

void HouseholdSelection::selectInList(qint64 rowId)
{
    const int row = m_model->rowOfRowId(rowId);
    if (row < 0) {
        // Not in the list as filtered: open it all the same.
        const QStringList ids = m_controller->householdIds({rowId});
        if (!ids.isEmpty() && m_panel->showHousehold(ids.first()))
            Q_EMIT panelShown();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void HouseholdSelection::selectRows(const QList<qint64> &rowIds)
{
    m_syncing = true;
    std::vector<int> rows;
    rows.reserve(std::size_t(rowIds.size()));
    for (const qint64 id : rowIds) {
        const int r = m_model->rowOfRowId(id);
        if (r >= 0)
            rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection sel;
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        sel.select(m_model->index(rows[i], 0), m_model->index(rows[j], m_model->columnCount() - 1));
        i = j + 1;
    }
    {
        const QSignalBlocker block(m_table->selectionModel());
        m_table->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect
                                                   | QItemSelectionModel::Rows);
        if (!rows.empty())
            m_table->selectionModel()->setCurrentIndex(m_model->index(rows.front(), 0),
                                                       QItemSelectionModel::NoUpdate);
    }
    m_table->viewport()->update();
    if (!rows.empty())
        m_table->scrollTo(m_model->index(rows.front(), 0));
    m_syncing = false;
    if (rowIds.size() != qsizetype(rows.size()))
        Q_EMIT message(tr("선택한 %L1가구 중 %L2가구는 지금 목록의 조건 밖에 있습니다")
                           .arg(rowIds.size())
                           .arg(rowIds.size() - qsizetype(rows.size())));
}

void HouseholdSelection::listSelectionChanged()
{
    if (m_syncing)
        return;
    QList<qint64> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << m_model->rowIdAt(i.row());
    m_map->setSelection(rows);
}

void HouseholdSelection::clear()
{
    m_map->setSelection({});
    m_table->selectionModel()->clear();
    m_panel->clear();
}

} // namespace VisitMap::Ui
