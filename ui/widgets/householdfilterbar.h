// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/householdstore.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace VisitMap::Ui {

class WorkspaceController;

// Search and filters above the household list: text, 행정동, tier, overdue, new.
class HouseholdFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit HouseholdFilterBar(WorkspaceController *controller, QWidget *parent = nullptr);

    Storage::HouseholdQuery query() const;
    void reloadOffices();

Q_SIGNALS:
    void queryChanged();

private:
    WorkspaceController *m_controller;
    QLineEdit *m_search;
    QComboBox *m_dong;
    QComboBox *m_tier;
    QCheckBox *m_overdue;
    QCheckBox *m_new;
    QSpinBox *m_tong;
    QSpinBox *m_ban;
    QComboBox *m_stage;
    QComboBox *m_worker;
    QTimer *m_debounce;
};

} // namespace VisitMap::Ui
