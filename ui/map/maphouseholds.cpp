// SPDX-License-Identifier: GPL-3.0-or-later
#include "maphouseholds.h"

#include <QCoreApplication>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

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
            job.points = std::make_shared<const Points>(points ? std::move(*points) : Points());
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
