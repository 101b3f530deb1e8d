// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointF>
#include <QFrame>
#include <QPointer>

class QLabel;

namespace VisitMap::Ui {

class MapWidget;

// A one-shot placement mode on the map: while it is on, the next click on the map sets a
// position (it selects nothing), a drag still pans, the wheel still zooms, and Esc (or the
// hint's 취소 button) ends it. A hint across the top of the map says what the click does. Works
// as an event filter, so the map widget itself knows nothing of it.
class MapPlacement : public QObject
{
    Q_OBJECT
public:
    explicit MapPlacement(MapWidget *map, QObject *parent = nullptr);
    ~MapPlacement() override;

    // Starts (or restarts) the mode with this hint ("「연희복지관」의 위치를 지도에서 누르세요").
    void start(const QString &hint);
    void cancel();
    bool isActive() const { return m_active; }
    QString hintText() const;

Q_SIGNALS:
    // Where the click was (WGS84). The mode has ended.
    void placed(double lon, double lat);
    void cancelled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finish();
    void layoutHint();

    QPointer<MapWidget> m_map;
    QPointer<QFrame> m_hint; // a child of the map, which may go first
    QLabel *m_hintLabel = nullptr;
    bool m_active = false;
    bool m_pressed = false;    // a press held back until it turns out to be a click or a drag
    bool m_forwarding = false; // replaying the held press to the map (a drag)
    bool m_dragging = false;
    QPointF m_pressPos;
    Qt::KeyboardModifiers m_pressModifiers;
};

} // namespace VisitMap::Ui
