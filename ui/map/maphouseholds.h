// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "householdlayer.h"

#include <QFutureWatcher>
#include <QObject>
#include <functional>
#include <memory>
#include <vector>

namespace VisitMap::Ui {

// The households the map shows, read and indexed off the UI thread: every household of the
// account's offices, or, while the list is filtered, only the households the list shows (the
// very rowids the list's query selected, so the map and the list never disagree). The whole
// district is read and indexed once per change of the data; a filter only picks its households
// out of the points already read and clusters those, and clearing the filter swaps the whole
// district's index back in without rebuilding it.
class MapHouseholds : public QObject
{
    Q_OBJECT
public:
    using Points = std::vector<Storage::HouseholdPoint>;
    using Reader = std::function<Result<Points>()>;
    using RowIds = std::shared_ptr<const std::vector<qint64>>;

    explicit MapHouseholds(QObject *parent = nullptr);
    ~MapHouseholds() override;

    // Reads the households again (the data changed) and indexes them.
    void reload(Reader read, double dpr);
    // Households whose marks changed where they stand (tier, overdue, new), as read again: their
    // points and both indexes (the district's and the filter's) change in place, with the tallies
    // of the clusters above them; nothing is clustered again. False, changing nothing, when that
    // cannot be done: work under way, a household not on the map yet, or one that moved; the
    // caller reloads instead. delta, when given, receives the change of the district's totals.
    bool update(const Points &changed, Storage::TierCounts *delta = nullptr);
    // How many times the whole district was indexed from scratch, and how many in-place updates
    // went through (for tests and benchmarks).
    int fullBuilds() const { return m_fullBuilds; }
    int inPlaceUpdates() const { return m_inPlaceUpdates; }
    // Only these households (ascending rowids), or every household when null. The same set as
    // before does nothing.
    void setFilter(RowIds sortedRowIds, double dpr);
    const RowIds &filter() const { return m_filter; }
    bool isFiltered() const { return m_filter != nullptr; }

    // What the layer should show now (the whole district or the filtered set, whichever is
    // current and ready); ready() says when it changes.
    const HouseholdLayer::Prepared &current() const { return m_filter ? m_filtered : m_all; }
    // Whether work is under way (a read, an index being built).
    bool isBusy() const;
    // Blocks until nothing is under way and current() is up to date.
    void waitForIdle();

    // The points of `all` whose rowid is in `sortedRowIds` (both ascending): a merge, no lookups.
    static Points select(const Points &all, const std::vector<qint64> &sortedRowIds);

Q_SIGNALS:
    void ready();

private:
    struct Job
    {
        std::shared_ptr<Points> points; // set when the job read the store
        std::optional<HouseholdLayer::Prepared> all;
        std::optional<HouseholdLayer::Prepared> filtered;
        RowIds filter; // what `filtered` was made for
    };
    void start();
    void finished();

    QFutureWatcher<Job> m_watcher;
    bool m_pending = false; // a job was started and finished() has not taken its result yet
    Reader m_read;          // a read is wanted (the data changed)
    double m_dpr = 1;
    std::shared_ptr<Points> m_points; // in rowid order; changed only while no job runs
    int m_fullBuilds = 0;
    int m_inPlaceUpdates = 0;
    std::optional<Error> m_readError;
    HouseholdLayer::Prepared m_all;
    HouseholdLayer::Prepared m_filtered;
    RowIds m_filter;
    RowIds m_filteredFor;
};

} // namespace VisitMap::Ui
