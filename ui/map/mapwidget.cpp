// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapwidget.h"

#include "legendtoggle.h"
#include "mapdecorations.h"
#include "mapfilterbanner.h"

#include "geo/webmercator.h"
#include "theme.h"
#include "tilelayer.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <optional>
#include <QPainterPath>
#include <QSettings>
#include <QStandardPaths>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

namespace VisitMap::Ui {

MapWidget::MapWidget(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_tiles(new TileLayer(this))
    , m_filterBanner(new MapFilterBanner(this))
    , m_legendToggle(new LegendToggle(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleName(tr("복지방문지도"));
    setAccessibleDescription(
        tr("가구를 위험도별 색과 모양으로 표시한 지도. 화살표로 이동, +/-로 확대·축소, "
           "0으로 전체 보기, F로 선택한 가구 보기, G로 범례 접기·펼치기"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_renderer.tiles = m_tiles;
    m_tiles->setCacheDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/tiles"));
    applyTileSettings();
    connect(m_tiles, &TileLayer::tilesChanged, this, [this] {
        m_frameValid = false;
        update();
    });
    connect(m_tiles, &TileLayer::availabilityChanged, this, [this] { Q_EMIT statusMessage(m_tiles->statusText()); });

    m_settle.setSingleShot(true);
    m_settle.setInterval(90);
    connect(&m_settle, &QTimer::timeout, this, &MapWidget::invalidate);
    connect(&m_households, &MapHouseholds::ready, this, &MapWidget::indexReady);
    connect(m_filterBanner, &MapFilterBanner::clearRequested, this,
            &MapWidget::filterClearRequested);
    m_renderer.legend = !m_legendToggle->isCollapsed();
    connect(m_legendToggle, &LegendToggle::collapsedChanged, this, [this](bool collapsed) {
        m_renderer.legend = !collapsed;
        m_legendToggle->place(rect());
        // The room the legend took is the map's again (or given back to the legend): a district
        // shown whole is fitted anew.
        if (!m_userMoved)
            fitToData();
        update();
    });
    connect(controller, &WorkspaceController::householdsChanged, this, &MapWidget::reload);
    connect(controller, &WorkspaceController::storeChanged, this, &MapWidget::storeChanged);
    connect(controller, &WorkspaceController::sessionChanged, this, &MapWidget::reload);
    reload();
}

MapWidget::~MapWidget() = default;

void MapWidget::applyTileSettings()
{
    QSettings s;
    TileLayer::Source src;
    src.urlTemplate = s.value(QStringLiteral("map/tileUrl")).toString().trimmed();
    src.attribution = s.value(QStringLiteral("map/tileAttribution")).toString().trimmed();
    src.maxZoom = s.value(QStringLiteral("map/tileMaxZoom"), 19).toInt();
    m_tiles->setSource(src);
}

void MapWidget::reload()
{
    m_renderer.boundaries.setOffices(m_controller->offices());
    m_renderer.boundaries.prerenderLabels(devicePixelRatioF());
    m_renderer.boundaries.setHighRisk(m_controller->highRiskByOffice());
    m_renderer.facilities.setFacilities(m_controller->placedFacilities());
    m_renderer.totals = m_controller->counts();
    if (!m_fitted && !m_renderer.boundaries.worldBounds().isNull())
        fitToData();
    // The points are read, indexed and their badges drawn on a worker; indexReady() swaps the
    // result in.
    m_households.reload(m_controller->householdPointsReader(), devicePixelRatioF());
    invalidate();
}

void MapWidget::storeChanged(const Storage::ChangeSet &changes)
{
    if (changes.entities.contains(QStringLiteral("facility")))
        m_renderer.facilities.setFacilities(m_controller->placedFacilities());
    if (changes.entities.contains(QStringLiteral("office"))) {
        reload(); // 행정동 boundaries and names
        return;
    }
    if (changes.householdsChanged.isEmpty() && changes.householdsAdded.isEmpty()
        && changes.householdsRemoved.isEmpty()) {
        invalidate();
        return;
    }
    bool statusOrRisk = false;
    QStringList ids;
    ids.reserve(changes.householdsChanged.size());
    for (auto it = changes.householdsChanged.cbegin(); it != changes.householdsChanged.cend();
         ++it) {
        ids << it.key();
        statusOrRisk
            = statusOrRisk
              || (it.value() & (Storage::HouseholdAspect::Risk | Storage::HouseholdAspect::Status));
    }
    const auto points
        = changes.changesOnlyInPlace() ? m_controller->householdPointsOf(ids) : std::nullopt;
    Storage::TierCounts delta;
    if (!points || !m_households.update(*points, &delta)) {
        reload();
        return;
    }
    // Households outside the account's offices are not on the map and not in its totals.
    if (statusOrRisk) // the 행정동 shading follows high-risk active households
        m_renderer.boundaries.setHighRisk(m_controller->highRiskByOffice());
    m_renderer.totals.high += delta.high;
    m_renderer.totals.medium += delta.medium;
    m_renderer.totals.low += delta.low;
    m_renderer.totals.overdue += delta.overdue;
    m_renderer.totals.fresh += delta.fresh;
    invalidate();
}

void MapWidget::indexReady()
{
    const bool failedBefore = m_renderer.households.loadError().has_value();
    m_renderer.households.setPrepared(m_households.current());
    if (m_renderer.households.loadError() && !failedBefore)
        Q_EMIT statusMessage(m_renderer.households.loadErrorText());
    updateFilterBanner();
    invalidate();
}

void MapWidget::waitForIndex()
{
    m_households.waitForIdle();
    if (m_renderer.households.index() != m_households.current().index)
        indexReady();
}

void MapWidget::setHouseholdFilter(std::optional<std::vector<qint64>> sortedRowIds)
{
    m_households.setFilter(
        sortedRowIds ? std::make_shared<const std::vector<qint64>>(std::move(*sortedRowIds))
                     : MapHouseholds::RowIds(),
        devicePixelRatioF());
    updateFilterBanner();
}

bool MapWidget::isFiltered() const
{
    return m_households.isFiltered();
}

void MapWidget::updateFilterBanner()
{
    const MapHouseholds::RowIds &filter = m_households.filter();
    m_renderer.filtered = filter ? std::optional<int>(int(filter->size())) : std::nullopt;
    m_filterBanner->showCount(m_renderer.filtered);
    m_filterBanner->move(12, 12);
}

void MapWidget::fitToData()
{
    const QRectF b = m_renderer.boundaries.worldBounds();
    if (b.isNull())
        return;
    const QPointF tl = Geo::WebMercator::unproject(b.topLeft());
    const QPointF br = Geo::WebMercator::unproject(b.bottomRight());
    m_fitted = true;
    // The district fits beside the legend (top right), not under it: fitted into the room left of
    // it, the view's centre then moved right by half the legend's room. A collapsed legend takes
    // no room.
    const QSizeF full = size();
    const double legend = m_renderer.legend ? MapDecorations::legendWidth + 24 : 0;
    const QSizeF room(std::max(full.width() / 2, full.width() - legend), full.height());
    const Geo::Viewport narrow = Geo::Viewport::fitting(
        QGeoRectangle(QGeoCoordinate(tl.y(), tl.x()), QGeoCoordinate(br.y(), br.x())), room, 30,
        devicePixelRatioF());
    const QPointF centre
        = narrow.centreWorld() + QPointF((full.width() - room.width()) / 2 / narrow.scale(), 0);
    changeViewport(Geo::Viewport(centre, narrow.zoom(), full, devicePixelRatioF()), true);
}

namespace {

// The view that shows a box of world (Web Mercator) coordinates whole, with a margin, no closer
// than maxZoom (a single place would otherwise fill the screen).
Geo::Viewport fittingWorld(const QRectF &box, QSizeF size, double margin, double dpr, double maxZoom)
{
    const QPointF tl = Geo::WebMercator::unproject(box.topLeft()), br = Geo::WebMercator::unproject(box.bottomRight());
    Geo::Viewport vp = Geo::Viewport::fitting(QGeoRectangle(QGeoCoordinate(tl.y(), tl.x()), QGeoCoordinate(br.y(), br.x())), size,
                                              margin, dpr);
    return vp.zoom() > maxZoom ? vp.withZoom(maxZoom) : vp;
}

} // namespace

void MapWidget::fitToSelection()
{
    QRectF box;
    for (const qint64 id : std::as_const(m_renderer.selection)) {
        if (const auto w = m_renderer.households.worldOf(id))
            box = box.isNull() ? QRectF(*w, QSizeF(1e-9, 1e-9)) : box.united(QRectF(*w, QSizeF(1e-9, 1e-9)));
    }
    if (box.isNull())
        return;
    changeViewport(fittingWorld(box, size(), 80, devicePixelRatioF(), 18), true);
}

void MapWidget::bringIntoView(qint64 rowId)
{
    const auto world = m_renderer.households.worldOf(rowId);
    if (!world)
        return;
    const QPointF at = m_viewport.worldToScreen(*world);
    const double margin = 60;
    if (QRectF(rect()).adjusted(margin, margin, -margin, -margin).contains(at))
        return;
    m_userMoved = true; // the person's choice now decides the view, not a refit
    changeViewport(m_viewport.withCentreWorld(*world), true);
}

void MapWidget::setViewport(const Geo::Viewport &viewport)
{
    m_fitted = true;
    m_userMoved = true;
    changeViewport(viewport.withSize(size(), devicePixelRatioF()), true);
}

void MapWidget::changeViewport(const Geo::Viewport &viewport, bool settle)
{
    m_viewport = viewport;
    if (settle)
        invalidate();
    else
        m_settle.start(); // re-render once the movement pauses
    update();
    Q_EMIT viewportChanged();
}

void MapWidget::invalidate()
{
    m_frameValid = false;
    update();
}

QList<qint64> MapWidget::selection() const
{
    QList<qint64> out(m_renderer.selection.begin(), m_renderer.selection.end());
    std::sort(out.begin(), out.end());
    return out;
}

void MapWidget::setSelection(const QList<qint64> &rowIds)
{
    const QSet<qint64> next(rowIds.begin(), rowIds.end());
    if (next == m_renderer.selection)
        return;
    m_renderer.selection = next;
    invalidate();
}

void MapWidget::setTool(Tool tool)
{
    const bool changed = tool != m_tool;
    m_tool = tool;
    setCursor(tool == Tool::Pan ? Qt::ArrowCursor : Qt::CrossCursor);
    if (changed)
        Q_EMIT toolChanged(tool);
}

void MapWidget::setLayers(const MapRenderer::Layers &layers)
{
    m_renderer.layers = layers;
    invalidate();
}

void MapWidget::ensureFrame()
{
    const double dpr = devicePixelRatioF();
    const QSize px = (QSizeF(size()) * dpr).toSize();
    if (m_frameValid && m_frame.size() == px && m_frameViewport == m_viewport)
        return;
    if (m_frame.size() != px)
        m_frame = QImage(px, QImage::Format_ARGB32_Premultiplied);
    m_frame.setDevicePixelRatio(dpr);
    QPainter p(&m_frame);
    m_tilesShown = m_renderer.paintMap(p, m_viewport);
    m_frameViewport = m_viewport;
    m_frameValid = true;
}

void MapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const bool moving = m_drag == Drag::Pan || m_settle.isActive()
                        || (m_zoomAnimation && m_zoomAnimation->state() == QAbstractAnimation::Running);
    if (moving && m_frameValid && !(m_frameViewport == m_viewport)
        && m_frameViewport.size() == m_viewport.size()) {
        // Reuse the last frame, moved and scaled to where its content now is.
        p.fillRect(rect(), QColor(0xE4, 0xE9, 0xED));
        const QPointF a = m_viewport.worldToScreen(m_frameViewport.screenToWorld(QPointF(0, 0)));
        const QPointF b = m_viewport.worldToScreen(
            m_frameViewport.screenToWorld(QPointF(m_frameViewport.size().width(), m_frameViewport.size().height())));
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.drawImage(QRectF(a, b), m_frame);
    } else {
        ensureFrame();
        p.drawImage(QPointF(0, 0), m_frame);
    }
    m_renderer.paintDecorations(p, m_viewport, rect(), m_tilesShown);

    if (m_drag == Drag::Rectangle || m_drag == Drag::Lasso) {
        p.setRenderHint(QPainter::Antialiasing, true);
        QColor fill = Theme::primary();
        fill.setAlpha(40);
        p.setBrush(fill);
        p.setPen(QPen(Theme::primary(), 1.5, Qt::DashLine));
        if (m_drag == Drag::Rectangle)
            p.drawRect(QRectF(m_pressPos, m_dragLast).normalized());
        else
            p.drawPolygon(m_lasso);
    }
    if (!m_renderer.households.index() && m_controller->isOpen()) {
        p.setPen(Theme::mutedText());
        p.setFont(Theme::uiFont(10));
        p.drawText(rect().adjusted(0, 0, 0, -40), Qt::AlignHCenter | Qt::AlignBottom, tr("가구를 지도에 올리는 중…"));
    }
    if (hasFocus()) {
        p.setPen(QPen(QColor(0x25, 0x6E, 0xF4), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -1, -1));
    }
}

void MapWidget::render(QPainter &painter, const QRectF &target, const QString &title)
{
    waitForIndex();
    // The same view, fitted to the target's size.
    // The same place and extent as on screen, at the target's size.
    const double fit = std::min(target.width() / std::max(1.0, m_viewport.size().width()),
                                target.height() / std::max(1.0, m_viewport.size().height()));
    const Geo::Viewport vp = m_viewport.withSize(target.size(), 1.0)
                                 .withZoom(std::clamp(m_viewport.zoom() + std::log2(fit), Geo::Viewport::minZoom,
                                                      Geo::Viewport::maxZoom));
    painter.save();
    painter.translate(target.topLeft());
    painter.setClipRect(QRectF(QPointF(0, 0), target.size()));
    const bool tiles = m_renderer.paintMap(painter, vp);
    // A print or export always carries its legend, collapsed on screen or not.
    const bool legend = std::exchange(m_renderer.legend, true);
    m_renderer.paintDecorations(painter, vp, QRectF(QPointF(0, 0), target.size()), tiles, title);
    m_renderer.legend = legend;
    painter.restore();
}

QImage MapWidget::renderImage(QSize size, double dpr, const QString &title)
{
    QImage img((QSizeF(size) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    QPainter p(&img);
    render(p, QRectF(QPointF(0, 0), QSizeF(size)), title);
    return img;
}

QImage MapWidget::renderExcerpt(QSize size, double dpr, const RouteOverlay &overlay)
{
    waitForIndex();
    const RouteOverlay kept = m_renderer.routes.overlay();
    m_renderer.routes.setOverlay(overlay);
    QImage img((QSizeF(size) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    img.fill(Qt::white);
    const QRectF box = m_renderer.routes.worldBounds();
    if (!box.isNull()) {
        const Geo::Viewport vp = fittingWorld(box, QSizeF(size), 36, 1.0, 17.5);
        QPainter p(&img);
        const bool tiles = m_renderer.paintMap(p, vp);
        const QRectF area(QPointF(0, 0), QSizeF(size));
        MapDecorations::paintScaleBar(p, vp, area);
        MapDecorations::paintAttribution(p, area, m_renderer.attribution(tiles));
    }
    m_renderer.routes.setOverlay(kept);
    return img;
}

void MapWidget::resizeEvent(QResizeEvent *)
{
    m_viewport = m_viewport.withSize(size(), devicePixelRatioF());
    m_legendToggle->place(rect());
    // Until the person moves the map, it keeps showing the whole district as the window settles.
    if (!m_userMoved)
        fitToData();
    invalidate();
}

void MapWidget::mousePressEvent(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return;
    m_pressPos = e->position();
    m_dragLast = e->position();
    m_dragModifiers = e->modifiers();
    if (m_tool == Tool::Rectangle || (e->modifiers() & Qt::ShiftModifier)) {
        m_drag = Drag::Rectangle;
    } else if (m_tool == Tool::Lasso || (e->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        m_drag = Drag::Lasso;
        m_lasso = QPolygonF({e->position()});
    } else {
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
    }
    QToolTip::hideText();
}

void MapWidget::mouseMoveEvent(QMouseEvent *e)
{
    switch (m_drag) {
    case Drag::None:
        showTooltip(e->position());
        return;
    case Drag::Pan:
        m_userMoved = true;
        changeViewport(m_viewport.panned(e->position() - m_dragLast), false);
        break;
    case Drag::Rectangle:
        update();
        break;
    case Drag::Lasso:
        if ((e->position() - m_lasso.last()).manhattanLength() >= 3)
            m_lasso << e->position();
        update();
        break;
    }
    m_dragLast = e->position();
}

void MapWidget::mouseReleaseEvent(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton || m_drag == Drag::None)
        return;
    const Drag drag = m_drag;
    m_drag = Drag::None;
    setCursor(m_tool == Tool::Pan ? Qt::ArrowCursor : Qt::CrossCursor);
    const bool click = (e->position() - m_pressPos).manhattanLength() < 4;
    if (click) {
        clickAt(e->position(), m_dragModifiers);
    } else if (drag == Drag::Rectangle) {
        selectInPolygon(QPolygonF(QRectF(m_pressPos, e->position()).normalized()), m_dragModifiers);
    } else if (drag == Drag::Lasso) {
        m_lasso << e->position();
        selectInPolygon(m_lasso, m_dragModifiers);
    } else {
        invalidate();
    }
    m_lasso.clear();
    update();
}

void MapWidget::applySelection(const QList<qint64> &rowIds, Qt::KeyboardModifiers modifiers)
{
    QSet<qint64> next;
    if (modifiers & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier)) {
        next = m_renderer.selection;
        // Adding what is new; a single household already selected is taken out again.
        if (rowIds.size() == 1 && next.contains(rowIds.first()))
            next.remove(rowIds.first());
        else
            for (const qint64 id : rowIds)
                next.insert(id);
    } else {
        next = QSet<qint64>(rowIds.begin(), rowIds.end());
    }
    if (next == m_renderer.selection)
        return;
    m_renderer.selection = next;
    invalidate();
    Q_EMIT selectionChanged(selection());
}

void MapWidget::selectInPolygon(const QPolygonF &screen, Qt::KeyboardModifiers modifiers)
{
    applySelection(m_renderer.households.householdsIn(m_viewport, screen),
                   modifiers == Qt::NoModifier && m_tool != Tool::Pan ? Qt::NoModifier : modifiers);
    Q_EMIT statusMessage(tr("지도에서 %L1가구를 선택했습니다").arg(m_renderer.selection.size()));
}

void MapWidget::setRoutes(const RouteOverlay &overlay)
{
    m_renderer.routes.setOverlay(overlay);
    invalidate();
}

void MapWidget::fitToRoutes()
{
    const QRectF box = m_renderer.routes.worldBounds();
    if (box.isNull())
        return;
    m_userMoved = true;
    changeViewport(fittingWorld(box, size(), 60, devicePixelRatioF(), 17.5), true);
}

void MapWidget::setIntakeMarks(const QList<IntakeMark> &marks)
{
    m_renderer.intake.setMarks(marks);
    invalidate();
}

void MapWidget::clickAt(QPointF screen, Qt::KeyboardModifiers modifiers)
{
    // A waiting report or round entry is drawn on top, so it is what a click on it means.
    if (const auto mark = m_renderer.intake.hit(m_viewport, screen); mark && !modifiers) {
        Q_EMIT intakeActivated(mark->id);
        return;
    }
    const auto hit = m_renderer.households.hit(m_viewport, screen);
    if (hit && hit->isCluster()) {
        // Into the cluster: the zoom at which it breaks apart, centred on it.
        const auto index = m_renderer.households.index();
        const int to = index->expansionZoom(hit->level, hit->item);
        Geo::Viewport vp = m_viewport.withCentreWorld(hit->data.world).withZoom(std::max<double>(to, m_viewport.zoom() + 1));
        m_userMoved = true;
        changeViewport(vp, true);
        return;
    }
    if (hit) {
        const QList<qint64> here = m_renderer.households.householdsAt(m_viewport, screen, 4);
        if (here.size() > 1 && modifiers == Qt::NoModifier) {
            chooseAmong(here, mapToGlobal(screen.toPoint()));
            return;
        }
        const qint64 id = m_renderer.households.index()->key(hit->data.point);
        applySelection({id}, modifiers);
        if (modifiers == Qt::NoModifier)
            Q_EMIT householdActivated(id);
        return;
    }
    if (modifiers == Qt::NoModifier && !m_renderer.selection.isEmpty())
        applySelection({}, Qt::NoModifier);
}

void MapWidget::chooseAmong(const QList<qint64> &rowIds, QPoint globalPos)
{
    QMenu menu(this);
    menu.setAccessibleName(tr("같은 자리의 가구"));
    menu.addSection(tr("이 자리의 가구 %1곳").arg(rowIds.size()));
    for (const qint64 id : rowIds.mid(0, 30)) {
        QAction *a = menu.addAction(m_controller->householdSummary(id));
        a->setData(id);
    }
    if (rowIds.size() > 30)
        menu.addAction(tr("… 외 %1가구 (확대하거나 목록에서 찾으세요)").arg(rowIds.size() - 30))->setEnabled(false);
    menu.addSeparator();
    QAction *all = menu.addAction(tr("모두 선택"));
    QAction *chosen = menu.exec(globalPos);
    if (!chosen)
        return;
    if (chosen == all) {
        applySelection(rowIds, Qt::NoModifier);
        return;
    }
    const qint64 id = chosen->data().toLongLong();
    applySelection({id}, Qt::NoModifier);
    Q_EMIT householdActivated(id);
}

void MapWidget::showTooltip(QPointF pos)
{
    QString key, text;
    // A day plan's stop says its team, order and time (its label may have had no room).
    if (const auto stop = m_renderer.routes.hit(m_viewport, pos); stop.team > 0) {
        key = QStringLiteral("r%1/%2").arg(stop.team).arg(stop.number);
        text = tr("<b>%1팀 %2번째 방문</b><br>도착 %3").arg(stop.team).arg(stop.number).arg(stop.eta.toHtmlEscaped());
    } else if (const auto mark = m_renderer.intake.hit(m_viewport, pos)) {
        key = QStringLiteral("i") + mark->id;
        text = mark->tooltip.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")) + tr("<br><i>누르면 접수 목록에서 엽니다</i>");
    } else if (const auto hit = m_renderer.households.hit(m_viewport, pos)) {
        const auto &d = hit->data;
        if (hit->isCluster()) {
            key = QStringLiteral("c%1/%2").arg(hit->level).arg(hit->item);
            text = tr("<b>%L1가구</b><br>고위험 %L2 · 중위험 %L3 · 저위험 %L4").arg(d.count).arg(d.high).arg(d.medium).arg(d.low());
            if (d.overdue)
                text += tr("<br>방문 주기 지남 %L1").arg(d.overdue);
            if (d.fresh)
                text += tr("<br>신규 발굴 %L1").arg(d.fresh);
            text += tr("<br><i>누르면 확대합니다</i>");
        } else {
            const QList<qint64> here = m_renderer.households.householdsAt(m_viewport, pos, 4);
            key = QStringLiteral("h%1").arg(here.value(0));
            for (const qint64 id : here.mid(0, 5))
                text += (text.isEmpty() ? QString() : QStringLiteral("<br>")) + m_controller->householdSummary(id).toHtmlEscaped();
            if (here.size() > 5)
                text += tr("<br>… 외 %1가구").arg(here.size() - 5);
        }
    } else if (m_renderer.layers.facilities) {
        if (const auto f = m_renderer.facilities.hit(m_viewport, pos)) {
            key = QStringLiteral("f") + f->id;
            text = QStringLiteral("<b>%1</b><br>%2<br>%3").arg(f->name.toHtmlEscaped(), f->category.toHtmlEscaped(),
                                                                f->address.toHtmlEscaped());
        }
    }
    if (key == m_hoverKey)
        return;
    m_hoverKey = key;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(mapToGlobal(pos.toPoint()) + QPoint(12, 12), text, this);
}

void MapWidget::leaveEvent(QEvent *)
{
    m_hoverKey.clear();
}

void MapWidget::animateZoom(double delta, QPointF anchor)
{
    m_userMoved = true;
    const bool running = m_zoomAnimation && m_zoomAnimation->state() == QAbstractAnimation::Running;
    // Wheel steps that arrive during an animation add up to one smooth move.
    const double target = std::clamp((running ? m_zoomTarget : m_viewport.zoom()) + delta, Geo::Viewport::minZoom,
                                     Geo::Viewport::maxZoom);
    if (!m_zoomAnimation) {
        m_zoomAnimation = new QVariantAnimation(this);
        m_zoomAnimation->setDuration(160);
        m_zoomAnimation->setEasingCurve(QEasingCurve::OutCubic);
        connect(m_zoomAnimation, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
            changeViewport(m_zoomStart.zoomedAround(v.toDouble() - m_zoomStart.zoom(), m_zoomAnchor), false);
        });
        connect(m_zoomAnimation, &QVariantAnimation::finished, this, [this] {
            m_settle.stop();
            invalidate();
        });
    }
    m_zoomAnimation->stop();
    m_zoomStart = m_viewport;
    m_zoomAnchor = anchor;
    m_zoomTarget = target;
    m_zoomAnimation->setStartValue(m_viewport.zoom());
    m_zoomAnimation->setEndValue(target);
    m_zoomAnimation->start();
}

void MapWidget::wheelEvent(QWheelEvent *e)
{
    m_userMoved = true;
    const QPoint pixels = e->pixelDelta();
    if (!pixels.isNull() && !(e->modifiers() & Qt::ControlModifier)) {
        // A touchpad's two-finger scroll moves the map.
        changeViewport(m_viewport.panned(QPointF(pixels)), false);
        return;
    }
    const double steps = !pixels.isNull() ? pixels.y() / 50.0 : e->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    animateZoom(steps * 0.5, e->position());
}

bool MapWidget::event(QEvent *e)
{
    if (e->type() == QEvent::NativeGesture) {
        auto *g = static_cast<QNativeGestureEvent *>(e);
        if (g->gestureType() == Qt::ZoomNativeGesture) {
            changeViewport(m_viewport.zoomedAround(std::log2(1 + g->value()), g->position()), false);
            return true;
        }
    }
    return QWidget::event(e);
}

void MapWidget::keyPressEvent(QKeyEvent *e)
{
    if (e->key() == Qt::Key_G && !(e->modifiers() & ~Qt::KeypadModifier)) {
        // Not a move: a district shown whole stays fitted to the room the legend leaves.
        m_legendToggle->setCollapsed(!m_legendToggle->isCollapsed());
        return;
    }
    // The tools' letters are keys of the map itself, not window shortcuts: a window shortcut R
    // or L would also take those letters from an open menu (파일's R, 관리's L).
    if (!(e->modifiers() & ~Qt::KeypadModifier)) {
        const std::optional<Tool> tool = e->key() == Qt::Key_V   ? std::optional(Tool::Pan)
                                         : e->key() == Qt::Key_R ? std::optional(Tool::Rectangle)
                                         : e->key() == Qt::Key_L ? std::optional(Tool::Lasso)
                                                                 : std::nullopt;
        if (tool) {
            setTool(*tool);
            return;
        }
    }
    m_userMoved = true;
    const double step = 120;
    const QPointF centre(width() / 2.0, height() / 2.0);
    switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        animateZoom(1, centre);
        return;
    case Qt::Key_Minus:
        animateZoom(-1, centre);
        return;
    case Qt::Key_Left:
        changeViewport(m_viewport.panned(QPointF(step, 0)), false);
        return;
    case Qt::Key_Right:
        changeViewport(m_viewport.panned(QPointF(-step, 0)), false);
        return;
    case Qt::Key_Up:
        changeViewport(m_viewport.panned(QPointF(0, step)), false);
        return;
    case Qt::Key_Down:
        changeViewport(m_viewport.panned(QPointF(0, -step)), false);
        return;
    case Qt::Key_0:
    case Qt::Key_Home:
        fitToData();
        return;
    case Qt::Key_F:
        fitToSelection();
        return;
    case Qt::Key_Escape:
        if (m_drag != Drag::None) {
            m_drag = Drag::None;
            m_lasso.clear();
            update();
        } else {
            applySelection({}, Qt::NoModifier);
        }
        return;
    default:
        QWidget::keyPressEvent(e);
    }
}

} // namespace VisitMap::Ui
