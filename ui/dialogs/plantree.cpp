// SPDX-License-Identifier: GPL-3.0-or-later
#include "plantree.h"

#include "map/routelayer.h"
#include "plaintext.h"

#include <QDropEvent>
#include <QHash>
#include <QHeaderView>
#include <QStyledItemDelegate>

namespace VisitMap::Ui {

using Routing::DayPlanner;

namespace {

// Rows as tall as their text wrapped in its column: the view asks a cell's size without saying
// how wide the column is, so a wrapped address would be measured as one long line.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem o = option;
        int width = m_view->header()->sectionSize(index.column());
        if (!index.parent().isValid()) // a team's line spans the whole row
            width = m_view->viewport()->width() - m_view->indentation();
        else if (index.column() == 0)
            width -= m_view->indentation() * 2;
        // A rectangle without height counts as none, and the text would not be wrapped at all.
        o.rect = QRect(option.rect.topLeft(),
                       QSize(std::max(width, 40), std::max(option.rect.height(), 1)));
        return QStyledItemDelegate::sizeHint(o, index);
    }

private:
    QTreeView *m_view;
};

} // namespace

PlanTree::PlanTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setHeaderLabels({tr("순서 · 도착"), tr("주소"), tr("가구"), tr("머무름"), tr("거리 · 사유")});
    setSelectionMode(QAbstractItemView::SingleSelection);
    setDragDropMode(QAbstractItemView::InternalMove);
    setDefaultDropAction(Qt::MoveAction);
    // Stops go into a team (or the group left out), never beside the teams.
    invisibleRootItem()->setFlags(Qt::ItemIsEnabled);
    // An address is read whole: wrapped onto more lines, never cut to "서울특별시 서대문…".
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setUniformRowHeights(false);
    setItemDelegate(new WrappingDelegate(this));
    connect(header(), &QHeaderView::sectionResized, this, [this] { scheduleDelayedItemsLayout(); });
    header()->setSectionResizeMode(Address, QHeaderView::Stretch);
    header()->setSectionResizeMode(Households, QHeaderView::Interactive);
    header()->setSectionResizeMode(Minutes, QHeaderView::ResizeToContents);
    header()->resizeSection(Households, 170);
    setAccessibleName(tr("팀별 방문 순서"));
}

void PlanTree::dropEvent(QDropEvent *event)
{
    QTreeWidget::dropEvent(event);
    Q_EMIT dropped();
}

void PlanTree::resizeEvent(QResizeEvent *event)
{
    QTreeWidget::resizeEvent(event);
    // Wrapped rows take their new height when the address column gets wider or narrower.
    scheduleDelayedItemsLayout();
}

void PlanTree::setPlan(const Routing::DayPlan &plan, const Describe &describe, const Reason &reason)
{
    const QSignalBlocker block(this);
    clear();
    auto teamItem = [&](int team, const QString &text) {
        auto *item = new QTreeWidgetItem(this, {text});
        item->setData(Order, TeamRole, team);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsDropEnabled);
        QFont f = item->font(Order);
        f.setBold(true);
        item->setFont(Order, f);
        item->setFirstColumnSpanned(true);
        if (team > 0)
            item->setForeground(Order, RouteLayer::teamColour(team));
        return item;
    };
    for (const Routing::TeamRoute &r : plan.routes) {
        int households = 0;
        for (const Routing::PlannedStop &s : r.stops)
            households += int(s.all().size());
        QTreeWidgetItem *team = teamItem(r.team, tr("%1팀 · %2곳 (%3가구) · %4 km · 복귀 %5")
                                                     .arg(r.team)
                                                     .arg(r.stops.size())
                                                     .arg(households)
                                                     .arg(r.metres / 1000, 0, 'f', 1)
                                                     .arg(DayPlanner::clock(r.backAtOffice)));
        int k = 0;
        for (const Routing::PlannedStop &s : r.stops) {
            const StopText text = describe(s.all());
            auto *item = new QTreeWidgetItem(
                team, {QStringLiteral("%1. %2").arg(++k).arg(DayPlanner::clock(s.start)),
                       text.address, text.households, tr("%1분").arg(s.leave - s.start),
                       QStringLiteral("%L1 m").arg(qRound(s.metresFromPrevious))});
            item->setData(Order, IdRole, s.householdId);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
            item->setToolTip(Address, PlainText::toolTip(text.address));
            if (s.late) {
                for (int c = 0; c < columnCount(); ++c)
                    item->setForeground(c, QColor(0xB1, 0x12, 0x1B));
                item->setToolTip(Order, tr("근무 시간 안에 끝나지 않습니다"));
            }
        }
        team->setExpanded(true);
    }
    QTreeWidgetItem *left
        = teamItem(0, tr("계획에 넣지 못한 가구 (%1)").arg(plan.unassigned.size()));
    for (const Routing::Unplanned &u : plan.unassigned) {
        const StopText text = describe(u.all());
        const QString why = reason(u);
        auto *item = new QTreeWidgetItem(
            left, {QStringLiteral("–"), text.address, text.households, QString(), why});
        item->setData(Order, IdRole, u.householdId);
        // Only a place the plan can time goes back into a team.
        const bool movable = plan.nodeIds.indexOf(u.householdId) > 0;
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable
                       | (movable ? Qt::ItemIsDragEnabled : Qt::NoItemFlags));
        item->setToolTip(Distance, PlainText::toolTip(why));
    }
    left->setExpanded(true);
    resizeColumnToContents(Order);
}

void PlanTree::readInto(Routing::DayPlan &plan, const QString &byHandReason) const
{
    QHash<QString, Routing::PlannedStop> stops;
    QHash<QString, Routing::Unplanned> outs;
    for (const Routing::TeamRoute &r : plan.routes) {
        for (const Routing::PlannedStop &s : r.stops)
            stops.insert(s.householdId, s);
    }
    for (const Routing::Unplanned &u : plan.unassigned)
        outs.insert(u.householdId, u);
    auto leftOut = [&](const QString &id) {
        if (outs.contains(id))
            return outs.value(id);
        Routing::Unplanned u{id, byHandReason};
        u.why = Routing::Unplanned::Why::ByHand;
        u.households = stops.value(id).households;
        return u;
    };
    auto stopOf = [&](const QString &id) {
        if (stops.contains(id))
            return stops.value(id);
        Routing::PlannedStop s;
        s.householdId = id;
        s.households = outs.value(id).households;
        return s;
    };
    QList<Routing::TeamRoute> routes;
    QList<Routing::Unplanned> left;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = topLevelItem(i);
        if (!group->data(Order, IdRole).toString().isEmpty()) {
            // A stop that ended up beside the teams is not lost: it is left out of the plan.
            left.append(leftOut(group->data(Order, IdRole).toString()));
            continue;
        }
        const int team = group->data(Order, TeamRole).toInt();
        Routing::TeamRoute route;
        route.team = team;
        for (int c = 0; c < group->childCount(); ++c) {
            const QString id = group->child(c)->data(Order, IdRole).toString();
            if (team == 0)
                left.append(leftOut(id));
            else
                route.stops << stopOf(id);
        }
        if (team > 0)
            routes << route;
    }
    plan.routes = routes;
    plan.unassigned = left;
}

} // namespace VisitMap::Ui
