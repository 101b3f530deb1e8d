// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/office.h"

#include <QHash>
#include <QList>

namespace VisitMap::Geo {

// The 행정동 boundaries bundled with the program (서울특별시 and 안양시, vintage 2021-04), so a
// store can take households of those districts before anyone imports a boundary file.
class BoundaryCatalog
{
public:
    static const BoundaryCatalog &bundled();

    const Office *find(const QString &code) const;
    const QList<Office> &all() const { return m_offices; }
    // A store's own 행정동 followed by the bundled ones it does not have, so a place just across
    // the district's edge is still named by its dong.
    QList<Office> around(const QList<Office> &store) const;
    // Every bundled 행정동 of the 시군구 (the code's first five digits), by code.
    QList<Office> district(const QString &sggCode) const;

private:
    BoundaryCatalog();
    QList<Office> m_offices;
    QHash<QString, int> m_index;
};

} // namespace VisitMap::Geo
