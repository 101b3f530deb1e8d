// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

class QPainter;

namespace VisitMap::Geo {
class Viewport;
}

namespace VisitMap::Ui {

// A day plan on the map: each team's way from the office through its numbered stops and back,
// in the team's colour, with the planned time beside each stop when zoomed in.
struct RouteOverlay
{
    struct Stop
    {
        double lon = 0, lat = 0;
        QString eta;
        bool late = false;
    };
    struct Team
    {
        int team = 0;
        QList<Stop> stops;
    };
    double officeLon = 0, officeLat = 0;
    QList<Team> teams;
    bool isEmpty() const;
};

class RouteLayer
{
public:
    // Where the time labels go beside their stops (screen points): to the right of a stop, or
    // else to its left, above or below, whichever covers no label placed before it and no stop;
    // a label with no such room is left out (an empty rectangle) and its stop's tooltip says the
    // time. Late stops are placed first, then stops in the order given.
    struct LabelSpot
    {
        QPointF stop;
        QSizeF size;
        bool late = false;
    };
    static QList<QRectF> placeLabels(const QList<LabelSpot> &spots, double markerSize);
    // The stop under a screen point: its team and 1-based number (0, 0: none).
    struct StopHit
    {
        int team = 0;
        int number = 0;
        QString eta;
    };
    StopHit hit(const Geo::Viewport &viewport, QPointF screen) const;

    void setOverlay(const RouteOverlay &overlay);
    const RouteOverlay &overlay() const { return m_overlay; }
    void paint(QPainter &painter, const Geo::Viewport &viewport) const;
    QRectF worldBounds() const; // of the office and every stop
    // Team colours: none of them a risk colour (red, orange, blue) or the intake violet.
    static QColor teamColour(int team);
    static void drawStop(QPainter &painter, QPointF centre, int number, const QColor &colour, bool late, double size);

private:
    RouteOverlay m_overlay;
};

} // namespace VisitMap::Ui
