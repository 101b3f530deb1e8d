// SPDX-License-Identifier: GPL-3.0-or-later
// bench_render: paints full map frames (every layer but tiles) offscreen with the
// app's own renderer over a zoom sweep from the whole district to street level, and the same
// frames with a naive baseline (one QGraphicsItem per household in a QGraphicsScene).
#include "cliutil.h"
#include "geo/viewport.h"
#include "geo/webmercator.h"
#include "map/maprenderer.h"
#include "security/crypto.h"
#include "storage/facilitystore.h"
#include "storage/householdstore.h"
#include "storage/officestore.h"
#include "storage/stores.h"
#include "theme.h"
#include "util/clock.h"
#include "workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsEllipseItem>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <algorithm>

namespace VisitMap::Cli {

namespace {

struct Sweep
{
    std::vector<double> ms;
    double median() const
    {
        std::vector<double> s = ms;
        std::sort(s.begin(), s.end());
        return s.empty() ? 0 : s[s.size() / 2];
    }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

} // namespace

int runBenchRender(const QStringList &args)
{
    Command cmd(QStringLiteral("bench_render"),
                QStringLiteral("Paint the map offscreen over a zoom sweep (whole district to street level) and "
                               "print frame times; the same frames with one QGraphicsItem per household as a "
                               "baseline."));
    cmd.addDb();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("size"), QStringLiteral("Frame size (1600x1000)."), QStringLiteral("WxH"),
                 QStringLiteral("1600x1000")});
    p.addOption({QStringLiteral("frames"), QStringLiteral("Frames in the sweep (120)."), QStringLiteral("N"),
                 QStringLiteral("120")});
    p.addOption({QStringLiteral("no-baseline"), QStringLiteral("Skip the QGraphicsItem baseline.")});
    p.addOption({QStringLiteral("breakdown"), QStringLiteral("Also time each layer on its own.")});
    p.addOption({QStringLiteral("per-frame"), QStringLiteral("With --breakdown, print each frame's zoom and layer times.")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    const QStringList wh = p.value(QStringLiteral("size")).split(u'x');
    const QSize size(wh.value(0).toInt(), wh.value(1).toInt());
    const int frames = p.value(QStringLiteral("frames")).toInt();
    if (!size.isValid() || size.width() < 100 || frames < 2)
        return usage(QStringLiteral("--size WxH and --frames N (at least 2)"), p);

    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    Workspace &w = **ws;
    // Aggregates and positions only: no personal data is read.
    QElapsedTimer rt;
    rt.start();
    auto offices = w.stores().offices().all();
    auto points = w.stores().households().points(w.clock().today());
    const qint64 readMs = rt.elapsed();
    auto facilities = w.stores().facilities().all();
    if (!offices || !points || !facilities)
        return report(!offices ? offices.error() : !points ? points.error() : facilities.error());

    QElapsedTimer t;
    t.start();
    Ui::MapRenderer r;
    r.boundaries.setOffices(*offices);
    QElapsedTimer lt;
    lt.start();
    // Once at another pixel ratio first, so the figure leaves out loading the font.
    r.boundaries.prerenderLabels(2.0);
    lt.restart();
    r.boundaries.prerenderLabels(1.0);
    const qint64 labelsMs = lt.elapsed();
    r.facilities.setFacilities(*facilities);
    r.households.setPrepared(Ui::HouseholdLayer::prepare(*points, 1.0));
    for (const auto &pt : *points) {
        r.totals.high += pt.tier == RiskTier::High;
        r.totals.medium += pt.tier == RiskTier::Medium;
        r.totals.low += pt.tier == RiskTier::Low;
    }
    const qint64 indexMs = t.elapsed();
    r.layers.tiles = false;

    // The sweep: from the zoom that fits the district to street level (18), centred on the
    // district's densest part (the largest cluster at city zoom), as a person zooming in would.
    const QRectF b = r.boundaries.worldBounds();
    const QPointF tl = Geo::WebMercator::unproject(b.topLeft()), br = Geo::WebMercator::unproject(b.bottomRight());
    const Geo::Viewport whole = Geo::Viewport::fitting(QGeoRectangle(QGeoCoordinate(tl.y(), tl.x()), QGeoCoordinate(br.y(), br.x())), size);
    const auto idx = r.households.index();
    QPointF focus = whole.centreWorld();
    {
        const int level = idx->levelFor(whole.zoom() + 2);
        std::uint32_t best = 0, bestCount = 0;
        for (std::uint32_t i = 0; i < idx->itemCount(level); ++i) {
            if (idx->item(level, i).count > bestCount) {
                bestCount = idx->item(level, i).count;
                best = i;
            }
        }
        if (bestCount)
            focus = idx->item(level, best).world;
    }
    std::vector<Geo::Viewport> views;
    for (int f = 0; f < frames; ++f) {
        const double a = double(f) / (frames - 1);
        const double zoom = whole.zoom() + a * (18.0 - whole.zoom());
        const QPointF c = whole.centreWorld() + (focus - whole.centreWorld()) * std::min(1.0, a * 2);
        views.push_back(Geo::Viewport(c, zoom, size));
    }

    QImage frame(size, QImage::Format_ARGB32_Premultiplied);
    Sweep ours;
    // One frame unmeasured first: sprites and glyphs are made on first use, as on screen.
    {
        QPainter warm(&frame);
        r.paintMap(warm, views.front());
    }
    if (p.isSet(QStringLiteral("breakdown"))) {
        Sweep sb, sh, sl, sd;
        for (const Geo::Viewport &vp : views) {
            QPainter painter(&frame);
            t.restart(); r.boundaries.paint(painter, vp, true, false); sb.ms.push_back(t.nsecsElapsed() / 1e6);
            t.restart(); r.households.paint(painter, vp); sh.ms.push_back(t.nsecsElapsed() / 1e6);
            t.restart(); r.boundaries.paintLabels(painter, vp); sl.ms.push_back(t.nsecsElapsed() / 1e6);
            t.restart(); r.paintDecorations(painter, vp, QRectF(QPointF(0, 0), size), false); sd.ms.push_back(t.nsecsElapsed() / 1e6);
            if (p.isSet(QStringLiteral("per-frame")))
                out() << "frame " << sb.ms.size() - 1 << " zoom " << QString::number(vp.zoom(), 'f', 2) << " boundaries "
                      << QString::number(sb.ms.back(), 'f', 2) << " households " << QString::number(sh.ms.back(), 'f', 2)
                      << " labels " << QString::number(sl.ms.back(), 'f', 2) << " decorations "
                      << QString::number(sd.ms.back(), 'f', 2) << "\n";
        }
        const auto line = [](const char *name, const Sweep &sw) {
            out() << name << "_ms_median " << QString::number(sw.median(), 'f', 2) << " " << name << "_ms_max "
                  << QString::number(sw.max(), 'f', 2) << "\n";
        };
        line("boundaries", sb);
        line("households", sh);
        line("labels", sl);
        line("decorations", sd);
    }
    for (const Geo::Viewport &vp : views) {
        t.restart();
        QPainter painter(&frame);
        r.paintMap(painter, vp);
        r.paintDecorations(painter, vp, QRectF(QPointF(0, 0), size), false);
        painter.end();
        ours.ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    out() << "households " << points->size() << "\nread_ms " << readMs << "\nindex_and_badges_ms " << indexMs << "\nlabels_prepare_ms "
          << labelsMs << "\n";
    out() << "frames " << views.size() << " zoom " << QString::number(views.front().zoom(), 'f', 1) << "-"
          << QString::number(views.back().zoom(), 'f', 1) << "\n";
    out() << "frame_ms_median " << QString::number(ours.median(), 'f', 2) << " frame_ms_max "
          << QString::number(ours.max(), 'f', 2) << Qt::endl;
    if (p.isSet(QStringLiteral("no-baseline")))
        return Ok;

    // The baseline: what a first attempt with Qt's scene graph looks like: one item per
    // household (shape by tier, no clustering), the scene in world pixels at zoom 0 scaled by
    // the view's transform, over the same vector base.
    t.restart();
    QGraphicsScene scene;
    scene.setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    const double unit = 256.0 * std::exp2(18); // scene units: pixels at zoom 18
    for (const auto &pt : *points) {
        const QPointF s = Geo::WebMercator::project(pt.lon, pt.lat) * unit;
        auto *item = new QGraphicsEllipseItem(-4, -4, 8, 8);
        item->setPos(s);
        item->setBrush(Ui::Theme::tierColor(pt.tier));
        item->setPen(QPen(Qt::white, 1));
        item->setFlag(QGraphicsItem::ItemIgnoresTransformations);
        scene.addItem(item);
    }
    const qint64 sceneMs = t.elapsed();
    Sweep naive;
    for (const Geo::Viewport &vp : views) {
        t.restart();
        QPainter painter(&frame);
        painter.fillRect(frame.rect(), QColor(0xE4, 0xE9, 0xED));
        r.boundaries.paint(painter, vp, true, false);
        const QRectF world = vp.worldRect();
        scene.render(&painter, QRectF(QPointF(0, 0), size),
                     QRectF(world.topLeft() * unit, world.size() * unit));
        painter.end();
        naive.ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    out() << "baseline_build_ms " << sceneMs << "\n";
    out() << "baseline_frame_ms_median " << QString::number(naive.median(), 'f', 2) << " baseline_frame_ms_max "
          << QString::number(naive.max(), 'f', 2) << "\n";
    out() << "speedup_median " << QString::number(naive.median() / std::max(ours.median(), 1e-3), 'f', 1) << "x"
          << Qt::endl;
    return Ok;
}

} // namespace VisitMap::Cli

int main(int argc, char *argv[])
{
    // Painting needs a GUI application; offscreen, no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_render"));
    VisitMap::Security::initialiseCrypto();
    const int code = VisitMap::Cli::runBenchRender(app.arguments().mid(1));
    VisitMap::Cli::out().flush();
    VisitMap::Cli::err().flush();
    return code;
}
