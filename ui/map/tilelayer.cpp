// SPDX-License-Identifier: GPL-3.0-or-later
#include "tilelayer.h"

#include "geo/viewport.h"

#include <QDir>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QPainter>
#include <QSysInfo>
#include <cmath>

namespace VisitMap::Ui {

namespace {
constexpr int maxConcurrent = 6;
constexpr int failuresBeforeDown = 2;
} // namespace

TileLayer::TileLayer(QObject *parent)
    : QObject(parent)
{
    m_tiles.setMaxCost(96 * 1024); // KiB of decoded tiles
    m_retry.setSingleShot(true);
    m_retry.setInterval(60 * 1000);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        m_available = true;
        m_failures = 0;
        Q_EMIT availabilityChanged(true);
        Q_EMIT tilesChanged();
    });
}

TileLayer::~TileLayer()
{
    for (QNetworkReply *r : std::as_const(m_pending)) {
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

void TileLayer::setSource(const Source &source)
{
    if (source.urlTemplate == m_source.urlTemplate && source.attribution == m_source.attribution
        && source.maxZoom == m_source.maxZoom)
        return;
    m_source = source;
    ++m_generation;
    for (QNetworkReply *r : std::as_const(m_pending)) {
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
    m_pending.clear();
    m_queue.clear();
    m_tiles.clear();
    m_missing.clear();
    m_available = true;
    m_failures = 0;
    m_retry.stop();
    Q_EMIT tilesChanged();
}

void TileLayer::setCacheDirectory(const QString &path)
{
    if (path.isEmpty()) {
        m_net.setCache(nullptr);
        m_disk = nullptr;
        return;
    }
    QDir().mkpath(path);
    m_disk = new QNetworkDiskCache(&m_net);
    m_disk->setCacheDirectory(path);
    m_disk->setMaximumCacheSize(256LL * 1024 * 1024);
    m_net.setCache(m_disk); // takes ownership
}

QString TileLayer::statusText() const
{
    if (!isEnabled() || m_available)
        return {};
    return tr("배경지도 서버에 연결할 수 없어 기본 지도(행정동 경계)로 표시합니다");
}

QString TileLayer::userAgent()
{
    return QStringLiteral("VisitMap/%1 (welfare visit map; Qt %2; %3)")
        .arg(QStringLiteral(VISITMAP_VERSION), QString::fromLatin1(qVersion()), QSysInfo::prettyProductName());
}

QString TileLayer::tileUrl(const QString &urlTemplate, int z, int x, int y)
{
    QString url = urlTemplate;
    url.replace(QLatin1String("{z}"), QString::number(z));
    url.replace(QLatin1String("{x}"), QString::number(x));
    url.replace(QLatin1String("{-y}"), QString::number((1 << z) - 1 - y));
    url.replace(QLatin1String("{y}"), QString::number(y));
    url.replace(QLatin1String("{s}"), QString(QChar(u'a' + (x + y) % 3)));
    return url;
}

const QImage *TileLayer::tile(int z, int x, int y) const
{
    return m_tiles.object(key(z, x, y));
}

bool TileLayer::paint(QPainter &painter, const Geo::Viewport &vp)
{
    if (!isAvailable())
        return false;
    const int z = std::clamp(int(std::lround(vp.zoom())), 0, m_source.maxZoom);
    const int n = 1 << z;
    const QRectF world = vp.worldRect();
    const int x0 = std::max(0, int(std::floor(world.left() * n))), x1 = std::min(n - 1, int(std::floor(world.right() * n)));
    const int y0 = std::max(0, int(std::floor(world.top() * n))), y1 = std::min(n - 1, int(std::floor(world.bottom() * n)));
    if (x1 < x0 || y1 < y0)
        return false;

    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    QList<std::pair<double, quint64>> wanted;
    const QPointF centre = vp.centreWorld() * n;
    bool any = false;
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const QRectF target(vp.worldToScreen(QPointF(double(x) / n, double(y) / n)),
                                vp.worldToScreen(QPointF(double(x + 1) / n, double(y + 1) / n)));
            if (const QImage *img = tile(z, x, y)) {
                painter.drawImage(target, *img);
                any = true;
                continue;
            }
            // Until it arrives, a lower-zoom tile stands in, scaled.
            for (int up = 1; up <= 4 && z - up >= 0; ++up) {
                const int px = x >> up, py = y >> up;
                if (const QImage *parent = tile(z - up, px, py)) {
                    const int parts = 1 << up;
                    const double w = double(parent->width()) / parts, h = double(parent->height()) / parts;
                    painter.drawImage(target, *parent, QRectF((x - (px << up)) * w, (y - (py << up)) * h, w, h));
                    any = true;
                    break;
                }
            }
            const quint64 k = key(z, x, y);
            if (!m_pending.contains(k) && !m_missing.contains(k))
                wanted.append({std::hypot(x + 0.5 - centre.x(), y + 0.5 - centre.y()), k});
        }
    }
    painter.restore();

    // Ask for what is in view now, nearest the centre first; forget what left the view.
    std::sort(wanted.begin(), wanted.end());
    m_queue.clear();
    for (const auto &w : wanted)
        m_queue.append(w.second);
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        const quint64 k = it.key();
        const int kz = int(k >> 58), kx = int((k >> 29) & 0x1FFFFFFF), ky = int(k & 0x1FFFFFFF);
        if (kz != z || kx < x0 || kx > x1 || ky < y0 || ky > y1) {
            QNetworkReply *r = it.value();
            it = m_pending.erase(it);
            r->disconnect(this);
            r->abort();
            r->deleteLater();
        } else {
            ++it;
        }
    }
    startQueued();
    return any;
}

void TileLayer::startQueued()
{
    while (m_available && m_pending.size() < maxConcurrent && !m_queue.isEmpty()) {
        const quint64 k = m_queue.takeFirst();
        const int z = int(k >> 58), x = int((k >> 29) & 0x1FFFFFFF), y = int(k & 0x1FFFFFFF);
        QNetworkRequest req{QUrl(tileUrl(m_source.urlTemplate, z, x, y))};
        req.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
        req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        req.setTransferTimeout(15000);
        QNetworkReply *reply = m_net.get(req);
        m_pending.insert(k, reply);
        const int generation = m_generation;
        connect(reply, &QNetworkReply::finished, this, [this, reply, k, generation] {
            reply->deleteLater();
            if (generation != m_generation)
                return;
            finished(reply, k);
        });
    }
}

void TileLayer::finished(QNetworkReply *reply, quint64 k)
{
    m_pending.remove(k);
    const auto error = reply->error();
    if (error == QNetworkReply::OperationCanceledError)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (error == QNetworkReply::NoError) {
        ++m_networkReplies;
        if (reply->attribute(QNetworkRequest::SourceIsFromCacheAttribute).toBool())
            ++m_cacheHits;
        QImage img;
        if (img.loadFromData(reply->readAll())) {
            m_failures = 0;
            m_tiles.insert(k, new QImage(img.convertToFormat(QImage::Format_ARGB32_Premultiplied)),
                           std::max<qsizetype>(1, img.sizeInBytes() / 1024));
            Q_EMIT tilesChanged();
        } else {
            m_missing.insert(k); // not an image: do not ask again
        }
    } else if (status == 404 || status == 204 || status == 400) {
        m_missing.insert(k); // no tile there (the sea, beyond the data)
    } else {
        // The server is down, unreachable or refusing: after a second failure in a row, stop
        // asking and let the map fall back to its vector base.
        if (++m_failures >= failuresBeforeDown && m_available) {
            m_available = false;
            m_queue.clear();
            for (QNetworkReply *r : std::as_const(m_pending)) {
                r->disconnect(this);
                r->abort();
                r->deleteLater();
            }
            m_pending.clear();
            m_retry.start();
            Q_EMIT availabilityChanged(false);
            Q_EMIT tilesChanged();
        }
    }
    startQueued();
}

} // namespace VisitMap::Ui
