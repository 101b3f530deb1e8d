// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapdecorations.h"

#include "geo/viewport.h"
#include "theme.h"

#include <QCoreApplication>
#include <QPainter>
#include <cmath>

namespace VisitMap::Ui::MapDecorations {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("VisitMap::Ui::MapDecorations", s);
}
} // namespace

double niceLength(double maxMetres)
{
    if (maxMetres <= 0)
        return 0;
    const double p = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double m : {5.0, 2.0, 1.0}) {
        if (m * p <= maxMetres)
            return m * p;
    }
    return p;
}

QRectF paintLegend(QPainter &p, const QRectF &area, const Storage::TierCounts &counts)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFont font = Theme::uiFont(9);
    QFont bold = font;
    bold.setWeight(QFont::Bold);
    const QFontMetricsF fm(font);
    const double lineH = fm.height() + 6;
    const double w = 190;
    const QRectF box(area.right() - w - 12, area.top() + 12, w, lineH * 6 + 16);
    p.setPen(QPen(Theme::border(), 1));
    p.setBrush(QColor(255, 255, 255, 238));
    p.drawRoundedRect(box, 6, 6);
    double y = box.top() + 8;
    p.setFont(bold);
    p.setPen(Theme::text());
    p.drawText(QRectF(box.left() + 10, y, w - 20, lineH), Qt::AlignVCenter,
               tr("위험도별 가구 (%L1)").arg(counts.total()));
    y += lineH;
    p.setFont(font);
    const struct { RiskTier tier; int n; } rows[] = {
        {RiskTier::High, counts.high}, {RiskTier::Medium, counts.medium}, {RiskTier::Low, counts.low}};
    for (const auto &r : rows) {
        p.setPen(QPen(Qt::white, 1));
        Theme::drawTierMark(p, QPointF(box.left() + 20, y + lineH / 2), r.tier, 12);
        p.setPen(Theme::text());
        p.drawText(QRectF(box.left() + 34, y, w - 44, lineH), Qt::AlignVCenter | Qt::AlignLeft,
                   label(r.tier));
        p.drawText(QRectF(box.left() + 34, y, w - 44, lineH), Qt::AlignVCenter | Qt::AlignRight,
                   QStringLiteral("%L1").arg(r.n));
        y += lineH;
    }
    p.setPen(QPen(Theme::text(), 1));
    p.setBrush(QColor(0xDD, 0xDD, 0xDD));
    Theme::drawOverdueRing(p, QPointF(box.left() + 20, y + lineH / 2), 8);
    p.drawText(QRectF(box.left() + 34, y, w - 44, lineH), Qt::AlignVCenter | Qt::AlignLeft, tr("방문 주기 지남"));
    p.drawText(QRectF(box.left() + 34, y, w - 44, lineH), Qt::AlignVCenter | Qt::AlignRight,
               QStringLiteral("%L1").arg(counts.overdue));
    y += lineH;
    Theme::drawNewBadge(p, QPointF(box.left() + 20 - 8 * 0.7, y + lineH / 2 + 8 * 0.7), 8);
    p.setPen(Theme::text());
    p.drawText(QRectF(box.left() + 34, y, w - 44, lineH), Qt::AlignVCenter | Qt::AlignLeft, tr("신규 발굴"));
    p.drawText(QRectF(box.left() + 34, y, w - 44, lineH), Qt::AlignVCenter | Qt::AlignRight,
               QStringLiteral("%L1").arg(counts.fresh));
    p.restore();
    return box;
}

void paintScaleBar(QPainter &p, const Geo::Viewport &vp, const QRectF &area)
{
    const double mpp = vp.metresPerPixel();
    const double metres = niceLength(mpp * 120);
    if (metres <= 0)
        return;
    const double px = metres / mpp;
    const QPointF origin(area.left() + 14, area.bottom() - 18);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 220));
    p.drawRoundedRect(QRectF(origin.x() - 6, origin.y() - 22, px + 60, 30), 4, 4);
    p.setPen(QPen(Theme::text(), 2));
    p.drawLine(origin, origin + QPointF(px, 0));
    p.drawLine(origin, origin + QPointF(0, -6));
    p.drawLine(origin + QPointF(px, 0), origin + QPointF(px, -6));
    p.setFont(Theme::uiFont(8));
    const QString text = metres >= 1000 ? QStringLiteral("%1 km").arg(metres / 1000)
                                        : QStringLiteral("%1 m").arg(metres);
    p.drawText(QPointF(origin.x() + px + 6, origin.y() + 1), text);
    p.restore();
}

void paintAttribution(QPainter &p, const QRectF &area, const QString &text)
{
    p.save();
    p.setFont(Theme::uiFont(7));
    const QFontMetricsF fm(p.font());
    const double w = fm.horizontalAdvance(text) + 12;
    const QRectF r(area.right() - w, area.bottom() - fm.height() - 6, w, fm.height() + 6);
    p.fillRect(r, QColor(255, 255, 255, 210));
    p.setPen(Theme::mutedText());
    p.drawText(r, Qt::AlignCenter, text);
    p.restore();
}

} // namespace VisitMap::Ui::MapDecorations
