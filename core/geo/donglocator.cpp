// SPDX-License-Identifier: GPL-3.0-or-later
#include "donglocator.h"

#include "geomath.h"

#include <cmath>

namespace VisitMap::Geo {

DongLocator::DongLocator(const QList<Office> &offices)
{
    m_items.reserve(offices.size());
    for (const Office &o : offices) {
        const QRectF box = boundsOf(o.boundary);
        if (box.isNull())
            continue;
        m_items.push_back({o, box});
        m_bounds = m_bounds.isNull() ? box : m_bounds.united(box);
    }
    if (m_items.empty())
        return;
    // About four dongs per cell on average.
    const int cells = std::max(1, int(m_items.size()) / 4);
    const double aspect = m_bounds.width() / std::max(1e-9, m_bounds.height());
    m_cols = std::max(1, int(std::round(std::sqrt(cells * aspect))));
    m_rows = std::max(1, int(std::round(double(cells) / m_cols)));
    m_cells.assign(size_t(m_cols * m_rows), {});
    for (int i = 0; i < int(m_items.size()); ++i) {
        const QRectF &b = m_items[size_t(i)].box;
        const int c0 = std::clamp(int((b.left() - m_bounds.left()) / m_bounds.width() * m_cols), 0, m_cols - 1);
        const int c1 = std::clamp(int((b.right() - m_bounds.left()) / m_bounds.width() * m_cols), 0, m_cols - 1);
        const int r0 = std::clamp(int((b.top() - m_bounds.top()) / m_bounds.height() * m_rows), 0, m_rows - 1);
        const int r1 = std::clamp(int((b.bottom() - m_bounds.top()) / m_bounds.height() * m_rows), 0, m_rows - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                m_cells[size_t(r * m_cols + c)].push_back(i);
    }
}

int DongLocator::cellOf(double lon, double lat) const
{
    if (m_items.empty() || !m_bounds.contains(QPointF(lon, lat)))
        return -1;
    const int c = std::clamp(int((lon - m_bounds.left()) / m_bounds.width() * m_cols), 0, m_cols - 1);
    const int r = std::clamp(int((lat - m_bounds.top()) / m_bounds.height() * m_rows), 0, m_rows - 1);
    return r * m_cols + c;
}

QString DongLocator::locate(double lon, double lat) const
{
    const int cell = cellOf(lon, lat);
    if (cell < 0)
        return {};
    for (int i : m_cells[size_t(cell)]) {
        const Item &it = m_items[size_t(i)];
        if (it.box.contains(QPointF(lon, lat)) && multiPolygonContains(it.office.boundary, lon, lat))
            return it.office.code;
    }
    return {};
}

QString DongLocator::nearest(double lon, double lat, double maxMetres) const
{
    const QString inside = locate(lon, lat);
    if (!inside.isEmpty())
        return inside;
    QString best;
    double bestD = maxMetres;
    // Degrees of latitude per metre, generously, to skip far boxes.
    const double margin = maxMetres / 80000.0;
    for (const Item &it : m_items) {
        if (!it.box.adjusted(-margin, -margin, margin, margin).contains(QPointF(lon, lat)))
            continue;
        const double d = distanceToM(it.office.boundary, lon, lat);
        if (d <= bestD) {
            bestD = d;
            best = it.office.code;
        }
    }
    return best;
}

const Office *DongLocator::office(const QString &code) const
{
    for (const Item &it : m_items)
        if (it.office.code == code)
            return &it.office;
    return nullptr;
}

bool DongLocator::contains(const QString &code, double lon, double lat) const
{
    const Office *o = office(code);
    return o && multiPolygonContains(o->boundary, lon, lat);
}

double DongLocator::distanceM(const QString &code, double lon, double lat) const
{
    const Office *o = office(code);
    return o ? distanceToM(o->boundary, lon, lat) : -1;
}

} // namespace VisitMap::Geo
