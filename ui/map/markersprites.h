// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"

#include <QHash>
#include <QImage>
#include <QPixmap>
#include <QString>
#include <memory>

class QPainter;

namespace VisitMap::Geo {
class ClusterIndex;
}

namespace VisitMap::Ui {

// Pre-drawn marks: drawing an image is many times cheaper than an anti-aliased path, so a frame
// of thousands of households costs a blit each. Sprites are drawn at the device pixel ratio and
// kept until the ratio changes.
//
// A cluster badge is three layers: the tier ring with its face (keyed by radius and tier mix),
// the overdue arc (keyed by radius and share) and the new star; the count is set from one image
// per character. Keeping the layers apart keeps the number of distinct images small, and
// prerender() draws every ring an index can show on the worker that builds the index, so
// crossing into a new zoom level never stalls a frame.
class MarkerSprites
{
public:
    // A household: shape and colour by tier, a ring when overdue, a star when new.
    const QPixmap &household(RiskTier tier, bool overdue, bool fresh, double size, bool selected, double dpr);

    struct Badge
    {
        std::uint32_t count, high, medium, overdue, fresh;
    };
    // A cluster: its count in the middle, a ring split by tier mix, an outer arc for the share
    // overdue, a star when some are new.
    void drawCluster(QPainter &painter, QPointF centre, const Badge &badge, double dpr);
    static double clusterRadius(std::uint32_t count);
    // "987", "1,234", "1.2만": short enough for a badge.
    static QString countText(std::uint32_t count);

    // The rings of every cluster in an index, drawn at a device pixel ratio. Safe to call on
    // any thread (it only paints QImages); adopt() hands the result to the painter's sprites.
    struct Rings
    {
        double dpr = 1;
        QHash<quint32, QImage> images;
    };
    static std::shared_ptr<const Rings> prerender(const Geo::ClusterIndex &index, double dpr);
    void adopt(const std::shared_ptr<const Rings> &rings);
    std::size_t ringCount() const { return std::size_t(m_rings.size()); }

private:
    struct RingKey
    {
        int radius, high, medium, overdue;
        quint32 ring() const { return quint32(radius) | quint32(high) << 8 | quint32(medium) << 16; }
        quint32 arc() const { return quint32(radius) | quint32(overdue) << 8; }
    };
    static RingKey ringKey(const Badge &badge);
    static QImage renderRing(const RingKey &key, double dpr);
    static QImage renderArc(const RingKey &key, double dpr);
    void reset(double dpr);
    void drawCount(QPainter &painter, QPointF centre, std::uint32_t count);

    double m_dpr = 0;
    QHash<quint32, QPixmap> m_households;
    QHash<quint32, QImage> m_rings;
    QHash<quint32, QImage> m_arcs;
    QImage m_star;
    struct Glyph
    {
        QImage image;
        double advance = 0;
    };
    QHash<quint32, Glyph> m_glyphs; // character | point size << 16
};

} // namespace VisitMap::Ui
