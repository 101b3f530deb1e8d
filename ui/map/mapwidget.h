// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/viewport.h"
#include "maphouseholds.h"
#include "maprenderer.h"
#include "storage/changenotifier.h"

#include <QImage>
#include <QPolygonF>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

class QVariantAnimation;

namespace VisitMap::Ui {

class LegendToggle;
class MapFilterBanner;
class TileLayer;
class WorkspaceController;

// The welfare visit map. Turns mouse, wheel, touchpad and keys into viewport changes and asks
// the renderer's layers to paint; the projection lives in Geo::Viewport, the data in the layers.
// The frame is rendered once into a cache and reused (shifted or scaled) while the map is
// dragged or zoomed, then re-rendered when the movement pauses. The household index is built on
// a worker thread and swapped in when ready.
//
// Selecting: click a household (Shift or Ctrl adds or removes it), drag with Shift for a
// rectangle, with Ctrl (or Alt) for a lasso, or pick the rectangle/lasso tool. Clicking a cluster
// zooms into it. Several households at one address open a chooser.
class MapWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Tool { Pan, Rectangle, Lasso };

    explicit MapWidget(WorkspaceController *controller, QWidget *parent = nullptr);
    ~MapWidget() override;

    const Geo::Viewport &viewport() const { return m_viewport; }
    void setViewport(const Geo::Viewport &viewport);
    void fitToData();
    void fitToSelection();
    // Pans (at the same zoom) so the household stands in view, when it is not already well inside.
    void bringIntoView(qint64 rowId);

    // The shared selection (household rowids). setSelection does not emit selectionChanged.
    QList<qint64> selection() const;
    void setSelection(const QList<qint64> &rowIds);
    void selectRowId(qint64 rowId) { setSelection(rowId ? QList<qint64>{rowId} : QList<qint64>{}); }

    void setTool(Tool tool);
    Tool tool() const { return m_tool; }
    MapRenderer::Layers layers() const { return m_renderer.layers; }
    void setLayers(const MapRenderer::Layers &layers);
    TileLayer *tileLayer() const { return m_tiles; }
    // Reads the tile server from the settings (map/tileUrl, map/tileAttribution).
    void applyTileSettings();

    // Blocks until the household index being built is in place (screenshots, tests).
    void waitForIndex();
    // Shows only these households (the list's filtered set, ascending rowids; clusters and
    // counts are made from them), or every household with nullopt. While filtered the map says
    // so ("필터 적용 중 · N가구") with a button that asks for the filter to be cleared.
    void setHouseholdFilter(std::optional<std::vector<qint64>> sortedRowIds);
    bool isFiltered() const;
    MapFilterBanner *filterBanner() const { return m_filterBanner; }
    // The legend's 접기/펼치기 button (G on the map does the same).
    LegendToggle *legendToggle() const { return m_legendToggle; }
    const HouseholdLayer &households() const { return m_renderer.households; }
    const BoundaryLayer &boundaries() const { return m_renderer.boundaries; }
    // A frame of the current view with legend, scale, attribution and (for exports) a title,
    // at a size and resolution of the caller's choosing.
    void render(QPainter &painter, const QRectF &target, const QString &title);
    QImage renderImage(QSize size, double dpr, const QString &title);
    // A picture of just these routes, fitted to them (route sheets), with scale and attribution.
    QImage renderExcerpt(QSize size, double dpr, const RouteOverlay &overlay);

    // A day plan's routes (an empty overlay takes them off); fitToRoutes shows them whole.
    void setRoutes(const RouteOverlay &overlay);
    void fitToRoutes();
    const RouteLayer &routes() const { return m_renderer.routes; }
    // Reports and round entries waiting in the intake queue, drawn with their own mark.
    void setIntakeMarks(const QList<IntakeMark> &marks);
    const IntakeLayer &intake() const { return m_renderer.intake; }
    const FacilityLayer &facilities() const { return m_renderer.facilities; }

    // Clicks a screen point as a person would (tests and keyboard use go through it too).
    void clickAt(QPointF screen, Qt::KeyboardModifiers modifiers = {});
    void selectInPolygon(const QPolygonF &screen, Qt::KeyboardModifiers modifiers = {});

    QSize sizeHint() const override { return {900, 700}; }

Q_SIGNALS:
    // A household was chosen on the map (click, or picked from the chooser): open it.
    void householdActivated(qint64 rowId);
    // A waiting report or round entry was clicked: show it in the intake queue.
    void intakeActivated(const QString &id);
    // The person changed the selection on the map.
    void selectionChanged(const QList<qint64> &rowIds);
    void viewportChanged();
    void statusMessage(const QString &text);
    // The 필터 해제 button on the map was pressed: the list's filter should be cleared.
    void filterClearRequested();
    // The selection tool changed (a menu, or V / R / L typed on the map).
    void toolChanged(MapWidget::Tool tool);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void reload();
    // A committed change: changed households are read again and updated where they stand on
    // the map; what cannot be updated in place (a new, removed or moved household) reloads.
    void storeChanged(const Storage::ChangeSet &changes);
    void indexReady();
    void updateFilterBanner();
    void changeViewport(const Geo::Viewport &viewport, bool settle);
    void animateZoom(double delta, QPointF anchor);
    void invalidate();
    void ensureFrame();
    void showTooltip(QPointF pos);
    void chooseAmong(const QList<qint64> &rowIds, QPoint globalPos);
    void applySelection(const QList<qint64> &rowIds, Qt::KeyboardModifiers modifiers);

    WorkspaceController *m_controller;
    Geo::Viewport m_viewport;
    MapRenderer m_renderer;
    TileLayer *m_tiles;
    MapHouseholds m_households;

public:
    // The households' data behind the map (counters of full and in-place index updates).
    const MapHouseholds &householdData() const { return m_households; }
    // The district's totals the legend shows.
    const Storage::TierCounts &totals() const { return m_renderer.totals; }

private:
    MapFilterBanner *m_filterBanner;
    LegendToggle *m_legendToggle;

    // The rendered frame and the viewport it was rendered for.
    QImage m_frame;
    Geo::Viewport m_frameViewport;
    bool m_frameValid = false;
    bool m_tilesShown = false;
    QTimer m_settle;
    QVariantAnimation *m_zoomAnimation = nullptr;
    Geo::Viewport m_zoomStart;
    QPointF m_zoomAnchor;
    double m_zoomTarget = 0;

    Tool m_tool = Tool::Pan;
    enum class Drag { None, Pan, Rectangle, Lasso } m_drag = Drag::None;
    Qt::KeyboardModifiers m_dragModifiers;
    QPointF m_dragLast;
    QPointF m_pressPos;
    QPolygonF m_lasso;
    bool m_fitted = false;
    bool m_userMoved = false;
    QString m_hoverKey;
};

} // namespace VisitMap::Ui
