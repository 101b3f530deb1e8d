// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportparser.h"

#include "util/photofile.h"

#include "model/household.h"
#include "util/clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace VisitMap::Intake {

int ReportParser::lineAt(const QByteArray &json, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    return int(std::count(json.constBegin(), json.constBegin() + offset, '\n')) + 1;
}

QList<int> ReportParser::elementLines(const QByteArray &json)
{
    QList<int> lines;
    int depth = 0, line = 1;
    bool inString = false, escaped = false, expectElement = false;
    for (const char c : json) {
        if (c == '\n')
            ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (depth == 1 && expectElement && !space && c != ']') {
            lines << line;
            expectElement = false;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth == 1)
                expectElement = true;
            break;
        case ']':
        case '}':
            --depth;
            break;
        case ',':
            if (depth == 1)
                expectElement = true;
            break;
        default:
            break;
        }
    }
    return lines;
}

namespace {

bool isIsoWithOffset(const QString &text)
{
    // 2026-11-20T09:15:00+09:00 or …Z: the offset is required, so a time is never guessed.
    static const QRegularExpression re(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})$"));
    return re.match(text).hasMatch();
}

} // namespace

ReportParser::Parsed ReportParser::parse(const QByteArray &json,
                                         const QString &fileName,
                                         const QString &baseDir,
                                         const QDateTime &now)
{
    // A report is received before it is read; ten minutes allow for a sender's clock running fast.
    const QDateTime latest
        = (now.isValid() ? now : QDateTime::currentDateTimeUtc()).addSecs(10 * 60);
    Parsed out;
    auto &rep = out.report;
    if (json.size() > maxFileBytes) {
        rep.addError(
            fileName, 0, {}, Import::RowProblem::FileTooLarge,
            {QString::number(json.size() / (1024 * 1024)),
             QString::number(maxFileBytes / (1024 * 1024))},
            QStringLiteral("the file is %1 MB; report files are read up to %2 MB (split it)")
                .arg(json.size() / (1024 * 1024))
                .arg(maxFileBytes / (1024 * 1024)));
        return out;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) {
        rep.addError(fileName, lineAt(json, err.offset), {}, Import::RowProblem::InvalidJson,
                     {err.errorString()},
                     QStringLiteral("not valid JSON: %1").arg(err.errorString()));
        return out;
    }
    if (!doc.isArray()) {
        rep.addError(fileName, 1, {}, Import::RowProblem::NotJsonArray, {},
                     QStringLiteral("expected a JSON array of reports ([ {...}, {...} ])"));
        return out;
    }
    const QJsonArray array = doc.array();
    if (array.size() > maxReports) {
        rep.addError(fileName, 1, {}, Import::RowProblem::TooManyRecords,
                     {QString::number(array.size()), QString::number(maxReports)},
                     QStringLiteral("%1 reports in one file; at most %2 are read at once")
                         .arg(array.size())
                         .arg(maxReports));
        return out;
    }
    const QList<int> lines = elementLines(json);
    const QStringList channels = reportChannels();
    const QStringList categoryCodes = CrisisCategories::codes();
    const QStringList types = householdTypes();
    QSet<QString> seen;

    for (qsizetype i = 0; i < array.size(); ++i) {
        const int line = i < lines.size() ? lines[i] : 0;
        const qsizetype errorsBefore = rep.errors.size();
        auto bad = [&](const QString &field, Import::RowProblem problem, const QStringList &args,
                       const QString &why) {
            rep.addError(fileName, line, field, problem, args, why);
        };
        if (!array[i].isObject()) {
            bad({}, Import::RowProblem::NotObject, {},
                QStringLiteral("report %1 is not an object").arg(i + 1));
            continue;
        }
        const QJsonObject o = array[i].toObject();
        CrisisReport r;
        ReportAttachments att;
        // A string field: present and a string, or absent/null when optional.
        auto text = [&](const char *key, bool required) -> QString {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isUndefined() || v.isNull()) {
                if (required)
                    bad(QString::fromLatin1(key), Import::RowProblem::Missing, {},
                        QStringLiteral("missing"));
                return {};
            }
            if (!v.isString()) {
                bad(QString::fromLatin1(key), Import::RowProblem::NotText, {},
                    QStringLiteral("must be text"));
                return {};
            }
            const QString s = v.toString().trimmed();
            if (required && s.isEmpty())
                bad(QString::fromLatin1(key), Import::RowProblem::Empty, {},
                    QStringLiteral("is empty"));
            if (s.size() > 4000)
                bad(QString::fromLatin1(key), Import::RowProblem::TooLong, {QStringLiteral("4000")},
                    QStringLiteral("is longer than 4,000 characters"));
            return s;
        };
        r.externalId = text("id", true);
        if (!r.externalId.isEmpty()) {
            if (seen.contains(r.externalId))
                bad(QStringLiteral("id"), Import::RowProblem::DuplicateInFile, {r.externalId},
                    QStringLiteral("%1 appears twice in this file").arg(r.externalId));
            seen.insert(r.externalId);
        }
        const QString received = text("received_at", true);
        if (!received.isEmpty()) {
            r.receivedAt = Iso::parse(received);
            if (!isIsoWithOffset(received) || !r.receivedAt.isValid())
                bad(QStringLiteral("received_at"), Import::RowProblem::NotIsoTime, {received},
                    QStringLiteral(
                        "'%1' is not an ISO-8601 time with an offset (2026-11-20T09:15:00+09:00)")
                        .arg(received));
            else if (r.receivedAt > latest)
                bad(QStringLiteral("received_at"), Import::RowProblem::FutureDate, {received},
                    QStringLiteral(
                        "'%1' is in the future; a report cannot be received after it is imported")
                        .arg(received));
        }
        r.channel = text("channel", true);
        if (!r.channel.isEmpty() && !channels.contains(r.channel))
            bad(QStringLiteral("channel"), Import::RowProblem::NotOneOf,
                {r.channel, channels.join(QStringLiteral(", "))},
                QStringLiteral("'%1' is not one of %2")
                    .arg(r.channel, channels.join(QStringLiteral(", "))));
        r.reporterType = text("reporter_type", true);
        if (r.reporterType == QLatin1String("neighbor"))
            r.reporterType = QStringLiteral("neighbour");
        if (!r.reporterType.isEmpty() && r.reporterType != QLatin1String("self") && r.reporterType != QLatin1String("neighbour"))
            bad(QStringLiteral("reporter_type"), Import::RowProblem::NotOneOf,
                {r.reporterType, QStringLiteral("self, neighbour")},
                QStringLiteral("'%1' is not self or neighbour").arg(r.reporterType));
        const QJsonValue anon = o.value(QLatin1String("anonymous"));
        if (anon.isUndefined() || anon.isNull())
            r.anonymous = false;
        else if (!anon.isBool())
            bad(QStringLiteral("anonymous"), Import::RowProblem::NotBoolean, {},
                QStringLiteral("must be true or false"));
        else
            r.anonymous = anon.toBool();
        att.reporterContact = text("reporter_contact", false);

        const QJsonValue cats = o.value(QLatin1String("categories"));
        if (!cats.isArray() || cats.toArray().isEmpty()) {
            bad(QStringLiteral("categories"), Import::RowProblem::NotOneOf,
                {QString(), categoryCodes.join(QStringLiteral(", "))},
                QStringLiteral("must be a non-empty list of crisis categories (%1)")
                    .arg(categoryCodes.join(QStringLiteral(", "))));
        } else {
            for (const QJsonValue &c : cats.toArray()) {
                const QString code = c.toString();
                if (!c.isString() || !categoryCodes.contains(code))
                    bad(QStringLiteral("categories"), Import::RowProblem::NotOneOf,
                        {c.isString() ? code : QString(), categoryCodes.join(QStringLiteral(", "))},
                        QStringLiteral("'%1' is not a crisis category (%2)")
                            .arg(c.isString() ? code : QStringLiteral("(not text)"),
                                 categoryCodes.join(QStringLiteral(", "))));
                else if (!r.categories.contains(code))
                    r.categories << code;
            }
        }
        r.householdType = text("household_type", false);
        if (!r.householdType.isEmpty() && !types.contains(r.householdType))
            bad(QStringLiteral("household_type"), Import::RowProblem::NotOneOf,
                {r.householdType, types.join(QStringLiteral(", "))},
                QStringLiteral("'%1' is not one of %2")
                    .arg(r.householdType, types.join(QStringLiteral(", "))));
        r.sex = text("sex", false);
        if (r.sex == QStringLiteral("남") || r.sex == QLatin1String("male"))
            r.sex = QStringLiteral("M");
        else if (r.sex == QStringLiteral("여") || r.sex == QLatin1String("female"))
            r.sex = QStringLiteral("F");
        if (!r.sex.isEmpty() && r.sex != QLatin1String("M") && r.sex != QLatin1String("F"))
            bad(QStringLiteral("sex"), Import::RowProblem::NotSex, {r.sex},
                QStringLiteral("'%1' is not M or F").arg(r.sex));
        r.ageBand = text("age_band", false);
        if (!r.ageBand.isEmpty() && !ageBandRange(r.ageBand))
            bad(QStringLiteral("age_band"), Import::RowProblem::NotOneOf,
                {r.ageBand, QStringLiteral("70대, 80대 이상, 10대 미만 …")},
                QStringLiteral("'%1' is not an age band like 70대, 80대 이상 or 10대 미만")
                    .arg(r.ageBand));
        r.subjectName = text("name", false);
        r.addressText = text("address_text", false);
        r.description = text("description", false);

        const QJsonValue loc = o.value(QLatin1String("location"));
        if (!loc.isUndefined() && !loc.isNull()) {
            const QJsonObject l = loc.toObject();
            const QJsonValue lon = l.value(QLatin1String("lon")), lat = l.value(QLatin1String("lat"));
            if (!loc.isObject() || !lon.isDouble() || !lat.isDouble()) {
                bad(QStringLiteral("location"), Import::RowProblem::NotCoordinates, {},
                    QStringLiteral("must be {\"lon\": number, \"lat\": number} in WGS84 degrees"));
            } else if (!std::isfinite(lon.toDouble()) || !std::isfinite(lat.toDouble()) || std::abs(lon.toDouble()) > 180
                       || std::abs(lat.toDouble()) > 90) {
                bad(QStringLiteral("location"), Import::RowProblem::NotPlaceOnEarth,
                    {QString::number(lon.toDouble()), QString::number(lat.toDouble())},
                    QStringLiteral("lon %1, lat %2 is not a place on Earth")
                        .arg(lon.toDouble())
                        .arg(lat.toDouble()));
            } else if (lon.toDouble() < 124 || lon.toDouble() > 132 || lat.toDouble() < 33 || lat.toDouble() > 39) {
                bad(QStringLiteral("location"), Import::RowProblem::OutsideKorea,
                    {QString::number(lon.toDouble()), QString::number(lat.toDouble())},
                    QStringLiteral("lon %1, lat %2 is outside Korea (are lon and lat swapped, or "
                                   "is it not WGS84?)")
                        .arg(lon.toDouble())
                        .arg(lat.toDouble()));
            } else {
                r.lon = lon.toDouble();
                r.lat = lat.toDouble();
            }
        }
        if (!r.hasLocation() && r.addressText.isEmpty() && !loc.isObject())
            bad(QStringLiteral("location"), Import::RowProblem::NeedsPlace, {},
                QStringLiteral("a report needs a location or an address_text to be assigned"));

        const QJsonValue photos = o.value(QLatin1String("photos"));
        if (!photos.isUndefined() && !photos.isNull()) {
            if (!photos.isArray()) {
                bad(QStringLiteral("photos"), Import::RowProblem::BadPhoto, {},
                    QStringLiteral("must be a list"));
            } else {
                int n = 0;
                for (const QJsonValue &pv : photos.toArray()) {
                    ++n;
                    const QString field = QStringLiteral("photos[%1]").arg(n);
                    const QJsonObject p = pv.toObject();
                    if (!pv.isObject() || (!p.value(QLatin1String("data")).isString() && !p.value(QLatin1String("path")).isString())) {
                        bad(field, Import::RowProblem::BadPhoto, {},
                            QStringLiteral("must be {\"data\": base64} or {\"path\": file}, with "
                                           "\"consent\""));
                        continue;
                    }
                    if (!p.value(QLatin1String("consent")).isBool()) {
                        bad(field, Import::RowProblem::BadPhoto, {},
                            QStringLiteral("needs \"consent\": true or false"));
                        continue;
                    }
                    if (!p.value(QLatin1String("consent")).toBool()) {
                        rep.notes << QStringLiteral("%1:%2: %3 was not kept: no consent").arg(fileName).arg(line).arg(field);
                        continue;
                    }
                    ReportAttachments::Photo photo;
                    if (p.value(QLatin1String("data")).isString()) {
                        const QString b64 = p.value(QLatin1String("data")).toString();
                        // Base64 holds 3 bytes in 4 characters: a photo over the limit is refused
                        // before it is decoded.
                        if (b64.size() / 4 * 3 > maxPhotoBytes + 3) {
                            bad(field, Import::RowProblem::PhotoTooLarge,
                                {QString::number(maxPhotoBytes / (1024 * 1024))},
                                QStringLiteral("data is larger than %1 MB")
                                    .arg(maxPhotoBytes / (1024 * 1024)));
                            continue;
                        }
                        auto decoded = QByteArray::fromBase64Encoding(
                            b64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                        if (!decoded || decoded.decoded.isEmpty()) {
                            bad(field, Import::RowProblem::BadPhoto, {},
                                QStringLiteral("data is not base64"));
                            continue;
                        }
                        photo.data = decoded.decoded;
                        photo.fileName
                            = QFileInfo(p.value(QLatin1String("file_name")).toString()).fileName();
                        if (photo.fileName.isEmpty())
                            photo.fileName = QStringLiteral("photo-%1").arg(n);
                    } else {
                        const QString path = p.value(QLatin1String("path")).toString();
                        if (baseDir.isEmpty()) {
                            bad(field, Import::RowProblem::BadPhoto, {},
                                QStringLiteral(
                                    "photos by path are read only from a report file on disk"));
                            continue;
                        }
                        auto bytes = PhotoFile::read(baseDir, path);
                        if (!bytes) {
                            bad(field, Import::RowProblem::BadPhoto, {}, bytes.error().message);
                            continue;
                        }
                        photo.data = *bytes;
                        photo.fileName = QFileInfo(path).fileName();
                    }
                    if (photo.data.size() > maxPhotoBytes) {
                        bad(field, Import::RowProblem::PhotoTooLarge,
                            {QString::number(maxPhotoBytes / (1024 * 1024))},
                            QStringLiteral("larger than %1 MB").arg(maxPhotoBytes / (1024 * 1024)));
                        continue;
                    }
                    if (PhotoFile::imageMime(photo.data).isEmpty()) {
                        bad(field, Import::RowProblem::PhotoNotImage, {photo.fileName},
                            QStringLiteral("%1 is not a JPEG, PNG, HEIC or WebP image "
                                           "(judged by its contents)")
                                .arg(photo.fileName));
                        continue;
                    }
                    att.photos << photo;
                }
            }
        }
        if (rep.errors.size() == errorsBefore) {
            out.reports << r;
            out.attachments << att;
        }
    }
    if (!rep.ok()) {
        out.reports.clear();
        out.attachments.clear();
    }
    return out;
}

} // namespace VisitMap::Intake
