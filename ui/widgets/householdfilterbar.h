// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/householdstore.h"

#include <QWidget>
#include <optional>

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

    // The list's query as chosen here (the account's offices, the search words and conditions);
    // the list, the map and exports all select their households by it.
    Storage::HouseholdQuery query() const;
    // Whether anything narrows the list (search words or a condition other than "all").
    bool isActive() const;
    // Back to every household: no search words, every condition "all" (one queryChanged).
    void clear();
    // Shows only these households (a click on a dashboard bar): every other condition back to
    // "all", then one queryChanged.
    struct Narrowing
    {
        QString office; // empty: every office
        std::optional<RiskTier> tier;
        QString worker; // empty: every worker; "-": nobody's
        bool overdueOnly = false;
    };
    void narrowTo(const Narrowing &narrowing);
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
