// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

class QTableView;

namespace VisitMap::Ui {

class HouseholdPanel;
class HouseholdTableModel;
class MapWidget;
class WorkspaceController;

// One selection of households across the map, the list and the household panel: choosing on the
// map selects the rows in the list and the other way round, and the current row opens in the
// panel. A household is named by its id wherever this is asked; the map and the list address
// their rows by the store's row, and this is the one place that turns one into the other.
class HouseholdSelection : public QObject
{
    Q_OBJECT
public:
    HouseholdSelection(WorkspaceController *controller,
                       MapWidget *map,
                       QTableView *table,
                       HouseholdTableModel *model,
                       HouseholdPanel *panel,
                       QObject *parent);

    // Opens the household in the panel and, when it is listed, selects it on the map and in
    // the list and brings it into view. False when the panel could not open it.
    bool open(const QString &householdId);
    // What was picked on the map or in the list, by id.
    QStringList selectedIds() const;
    // A household chosen on the map: its row becomes the list's current one (which opens it);
    // one the list's conditions leave out opens all the same.
    void selectInList(qint64 rowId);
    // Households chosen on the map (a drag, a cluster): the same rows selected in the list.
    void selectRows(const QList<qint64> &rowIds);
    void clear();

Q_SIGNALS:
    void panelShown();                 // the panel shows a household: the window shows its dock
    void message(const QString &text); // for the status bar

private:
    void listSelectionChanged();

    WorkspaceController *m_controller;
    MapWidget *m_map;
    QTableView *m_table;
    HouseholdTableModel *m_model;
    HouseholdPanel *m_panel;
    bool m_syncing = false;
};

} // namespace VisitMap::Ui
