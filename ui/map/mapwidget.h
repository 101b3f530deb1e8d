// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boundarylayer.h"
#include "geo/viewport.h"
#include "householdlayer.h"

#include <QWidget>

namespace VisitMap::Ui {

class WorkspaceController;

// The welfare visit map. Turns mouse, wheel and keys into viewport changes and asks each layer to
// paint; the projection lives in Geo::Viewport, the data in the layers.
class MapWidget : public QWidget
{
    Q_OBJECT
public:
    explicit MapWidget(WorkspaceController *controller, QWidget *parent = nullptr);

    const Geo::Viewport &viewport() const { return m_viewport; }
    void setViewport(const Geo::Viewport &viewport);
    void fitToData();
    void selectRowId(qint64 rowId);

    QSize sizeHint() const override { return {900, 700}; }

Q_SIGNALS:
    void householdClicked(qint64 rowId);
    void viewportChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void reload();

    WorkspaceController *m_controller;
    Geo::Viewport m_viewport;
    BoundaryLayer m_boundaries;
    HouseholdLayer m_households;
    Storage::TierCounts m_counts;
    QPointF m_dragStart;
    QPointF m_pressPos;
    bool m_dragging = false;
    bool m_fitted = false;
    qint64 m_selected = 0;
};

} // namespace VisitMap::Ui
