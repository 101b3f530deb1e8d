// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/facility.h"

#include <QList>
#include <QPointF>
#include <optional>

class QPainter;

namespace VisitMap::Geo {
class Viewport;
}

namespace VisitMap::Ui {

// Welfare facilities (복지관, 지역아동센터, 노인복지시설 ...) as small teal squares with a cross,
// a shape no household mark uses. Only facilities with a place are drawn.
class FacilityLayer
{
public:
    void setFacilities(const QList<Facility> &facilities);
    void paint(QPainter &painter, const Geo::Viewport &viewport) const;
    // The facility under a screen point.
    std::optional<Facility> hit(const Geo::Viewport &viewport, QPointF screen, double radius = 8) const;
    qsizetype size() const { return m_items.size(); }
    static void drawMark(QPainter &painter, QPointF centre, double size);

private:
    struct Item
    {
        QPointF world;
        Facility facility;
    };
    QList<Item> m_items;
};

} // namespace VisitMap::Ui
