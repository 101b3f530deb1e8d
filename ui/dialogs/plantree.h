// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "planning/dayplanner.h"

#include <QTreeWidget>
#include <functional>

namespace VisitMap::Ui {

// The plan's stops, grouped by team, then those left out of the plan. A stop is a building: its
// road address in full (wrapped, never cut short) and every household visited there. Stops are
// dragged within a team or to another one (or to the group left out), and the plan is timed again.
class PlanTree : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { Order, Address, Households, Minutes, Distance };
    enum Role { IdRole = Qt::UserRole + 1, TeamRole };

    // What a stop's row says about its households.
    struct StopText
    {
        QString address;    // the building's road address, in full
        QString households; // one line per household: 동·호, name, tier
    };
    using Describe = std::function<StopText(const QStringList &householdIds)>;
    using Reason = std::function<QString(const Routing::Unplanned &)>;

    explicit PlanTree(QWidget *parent = nullptr);

    void setPlan(const Routing::DayPlan &plan, const Describe &describe, const Reason &reason);
    // The plan as the tree holds it after a drag: teams in order, then the group left out.
    void readInto(Routing::DayPlan &plan, const QString &byHandReason) const;

Q_SIGNALS:
    void dropped();

protected:
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
};

} // namespace VisitMap::Ui
