// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

class QPainter;
class QNetworkDiskCache;
class QNetworkReply;

namespace VisitMap::Geo {
class Viewport;
}

namespace VisitMap::Ui {

// Raster base tiles from an XYZ server (a URL template with {z}, {x}, {y}, optionally {s} for
// a/b/c subdomains and {-y} for TMS rows), e.g. VWorld with the office's key or an
// OSM-compatible server. Only the tiles in view are asked for (no bulk download), at most six at
// a time, with a real User-Agent; replies go through a disk cache, decoded tiles stay in memory.
// When the server cannot be reached the layer says so and paints nothing, and the map falls back
// to its vector base; it tries again a minute later.
class TileLayer : public QObject
{
    Q_OBJECT
public:
    struct Source
    {
        QString urlTemplate; // empty: no tiles
        QString attribution; // shown on the map and in exports, as the tile licence requires
        int maxZoom = 19;
    };

    explicit TileLayer(QObject *parent = nullptr);
    ~TileLayer() override;

    void setSource(const Source &source);
    const Source &source() const { return m_source; }
    // Where replies are cached on disk (created if missing); empty: memory only.
    void setCacheDirectory(const QString &path);

    bool isEnabled() const { return !m_source.urlTemplate.isEmpty(); }
    // Enabled and reachable (as far as the last replies tell).
    bool isAvailable() const { return isEnabled() && m_available; }
    // A sentence for the status bar when tiles are set but not shown; empty otherwise.
    QString statusText() const;

    // Paints the tiles covering the view (scaled from a lower zoom where a tile has not arrived
    // yet) and asks for the missing ones. Returns false when nothing could be painted.
    bool paint(QPainter &painter, const Geo::Viewport &viewport);

    static QString userAgent();
    static QString tileUrl(const QString &urlTemplate, int z, int x, int y);
    int pendingRequests() const { return int(m_pending.size()); }
    int networkReplies() const { return m_networkReplies; }
    int cacheHits() const { return m_cacheHits; }

Q_SIGNALS:
    void tilesChanged();
    void availabilityChanged(bool available);

private:
    static quint64 key(int z, int x, int y) { return quint64(z) << 58 | quint64(x) << 29 | quint64(y); }
    void startQueued();
    void finished(QNetworkReply *reply, quint64 k);
    const QImage *tile(int z, int x, int y) const;

    Source m_source;
    QNetworkAccessManager m_net;
    QNetworkDiskCache *m_disk = nullptr;
    QCache<quint64, QImage> m_tiles;
    QHash<quint64, QNetworkReply *> m_pending;
    QList<quint64> m_queue; // wanted but not yet asked for, nearest the centre first
    QSet<quint64> m_missing; // the server said there is no such tile
    QTimer m_retry;
    bool m_available = true;
    int m_failures = 0;
    int m_networkReplies = 0;
    int m_cacheHits = 0;
    int m_generation = 0;
};

} // namespace VisitMap::Ui
