// SPDX-License-Identifier: GPL-3.0-or-later
// The map after one edit on a 1,000,000-household district: the household's row read again and
// the cluster index updated where it stands (what the map does when the store announces the
// change), beside the full reload it replaces (every household read and indexed again).
// Run: build/bench/bench_map_update [--benchmark_min_time=1]. The store is generated on first run
// (about a minute, 2.8 GB in the temporary folder).
#include "demo/demogenerator.h"
#include "map/maphouseholds.h"
#include "security/crypto.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "workflow/casework.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <benchmark/benchmark.h>

using namespace VisitMap;

namespace {

constexpr int kHouseholds = 1000000;

Ui::WorkspaceController &controller()
{
    static std::unique_ptr<Ui::WorkspaceController> c = [] {
        const QString path = QDir::temp().filePath(QStringLiteral("visitmap-bench-1m.visitmap"));
        if (!QFile::exists(path)) {
            Demo::DemoOptions o;
            o.households = kHouseholds;
            o.seed = 5;
            o.today = QDate(2026, 11, 23);
            if (!Demo::DemoGenerator::generate(path, o))
                qFatal("cannot generate the benchmark store");
        }
        auto opened = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
        if (!opened)
            qFatal("cannot open the benchmark store");
        auto out = std::make_unique<Ui::WorkspaceController>();
        out->adopt(std::move(*opened));
        if (!out->signInDemo())
            qFatal("cannot sign in to the benchmark store");
        return out;
    }();
    return *c;
}

// The map's household data, read and indexed once.
Ui::MapHouseholds &mapData()
{
    static std::unique_ptr<Ui::MapHouseholds> m = [] {
        auto out = std::make_unique<Ui::MapHouseholds>();
        out->reload(controller().householdPointsReader(), 1.0);
        out->waitForIdle();
        if (out->current().index->pointCount() < std::size_t(kHouseholds) / 2)
            qFatal("the benchmark store has too few households");
        return out;
    }();
    return *m;
}

// Households to edit in turn, spread over the district.
QStringList someHouseholds(int n)
{
    QStringList out;
    const auto &index = *mapData().current().index;
    const QList<qint64> rows = [&] {
        QList<qint64> r;
        for (int i = 0; i < n; ++i)
            r << index.key(std::uint32_t((std::size_t(i) * 7919u * 104729u) % index.pointCount()));
        return r;
    }();
    return controller().householdIds(rows);
}

// One edit (a risk tier set or cleared through the real service, untimed), then what the map
// does when the store announces it (timed): the changed household's row read again and the
// index, its clusters' tallies and the totals updated in place.
void incrementalUpdate(benchmark::State &state)
{
    Ui::WorkspaceController &c = controller();
    Ui::MapHouseholds &map = mapData();
    const QStringList households = someHouseholds(64);
    Storage::ChangeSet heard;
    QObject::connect(&c, &Ui::WorkspaceController::storeChanged,
                     [&heard](const Storage::ChangeSet &s) { heard = s; });
    CaseWork work(*c.workspace());
    int k = 0;
    int refused = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const QString id = households.at(k % households.size());
        const bool set = (k / households.size()) % 2 == 0;
        ++k;
        heard = {};
        if (!work.setRiskOverride(id, set ? std::optional<RiskTier>(RiskTier::High) : std::nullopt,
                                  QStringLiteral("벤치마크")))
            qFatal("the edit failed");
        state.ResumeTiming();

        QStringList ids;
        for (auto it = heard.householdsChanged.cbegin(); it != heard.householdsChanged.cend(); ++it)
            ids << it.key();
        const auto points = c.householdPointsOf(ids);
        Storage::TierCounts delta;
        if (!points || points->empty() || !map.update(*points, &delta))
            ++refused;
        benchmark::DoNotOptimize(delta);
    }
    state.counters["households"] = double(map.current().index->pointCount());
    state.counters["refused"] = refused;
    state.counters["full_builds"] = map.fullBuilds();
}

// The path it replaces: every household read again and the whole index built from scratch.
void fullReload(benchmark::State &state)
{
    Ui::WorkspaceController &c = controller();
    Ui::MapHouseholds &map = mapData();
    for (auto _ : state) {
        map.reload(c.householdPointsReader(), 1.0);
        map.waitForIdle();
    }
    state.counters["households"] = double(map.current().index->pointCount());
}

} // namespace

BENCHMARK(incrementalUpdate)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(fullReload)->Unit(benchmark::kMillisecond)->Iterations(3);

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv); // the cluster badges are drawn with the index
    Security::initialiseCrypto();
    benchmark::Initialize(&argc, argv);
    mapData();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
