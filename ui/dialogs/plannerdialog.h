// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/mapwidget.h"
#include "routing/dayplanner.h"

#include <QDialog>
#include <QPointer>
#include <QTreeWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace VisitMap::Ui {

class MapWidget;
class WorkspaceController;

// The plan's stops, grouped by team; stops are dragged within a team or to another one (or to
// the unassigned group), and the plan is timed again.
class PlanTree : public QTreeWidget
{
    Q_OBJECT
public:
    using QTreeWidget::QTreeWidget;

Q_SIGNALS:
    void dropped();

protected:
    void dropEvent(QDropEvent *event) override;
};

// The team lead's day planner: which households (the selection, or the overdue high-risk ones of
// a 동, …), the day, the teams, hours, lunch and how they travel; the plan with numbered stops and
// times per team on the map; stops moved by hand with the times recomputed; saved, and printed as
// route sheets.
class PlannerDialog : public QDialog
{
    Q_OBJECT
public:
    PlannerDialog(WorkspaceController *controller, MapWidget *map, const QStringList &selection, QWidget *parent = nullptr);
    ~PlannerDialog() override;

    enum class Source { Selection, OverdueHigh, High, Overdue, New };
    void setSource(Source source, const QString &officeCode = {});
    void setTeams(int teams);
    // Plans now (as the 계획 button does); false with a message when it could not.
    bool solve();
    const Routing::DayPlan &plan() const { return m_plan; }
    // Moves a stop (team 0: the unassigned group) and times the plan again.
    bool moveStop(int fromTeam, int fromIndex, int toTeam, int toIndex);
    Status save();
    Status printSheets(const QString &path, const QString &reason, bool unmasked);
    PlanTree *tree() const { return m_tree; }
    QString summary() const;

private:
    void rebuildTree();
    void readTree();
    void showOnMap();
    void updateButtons();

    WorkspaceController *m_controller;
    QPointer<MapWidget> m_map; // the main window may go first
    QStringList m_selection;
    Routing::DayPlan m_plan;
    bool m_hasPlan = false;
    QComboBox *m_source;
    QComboBox *m_office;
    QDateEdit *m_date;
    QSpinBox *m_teams;
    QTimeEdit *m_start, *m_end, *m_lunch;
    QSpinBox *m_lunchMinutes;
    QComboBox *m_mode;
    QPushButton *m_solve;
    QProgressBar *m_progress;
    QLabel *m_summary;
    PlanTree *m_tree;
    QPushButton *m_save, *m_print, *m_up, *m_down, *m_out;
};

} // namespace VisitMap::Ui
