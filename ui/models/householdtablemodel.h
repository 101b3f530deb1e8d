// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/household.h"
#include "storage/changenotifier.h"
#include "storage/householdstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

namespace VisitMap::Ui {

class WorkspaceController;

// The household list: holds only the rowids a query selects and fetches the rows on screen a page
// at a time, so it stays light on a district of a million households. Sorting re-queries the
// store in the chosen order.
class HouseholdTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TierColumn, DongColumn, HeadColumn, AddressColumn, TypeColumn, DueColumn,
                  WorkerColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, RowIdRole, TierRole, OverdueRole, NewRole };

    explicit HouseholdTableModel(WorkspaceController *controller, QObject *parent = nullptr);

    void setQuery(const Storage::HouseholdQuery &query);
    const Storage::HouseholdQuery &query() const { return m_query; }
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

    qint64 rowIdAt(int row) const;
    int rowOfRowId(qint64 rowId) const; // -1 when not listed
    // The row of a household by id, -1 when not listed; rowsOf: of several, the listed ones.
    int rowOf(const QString &householdId) const;
    QList<int> rowsOf(const QStringList &householdIds) const;
    // The listed households' rowids in ascending order (the set the map shows while filtered).
    std::vector<qint64> sortedRowIds() const;

    // A committed change: the rows of changed households are read again (dataChanged); when the
    // change reorders the list the rows move first (layoutChanged, selections kept); an added or
    // removed household, or a change that moves households in or out of the query, resets it.
    void storeChanged(const Storage::ChangeSet &changes);

private:
    const Household *household(int row) const;
    bool orderOrMembershipMayChange() const;

    WorkspaceController *m_controller;
    Storage::HouseholdQuery m_query;
    std::vector<qint64> m_rowIds;
    mutable QHash<int, QList<Household>> m_pages;
    mutable QHash<qint64, int> m_rowOf;
    static constexpr int pageSize = 200;
};

} // namespace VisitMap::Ui
