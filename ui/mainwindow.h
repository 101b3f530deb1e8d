// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QSplitter;
class QTableView;

namespace VisitMap::Ui {

class HouseholdFilterBar;
class HouseholdTableModel;
class MapWidget;
class WorkspaceController;

// The workstation: the household list beside the map, status below. Wiring only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(WorkspaceController *controller, QWidget *parent = nullptr);
    ~MainWindow() override;

    MapWidget *map() const { return m_map; }
    QTableView *householdTable() const { return m_table; }
    HouseholdTableModel *householdModel() const { return m_model; }
    // "map" or "list": which part gets the room (used by --screenshot and the View menu).
    void focusView(const QString &view);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void updateStatus();
    void selectInList(qint64 rowId);

    WorkspaceController *m_controller;
    HouseholdFilterBar *m_filter;
    HouseholdTableModel *m_model;
    QTableView *m_table;
    MapWidget *m_map;
    QSplitter *m_splitter;
    QLabel *m_storeLabel;
    QLabel *m_accountLabel;
    QLabel *m_countLabel;
};

} // namespace VisitMap::Ui
