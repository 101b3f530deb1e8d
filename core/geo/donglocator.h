// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/office.h"

#include <QList>
#include <QRectF>
#include <QString>
#include <vector>

namespace VisitMap::Geo {

// Which 행정동 holds a point: a uniform grid over the boundaries' bounding boxes narrows each
// query to the few dongs whose box covers the cell, then an exact even-odd test decides.
class DongLocator
{
public:
    DongLocator() = default;
    explicit DongLocator(const QList<Office> &offices);

    // The code of the 행정동 holding lon/lat, or an empty string outside every dong.
    QString locate(double lon, double lat) const;
    // The nearest dong within maxMetres of the point (for points just outside a generalised
    // boundary), or empty.
    QString nearest(double lon, double lat, double maxMetres) const;
    bool contains(const QString &officeCode, double lon, double lat) const;
    double distanceM(const QString &officeCode, double lon, double lat) const;

    int size() const { return int(m_items.size()); }
    const Office *office(const QString &code) const;
    QRectF bounds() const { return m_bounds; }

private:
    struct Item
    {
        Office office;
        QRectF box;
    };
    int cellOf(double lon, double lat) const;

    std::vector<Item> m_items;
    QRectF m_bounds;
    int m_cols = 0;
    int m_rows = 0;
    std::vector<std::vector<int>> m_cells;
};

} // namespace VisitMap::Geo
