// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace VisitMap::Ui {

class WorkspaceController;

// The team lead's status-bar count of urgent (긴급) intake items nobody has contacted yet:
// "긴급 미연락 N건", hidden when there are none or the account assigns no households.
class UrgentStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit UrgentStatusLabel(WorkspaceController *controller, QWidget *parent = nullptr);
    int count() const { return m_count; }

public Q_SLOTS:
    void refresh();

private:
    WorkspaceController *m_controller;
    int m_count = 0;
};

} // namespace VisitMap::Ui
