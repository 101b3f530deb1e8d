// SPDX-License-Identifier: GPL-3.0-or-later
#include "facilityimporter.h"

#include "columnmap.h"
#include "fieldparse.h"
#include "geo/donglocator.h"
#include "geo/geomath.h"

#include <QFileInfo>
#include <QHash>

namespace VisitMap::Import {

namespace {

struct Columns
{
    int name, code, category, detail, sgg, address, phone, lon, lat;
};

Columns findColumns(ColumnMap &columns)
{
    Columns c;
    c.name = columns.find({u"name", u"시설명"}, ColumnMap::Need::Required);
    c.code = columns.find({u"code", u"시설코드"});
    c.category = columns.find({u"category", u"시설종류명(시설유형)", u"시설유형", u"시설종류"});
    c.detail = columns.find({u"category_detail", u"시설종류상세명(시설종류)", u"법인현황"});
    c.sgg = columns.find({u"sgg_code", u"시군구코드"});
    c.address
        = columns.find({u"address", u"시설주소", u"시설 주소", u"주소"}, ColumnMap::Need::Required);
    c.phone = columns.find({u"phone", u"전화번호"});
    c.lon = columns.find({u"lon", u"경도", u"엑스(X)좌표", u"x"});
    c.lat = columns.find({u"lat", u"위도", u"와이(Y)좌표", u"y"});
    return c;
}

} // namespace

QList<ColumnMap::Use> FacilityImporter::columns(const CsvTable &table)
{
    ImportReport ignored;
    ColumnMap map(table, {}, ignored);
    (void)findColumns(map);
    return map.uses();
}

FacilityImporter::Parsed FacilityImporter::parse(const CsvTable &table,
                                                 const QString &fileName,
                                                 const Geo::DongLocator &locator,
                                                 const ImportControl *control)
{
    Parsed out;
    ColumnMap columns(table, fileName, out.report);
    const Columns c = findColumns(columns);
    const int cName = c.name, cCode = c.code, cCategory = c.category, cDetail = c.detail,
              cSgg = c.sgg, cAddress = c.address, cPhone = c.phone, cLon = c.lon, cLat = c.lat;
    if (!out.report.ok())
        return out;
    (void)columns.checkRequired();
    if ((cLon < 0) != (cLat < 0))
        out.report.addError(
            fileName, 1, {}, RowProblem::HalfCoordinates, {},
            QStringLiteral("coordinates need both a longitude and a latitude column"));
    if (!out.report.ok())
        return out;

    const QString source = QFileInfo(fileName).fileName();
    auto field = [](const CsvRecord &r, int c) {
        return c >= 0 && c < r.fields.size() ? Field::clean(r.fields.at(c)) : QString();
    };
    QHash<QString, int> codeLines; // code -> the line it first appears on
    const qint64 total = table.rows.size();
    for (qint64 i = 0; i < total; ++i) {
        const CsvRecord &r = table.rows.at(i);
        if (control) {
            if (control->cancelled()) {
                out.cancelled = true;
                out.facilities.clear();
                return out;
            }
            control->report(ImportStage::Checking, i, total);
        }
        if (r.fields.size() != table.header.size()) {
            out.report.addError(
                fileName, r.line, {}, RowProblem::FieldCount,
                {QString::number(r.fields.size()), QString::number(table.header.size())},
                QStringLiteral("has %1 fields; the header has %2")
                    .arg(r.fields.size())
                    .arg(table.header.size()));
            continue;
        }
        Facility f;
        f.name = field(r, cName);
        f.code = field(r, cCode);
        if (!f.code.isEmpty()) {
            if (const int first = codeLines.value(f.code); first > 0) {
                out.report.addError(
                    fileName, r.line, table.header.value(cCode), RowProblem::DuplicateInFile,
                    {f.code, QString::number(first)},
                    QStringLiteral("the code %1 appears twice (first on line %2); a "
                                   "facility is listed once")
                        .arg(f.code)
                        .arg(first));
                continue;
            }
            codeLines.insert(f.code, r.line);
        }
        f.category = field(r, cCategory);
        f.categoryDetail = field(r, cDetail);
        f.address = field(r, cAddress);
        f.phone = field(r, cPhone);
        f.source = source;
        const QString sgg = field(r, cSgg);
        if (!sgg.isEmpty()) {
            if (sgg.size() < 5 || !std::all_of(sgg.begin(), sgg.end(), [](QChar c) { return c.isDigit(); })) {
                out.report.addError(fileName, r.line, table.header.value(cSgg),
                                    RowProblem::NotSggCode, {sgg},
                                    QStringLiteral("'%1' is not a 시군구 code").arg(sgg));
                continue;
            }
            f.sggCode = sgg.left(5);
        }
        if (f.name.isEmpty()) {
            out.report.addError(fileName, r.line, table.header.value(cName), RowProblem::Empty, {},
                                QStringLiteral("the facility has no name"));
            continue;
        }
        if (cLon >= 0) {
            const QString lonText = field(r, cLon), latText = field(r, cLat);
            if (!lonText.isEmpty() || !latText.isEmpty()) {
                const auto lon = Field::number(lonText), lat = Field::number(latText);
                if (!lon || !lat) {
                    out.report.addError(
                        fileName, r.line, table.header.value(cLon), RowProblem::NotCoordinates,
                        {lonText, latText},
                        QStringLiteral("'%1, %2' are not numbers").arg(lonText, latText));
                    continue;
                }
                if (!Geo::insideKorea(*lon, *lat)) {
                    out.report.addError(fileName, r.line, table.header.value(cLon),
                                        RowProblem::OutsideKorea,
                                        {QString::number(*lon), QString::number(*lat)},
                                        QStringLiteral("%1, %2 lies outside Korea (expected WGS84 "
                                                       "longitude 124-132, latitude 33-39)")
                                            .arg(*lon)
                                            .arg(*lat));
                    continue;
                }
                f.lon = *lon;
                f.lat = *lat;
                f.placedBy = QStringLiteral("source");
                f.officeCode = locator.locate(*lon, *lat);
            }
        }
        out.facilities.append(f);
    }
    if (control)
        control->report(ImportStage::Checking, total, total);
    if (!out.report.ok())
        out.facilities.clear();
    return out;
}

} // namespace VisitMap::Import
