// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundaryimporter.h"

#include "boundaryvalidator.h"
#include "geo/geojson.h"
#include "geo/geomath.h"

#include <QSet>

namespace VisitMap::Import {

BoundaryImporter::Parsed BoundaryImporter::parse(const QByteArray &json, const QString &fileName)
{
    Parsed out;
    BoundaryValidator::checkRings(json, fileName, out.report);
    if (!out.report.ok())
        return out;
    auto features = Geo::parseBoundaries(json, fileName);
    if (!features) {
        const Error &e = features.error();
        out.report.addError(fileName, e.line, {}, RowProblem::FileUnreadable, {}, e.message);
        return out;
    }
    const QList<int> lines = BoundaryValidator::featureLines(json);
    QSet<QString> seen;
    for (const Geo::BoundaryFeature &f : *features) {
        const int line = lines.value(f.index);
        auto office = Geo::officeFromFeature(f);
        if (!office) {
            const QString why = office.error().message.section(QStringLiteral(": "), 1);
            out.report.addError(fileName, line, QStringLiteral("feature %1").arg(f.index + 1),
                                RowProblem::BadFeature, {why}, why);
            continue;
        }
        const QRectF box = Geo::boundsOf(office->boundary);
        if (!Geo::insideKorea(box.left(), box.top()) || !Geo::insideKorea(box.right(), box.bottom())) {
            out.report.addError(fileName, line, QStringLiteral("feature %1").arg(f.index + 1),
                                RowProblem::BoundaryOutsideKorea, {office->code},
                                QStringLiteral("the boundary of %1 lies outside Korea; is the file "
                                               "in WGS84 lon/lat?")
                                    .arg(office->code));
            continue;
        }
        if (seen.contains(office->code)) {
            out.report.addError(fileName, line, QStringLiteral("feature %1").arg(f.index + 1),
                                RowProblem::DuplicateInFile, {office->code},
                                QStringLiteral("the code %1 appears twice").arg(office->code));
            continue;
        }
        seen.insert(office->code);
        if (const QString why = BoundaryValidator::invalidReason(office->boundary);
            !why.isEmpty()) {
            out.report.addError(
                fileName, line,
                QStringLiteral("feature %1 (%2)").arg(f.index + 1).arg(office->code),
                RowProblem::InvalidPolygon, {why},
                QStringLiteral("the boundary is not a valid polygon: %1").arg(why));
            continue;
        }
        out.offices.append(*office);
    }
    if (!out.report.ok())
        out.offices.clear();
    return out;
}

} // namespace VisitMap::Import
