// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapwidget.h"

#include "geo/webmercator.h"
#include "mapdecorations.h"
#include "theme.h"
#include "workspacecontroller.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

namespace VisitMap::Ui {

MapWidget::MapWidget(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleName(tr("복지방문지도"));
    setAccessibleDescription(tr("가구를 위험도별 색과 모양으로 표시한 지도. 화살표로 이동, +/-로 확대·축소"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(controller, &WorkspaceController::householdsChanged, this, &MapWidget::reload);
    connect(controller, &WorkspaceController::sessionChanged, this, &MapWidget::reload);
    reload();
}

void MapWidget::reload()
{
    m_boundaries.setOffices(m_controller->offices());
    m_households.setPoints(m_controller->householdPoints());
    m_counts = m_controller->counts();
    if (!m_fitted && !m_boundaries.worldBounds().isNull())
        fitToData();
    update();
}

void MapWidget::fitToData()
{
    const QRectF b = m_boundaries.worldBounds();
    if (b.isNull())
        return;
    const QPointF tl = Geo::WebMercator::unproject(b.topLeft());
    const QPointF br = Geo::WebMercator::unproject(b.bottomRight());
    m_viewport = Geo::Viewport::fitting(QGeoRectangle(QGeoCoordinate(tl.y(), tl.x()),
                                                      QGeoCoordinate(br.y(), br.x())),
                                        size(), 30, devicePixelRatioF());
    m_fitted = true;
    update();
    Q_EMIT viewportChanged();
}

void MapWidget::setViewport(const Geo::Viewport &viewport)
{
    m_viewport = viewport.withSize(size(), devicePixelRatioF());
    m_fitted = true;
    update();
    Q_EMIT viewportChanged();
}

void MapWidget::selectRowId(qint64 rowId)
{
    m_selected = rowId;
    update();
}

void MapWidget::resizeEvent(QResizeEvent *)
{
    const bool wasFitted = m_fitted;
    m_viewport = m_viewport.withSize(size(), devicePixelRatioF());
    if (!wasFitted || m_viewport.size().isEmpty())
        fitToData();
}

void MapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0xE9, 0xEE, 0xF2));
    m_boundaries.paint(p, m_viewport, true);
    m_households.paint(p, m_viewport);
    m_boundaries.paintLabels(p, m_viewport);
    if (m_selected)
        m_households.paintSelection(p, m_viewport, {m_selected});
    const QRectF area = rect();
    MapDecorations::paintLegend(p, area, m_counts);
    MapDecorations::paintScaleBar(p, m_viewport, area);
    MapDecorations::paintAttribution(p, area, tr("행정동 경계: vuski/admdongkor (통계청 SGIS)"));
    if (hasFocus()) {
        p.setPen(QPen(QColor(0x25, 0x6E, 0xF4), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -1, -1));
    }
}

void MapWidget::mousePressEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragStart = e->position();
        m_pressPos = e->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void MapWidget::mouseMoveEvent(QMouseEvent *e)
{
    if (!m_dragging)
        return;
    m_viewport = m_viewport.panned(e->position() - m_dragStart);
    m_dragStart = e->position();
    update();
}

void MapWidget::mouseReleaseEvent(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    unsetCursor();
    if ((e->position() - m_pressPos).manhattanLength() < 4) {
        if (const qint64 id = m_households.hit(m_viewport, e->position())) {
            m_selected = id;
            Q_EMIT householdClicked(id);
            update();
        }
    } else {
        Q_EMIT viewportChanged();
    }
}

void MapWidget::wheelEvent(QWheelEvent *e)
{
    const double steps = e->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    m_viewport = m_viewport.zoomedAround(steps * 0.5, e->position());
    update();
    Q_EMIT viewportChanged();
}

void MapWidget::keyPressEvent(QKeyEvent *e)
{
    const double step = 80;
    switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_viewport = m_viewport.zoomedAround(0.5, QPointF(width() / 2.0, height() / 2.0));
        break;
    case Qt::Key_Minus:
        m_viewport = m_viewport.zoomedAround(-0.5, QPointF(width() / 2.0, height() / 2.0));
        break;
    case Qt::Key_Left:
        m_viewport = m_viewport.panned(QPointF(step, 0));
        break;
    case Qt::Key_Right:
        m_viewport = m_viewport.panned(QPointF(-step, 0));
        break;
    case Qt::Key_Up:
        m_viewport = m_viewport.panned(QPointF(0, step));
        break;
    case Qt::Key_Down:
        m_viewport = m_viewport.panned(QPointF(0, -step));
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        fitToData();
        return;
    default:
        QWidget::keyPressEvent(e);
        return;
    }
    update();
    Q_EMIT viewportChanged();
}

} // namespace VisitMap::Ui
