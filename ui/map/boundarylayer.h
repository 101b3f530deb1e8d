// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/office.h"

#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>

class QPainter;

namespace VisitMap::Geo {
class Viewport;
}

namespace VisitMap::Ui {

// The vector base: 행정동 polygons and their names, which always work offline. Outlines are
// projected to world units once; painting only scales them.
class BoundaryLayer
{
public:
    void setOffices(const QList<Office> &offices);
    void paint(QPainter &painter, const Geo::Viewport &viewport, bool filled) const;
    // Names go on top of everything else, so they are painted in a pass of their own.
    void paintLabels(QPainter &painter, const Geo::Viewport &viewport) const;
    QRectF worldBounds() const { return m_bounds; }
    // The office under a world point, or empty.
    QString officeAt(const QPointF &world) const;
    const QList<Office> &offices() const { return m_offices; }

private:
    struct Item
    {
        QString code;
        QString name;
        QPainterPath world;
        QPointF labelWorld;
        QRectF box;
    };
    QList<Office> m_offices;
    QList<Item> m_items;
    QRectF m_bounds;
};

} // namespace VisitMap::Ui
