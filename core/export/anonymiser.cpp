// SPDX-License-Identifier: GPL-3.0-or-later
#include "anonymiser.h"

#include "geo/crs.h"
#include "geo/donglocator.h"
#include "security/secretbytes.h"

#include <QHash>
#include <QMap>
#include <QUuid>
#include <algorithm>
#include <cmath>
#include <sodium.h>

namespace VisitMap::Export {

namespace {
double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

struct Cell
{
    qint64 col = 0;
    qint64 row = 0;
    bool operator<(const Cell &o) const { return col != o.col ? col < o.col : row < o.row; }
};
} // namespace

Result<QList<Anonymiser::Coarse>>
Anonymiser::coarsen(const QList<Point> &points, const QList<Office> &offices, int k)
{
    auto toGrid = Geo::CrsTransform::fromWgs84(QStringLiteral("EPSG:5179"));
    if (!toGrid)
        return fail(toGrid.error());
    auto fromGrid = Geo::CrsTransform::toWgs84(QStringLiteral("EPSG:5179"));
    if (!fromGrid)
        return fail(fromGrid.error());
    const Geo::DongLocator locator(offices);

    QList<Coarse> out(points.size());
    // Per 행정동: the rows of each cell whose centre lies inside the dong, and the rows that have
    // no such cell (a cell centre outside the dong would misplace the household).
    struct Dong
    {
        QMap<Cell, QList<int>> cells;
        QList<int> fallback;
        int total = 0;
    };
    QMap<QString, Dong> dongs;
    QHash<int, QPointF> centres;
    for (int i = 0; i < points.size(); ++i) {
        const Point &p = points.at(i);
        Dong &dong = dongs[p.officeCode];
        ++dong.total;
        const auto xy = toGrid->apply(p.lon, p.lat);
        if (!xy) {
            dong.fallback << i;
            continue;
        }
        const Cell cell{qint64(std::floor(xy->x() / cellMetres)),
                        qint64(std::floor(xy->y() / cellMetres))};
        const auto centre = fromGrid->apply((double(cell.col) + 0.5) * cellMetres,
                                            (double(cell.row) + 0.5) * cellMetres);
        if (!centre || !locator.contains(p.officeCode, centre->x(), centre->y())) {
            dong.fallback << i;
            continue;
        }
        centres.insert(i, QPointF(round6(centre->x()), round6(centre->y())));
        dong.cells[cell] << i;
    }

    for (auto it = dongs.begin(); it != dongs.end(); ++it) {
        Dong &dong = it.value();
        if (dong.total < k)
            continue; // withheld: the default Coarse
        QList<QList<int>> kept;
        for (const QList<int> &rows : std::as_const(dong.cells)) {
            if (rows.size() < k)
                dong.fallback << rows;
            else
                kept << rows;
        }
        // The dong point must be shared by k too: move the smallest cells to it until it is.
        std::stable_sort(kept.begin(), kept.end(), [](const QList<int> &a, const QList<int> &b) {
            return a.size() < b.size();
        });
        while (!dong.fallback.isEmpty() && dong.fallback.size() < k && !kept.isEmpty())
            dong.fallback << kept.takeFirst();
        for (const QList<int> &rows : std::as_const(kept))
            for (int i : rows)
                out[i] = {Level::Grid, centres.value(i).x(), centres.value(i).y()};
        if (dong.fallback.isEmpty())
            continue;
        const Office *office = locator.office(it.key());
        QGeoCoordinate at;
        if (office) {
            const QGeoCoordinate c = office->centroid;
            at = c.isValid() && locator.contains(office->code, c.longitude(), c.latitude())
                     ? c
                     : (office->officeLocation.isValid() ? office->officeLocation : c);
        }
        if (!at.isValid())
            continue; // no representative point known: withheld
        for (int i : std::as_const(dong.fallback))
            out[i] = {Level::Dong, round6(at.longitude()), round6(at.latitude())};
    }
    return out;
}

int Anonymiser::generaliseAgeAndSex(QList<QStringList> &rows,
                                    const QList<int> &positionColumns,
                                    int bandColumn,
                                    int sexColumn,
                                    int k)
{
    const auto positionOf = [&](const QStringList &row) {
        QStringList key;
        for (int c : positionColumns)
            key << row.value(c);
        return key.join(QChar(0x1F));
    };
    QHash<QString, QList<int>> groups;
    for (int i = 0; i < rows.size(); ++i)
        groups[positionOf(rows.at(i))] << i;

    // Level 0: the 10-year band and sex; 1: "<60" or "60+" and no sex; 2: neither.
    const auto shown = [&](int i, int level) -> QPair<QString, QString> {
        const QString band = rows.at(i).value(bandColumn), sex = rows.at(i).value(sexColumn);
        if (level == 0)
            return {band, sex};
        if (level == 1 && !band.isEmpty())
            return {band == QLatin1String("<30") || band.startsWith(u'3') || band.startsWith(u'4')
                            || band.startsWith(u'5')
                        ? QStringLiteral("<60")
                        : QStringLiteral("60+"),
                    QString()};
        return {};
    };
    int changed = 0;
    for (const QList<int> &group : std::as_const(groups)) {
        QHash<int, int> level;
        QHash<QPair<QString, QString>, int> count;
        const auto recount = [&] {
            count.clear();
            for (int i : group)
                ++count[shown(i, level.value(i))];
        };
        // Raise the rows of every class smaller than k one level, until none is.
        for (bool raised = true; raised;) {
            recount();
            raised = false;
            for (int i : group) {
                if (level.value(i) < 2 && count.value(shown(i, level.value(i))) < k) {
                    ++level[i];
                    raised = true;
                }
            }
        }
        // The rows showing neither are a class too: one such row among k of another class would
        // be singled out by what it is not. Fold the smallest classes into it until it holds k.
        recount();
        const QPair<QString, QString> none;
        while (count.value(none) > 0 && count.value(none) < k) {
            QPair<QString, QString> smallest;
            int size = 0;
            for (auto it = count.cbegin(); it != count.cend(); ++it)
                if (it.key() != none
                    && (size == 0 || it.value() < size
                        || (it.value() == size && it.key() < smallest)))
                    smallest = it.key(), size = it.value();
            if (size == 0)
                break;
            for (int i : group)
                if (shown(i, level.value(i)) == smallest)
                    level[i] = 2;
            recount();
        }
        for (int i : group) {
            const auto [band, sex] = shown(i, level.value(i));
            if (band != rows.at(i).value(bandColumn) || sex != rows.at(i).value(sexColumn)) {
                rows[i][bandColumn] = band;
                rows[i][sexColumn] = sex;
                ++changed;
            }
        }
    }
    return changed;
}

QString Anonymiser::ageBand(const QDate &birth, const QDate &today)
{
    if (!birth.isValid() || !today.isValid() || birth > today)
        return {};
    int age = today.year() - birth.year();
    if (today.month() < birth.month()
        || (today.month() == birth.month() && today.day() < birth.day()))
        --age;
    if (age < 30)
        return QStringLiteral("<30");
    if (age >= 80)
        return QStringLiteral("80+");
    const int from = age / 10 * 10;
    return QStringLiteral("%1-%2").arg(from).arg(from + 9);
}

QString Anonymiser::pseudonym(const Security::SecretBytes &officeKey, const QString &id)
{
    static const bool ready = sodium_init() >= 0;
    Q_ASSERT(ready);
    Q_ASSERT(officeKey.size() >= int(crypto_generichash_KEYBYTES_MIN));
    // A subkey for this use only, so the pseudonym says nothing about the encryption key.
    unsigned char subkey[crypto_generichash_KEYBYTES];
    static const QByteArray context = QByteArrayLiteral("visitmap/export-pseudonym/v1");
    crypto_generichash(subkey, sizeof subkey,
                       reinterpret_cast<const unsigned char *>(context.constData()),
                       size_t(context.size()), officeKey.data(), size_t(officeKey.size()));
    const QByteArray message = id.toUtf8();
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest,
                       reinterpret_cast<const unsigned char *>(message.constData()),
                       size_t(message.size()), subkey, sizeof subkey);
    sodium_memzero(subkey, sizeof subkey);
    digest[6] = (digest[6] & 0x0F) | 0x80; // version 8: custom
    digest[8] = (digest[8] & 0x3F) | 0x80; // RFC 9562 variant
    const QUuid uuid
        = QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(digest), 16));
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace VisitMap::Export
