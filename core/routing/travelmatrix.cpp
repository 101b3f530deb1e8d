// SPDX-License-Identifier: GPL-3.0-or-later
#include "travelmatrix.h"

#include "geo/geomath.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <memory>

namespace VisitMap::Routing {

QString TravelSettings::describe() const
{
    const QString how = mode == TravelMode::Walk ? QStringLiteral("도보 %1 km/h").arg(walkKmh) : QStringLiteral("차량 %1 km/h").arg(carKmh);
    if (!osrmUrl.isEmpty())
        return QStringLiteral("OSRM (%1), %2").arg(osrmUrl.toString(), mode == TravelMode::Walk ? QStringLiteral("도보") : QStringLiteral("차량"));
    return QStringLiteral("직선거리 × %1, %2").arg(detourFactor, 0, 'f', 2).arg(how);
}

namespace Travel {

TravelMatrix straightLine(const std::vector<TravelPoint> &points, const TravelSettings &settings)
{
    TravelMatrix m;
    m.size = int(points.size());
    const std::size_t n = points.size();
    m.metres.assign(n * n, 0);
    m.minutes.assign(n * n, 0);
    const double metresPerMinute = settings.kmh() * 1000.0 / 60.0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            const double d = Geo::haversineM(points[i].lon, points[i].lat, points[j].lon, points[j].lat) * settings.detourFactor;
            m.metres[i * n + j] = m.metres[j * n + i] = d;
            m.minutes[i * n + j] = m.minutes[j * n + i] = d / metresPerMinute;
        }
    }
    TravelSettings plain = settings;
    plain.osrmUrl.clear();
    m.source = plain.describe();
    return m;
}

Result<TravelMatrix> fromService(const std::vector<TravelPoint> &points, const TravelSettings &settings)
{
    if (settings.osrmUrl.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("no routing service is set"));
    if (points.size() > 1000)
        return fail(ErrorCode::Validation, QStringLiteral("%1 places are more than the routing service's table takes (1,000)").arg(points.size()));
    QStringList coords;
    for (const TravelPoint &p : points)
        coords << QStringLiteral("%1,%2").arg(p.lon, 0, 'f', 6).arg(p.lat, 0, 'f', 6);
    const QString profile = settings.mode == TravelMode::Walk ? QStringLiteral("foot") : QStringLiteral("driving");
    QUrl url = settings.osrmUrl;
    url.setPath(url.path().remove(QRegularExpression(QStringLiteral("/+$"))) + QStringLiteral("/table/v1/%1/%2").arg(profile, coords.join(u';')));
    url.setQuery(QStringLiteral("annotations=duration,distance"));

    QNetworkAccessManager net;
    QNetworkRequest request(url);
    request.setTransferTimeout(settings.timeoutMs);
    QNetworkReply *reply = net.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(settings.timeoutMs + 500, &loop, &QEventLoop::quit);
    loop.exec();
    std::unique_ptr<QNetworkReply> owned(reply);
    if (!reply->isFinished()) {
        reply->abort();
        return fail(ErrorCode::Network, QStringLiteral("the routing service did not answer within %1 s").arg(settings.timeoutMs / 1000.0));
    }
    if (reply->error() != QNetworkReply::NoError)
        return fail(ErrorCode::Network, QStringLiteral("the routing service could not be reached: %1").arg(reply->errorString()));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::Network, QStringLiteral("the routing service's answer is not JSON"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("code")).toString() != QLatin1String("Ok"))
        return fail(ErrorCode::Network, QStringLiteral("the routing service said %1: %2")
                                            .arg(o.value(QStringLiteral("code")).toString(), o.value(QStringLiteral("message")).toString()));
    const QJsonArray durations = o.value(QStringLiteral("durations")).toArray();
    const QJsonArray distances = o.value(QStringLiteral("distances")).toArray();
    const std::size_t n = points.size();
    if (std::size_t(durations.size()) != n || std::size_t(distances.size()) != n)
        return fail(ErrorCode::Network, QStringLiteral("the routing service's table is not %1 × %1").arg(n));
    TravelMatrix m;
    m.size = int(n);
    m.metres.assign(n * n, 0);
    m.minutes.assign(n * n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const QJsonArray drow = durations[qsizetype(i)].toArray(), mrow = distances[qsizetype(i)].toArray();
        if (std::size_t(drow.size()) != n || std::size_t(mrow.size()) != n)
            return fail(ErrorCode::Network, QStringLiteral("the routing service's table is not %1 × %1").arg(n));
        for (std::size_t j = 0; j < n; ++j) {
            // null: no way there on the network.
            if (!drow[qsizetype(j)].isDouble() || !mrow[qsizetype(j)].isDouble())
                return fail(ErrorCode::Network, QStringLiteral("the routing service finds no way between place %1 and %2").arg(i + 1).arg(j + 1));
            m.minutes[i * n + j] = drow[qsizetype(j)].toDouble() / 60.0;
            m.metres[i * n + j] = mrow[qsizetype(j)].toDouble();
        }
    }
    m.source = settings.describe();
    return m;
}

TravelMatrix build(const std::vector<TravelPoint> &points, const TravelSettings &settings)
{
    if (settings.osrmUrl.isEmpty())
        return straightLine(points, settings);
    auto table = fromService(points, settings);
    if (table)
        return *table;
    TravelMatrix m = straightLine(points, settings);
    m.notice = QStringLiteral("%1; distances are straight lines × %2 instead").arg(table.error().message).arg(settings.detourFactor, 0, 'f', 2);
    return m;
}

} // namespace Travel

} // namespace VisitMap::Routing
