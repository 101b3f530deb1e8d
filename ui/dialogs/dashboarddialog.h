// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/supervision.h"
#include "widgets/householdfilterbar.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QTableWidget;

class QChartView;

namespace VisitMap::Ui {

class WorkspaceController;

// 팀장 › 현황판: the supervision figures (Report::Supervision) as charts and tables, filtered by
// 행정동, worker and period. A click on a bar of households asks the window to show exactly
// those households in the list and on the map. A caseworker sees their own households' figures.
class DashboardDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DashboardDialog(WorkspaceController *controller, QWidget *parent = nullptr);

    const Report::Figures &figures() const { return m_figures; }
    QChartView *chart(const QString &objectName) const;

public Q_SLOTS:
    // Computes the figures again for the chosen filters and redraws.
    void refresh();

Q_SIGNALS:
    void narrowRequested(const HouseholdFilterBar::Narrowing &narrowing);

private:
    void drawTiers();
    void drawWeeks();
    void drawOverdue();
    void drawNeeds();
    void fillTables();
    QString officeName(const QString &code) const;
    QString personName(const QString &account) const;

    WorkspaceController *m_controller;
    QComboBox *m_office;
    QComboBox *m_worker;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_summary;
    QChartView *m_tiers;
    QChartView *m_weeks;
    QChartView *m_overdue;
    QChartView *m_needs;
    QTableWidget *m_cases;
    QTableWidget *m_discoveries;
    Report::Figures m_figures;
    QHash<QString, QString> m_officeNames;
    QHash<QString, QString> m_people;
};

} // namespace VisitMap::Ui
