// SPDX-License-Identifier: GPL-3.0-or-later
// Household search on a 100,000-household district: what the list does as a caseworker types.
// Run: build/bench/bench_search [--benchmark_min_time=1]. The store is generated on first run.
#include "demo/demogenerator.h"
#include "security/crypto.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/stores.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <benchmark/benchmark.h>

using namespace VisitMap;

namespace {

Workspace &store()
{
    static std::unique_ptr<Workspace> ws = [] {
        const QString path = QDir::temp().filePath(QStringLiteral("visitmap-bench-100k.visitmap"));
        if (!QFile::exists(path)) {
            Demo::DemoOptions o;
            o.households = 100000;
            o.seed = 5;
            o.today = QDate(2026, 11, 23);
            if (!Demo::DemoGenerator::generate(path, o))
                qFatal("cannot generate the benchmark store");
        }
        auto opened = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
        if (!opened || !(*opened)->signInDemo())
            qFatal("cannot open the benchmark store");
        return std::move(*opened);
    }();
    return *ws;
}

void search(benchmark::State &state, const char *text, bool overdueOnly)
{
    const Storage::HouseholdStore &households = store().stores().households();
    Storage::HouseholdQuery q;
    q.text = QString::fromUtf8(text);
    q.overdueOnly = overdueOnly;
    q.today = QDate(2026, 11, 23);
    q.offices = store().session()->offices;
    q.order = Storage::HouseholdOrder::Tier;
    std::size_t rows = 0;
    for (auto _ : state) {
        auto ids = households.rowIds(q);
        rows = ids ? ids->size() : 0;
        // The list then shows its first page.
        QList<qint64> page;
        for (std::size_t i = 0; i < std::min<std::size_t>(rows, 200); ++i)
            page << (*ids)[i];
        benchmark::DoNotOptimize(households.byRowIds(page));
    }
    state.counters["rows"] = double(rows);
}

} // namespace

BENCHMARK_CAPTURE(search, chosung_3, "ㄱㅁㅅ", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, chosung_1, "ㄱ", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, given_name, "민수", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, full_name, "김민수", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, road, "연희로", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, phone_last4, "4567", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, name_and_road, "김 연희", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, overdue_filter_only, "", true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, everything_sorted_by_tier, "", false)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Security::initialiseCrypto();
    benchmark::Initialize(&argc, argv);
    store();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
