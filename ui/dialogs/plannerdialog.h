// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs/plantree.h"
#include "map/mapwidget.h"
#include "planning/dayplanner.h"
#include "planning/routesheet.h"

#include <QDialog>
#include <QPointer>
#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QImage;
class QLabel;
class QPrinter;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace VisitMap::Ui {

class MapWidget;
class SavedPlansList;
class WorkspaceController;

// The team lead's day planner: which households (the selection, or the overdue high-risk ones of
// a 동, …), the day, the teams, hours, lunch, how they travel and how recent a visit leaves a
// household out; the plan with numbered stops (one per building) and times per team on the map;
// stops moved by hand with the times recomputed; saved, reopened from the saved plans, changed and
// saved again, and printed as route sheets (to a printer or a PDF file).
class PlannerDialog : public QDialog
{
    Q_OBJECT
public:
    PlannerDialog(WorkspaceController *controller, MapWidget *map, const QStringList &selection, QWidget *parent = nullptr);
    ~PlannerDialog() override;

    enum class Source { Selection, OverdueHigh, High, Overdue, New, Plan };
    void setSource(Source source, const QString &officeCode = {});
    void setTeams(int teams);
    void setRecentDays(int days);
    // The households the main window has selected now, for 선택한 가구 더하기.
    void setSelectionProvider(std::function<QStringList()> provider)
    {
        m_selectionNow = std::move(provider);
    }
    // Plans now (as the 계획 button does); false with a message when it could not.
    bool solve();
    const Routing::DayPlan &plan() const { return m_plan; }
    // Moves a stop (team 0: the unassigned group) and times the plan again.
    bool moveStop(int fromTeam, int fromIndex, int toTeam, int toIndex);
    // Puts more households into the plan and plans its households again.
    bool addHouseholds(const QStringList &ids);
    // A saved plan, as it was saved, to change and save again or print again.
    bool openSaved(const QString &id);
    Status save();
    Status printSheets(const QString &path, const QString &reason, bool unmasked);
    Status printTo(QPrinter &printer, const QString &reason, bool unmasked);
    PlanTree *tree() const { return m_tree; }
    SavedPlansList *savedPlans() const { return m_saved; }
    QString summary() const;
    // Why a household is not in the plan, in words: "최근 7일 안에 방문함 (2026.11.28)".
    static QString reasonText(const Routing::Unplanned &unplanned);

private:
    QStringList planHouseholds() const;
    void rebuildTree();
    void showOnMap();
    void updateButtons();
    void showFailure(const QString &whatFailed, const Error &error);
    std::optional<std::pair<QString, bool>> askReasonAndMasking(const QString &title);
    std::function<QImage(const Routing::SheetTeam &, QSize)> excerpt() const;

    WorkspaceController *m_controller;
    QPointer<MapWidget> m_map; // the main window may go first
    QStringList m_selection;
    QStringList m_planHouseholds; // Source::Plan: the households of the plan opened or changed
    std::function<QStringList()> m_selectionNow;
    Routing::DayPlan m_plan;
    bool m_hasPlan = false;
    QComboBox *m_source;
    QComboBox *m_office;
    QDateEdit *m_date;
    QSpinBox *m_teams;
    QTimeEdit *m_start, *m_end, *m_lunch;
    QSpinBox *m_lunchMinutes;
    QSpinBox *m_recentDays;
    QComboBox *m_mode;
    QPushButton *m_solve;
    QProgressBar *m_progress;
    QLabel *m_summary;
    SavedPlansList *m_saved;
    PlanTree *m_tree;
    QPushButton *m_save, *m_print, *m_pdf, *m_up, *m_down, *m_out, *m_add;
};

} // namespace VisitMap::Ui
