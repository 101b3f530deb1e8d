// SPDX-License-Identifier: GPL-3.0-or-later
#include "maphouseholds.h"

#include <QCoreApplication>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace VisitMap::Ui {

MapHouseholds::MapHouseholds(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &MapHouseholds::finished);
}

MapHouseholds::~MapHouseholds()
{
    m_watcher.waitForFinished();
}

void MapHouseholds::reload(Reader read, double dpr)
{
    m_read = std::move(read);
    m_dpr = dpr;
    start();
}

void MapHouseholds::setFilter(RowIds sortedRowIds, double dpr)
{
    const bool same
        = sortedRowIds == m_filter || (sortedRowIds && m_filter && *sortedRowIds == *m_filter);
    if (same)
        return;
    m_filter = std::move(sortedRowIds);
    m_dpr = dpr;
    if (!m_filter) {
        Q_EMIT ready(); // the whole district's index is at hand
        return;
    }
    start();
}

bool MapHouseholds::isBusy() const
{
    return m_pending || m_read || (m_filter && m_filteredFor != m_filter);
}

MapHouseholds::Points MapHouseholds::select(const Points &all,
                                            const std::vector<qint64> &sortedRowIds)
{
    Points out;
    out.reserve(sortedRowIds.size());
    auto want = sortedRowIds.begin();
    for (const Storage::HouseholdPoint &p : all) {
        while (want != sortedRowIds.end() && *want < p.rowId)
            ++want;
        if (want == sortedRowIds.end())
            break;
        if (*want == p.rowId)
            out.push_back(p);
    }
    return out;
}

void MapHouseholds::start()
{
    if (m_pending)
        return; // finished() starts what is still wanted
    const double dpr = m_dpr;
    if (m_read) {
        // The data changed: read it, index the whole district and, when filtered, the filter's
        // households from the same read.
        Reader read = std::move(m_read);
        m_read = nullptr;
        RowIds filter = m_filter;
        m_pending = true;
        m_watcher.setFuture(QtConcurrent::run([read, filter, dpr] {
            Job job;
            Result<Points> points = read();
            job.all = HouseholdLayer::prepare(points, dpr);
            job.points = std::make_shared<Points>(points ? std::move(*points) : Points());
            if (filter) {
                job.filter = filter;
                job.filtered = HouseholdLayer::prepare(select(*job.points, *filter), dpr);
                job.filtered->error = job.all->error;
            }
            return job;
        }));
        return;
    }
    if (m_filter && m_filteredFor != m_filter && m_points) {
        // Only the filter changed: cluster its households out of the points already read.
        RowIds filter = m_filter;
        std::shared_ptr<const Points> points = m_points;
        std::optional<Error> error = m_readError;
        m_pending = true;
        m_watcher.setFuture(QtConcurrent::run([points, filter, error, dpr] {
            Job job;
            job.filter = filter;
            job.filtered = HouseholdLayer::prepare(select(*points, *filter), dpr);
            job.filtered->error = error;
            return job;
        }));
    }
}

void MapHouseholds::finished()
{
    Job job = m_watcher.result();
    m_pending = false;
    if (job.points) {
        ++m_fullBuilds;
        m_points = job.points;
        m_all = *job.all;
        m_readError = m_all.error;
        if (!job.filtered)
            m_filteredFor.reset(); // made from the old points
    }
    if (job.filtered) {
        m_filtered = *job.filtered;
        m_filteredFor = job.filter;
    }
    if (m_read || (m_filter && m_filteredFor != m_filter)) {
        start();
        if (m_pending)
            return; // ready() once the current view is made
    }
    Q_EMIT ready();
}

bool MapHouseholds::update(const Points &changed, Storage::TierCounts *delta)
{
    if (isBusy() || !m_points || !m_all.index || m_readError)
        return false;
    Points &points = *m_points;
    const auto byRow = [](const Storage::HouseholdPoint &p, qint64 row) {
        return p.rowId < row;
    };
    // First check every household can change in place, so a refusal changes nothing.
    std::vector<std::size_t> at;
    at.reserve(changed.size());
    for (const Storage::HouseholdPoint &p : changed) {
        const auto it = std::lower_bound(points.begin(), points.end(), p.rowId, byRow);
        if (it == points.end() || it->rowId != p.rowId || it->lon != p.lon || it->lat != p.lat)
            return false;
        if (m_all.index->findKey(p.rowId) == Geo::ClusterIndex::npos)
            return false;
        at.push_back(std::size_t(it - points.begin()));
    }
    const bool filtered = m_filter && m_filteredFor == m_filter && m_filtered.index;
    const auto tally = [](Storage::TierCounts &c, const Storage::HouseholdPoint &p, int sign) {
        (p.tier == RiskTier::High ? c.high : p.tier == RiskTier::Medium ? c.medium : c.low) += sign;
        c.overdue += p.overdue ? sign : 0;
        c.fresh += p.fresh ? sign : 0;
    };
    Storage::TierCounts d;
    for (std::size_t k = 0; k < changed.size(); ++k) {
        const Storage::HouseholdPoint &p = changed[k];
        tally(d, points[at[k]], -1);
        tally(d, p, +1);
        points[at[k]] = p;
        m_all.index->updatePoint(m_all.index->findKey(p.rowId), p.tier, p.overdue, p.fresh);
        if (filtered) {
            const std::uint32_t f = m_filtered.index->findKey(p.rowId);
            if (f != Geo::ClusterIndex::npos)
                m_filtered.index->updatePoint(f, p.tier, p.overdue, p.fresh);
        }
    }
    if (delta)
        *delta = d;
    ++m_inPlaceUpdates;
    return true;
}

void MapHouseholds::waitForIdle()
{
    while (m_pending || m_read) {
        if (!m_pending)
            start();
        m_watcher.waitForFinished();
        // The watcher hears of the end through an event posted just after the waiting ends.
        QCoreApplication::sendPostedEvents(&m_watcher); // delivers finished()
        if (m_pending)
            QThread::yieldCurrentThread();
    }
}

} // namespace VisitMap::Ui
