// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QtGlobal>
#include <atomic>
#include <functional>

namespace VisitMap::Import {

// Where a running import is.
enum class ImportStage { Reading, Checking, Writing };

// How a caller follows and stops an import: a progress callback (called on the importing thread,
// a few hundred times per stage at most) and a flag another thread may set to cancel. A cancelled
// import stops at the next row and writes nothing (its transaction is rolled back).
class ImportControl
{
public:
    using Progress = std::function<void(ImportStage stage, qint64 done, qint64 total)>;

    ImportControl() = default;
    ImportControl(Progress progress, const std::atomic_bool *cancel)
        : m_progress(std::move(progress))
        , m_cancel(cancel)
    {
    }

    // Reports done of total (total 0: not known). Calls through at the first and last step and
    // about every half per cent in between.
    void report(ImportStage stage, qint64 done, qint64 total) const;
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    // A row loop's one call between rows: the cancelled error when a cancel was asked, else
    // reports done of total.
    Status step(ImportStage stage, qint64 done, qint64 total) const;
    // The error a cancelled import returns.
    static Error cancelledError();

private:
    Progress m_progress;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace VisitMap::Import
