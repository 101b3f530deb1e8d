// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/householdcommands.h"
#include "geo/boundarycatalog.h"
#include "geo/webmercator.h"
#include "mainwindow.h"
#include "map/mapexport.h"
#include "map/maprenderer.h"
#include "map/mapwidget.h"
#include "map/tilelayer.h"
#include "models/householdtablemodel.h"
#include "support/testsupport.h"
#include "theme.h"
#include "uitestsupport.h"
#include "workflow/casework.h"
#include "workspace.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QItemSelectionModel>
#include <QPainter>
#include <QTableView>
#include "support/httpserver.h"
#include <QTcpServer>
#include <QTcpSocket>
#include <QSignalSpy>
#include <QTest>

using namespace VisitMap;

namespace {

struct Window
{
    Test::TempDir dir;
    std::unique_ptr<Ui::WorkspaceController> controller = Test::demoController(dir);
    Ui::MainWindow window{controller.get()};
    Ui::MapWidget *map = window.map();
    Window()
    {
        window.resize(1400, 900);
        window.show();
        QApplication::processEvents();
        map->waitForIndex();
    }
    QList<qint64> listSelection() const
    {
        QList<qint64> out;
        for (const QModelIndex &i : window.householdTable()->selectionModel()->selectedRows())
            out << window.householdModel()->rowIdAt(i.row());
        std::sort(out.begin(), out.end());
        return out;
    }
};

// A tile server on loopback: every tile a solid colour, cacheable for an hour.
class TileServer : public Test::HttpServer
{
public:
    QColor colour = QColor(0x33, 0xAA, 0x55);
    TileServer()
        : Test::HttpServer([this](const QByteArray &) {
            QImage img(256, 256, QImage::Format_RGB32);
            img.fill(colour);
            QByteArray png;
            QBuffer buf(&png);
            buf.open(QIODevice::WriteOnly);
            img.save(&buf, "PNG");
            return Response{200, "image/png", png, "Cache-Control: max-age=3600\r\n"};
        })
    {
    }
};

Geo::Viewport seoulView(double zoom)
{
    return Geo::Viewport::centredOn(QGeoCoordinate(37.5665, 126.9780), zoom, QSizeF(512, 512));
}

bool paintUntilSettled(Ui::TileLayer &layer, QImage &img, const Geo::Viewport &vp)
{
    bool drew = false;
    for (int i = 0; i < 50; ++i) {
        QPainter p(&img);
        drew = layer.paint(p, vp);
        p.end();
        if (layer.pendingRequests() == 0 && (drew || !layer.isAvailable()))
            break;
        QTest::qWait(50);
    }
    return drew;
}

} // namespace

TEST_CASE("Selecting on the map selects the same households in the list and the other way round", "[ui][map]")
{
    Window w;
    // A rectangle over the middle of the district, as a lead drags with Shift.
    const QRectF box(w.map->width() * 0.35, w.map->height() * 0.35, w.map->width() * 0.3, w.map->height() * 0.3);
    w.map->selectInPolygon(QPolygonF(box), Qt::NoModifier);
    const QList<qint64> onMap = w.map->selection();
    REQUIRE(onMap.size() > 20);
    REQUIRE(onMap.size() < Test::demoHouseholds);
    CHECK(w.listSelection() == onMap);
    // Every selected household is inside the rectangle, and none inside was left out.
    const auto points = w.controller->householdPoints();
    QList<qint64> inside;
    for (const auto &p : points) {
        if (box.contains(w.map->viewport().lonLatToScreen(p.lon, p.lat)))
            inside << p.rowId;
    }
    std::sort(inside.begin(), inside.end());
    CHECK(inside == onMap);

    // A lasso (a triangle) with Ctrl adds to it.
    const QPolygonF lasso({QPointF(10, 10), QPointF(w.map->width() * 0.3, 10), QPointF(10, w.map->height() * 0.3)});
    w.map->selectInPolygon(lasso, Qt::ControlModifier);
    CHECK(w.map->selection().size() >= onMap.size());
    CHECK(w.listSelection() == w.map->selection());

    // Selecting rows in the list shows them selected on the map.
    QTableView *table = w.window.householdTable();
    table->clearSelection();
    table->selectionModel()->select(w.window.householdModel()->index(0, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->selectionModel()->select(w.window.householdModel()->index(3, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QList<qint64> expected{w.window.householdModel()->rowIdAt(0), w.window.householdModel()->rowIdAt(3)};
    std::sort(expected.begin(), expected.end());
    CHECK(w.map->selection() == expected);
    // And those are the households a lead's "assign" acts on.
    CHECK(w.window.selectedHouseholdIds().size() == 2);
}

TEST_CASE("Clicking a cluster zooms into it, clicking a household opens it", "[ui][map]")
{
    Window w;
    w.map->setViewport(w.map->viewport().withZoom(13));
    const auto idx = w.map->households().index();
    REQUIRE(idx);
    const Geo::Viewport vp = w.map->viewport();
    const int level = idx->levelFor(vp.zoom());
    std::vector<std::uint32_t> items;
    idx->itemsIn(level, vp.worldRect(), items);
    std::uint32_t cluster = Geo::ClusterIndex::npos;
    for (auto i : items) {
        if (idx->item(level, i).count > 5) {
            cluster = i;
            break;
        }
    }
    REQUIRE(cluster != Geo::ClusterIndex::npos);
    const QPointF at = vp.worldToScreen(idx->item(level, cluster).world);
    QTest::mouseClick(w.map, Qt::LeftButton, {}, at.toPoint());
    QApplication::processEvents();
    CHECK(w.map->viewport().zoom() > 13);

    // At street level a household standing alone opens in the list and panel on a click.
    for (const auto &p : w.controller->householdPoints()) {
        w.map->setViewport(Geo::Viewport::centredOn(QGeoCoordinate(p.lat, p.lon), 18, w.map->size()));
        const QPointF s = w.map->viewport().lonLatToScreen(p.lon, p.lat);
        if (w.map->households().householdsAt(w.map->viewport(), s, 12).size() != 1)
            continue;
        QSignalSpy activated(w.map, &Ui::MapWidget::householdActivated);
        QTest::mouseClick(w.map, Qt::LeftButton, {}, s.toPoint());
        REQUIRE(activated.count() == 1);
        CHECK(activated.first().first().toLongLong() == p.rowId);
        CHECK(w.map->selection() == QList<qint64>{p.rowId});
        const QModelIndex current = w.window.householdTable()->currentIndex();
        REQUIRE(current.isValid());
        CHECK(w.window.householdModel()->rowIdAt(current.row()) == p.rowId);
        break;
    }
}

TEST_CASE("A risk change redraws the household in its new tier, the index updated where it stands",
          "[ui][map]")
{
    Window w;
    const auto before = w.map->households().index();
    REQUIRE(before);
    // The badges of every cluster were drawn with the index, not on first sight.
    CHECK(w.map->households().badgeRingCount() > 10);
    // A low-risk household standing alone at street level, with the map centred on it.
    qint64 row = -1;
    QPointF at;
    for (const auto &p : w.controller->householdPoints()) {
        if (p.tier != RiskTier::Low)
            continue;
        w.map->setViewport(Geo::Viewport::centredOn(QGeoCoordinate(p.lat, p.lon), 18, w.map->size()));
        at = w.map->viewport().lonLatToScreen(p.lon, p.lat);
        if (w.map->households().householdsAt(w.map->viewport(), at, 40).size() == 1) {
            row = p.rowId;
            break;
        }
    }
    REQUIRE(row > 0);
    const QString id = w.controller->householdIds({row}).value(0);
    REQUIRE(!id.isEmpty());
    const auto tierOnMap = [&] {
        const auto idx = w.map->households().index();
        const std::uint32_t p = idx->findKey(row);
        REQUIRE(p != Geo::ClusterIndex::npos);
        return idx->tier(p);
    };
    // The pixels of the tier's colour within 12 px of the household's place on screen.
    const auto pixelsOf = [&](RiskTier tier) {
        QApplication::processEvents();
        const QImage img = w.map->grab().toImage();
        const QColor c = Ui::Theme::tierColor(tier);
        int n = 0;
        for (int y = int(at.y()) - 12; y <= int(at.y()) + 12; ++y)
            for (int x = int(at.x()) - 12; x <= int(at.x()) + 12; ++x) {
                if (!img.rect().contains(x, y))
                    continue;
                const QColor p = img.pixelColor(x, y);
                n += std::abs(p.red() - c.red()) + std::abs(p.green() - c.green()) + std::abs(p.blue() - c.blue()) < 30;
            }
        return n;
    };
    CHECK(tierOnMap() == RiskTier::Low);
    CHECK(pixelsOf(RiskTier::Low) > 10);
    CHECK(pixelsOf(RiskTier::High) == 0);

    auto *command = new Ui::RiskOverrideCommand(w.controller.get(), id, RiskTier::High,
                                                QStringLiteral("이웃 신고: 단전 예고"), std::nullopt, QString());
    const int builds = w.map->householdData().fullBuilds();
    REQUIRE(command->execute().isEmpty());
    w.map->waitForIndex();
    CHECK(w.map->households().index() == before); // changed in place, not built again
    CHECK(w.map->householdData().fullBuilds() == builds);
    CHECK(tierOnMap() == RiskTier::High);
    // On screen: the mark is now the high tier's colour, and none of the low tier's is left.
    CHECK(pixelsOf(RiskTier::High) > 10);
    CHECK(pixelsOf(RiskTier::Low) == 0);
    command->undo();
    w.map->waitForIndex();
    // The undo opened the household, so the map gave the panel room: find it on screen again.
    QApplication::processEvents();
    at = w.map->viewport().worldToScreen(*w.map->households().worldOf(row));
    CHECK(tierOnMap() == RiskTier::Low);
    CHECK(pixelsOf(RiskTier::Low) > 10);
    CHECK(pixelsOf(RiskTier::High) == 0);
    delete command;
}

TEST_CASE("The map shows each tier's colour and the choropleth colours the dongs", "[ui][map]")
{
    Window w;
    const QImage plain = w.map->renderImage(QSize(900, 700), 1.0, {});
    // Counted beside the legends (their white boxes stand right of the district).
    auto count = [](const QImage &img, QColor c) {
        int n = 0;
        for (int y = 0; y < img.height(); y += 2)
            for (int x = 0; x < img.width() - 240; x += 2) {
                const QColor p = img.pixelColor(x, y);
                n += std::abs(p.red() - c.red()) + std::abs(p.green() - c.green()) + std::abs(p.blue() - c.blue()) < 30;
            }
        return n;
    };
    for (RiskTier t : {RiskTier::High, RiskTier::Medium, RiskTier::Low})
        CHECK(count(plain, Ui::Theme::tierColor(t)) > 20);
    Ui::MapRenderer::Layers layers = w.map->layers();
    layers.choropleth = true;
    w.map->setLayers(layers);
    const QImage shaded = w.map->renderImage(QSize(900, 700), 1.0, {});
    CHECK(count(shaded, QColor(0xFA, 0xFA, 0xF7)) < count(plain, QColor(0xFA, 0xFA, 0xF7)) / 2);
    CHECK_FALSE(w.map->boundaries().breaks().isEmpty());
}

TEST_CASE("Tiles come from the server once, then from the disk cache, and a dead server falls back to the vector base", "[ui][map]")
{
    TileServer server;
    REQUIRE(server.listen(QHostAddress::LocalHost));
    Test::TempDir dir;
    const QString url = QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(server.serverPort());
    QImage img(512, 512, QImage::Format_ARGB32_Premultiplied);
    const Geo::Viewport vp = seoulView(13);
    {
        Ui::TileLayer layer;
        layer.setCacheDirectory(dir.path(QStringLiteral("tiles")));
        layer.setSource({url, QStringLiteral("© test tiles"), 19});
        img.fill(Qt::black);
        REQUIRE(paintUntilSettled(layer, img, vp));
        CHECK(img.pixelColor(256, 256) == server.colour);
        CHECK(server.requests >= 4); // a 512-px view at zoom 13 spans several tiles
        CHECK(server.requests <= 9); // and no more than the view needs
        CHECK(layer.cacheHits() == 0);
    }
    const int first = server.requests;
    {
        Ui::TileLayer again; // as after a restart: same cache, nothing in memory
        again.setCacheDirectory(dir.path(QStringLiteral("tiles")));
        again.setSource({url, QStringLiteral("© test tiles"), 19});
        img.fill(Qt::black);
        REQUIRE(paintUntilSettled(again, img, vp));
        CHECK(again.cacheHits() >= 4);
        CHECK(server.requests == first);
        CHECK(img.pixelColor(256, 256) == server.colour);
    }
    server.close();
    {
        Ui::TileLayer down;
        down.setSource({url, {}, 19}); // no cache: the server must answer, and cannot
        QSignalSpy availability(&down, &Ui::TileLayer::availabilityChanged);
        img.fill(Qt::black);
        CHECK_FALSE(paintUntilSettled(down, img, vp));
        CHECK_FALSE(down.isAvailable());
        CHECK(availability.count() == 1);
        CHECK_FALSE(down.statusText().isEmpty());
        // The renderer draws the vector base instead: the dong fill, not black, not tiles.
        Ui::MapRenderer r;
        r.tiles = &down;
        r.boundaries.setOffices(Geo::BoundaryCatalog::bundled().all());
        QPainter p(&img);
        r.paintMap(p, vp);
        p.end();
        CHECK(img.pixelColor(256, 256) == QColor(0xFA, 0xFA, 0xF7));
    }
}

TEST_CASE("Saving the map as PNG or PDF asks a reason and logs it", "[ui][map][privacy]")
{
    Window w;
    const auto logged = [&] {
        return Test::count(*w.controller->workspace(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject_kind = 'map'"));
    };
    const QString png = w.dir.path(QStringLiteral("map.png")), pdf = w.dir.path(QStringLiteral("map.pdf"));
    auto refused = Ui::MapExport::save(*w.map, *w.controller, png, QStringLiteral("  "));
    CHECK_FALSE(refused);
    CHECK_FALSE(QFile::exists(png));
    CHECK(logged() == 0);
    REQUIRE_OK(Ui::MapExport::save(*w.map, *w.controller, png, QStringLiteral("팀 회의 자료")));
    REQUIRE_OK(Ui::MapExport::save(*w.map, *w.controller, pdf, QStringLiteral("팀 회의 자료")));
    CHECK(logged() == 2);
    QImage img(png);
    CHECK(img.width() >= 1600);
    CHECK(Test::readAll(pdf).startsWith("%PDF"));
    CHECK_FALSE(QFile::exists(png + QStringLiteral(".part")));
}

TEST_CASE("A logged visit updates its household's mark and list row in place, without a rebuild",
          "[ui][map]")
{
    Window w;
    Ui::HouseholdTableModel *model = w.window.householdModel();
    // An overdue household (active, its next visit past due).
    qint64 row = -1;
    for (const auto &p : w.controller->householdPoints()) {
        if (p.overdue) {
            row = p.rowId;
            break;
        }
    }
    REQUIRE(row > 0);
    const QString id = w.controller->householdIds({row}).value(0);
    REQUIRE(!id.isEmpty());
    const auto index = w.map->households().index();
    const std::uint32_t point = index->findKey(row);
    REQUIRE(point != Geo::ClusterIndex::npos);
    REQUIRE(index->overdue(point));
    const int listRow = model->rowOf(id);
    REQUIRE(listRow >= 0);
    CHECK(model->data(model->index(listRow, 0), Ui::HouseholdTableModel::OverdueRole).toBool());
    const int overdueBefore = w.map->totals().overdue;
    const int builds = w.map->householdData().fullBuilds();
    const int updates = w.map->householdData().inPlaceUpdates();
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);

    Visit v;
    v.householdId = id;
    v.kind = VisitKind::Visit;
    v.outcome = VisitOutcome::Met;
    v.at = QDateTime::currentDateTimeUtc().addSecs(-600);
    REQUIRE_OK(CaseWork(*w.controller->workspace()).logVisit(v)); // nobody tells the views
    QApplication::processEvents();
    w.map->waitForIndex();

    // The map: the same index, the household's mark no longer overdue, the totals one fewer.
    CHECK(w.map->households().index() == index);
    CHECK_FALSE(index->overdue(point));
    CHECK(w.map->householdData().fullBuilds() == builds);
    CHECK(w.map->householdData().inPlaceUpdates() == updates + 1);
    CHECK(w.map->totals().overdue == overdueBefore - 1);
    CHECK(w.map->totals().overdue == w.controller->counts().overdue);
    // The list: that row read again (where the list order puts it now), nothing reset.
    CHECK(resets.isEmpty());
    const int nowRow = model->rowOf(id);
    REQUIRE(nowRow >= 0);
    REQUIRE(changed.size() == 1);
    CHECK(changed.first().at(0).value<QModelIndex>().row() == nowRow);
    CHECK_FALSE(
        model->data(model->index(nowRow, 0), Ui::HouseholdTableModel::OverdueRole).toBool());
}
