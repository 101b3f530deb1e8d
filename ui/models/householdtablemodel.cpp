// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdtablemodel.h"

#include "access/disclosure.h"
#include "koreandate.h"
#include "plaintext.h"
#include "storage/stores.h"
#include "theme.h"
#include "util/clock.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QBrush>
#include <algorithm>

namespace VisitMap::Ui {

HouseholdTableModel::HouseholdTableModel(WorkspaceController *controller, QObject *parent)
    : QAbstractTableModel(parent)
    , m_controller(controller)
{
    connect(controller, &WorkspaceController::householdsChanged, this, &HouseholdTableModel::reload);
    connect(controller, &WorkspaceController::storeChanged, this,
            &HouseholdTableModel::storeChanged);
    connect(controller, &WorkspaceController::disclosureChanged, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
}

void HouseholdTableModel::setQuery(const Storage::HouseholdQuery &query)
{
    m_query = query;
    reload();
}

void HouseholdTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_rowOf.clear();
    m_rowIds.clear();
    m_rowIds = m_controller->listedRowIds(m_query);
    endResetModel();
}

std::vector<qint64> HouseholdTableModel::sortedRowIds() const
{
    std::vector<qint64> out = m_rowIds;
    std::sort(out.begin(), out.end());
    return out;
}

int HouseholdTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rowIds.size());
}

int HouseholdTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 HouseholdTableModel::rowIdAt(int row) const
{
    return row >= 0 && row < int(m_rowIds.size()) ? m_rowIds[size_t(row)] : 0;
}

int HouseholdTableModel::rowOfRowId(qint64 rowId) const
{
    if (m_rowOf.isEmpty()) {
        m_rowOf.reserve(qsizetype(m_rowIds.size()));
        for (size_t i = 0; i < m_rowIds.size(); ++i)
            m_rowOf.insert(m_rowIds[i], int(i));
    }
    return m_rowOf.value(rowId, -1);
}

QList<int> HouseholdTableModel::rowsOf(const QStringList &householdIds) const
{
    QList<int> out;
    const auto points = m_controller->householdPointsOf(householdIds);
    if (!points)
        return out;
    for (const Storage::HouseholdPoint &p : *points) {
        if (const int row = rowOfRowId(p.rowId); row >= 0)
            out << row;
    }
    std::sort(out.begin(), out.end());
    return out;
}

int HouseholdTableModel::rowOf(const QString &householdId) const
{
    const QList<int> rows = rowsOf({householdId});
    return rows.isEmpty() ? -1 : rows.first();
}

bool HouseholdTableModel::orderOrMembershipMayChange() const
{
    const Storage::HouseholdQuery &q = m_query;
    return q.tier || q.overdueOnly || q.newOnly || !q.worker.isEmpty() || q.tong > 0 || q.ban > 0
           || q.caseStage || !q.text.trimmed().isEmpty() || q.order != Storage::HouseholdOrder::Row
           || q.limit > 0;
}

void HouseholdTableModel::storeChanged(const Storage::ChangeSet &changes)
{
    if (!changes.householdsAdded.isEmpty() || !changes.householdsRemoved.isEmpty()) {
        reload();
        return;
    }
    if (changes.householdsChanged.isEmpty() && changes.casesMoved.isEmpty())
        return;
    if (orderOrMembershipMayChange()) {
        std::vector<qint64> now = m_controller->listedRowIds(m_query);
        if (now != m_rowIds) {
            std::vector<qint64> a = now, b = m_rowIds;
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            if (a != b) {
                reload(); // households came into the list or left it
                return;
            }
            // The same households in another order: rows move, selections and the current row
            // follow their households.
            Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
            const QModelIndexList before = persistentIndexList();
            QList<qint64> rowIdsBefore;
            for (const QModelIndex &i : before)
                rowIdsBefore << rowIdAt(i.row());
            m_rowIds = std::move(now);
            m_rowOf.clear();
            m_pages.clear();
            QModelIndexList after;
            for (qsizetype k = 0; k < before.size(); ++k) {
                const int row = rowOfRowId(rowIdsBefore.at(k));
                after << (row >= 0 ? index(row, before.at(k).column()) : QModelIndex());
            }
            changePersistentIndexList(before, after);
            Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
        }
    }
    QStringList ids;
    ids.reserve(changes.householdsChanged.size());
    for (auto it = changes.householdsChanged.cbegin(); it != changes.householdsChanged.cend(); ++it)
        ids << it.key();
    for (const int row : rowsOf(ids)) {
        m_pages.remove(row / pageSize); // read again on the next data()
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

const Household *HouseholdTableModel::household(int row) const
{
    if (row < 0 || row >= int(m_rowIds.size()))
        return nullptr;
    const int page = row / pageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (m_pages.size() > 50)
            m_pages.clear();
        QList<qint64> ids;
        for (int r = page * pageSize; r < std::min(int(m_rowIds.size()), (page + 1) * pageSize); ++r)
            ids << m_rowIds[size_t(r)];
        auto rows = m_controller->workspace()->stores().households().byRowIds(ids);
        it = m_pages.insert(page, rows ? *rows : QList<Household>());
    }
    const int offset = row - page * pageSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

QVariant HouseholdTableModel::data(const QModelIndex &index, int role) const
{
    const Household *h = household(index.row());
    if (!h)
        return {};
    const QDate today = m_controller->today();
    switch (role) {
    case IdRole:
        return h->id;
    case RowIdRole:
        return rowIdAt(index.row());
    case TierRole:
        return int(h->tier());
    case OverdueRole:
        return h->isOverdue(today);
    case NewRole:
        return h->isNew();
    case Qt::DisplayRole:
        switch (index.column()) {
        case TierColumn:
            return Theme::tierShapeName(h->tier()) + QLatin1Char(' ') + label(h->tier());
        case DongColumn:
            return m_controller->officeName(h->officeCode);
        case HeadColumn:
            return m_controller->disclosure().listName(h->headName);
        case AddressColumn:
            return m_controller->disclosure().listAddress(h->roadAddress);
        case TypeColumn:
            return h->householdType;
        case DueColumn: {
            QString text = KoreanDate::date(h->nextVisitDue);
            if (h->isOverdue(today))
                text += tr(" (지남 %1일)").arg(h->nextVisitDue.daysTo(today));
            if (h->isNew())
                text += tr(" · 신규");
            return text;
        }
        case WorkerColumn:
            return h->assignedWorker;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == TierColumn)
            return QBrush(Theme::tierColor(h->tier()));
        if (index.column() == DueColumn && h->isOverdue(today))
            return QBrush(Theme::tierColor(RiskTier::High));
        break;
    case Qt::ToolTipRole:
        if (index.column() == TierColumn)
            return PlainText::toolTip(
                tr("위험 점수 %1").arg(h->riskScore)
                + (h->tierOverride ? tr(" · 조정: %1").arg(h->overrideReason) : QString()));
        break;
    case Qt::AccessibleTextRole:
        return data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant HouseholdTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TierColumn:
        return tr("위험도");
    case DongColumn:
        return tr("행정동");
    case HeadColumn:
        return tr("세대주");
    case AddressColumn:
        return tr("주소");
    case TypeColumn:
        return tr("가구유형");
    case DueColumn:
        return tr("다음 방문");
    case WorkerColumn:
        return tr("담당자");
    }
    return {};
}

void HouseholdTableModel::sort(int column, Qt::SortOrder order)
{
    static const Storage::HouseholdOrder orders[ColumnCount] = {
        Storage::HouseholdOrder::Tier,    Storage::HouseholdOrder::Dong,
        Storage::HouseholdOrder::HeadName, Storage::HouseholdOrder::Address,
        Storage::HouseholdOrder::Type,    Storage::HouseholdOrder::NextDue,
        Storage::HouseholdOrder::Worker};
    if (column < 0 || column >= ColumnCount)
        return;
    m_query.order = orders[column];
    m_query.descending = order == Qt::DescendingOrder;
    reload();
}

} // namespace VisitMap::Ui
