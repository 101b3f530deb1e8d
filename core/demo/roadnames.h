// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QStringList>

namespace VisitMap::Demo {

// Real 도로명 of a district, taken from the road-name addresses of the bundled welfare facility
// lists (and, for 안양, a short hand-made list: see data/roads/). Keyed by 5-digit 시군구 code.
class RoadNames
{
public:
    static QHash<QString, QStringList> load();
    // Names for a 시군구, or for any 시군구 of the same city when the list has none.
    static QStringList forSgg(const QHash<QString, QStringList> &all, const QString &sggCode);
};

} // namespace VisitMap::Demo
