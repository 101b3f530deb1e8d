// SPDX-License-Identifier: GPL-3.0-or-later
#include "roadnames.h"

#include "util/csv.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace VisitMap::Demo {

QHash<QString, QStringList> RoadNames::load()
{
    QHash<QString, QSet<QString>> sets;
    static const QRegularExpression road(
        QStringLiteral("([가-힣][가-힣0-9.]*?[가-힣](?:로|길))\\s*(\\d+)"));
    auto collect = [&](const QString &sgg, const QString &address) {
        const auto m = road.match(address);
        if (m.hasMatch() && sgg.size() == 5)
            sets[sgg].insert(m.captured(1));
    };
    if (auto t = CsvReader::readFile(QStringLiteral(":/data/welfare/seoul_social_welfare_facilities.csv"))) {
        const int cSgg = t->column({u"시군구코드"});
        const int cAddr = t->column({u"시설주소"});
        for (const CsvRecord &r : t->rows)
            collect(r.fields.value(cSgg).left(5), r.fields.value(cAddr));
    }
    if (auto t = CsvReader::readFile(QStringLiteral(":/data/welfare/mohw_disabled_welfare_centers_20191231.csv"))) {
        const int cAdm = t->column({u"adm_cd2_derived"});
        const int cAddr = t->column({u"시설 주소"});
        for (const CsvRecord &r : t->rows)
            collect(r.fields.value(cAdm).left(5), r.fields.value(cAddr));
    }
    QFile anyang(QStringLiteral(":/data/roads/anyang_road_names.txt"));
    if (anyang.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : anyang.readAll().split('\n')) {
            const QString name = QString::fromUtf8(line).trimmed();
            if (name.isEmpty() || name.startsWith(QLatin1Char('#')))
                continue;
            sets[QStringLiteral("41171")].insert(name);
            sets[QStringLiteral("41173")].insert(name);
        }
    }
    QHash<QString, QStringList> out;
    for (auto it = sets.cbegin(); it != sets.cend(); ++it) {
        QStringList names = it.value().values();
        names.sort();
        out.insert(it.key(), names);
    }
    return out;
}

QStringList RoadNames::forSgg(const QHash<QString, QStringList> &all, const QString &sggCode)
{
    if (all.contains(sggCode) && !all.value(sggCode).isEmpty())
        return all.value(sggCode);
    QStringList merged;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (it.key().left(2) == sggCode.left(2))
            merged += it.value();
    }
    if (merged.isEmpty())
        merged << QStringLiteral("중앙로");
    return merged;
}

} // namespace VisitMap::Demo
