// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapfilterbanner.h"

#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace VisitMap::Ui {

MapFilterBanner::MapFilterBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_clear(new QPushButton(tr("필터 해제"), this))
{
    setObjectName(QStringLiteral("mapFilterBanner"));
    setAutoFillBackground(true);
    setStyleSheet(
        QStringLiteral("#mapFilterBanner { background: #FFF4E5; border: 1px solid #E8A33D; "
                       "border-radius: 6px; }"));
    setAccessibleName(tr("지도 필터"));
    m_label->setTextFormat(Qt::PlainText);
    QFont f = Theme::uiFont(10);
    f.setWeight(QFont::Bold);
    m_label->setFont(f);
    m_clear->setAccessibleName(tr("필터 해제"));
    m_clear->setToolTip(tr("목록의 검색과 조건을 모두 지우고 지도에 모든 가구를 보입니다"));
    m_clear->setCursor(Qt::PointingHandCursor);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 4, 4);
    layout->addWidget(m_label);
    layout->addWidget(m_clear);
    connect(m_clear, &QPushButton::clicked, this, &MapFilterBanner::clearRequested);
    hide();
}

void MapFilterBanner::showCount(std::optional<int> households)
{
    if (!households) {
        hide();
        return;
    }
    m_label->setText(tr("필터 적용 중 · %L1가구").arg(*households));
    adjustSize();
    show();
    raise();
}

QString MapFilterBanner::text() const
{
    return m_label->text();
}

} // namespace VisitMap::Ui
