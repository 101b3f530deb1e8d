// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QTableWidget;

namespace VisitMap::Ui {

class WorkspaceController;

// Team lead: each worker's households by tier, visits due this week, overdue visits and open
// cases; and home visits left checked in past their expected length.
class WorkloadDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WorkloadDialog(WorkspaceController *controller, QWidget *parent = nullptr);
    QTableWidget *workers() const { return m_workers; }
    QTableWidget *checkins() const { return m_checkins; }

private:
    QTableWidget *m_workers;
    QTableWidget *m_checkins;
};

} // namespace VisitMap::Ui
