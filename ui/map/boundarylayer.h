// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/office.h"

#include <QColor>
#include <QHash>
#include <QImage>
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
    // High-risk households per office, for the choropleth (density per km² of the dong).
    void setHighRisk(const QHash<QString, int> &highByOffice);
    // filled: the offline base fill under everything; choropleth: high-risk density classes.
    void paint(QPainter &painter, const Geo::Viewport &viewport, bool filled, bool choropleth = false) const;
    // The choropleth's class limits (households per km²): class k holds densities up to
    // breaks()[k]; the last class everything above. Empty when no office has high-risk
    // households.
    const QList<double> &breaks() const { return m_breaks; }
    static QColor classColour(int k);
    // Names go on top of everything else, so they are painted in a pass of their own.
    void paintLabels(QPainter &painter, const Geo::Viewport &viewport) const;
    // Draws every name's label image ahead of time (a few milliseconds per hundred 행정동), so
    // zooming in never waits for labels coming into view.
    void prerenderLabels(double dpr) const;
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
        // The outline simplified for zooms 8..17 (tolerance half a pixel at each), for speed.
        QList<QPainterPath> lod;
        QPointF labelWorld;
        QRectF box;
        double areaKm2 = 0;
        double density = 0; // high-risk households per km²
        mutable double labelWidth = -1; // the name's width in the label font, measured once
    };
    QList<Office> m_offices;
    QList<Item> m_items;
    QRectF m_bounds;
    QList<double> m_breaks;
    // Names drawn once with their halo, at the device pixel ratio.
    const QImage &label(const Item &item, double dpr) const;
    mutable QHash<QString, QImage> m_labels;
    mutable double m_labelDpr = 0;
};

} // namespace VisitMap::Ui
