// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/householdstore.h"

#include <QPointF>
#include <vector>

class QPainter;

namespace VisitMap::Geo {
class Viewport;
}

namespace VisitMap::Ui {

// Households as marks: colour and shape by tier, a ring when the visit is overdue, a star when
// the household is a new discovery. Points are kept projected in world units.
class HouseholdLayer
{
public:
    void setPoints(const std::vector<Storage::HouseholdPoint> &points);
    void paint(QPainter &painter, const Geo::Viewport &viewport) const;
    // A halo around the selected households, drawn above every mark.
    void paintSelection(QPainter &painter, const Geo::Viewport &viewport, const QList<qint64> &rowIds) const;
    // The rowid of the household nearest a screen point within radius pixels, or 0.
    qint64 hit(const Geo::Viewport &viewport, QPointF screen, double radius = 8) const;
    std::size_t size() const { return m_points.size(); }

private:
    struct Item
    {
        QPointF world;
        qint64 rowId;
        RiskTier tier;
        bool overdue;
        bool fresh;
    };
    std::vector<Item> m_points;
};

} // namespace VisitMap::Ui
