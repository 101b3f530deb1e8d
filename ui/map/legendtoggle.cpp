// SPDX-License-Identifier: GPL-3.0-or-later
#include "legendtoggle.h"

#include "mapdecorations.h"
#include "theme.h"

#include <QSettings>

namespace VisitMap::Ui {

namespace {
const QString settingsKey = QStringLiteral("map/legendCollapsed");
}

LegendToggle::LegendToggle(QWidget *parent)
    : QToolButton(parent)
    , m_collapsed(QSettings().value(settingsKey, false).toBool())
{
    setObjectName(QStringLiteral("legendToggle"));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setFont(Theme::uiFont(9));
    setAutoRaise(false);
    setStyleSheet(QStringLiteral(
        "#legendToggle { background: #FFFFFF; border: 1px solid #C9CFD6; border-radius: 4px; "
        "padding: 1px 6px; color: #2B3137; }"
        "#legendToggle:hover { background: #EEF3F8; }"
        "#legendToggle:focus { border: 2px solid #256EF4; }"));
    connect(this, &QToolButton::clicked, this, [this] { setCollapsed(!m_collapsed); });
    updateText();
}

void LegendToggle::setCollapsed(bool collapsed)
{
    if (collapsed == m_collapsed)
        return;
    m_collapsed = collapsed;
    QSettings().setValue(settingsKey, collapsed);
    updateText();
    Q_EMIT collapsedChanged(collapsed);
}

void LegendToggle::updateText()
{
    setText(m_collapsed ? tr("범례 ▾") : tr("접기 ▴"));
    setAccessibleName(m_collapsed ? tr("범례 펼치기") : tr("범례 접기"));
    setToolTip(m_collapsed ? tr("위험도별 가구 범례를 펼칩니다 (지도에서 G)")
                           : tr("범례를 접어 지도를 넓게 봅니다 (지도에서 G)"));
    adjustSize();
}

void LegendToggle::place(const QRectF &area)
{
    adjustSize();
    const QRectF at = m_collapsed ? MapDecorations::collapsedLegendRect(area, size())
                                  : MapDecorations::legendToggleRect(area, size());
    move(at.topLeft().toPoint());
    raise();
}

} // namespace VisitMap::Ui
