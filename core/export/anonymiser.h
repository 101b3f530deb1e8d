// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/office.h"
#include "util/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace VisitMap::Security {
class SecretBytes;
}

namespace VisitMap::Export {

// The 가명처리 of a masked export (docs/privacy.md, "Masked exports"): positions generalised to a
// 500 m grid or the 행정동 so that each one is shared by at least k households, birth dates to age
// bands, rare combinations suppressed, and the store's ids replaced by keyed pseudonyms.
class Anonymiser
{
public:
    // k: every position in a masked file is shared by at least this many households.
    static constexpr int minShared = 5;
    // The grid cell side in EPSG:5179 (UTM-K) metres.
    static constexpr double cellMetres = 500;

    enum class Level { Grid, Dong, Withheld };
    struct Point
    {
        QString officeCode;
        double lon = 0;
        double lat = 0;
    };
    struct Coarse
    {
        Level level = Level::Withheld;
        double lon = 0; // rounded to 6 decimals (0.1 m): the value written
        double lat = 0;
    };

    // One coarse position per point, in order. A household whose 500 m cell (within its 행정동, and
    // whose centre lies inside it) holds at least k households of the list gets the cell centre;
    // the others get the 행정동's representative point (its centroid, or the dong office when the
    // centroid falls outside a concave dong) — and when fewer than k would share that point, the
    // smallest cells of the dong join them until k do. A 행정동 with fewer than k households in
    // the list is withheld: no position of it would be shared by k.
    static Result<QList<Coarse>>
    coarsen(const QList<Point> &points, const QList<Office> &offices, int k = minShared);

    // 로컬 일반화 and 로컬 삭제 of age band and sex among the rows of one position (the values in
    // positionColumns): a row whose band and sex fewer than k rows of its position share shows
    // "<60" or "60+" without sex; if that is still shared by fewer than k, neither. The rows that
    // show neither are then at least k, or none: the smallest classes of the position join them.
    // Returns how many rows were changed.
    static int generaliseAgeAndSex(QList<QStringList> &rows,
                                   const QList<int> &positionColumns,
                                   int bandColumn,
                                   int sexColumn,
                                   int k = minShared);

    // 10-year age bands on the given day: "<30", "30-39", ... "70-79", "80+" (top and bottom
    // coded: very old and very young heads of household are few). Empty for an invalid date.
    static QString ageBand(const QDate &birth, const QDate &today);

    // A keyed pseudonym of a record id: BLAKE2b-128 under a key derived from the office data key,
    // shaped as a version-8 UUID. The same id always gives the same pseudonym for the office (so
    // masked households and visits files join); without the office key it cannot be linked back.
    static QString pseudonym(const Security::SecretBytes &officeKey, const QString &id);
};

} // namespace VisitMap::Export
