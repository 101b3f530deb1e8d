// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <optional>

class QPainter;

namespace VisitMap::Geo {
class Viewport;
}

namespace VisitMap::Ui {

// What waits in the intake queue and has a place: a citizen crisis report at its location, or a
// 발굴 round entry at a known building of its listed address.
struct IntakeMark
{
    enum class Kind { Report, Signal };
    Kind kind = Kind::Report;
    QString id;       // the report's or the round entry's id
    double lon = 0, lat = 0;
    bool grave = false; // violence, suicide risk, a health emergency
    QString tooltip;    // plain text, already masked
};

// Intake marks as a violet pin with "!" (reports) or "발" (round entries): a shape no household,
// cluster or facility uses, drawn above households so that nothing waiting is hidden.
class IntakeLayer
{
public:
    void setMarks(const QList<IntakeMark> &marks);
    const QList<IntakeMark> &marks() const { return m_marks; }
    void paint(QPainter &painter, const Geo::Viewport &viewport) const;
    std::optional<IntakeMark> hit(const Geo::Viewport &viewport, QPointF screen, double radius = 11) const;
    static void drawMark(QPainter &painter, QPointF tip, IntakeMark::Kind kind, bool grave, double size);

private:
    QList<IntakeMark> m_marks;
    QList<QPointF> m_world;
};

} // namespace VisitMap::Ui
