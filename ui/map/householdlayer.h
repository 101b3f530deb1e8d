// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/clusterindex.h"
#include "markersprites.h"
#include "storage/householdstore.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QSet>
#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace VisitMap::Geo {
class Viewport;
}

namespace VisitMap::Ui {

// Households on the map: clusters with their tier mix when zoomed out, every household (shape
// and colour by tier, overdue ring, new star) from street zoom on. The data is a ClusterIndex,
// built off the UI thread by prepare() (with the cluster badges it will show) and swapped in
// whole; painting and hit-testing only read it.
class HouseholdLayer
{
    Q_DECLARE_TR_FUNCTIONS(HouseholdLayer)

public:
    // The index the map uses: clustered up to zoom 16, every household from zoom 17.
    static Geo::ClusterIndex::Options indexOptions();
    static std::shared_ptr<Geo::ClusterIndex>
    buildIndex(const std::vector<Storage::HouseholdPoint> &points);

    void setIndex(std::shared_ptr<const Geo::ClusterIndex> index) { m_index = std::move(index); }
    // The index and its cluster badges drawn at a device pixel ratio: the worker's whole job.
    // A read that failed keeps its error: the layer then shows the failure, not an empty map.
    // The index is the owner's to update in place (MapHouseholds, on the UI thread, while no
    // worker holds it); the layer only reads it.
    struct Prepared
    {
        std::shared_ptr<Geo::ClusterIndex> index;
        std::shared_ptr<const MarkerSprites::Rings> rings;
        std::optional<Error> error;
    };
    static Prepared prepare(const std::vector<Storage::HouseholdPoint> &points, double dpr);
    static Prepared prepare(const Result<std::vector<Storage::HouseholdPoint>> &points, double dpr);
    void setPrepared(const Prepared &prepared)
    {
        m_index = prepared.index;
        m_sprites.adopt(prepared.rings);
        m_error = prepared.error;
    }
    // Why the households could not be read (none when they were).
    const std::optional<Error> &loadError() const { return m_error; }
    // The words the map shows over itself when the households could not be read.
    QString loadErrorText() const;
    const std::shared_ptr<const Geo::ClusterIndex> &index() const { return m_index; }
    std::size_t size() const { return m_index ? m_index->pointCount() : 0; }
    // Cluster badge images at hand (drawn with the index, or since on first use).
    std::size_t badgeRingCount() const { return m_sprites.ringCount(); }

    void paint(QPainter &painter, const Geo::Viewport &viewport);
    // Off: every household at every zoom (slow on a large district, but sometimes wanted).
    void setClustered(bool on) { m_clustered = on; }
    bool clustered() const { return m_clustered; }
    int levelFor(double zoom) const;
    // Selected households on top of everything, wherever they are (even inside a cluster).
    void paintSelection(QPainter &painter, const Geo::Viewport &viewport, const QSet<qint64> &rowIds);

    // What is under a screen point: a cluster (count > 1) or one household.
    struct Hit
    {
        int level = 0;
        std::uint32_t item = Geo::ClusterIndex::npos;
        Geo::ClusterIndex::Item data;
        bool isCluster() const { return data.count > 1; }
    };
    std::optional<Hit> hit(const Geo::Viewport &viewport, QPointF screen) const;
    // Every household drawn within radius pixels of a screen point (the households behind one
    // mark share an address), nearest first.
    QList<qint64> householdsAt(const Geo::Viewport &viewport, QPointF screen, double radius = 9) const;
    // Households inside a screen polygon (rectangle or lasso), whether clustered or not.
    QList<qint64> householdsIn(const Geo::Viewport &viewport, const QPolygonF &screen) const;
    // World position of a household, if it is on the map.
    std::optional<QPointF> worldOf(qint64 rowId) const;

    // Households inside the view, by tier, for the live legend.
    Storage::TierCounts countsIn(const Geo::Viewport &viewport) const;
    static double markSize(double zoom);

private:
    std::shared_ptr<const Geo::ClusterIndex> m_index;
    std::optional<Error> m_error;
    MarkerSprites m_sprites;
    bool m_clustered = true;
    std::vector<std::uint32_t> m_scratch;
};

} // namespace VisitMap::Ui
