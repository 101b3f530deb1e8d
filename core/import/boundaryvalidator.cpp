// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundaryvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <geos_c.h>

#include <QScopeGuard>

#include <memory>
#include <vector>

namespace VisitMap::Import {

QList<int> BoundaryValidator::featureLines(const QByteArray &json)
{
    QList<int> lines;
    int depth = 0, line = 1;
    bool inString = false, escaped = false, inFeatures = false, expectElement = false;
    QByteArray text, lastKey; // strings at depth 1 (the root object's keys and values)
    for (const char c : json) {
        if (c == '\n')
            ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"') {
                inString = false;
                if (depth == 1)
                    lastKey = text;
            } else if (depth == 1 && text.size() < 16)
                text += c;
            continue;
        }
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (inFeatures && depth == 2 && expectElement && !space && c != ']') {
            lines << line;
            expectElement = false;
        }
        switch (c) {
        case '"':
            inString = true;
            text.clear();
            break;
        case '[':
        case '{':
            ++depth;
            if (depth == 2 && c == '[' && lastKey == "features") {
                inFeatures = true;
                expectElement = true;
            }
            break;
        case ']':
        case '}':
            if (depth == 2)
                inFeatures = false;
            --depth;
            break;
        case ',':
            if (inFeatures && depth == 2)
                expectElement = true;
            break;
        default:
            break;
        }
    }
    return lines;
}

void BoundaryValidator::checkRings(const QByteArray &json,
                                   const QString &fileName,
                                   ImportReport &report)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonArray features = doc.object().value(QStringLiteral("features")).toArray();
    if (features.isEmpty())
        return; // the parser names what is wrong with the file as a whole
    const QList<int> lines = featureLines(json);
    qsizetype inFile = 0;
    for (qsizetype i = 0; i < features.size(); ++i) {
        const QJsonObject f = features.at(i).toObject();
        const QJsonObject g = f.value(QStringLiteral("geometry")).toObject();
        const QJsonObject p = f.value(QStringLiteral("properties")).toObject();
        QString code = p.value(QStringLiteral("adm_cd2")).toVariant().toString();
        if (code.isEmpty())
            code = p.value(QStringLiteral("adm_cd")).toVariant().toString();
        const QString where = code.isEmpty()
                                  ? QStringLiteral("feature %1").arg(i + 1)
                                  : QStringLiteral("feature %1 (%2)").arg(i + 1).arg(code);
        const int line = lines.value(i);
        const QString type = g.value(QStringLiteral("type")).toString();
        QJsonArray polygons;
        if (type == QLatin1String("Polygon"))
            polygons.append(g.value(QStringLiteral("coordinates")));
        else if (type == QLatin1String("MultiPolygon"))
            polygons = g.value(QStringLiteral("coordinates")).toArray();
        else
            continue; // the parser refuses other types with its own words
        qsizetype vertices = 0;
        bool bad = false;
        for (qsizetype pi = 0; pi < polygons.size() && !bad; ++pi) {
            const QJsonArray rings = polygons.at(pi).toArray();
            for (qsizetype ri = 0; ri < rings.size(); ++ri) {
                const QJsonArray ring = rings.at(ri).toArray();
                vertices += ring.size();
                const QString which = QStringLiteral("polygon %1, ring %2").arg(pi + 1).arg(ri + 1);
                if (ring.size() < 4) {
                    report.addError(fileName, line, where, RowProblem::RingTooShort,
                                    {QString::number(ring.size())},
                                    QStringLiteral("%1 has %2 points; a ring needs at least 4 (the "
                                                   "first repeated at the end)")
                                        .arg(which)
                                        .arg(ring.size()));
                    bad = true;
                    break;
                }
                const QJsonArray first = ring.first().toArray(), last = ring.last().toArray();
                if (first.size() < 2 || last.size() < 2 || first.at(0) != last.at(0)
                    || first.at(1) != last.at(1)) {
                    report.addError(
                        fileName, line, where, RowProblem::RingNotClosed, {},
                        QStringLiteral("%1 is not closed: its last point is not its first "
                                       "(is part of the boundary missing?)")
                            .arg(which));
                    bad = true;
                    break;
                }
            }
        }
        if (!bad && vertices > maxVerticesPerDong)
            report.addError(
                fileName, line, where, RowProblem::TooManyVertices,
                {QString::number(vertices), QString::number(maxVerticesPerDong)},
                QStringLiteral("%L1 vertices; one 행정동 may have at most %L2 (simplify it)")
                    .arg(vertices)
                    .arg(maxVerticesPerDong));
        inFile += vertices;
    }
    if (inFile > maxVerticesPerFile)
        report.addError(
            fileName, 1, {}, RowProblem::TooManyVertices,
            {QString::number(inFile), QString::number(maxVerticesPerFile)},
            QStringLiteral("%L1 vertices in the file; at most %L2 are read at once (split "
                           "it or simplify the boundaries)")
                .arg(inFile)
                .arg(maxVerticesPerFile));
}

namespace {

void quiet(const char *, void *) {}

} // namespace

QString BoundaryValidator::invalidReason(const QList<PolygonRings> &parts)
{
    GEOSContextHandle_t h = GEOS_init_r();
    const auto finish = qScopeGuard([h] { GEOS_finish_r(h); });
    GEOSContext_setNoticeMessageHandler_r(h, quiet, nullptr);
    GEOSContext_setErrorMessageHandler_r(h, quiet, nullptr);
    auto destroy = [h](GEOSGeometry *g) {
        if (g)
            GEOSGeom_destroy_r(h, g);
    };
    auto ringOf = [h](const Ring &ring) -> GEOSGeometry * {
        GEOSCoordSequence *seq = GEOSCoordSeq_create_r(h, unsigned(ring.size()), 2);
        if (!seq)
            return nullptr;
        for (qsizetype i = 0; i < ring.size(); ++i)
            GEOSCoordSeq_setXY_r(h, seq, unsigned(i), ring[i].x(), ring[i].y());
        return GEOSGeom_createLinearRing_r(h, seq); // owns seq, also on failure
    };
    std::vector<GEOSGeometry *> polygons;
    const auto cleanup = qScopeGuard([&] {
        for (GEOSGeometry *g : polygons)
            destroy(g);
    });
    for (const PolygonRings &part : parts) {
        if (part.rings.isEmpty())
            return QStringLiteral("a polygon has no rings");
        GEOSGeometry *shell = ringOf(part.rings.first());
        if (!shell)
            return QStringLiteral("a ring is not a closed line of at least 4 points");
        std::vector<GEOSGeometry *> holes;
        for (qsizetype i = 1; i < part.rings.size(); ++i) {
            GEOSGeometry *hole = ringOf(part.rings[i]);
            if (!hole) {
                destroy(shell);
                for (GEOSGeometry *g : holes)
                    destroy(g);
                return QStringLiteral("a ring is not a closed line of at least 4 points");
            }
            holes.push_back(hole);
        }
        GEOSGeometry *polygon
            = GEOSGeom_createPolygon_r(h, shell, holes.data(), unsigned(holes.size()));
        if (!polygon)
            return QStringLiteral("a polygon cannot be built from its rings");
        polygons.push_back(polygon);
    }
    GEOSGeometry *multi = GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polygons.data(),
                                                      unsigned(polygons.size()));
    if (!multi)
        return QStringLiteral("the polygons cannot be combined into one boundary");
    polygons.clear(); // the collection owns them now
    const auto freeMulti = qScopeGuard([&] { destroy(multi); });
    const char valid = GEOSisValid_r(h, multi);
    if (valid == 1)
        return {};
    char *reason = GEOSisValidReason_r(h, multi);
    QString text = reason ? QString::fromUtf8(reason) : QStringLiteral("GEOS could not check it");
    if (reason)
        GEOSFree_r(h, reason);
    // "Self-intersection[126.95 37.56]" -> "Self-intersection at 126.95 37.56"
    text.replace(u'[', QStringLiteral(" at ")).remove(u']');
    return text;
}

} // namespace VisitMap::Import
