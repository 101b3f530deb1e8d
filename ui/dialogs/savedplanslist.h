// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace VisitMap::Ui {

class WorkspaceController;

// The day plans saved before (the latest version of each): day, 동, teams, stops and households,
// who saved it and when; a lead opens one to change it or print its sheets again.
class SavedPlansList : public QWidget
{
    Q_OBJECT
public:
    explicit SavedPlansList(WorkspaceController *controller, QWidget *parent = nullptr);

    // Reads the saved plans again; false with the failure in words on the list when it could not.
    bool reload();
    int count() const;
    QTreeWidget *list() const { return m_list; }
    // Selects the plan at a row and opens it, as a double click does.
    void open(int row);

Q_SIGNALS:
    void openRequested(const QString &id);

private:
    WorkspaceController *m_controller;
    QTreeWidget *m_list;
    QPushButton *m_open;
};

} // namespace VisitMap::Ui
