// SPDX-License-Identifier: GPL-3.0-or-later
#include "importpreview.h"

#include "facilityimporter.h"
#include "geo/geojson.h"
#include "householdimporter.h"
#include "importfile.h"
#include "util/csv.h"
#include "visitimporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VisitMap::Import {

namespace {

QString shown(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 12);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return {};
    return QString::fromUtf8(v.isArray()
                                 ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))
        .left(200);
}

// A table of the given objects' members, in the order they first appear.
void fillFromObjects(ImportPreview &p, const QList<QJsonObject> &objects, int maxRows)
{
    for (const QJsonObject &o : objects.mid(0, maxRows)) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!p.header.contains(it.key()))
                p.header << it.key();
        }
    }
    for (const QJsonObject &o : objects.mid(0, maxRows)) {
        QStringList row;
        for (const QString &key : std::as_const(p.header))
            row << shown(o.value(key));
        p.rows << row;
    }
}

} // namespace

Result<ImportPreview> ImportPreview::read(ImportKind kind, const QString &path, int maxRows)
{
    ImportPreview p;
    auto bytes = ImportFile::read(path);
    if (!bytes)
        return fail(bytes.error());
    if (kind == ImportKind::Boundaries || kind == ImportKind::Reports) {
        QList<QJsonObject> objects;
        if (kind == ImportKind::Boundaries) {
            auto features = Geo::parseBoundaries(*bytes, path);
            if (!features)
                return fail(features.error());
            for (const Geo::BoundaryFeature &f : *features)
                objects << f.properties;
        } else {
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &err);
            if (err.error != QJsonParseError::NoError)
                return failAt(ErrorCode::Parse, path, 0,
                              QStringLiteral("not valid JSON: %1").arg(err.errorString()));
            for (const QJsonValue &v : doc.array()) {
                QJsonObject o = v.toObject();
                o.remove(QStringLiteral("photos")); // base64 pictures are no preview
                objects << o;
            }
        }
        p.totalRows = objects.size();
        fillFromObjects(p, objects, maxRows);
        return p;
    }
    auto decoded = decodeText(*bytes, path);
    if (!decoded)
        return fail(decoded.error());
    p.encoding = decoded->encoding;
    auto table = CsvReader::parse(decoded->text, path);
    if (!table)
        return fail(table.error());
    p.header = table->header;
    p.totalRows = table->rows.size();
    for (const CsvRecord &r : table->rows.mid(0, maxRows))
        p.rows << r.fields;
    switch (kind) {
    case ImportKind::Households:
        p.columns = HouseholdImporter::columns(*table);
        break;
    case ImportKind::Facilities:
        p.columns = FacilityImporter::columns(*table);
        break;
    case ImportKind::Visits:
        p.columns = VisitImporter::columns(*table);
        break;
    default:
        break;
    }
    return p;
}

} // namespace VisitMap::Import
