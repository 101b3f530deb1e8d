// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapplacement.h"

#include "mapwidget.h"

#include <QApplication>
#include <algorithm>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>

namespace VisitMap::Ui {

namespace {

constexpr int kClickSlop = 4; // pixels a click may move and still be a click (as the map's own)

} // namespace

MapPlacement::MapPlacement(MapWidget *map, QObject *parent)
    : QObject(parent)
    , m_map(map)
{
    m_hint = new QFrame(map);
    m_hint->setObjectName(QStringLiteral("placementHint"));
    m_hint->setAccessibleName(tr("위치 지정 안내"));
    m_hint->setStyleSheet(QStringLiteral("#placementHint { background:#1F3A5F; border-radius:6px; }"
                                         "#placementHint QLabel { color:white; }"));
    auto *h = new QHBoxLayout(m_hint);
    h->setContentsMargins(12, 6, 6, 6);
    m_hintLabel = new QLabel(m_hint);
    m_hintLabel->setTextFormat(Qt::PlainText);
    m_hintLabel->setWordWrap(true);
    auto *cancelButton = new QPushButton(tr("취소 (Esc)"), m_hint);
    cancelButton->setObjectName(QStringLiteral("placementCancel"));
    cancelButton->setFocusPolicy(Qt::NoFocus);
    connect(cancelButton, &QPushButton::clicked, this, &MapPlacement::cancel);
    h->addWidget(m_hintLabel, 1);
    h->addWidget(cancelButton);
    m_hint->hide();
    map->installEventFilter(this);
}

MapPlacement::~MapPlacement()
{
    if (m_map) {
        m_map->removeEventFilter(this);
        if (m_active)
            m_map->unsetCursor();
    }
    delete m_hint;
}

QString MapPlacement::hintText() const
{
    return m_active ? m_hintLabel->text() : QString();
}

void MapPlacement::start(const QString &hint)
{
    if (!m_map)
        return;
    m_active = true;
    m_pressed = m_dragging = false;
    m_hintLabel->setText(hint + tr(" · 지도를 끌면 옮겨지고, Esc로 취소합니다."));
    layoutHint();
    m_hint->show();
    m_hint->raise();
    m_map->setCursor(Qt::CrossCursor);
    m_map->setFocus(Qt::OtherFocusReason);
}

void MapPlacement::cancel()
{
    if (!m_active)
        return;
    finish();
    Q_EMIT cancelled();
}

void MapPlacement::finish()
{
    m_active = m_pressed = m_dragging = false;
    if (m_hint)
        m_hint->hide();
    if (m_map)
        m_map->unsetCursor();
}

void MapPlacement::layoutHint()
{
    if (!m_map)
        return;
    const int width = std::min(m_map->width() - 24, 640);
    m_hint->setFixedWidth(std::max(width, 200));
    m_hint->adjustSize();
    m_hint->move((m_map->width() - m_hint->width()) / 2, 12);
}

bool MapPlacement::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_map || !m_active || m_forwarding)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Resize:
        layoutHint();
        break;
    case QEvent::KeyPress:
        if (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            cancel();
            return true;
        }
        break;
    case QEvent::MouseButtonPress: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (e->button() != Qt::LeftButton)
            return true;
        // Held back: a click places, a drag pans (the press is replayed to the map then).
        m_pressed = true;
        m_dragging = false;
        m_pressPos = e->position();
        m_pressModifiers = e->modifiers();
        return true;
    }
    case QEvent::MouseMove: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (m_pressed && !m_dragging
            && (e->position() - m_pressPos).manhattanLength() >= kClickSlop) {
            m_dragging = true;
            // Plain pan, whatever the modifiers: a placement never starts a selection.
            QMouseEvent press(QEvent::MouseButtonPress, m_pressPos, m_map->mapToGlobal(m_pressPos),
                              Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
            m_forwarding = true;
            QApplication::sendEvent(m_map, &press);
            m_forwarding = false;
        }
        return m_pressed && !m_dragging;
    }
    case QEvent::MouseButtonRelease: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (e->button() != Qt::LeftButton || !m_pressed)
            return true;
        m_pressed = false;
        if (m_dragging) {
            m_dragging = false;
            return false; // the map ends its pan
        }
        const QGeoCoordinate at = m_map->viewport().screenToGeo(e->position());
        finish();
        if (at.isValid())
            Q_EMIT placed(at.longitude(), at.latitude());
        return true;
    }
    case QEvent::MouseButtonDblClick:
        return true;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace VisitMap::Ui
