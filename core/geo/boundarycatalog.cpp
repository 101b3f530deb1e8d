// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundarycatalog.h"

#include <QSet>

#include <algorithm>

#include "geojson.h"

#include <QFile>

namespace VisitMap::Geo {

const BoundaryCatalog &BoundaryCatalog::bundled()
{
    static const BoundaryCatalog catalog;
    return catalog;
}

BoundaryCatalog::BoundaryCatalog()
{
    for (const char *file : {":/data/admdong/seoul_admdong_ver20210401.geojson",
                             ":/data/admdong/anyang_admdong_ver20210401.geojson"}) {
        QFile f(QString::fromLatin1(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        auto features = parseBoundaries(f.readAll(), f.fileName());
        if (!features)
            continue;
        for (const BoundaryFeature &feature : *features) {
            if (auto office = officeFromFeature(feature)) {
                m_index.insert(office->code, int(m_offices.size()));
                m_offices.append(*office);
            }
        }
    }
}

const Office *BoundaryCatalog::find(const QString &code) const
{
    const auto it = m_index.constFind(code);
    return it == m_index.constEnd() ? nullptr : &m_offices[*it];
}

QList<Office> BoundaryCatalog::around(const QList<Office> &store) const
{
    QList<Office> all = store;
    QSet<QString> have;
    for (const Office &o : store)
        have.insert(o.code);
    for (const Office &o : m_offices) {
        if (!have.contains(o.code))
            all.append(o);
    }
    return all;
}

QList<Office> BoundaryCatalog::district(const QString &sggCode) const
{
    QList<Office> out;
    if (sggCode.size() != 5)
        return out;
    for (const Office &o : m_offices) {
        if (o.code.startsWith(sggCode))
            out.append(o);
    }
    std::sort(out.begin(), out.end(),
              [](const Office &a, const Office &b) { return a.code < b.code; });
    return out;
}

} // namespace VisitMap::Geo
