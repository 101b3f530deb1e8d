// SPDX-License-Identifier: GPL-3.0-or-later
// `visitmap-cli bench`: the measurements behind bench/README.md. Not a test: the figures depend on
// the machine, so they are printed, never asserted.
#include "cliutil.h"
#include "commands.h"
#include "demo/demogenerator.h"
#include "demo/settlement.h"
#include "geo/boundarycatalog.h"
#include "geo/clusterindex.h"
#include "util/random.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <charconv>

namespace VisitMap::Cli {

namespace {

// Peak resident memory of this process so far (VmHWM), in MB.
double peakRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

bool parseDouble(QByteArrayView text, double *value)
{
    text = text.trimmed();
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return ec == std::errc() && end == text.data() + text.size();
}

// Reads a lon,lat CSV line by line (a million points must not cost a table of strings). Columns
// are found by name, so extra columns are fine; every point gets a deterministic tier mix.
Result<std::vector<Geo::MapPoint>> readPoints(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return failAt(ErrorCode::Io, path, 0, QStringLiteral("cannot open the file: %1").arg(f.errorString()));
    QByteArray header = f.readLine();
    if (header.startsWith("\xEF\xBB\xBF"))
        header = header.mid(3);
    const QList<QByteArray> names = header.trimmed().split(',');
    const auto cLon = names.indexOf("lon"), cLat = names.indexOf("lat");
    if (cLon < 0 || cLat < 0)
        return failAt(ErrorCode::Parse, path, 1, QStringLiteral("the header must name the columns lon and lat"));
    std::vector<Geo::MapPoint> points;
    Random random(7);
    int line = 1;
    while (!f.atEnd()) {
        const QByteArray text = f.readLine();
        ++line;
        if (text.trimmed().isEmpty())
            continue;
        const QList<QByteArray> fields = text.split(',');
        Geo::MapPoint p;
        if (fields.size() <= std::max(cLon, cLat) || !parseDouble(fields.at(cLon), &p.lon)
            || !parseDouble(fields.at(cLat), &p.lat) || p.lon < -180 || p.lon > 180 || p.lat < -85.06
            || p.lat > 85.06)
            return failAt(ErrorCode::Parse, path, line, QStringLiteral("not a lon,lat pair in degrees"));
        p.key = qint64(points.size()) + 1;
        const double t = random.uniform();
        p.tier = t < 0.1 ? RiskTier::High : t < 0.35 ? RiskTier::Medium : RiskTier::Low;
        p.overdue = random.uniform() < 0.15;
        p.fresh = random.uniform() < 0.05;
        points.push_back(p);
    }
    points.shrink_to_fit();
    return points;
}

int benchCluster(const QStringList &args)
{
    Command cmd(QStringLiteral("bench cluster"),
                QStringLiteral("Index lon,lat points into the map's cluster index and print the "
                               "time (index_ms, the median of --repeat runs) and memory."));
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("input"), QStringLiteral("CSV with the header lon,lat."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("radius"), QStringLiteral("Cluster radius in pixels of a 512 tile (60)."),
                 QStringLiteral("PX"), QStringLiteral("60")});
    p.addOption({QStringLiteral("max-zoom"), QStringLiteral("Last clustered zoom (18)."), QStringLiteral("Z"),
                 QStringLiteral("18")});
    p.addOption({QStringLiteral("repeat"), QStringLiteral("Runs (1); the median is index_ms."), QStringLiteral("N"),
                 QStringLiteral("1")});
    p.addOption({QStringLiteral("node-size"), QStringLiteral("Points per k-d tree leaf."), QStringLiteral("N"),
                 QStringLiteral("64")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    if (!p.isSet(QStringLiteral("input")))
        return usage(QStringLiteral("--input is required"), p);
    bool ok1 = false, ok2 = false, ok3 = false;
    Geo::ClusterIndex::Options options;
    options.radius = p.value(QStringLiteral("radius")).toDouble(&ok1);
    options.maxZoom = p.value(QStringLiteral("max-zoom")).toInt(&ok2);
    const int repeat = p.value(QStringLiteral("repeat")).toInt(&ok3);
    options.nodeSize = std::max(2, p.value(QStringLiteral("node-size")).toInt());
    if (!ok1 || options.radius <= 0 || !ok2 || options.maxZoom < 0 || options.maxZoom > 24 || !ok3
        || repeat < 1)
        return usage(QStringLiteral("--radius must be positive, --max-zoom 0-24, --repeat at least 1"), p);

    QElapsedTimer timer;
    timer.start();
    auto points = readPoints(p.value(QStringLiteral("input")));
    if (!points)
        return report(points.error());
    const qint64 readMs = timer.elapsed();
    const double rssBefore = peakRssMb();
    std::vector<double> times;
    std::size_t bytes = 0, top = 0, clusters = 0;
    for (int r = 0; r < repeat; ++r) {
        timer.restart();
        const Geo::ClusterIndex index = Geo::ClusterIndex::build(*points, options);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        bytes = index.bytes();
        top = index.itemCount(0);
        clusters = index.itemCount(options.maxZoom);
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    out() << "points " << points->size() << "\n";
    out() << "read_ms " << readMs << "\n";
    for (double t : times)
        out() << "run_ms " << QString::number(t, 'f', 1) << "\n";
    out() << "items_zoom0 " << top << "\nitems_zoom" << options.maxZoom << " " << clusters << "\n";
    out() << "index_mb " << QString::number(double(bytes) / 1048576.0, 'f', 1) << "\n";
    out() << "points_mb " << QString::number(double(points->size() * sizeof(Geo::MapPoint)) / 1048576.0, 'f', 1)
          << "\n";
    out() << "rss_before_index_mb " << QString::number(rssBefore, 'f', 1) << "\n";
    out() << "peak_rss_mb " << QString::number(peakRssMb(), 'f', 1) << "\n";
    out() << "index_ms " << QString::number(sorted[sorted.size() / 2], 'f', 1) << Qt::endl;
    return Ok;
}

int benchPoints(const QStringList &args)
{
    Command cmd(QStringLiteral("bench points"),
                QStringLiteral("Write N synthetic household positions (lon,lat) inside the real 행정동 "
                               "of an area, clustered where people live, as the demo places them."));
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("count"), QStringLiteral("How many points."), QStringLiteral("N"),
                 QStringLiteral("1000000")});
    p.addOption({QStringLiteral("area"), QStringLiteral("seoul (default), seodaemun or anyang."),
                 QStringLiteral("AREA"), QStringLiteral("seoul")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output CSV."), QStringLiteral("FILE")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    bool ok1 = false, ok2 = false;
    const int count = p.value(QStringLiteral("count")).toInt(&ok1);
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong(&ok2);
    const auto area = Demo::areaFromCode(p.value(QStringLiteral("area")));
    if (!ok1 || count < 1 || count > 10'000'000 || !ok2 || !area || !p.isSet(QStringLiteral("out")))
        return usage(QStringLiteral("--count 1-10000000, --seed N, --area seoul|seodaemun|anyang and --out FILE"), p);
    QList<Office> offices;
    for (const Office &o : Geo::BoundaryCatalog::bundled().all()) {
        const bool in = *area == Demo::Area::Seoul       ? o.code.startsWith(QLatin1String("11"))
                        : *area == Demo::Area::Seodaemun ? o.sggCode == QLatin1String("11410")
                                                         : o.sggCode.startsWith(QLatin1String("4117"));
        if (in)
            offices.append(o);
    }
    const QList<int> perDong = Demo::householdsPerDong(offices, count, seed);
    QSaveFile f(p.value(QStringLiteral("out")));
    if (!f.open(QIODevice::WriteOnly))
        return report(Error{ErrorCode::Io, f.errorString(), f.fileName(), 0});
    f.write("lon,lat\n");
    QByteArray buffer;
    for (int i = 0; i < offices.size(); ++i) {
        Random random(Random::derive(seed, 0xBE7C'0000ull + quint64(i)));
        const Demo::Settlement settlement(offices[i], random);
        buffer.clear();
        for (int k = 0; k < perDong[i]; ++k) {
            int tong = 0;
            const QPointF pt = settlement.sample(random, &tong);
            buffer += QByteArray::number(pt.x(), 'f', 6) + ',' + QByteArray::number(pt.y(), 'f', 6) + '\n';
        }
        f.write(buffer);
    }
    if (!f.commit())
        return report(Error{ErrorCode::Io, f.errorString(), f.fileName(), 0});
    out() << "wrote " << count << " points in " << offices.size() << " 행정동 to " << f.fileName() << Qt::endl;
    return Ok;
}

} // namespace

int runBench(const QStringList &args)
{
    const QString what = args.value(0);
    if (what == QLatin1String("cluster"))
        return benchCluster(args.mid(1));
    if (what == QLatin1String("points"))
        return benchPoints(args.mid(1));
    // --help is an answer (standard output); anything else is a usage error (standard error).
    QTextStream &to = what == QLatin1String("--help") ? out() : err();
    to << "Usage: visitmap-cli bench cluster --input POINTS.csv [--radius PX] [--max-zoom Z] [--repeat N]\n"
             "       visitmap-cli bench points --out POINTS.csv [--count N] [--area seoul|seodaemun|anyang]\n"
             "Map rendering is measured by bench_render (built in bench/), which paints."
          << Qt::endl;
    return what == QLatin1String("--help") ? Ok : UsageError;
}

} // namespace VisitMap::Cli
