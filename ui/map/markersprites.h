// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"

#include <QHash>
#include <QPixmap>
#include <QFont>
#include <QStaticText>
#include <QString>

class QPainter;

namespace VisitMap::Ui {

// Pre-drawn marks: drawing a pixmap is many times cheaper than an anti-aliased path, so a frame
// of thousands of households costs a blit each. Sprites are drawn at the device pixel ratio and
// kept until the ratio changes; cluster badges are keyed by what they show.
class MarkerSprites
{
public:
    // A household: shape and colour by tier, a ring when overdue, a star when new.
    const QPixmap &household(RiskTier tier, bool overdue, bool fresh, double size, bool selected, double dpr);

    struct Badge
    {
        std::uint32_t count, high, medium, overdue, fresh;
    };
    // A cluster: its count in the middle, a ring split by tier mix, an outer arc for the share
    // overdue, a star when some are new.
    void drawCluster(QPainter &painter, QPointF centre, const Badge &badge, double dpr);
    static double clusterRadius(std::uint32_t count);
    // "987", "1,234", "1.2만": short enough for a badge.
    static QString countText(std::uint32_t count);

private:
    void reset(double dpr);
    double m_dpr = 0;
    QHash<quint32, QPixmap> m_households;
    QHash<quint32, QPixmap> m_rings;
    QHash<QString, std::pair<QStaticText, QFont>> m_texts;
};

} // namespace VisitMap::Ui
