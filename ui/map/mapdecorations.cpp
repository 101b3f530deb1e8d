// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapdecorations.h"

#include "intakelayer.h"

#include "geo/viewport.h"
#include "boundarylayer.h"
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

QRectF paintLegend(QPainter &p,
                   const QRectF &area,
                   const Storage::TierCounts &total,
                   const Storage::TierCounts &counts,
                   int intakeWaiting,
                   int filtered)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFont font = Theme::uiFont(9);
    QFont bold = font;
    bold.setWeight(QFont::Bold);
    const QFontMetricsF fm(font);
    const double lineH = fm.height() + 6;
    const double w = legendWidth;
    const int lines = intakeWaiting > 0 ? 8 : 7;
    const QRectF box(area.right() - w - 12, area.top() + 12, w, lineH * lines + 12);
    p.setPen(QPen(Theme::border(), 1));
    p.setBrush(QColor(255, 255, 255, 238));
    p.drawRoundedRect(box, 6, 6);
    double y = box.top() + 8;
    p.setFont(bold);
    p.setPen(Theme::text());
    p.drawText(QRectF(box.left() + 10, y, w - 20, lineH), Qt::AlignVCenter,
               filtered >= 0
                   ? tr("위험도별 가구 (필터 %L1 / 전체 %L2)").arg(filtered).arg(total.total())
                   : tr("위험도별 가구 (전체 %L1)").arg(total.total()));
    y += lineH;
    p.setFont(font);
    p.setPen(Theme::mutedText());
    p.drawText(QRectF(box.left() + 10, y, w - 20, lineH), Qt::AlignVCenter,
               tr("화면 안 %L1가구").arg(counts.total()));
    y += lineH;
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
    if (intakeWaiting > 0) {
        y += lineH;
        IntakeLayer::drawMark(p, QPointF(box.left() + 20, y + lineH / 2 + 7), IntakeMark::Kind::Report, false, 13);
        p.setFont(font);
        p.setPen(Theme::text());
        p.drawText(QRectF(box.left() + 34, y, w - 44, lineH), Qt::AlignVCenter | Qt::AlignLeft, tr("접수 대기 (신고·발굴)"));
        p.drawText(QRectF(box.left() + 34, y, w - 44, lineH), Qt::AlignVCenter | Qt::AlignRight,
                   QStringLiteral("%L1").arg(intakeWaiting));
    }
    p.restore();
    return box;
}

namespace {
double legendLineHeight()
{
    return QFontMetricsF(Theme::uiFont(9)).height() + 6;
}
} // namespace

QRectF legendToggleRect(const QRectF &area, QSizeF button)
{
    const double lineH = legendLineHeight();
    const double right = area.right() - 12 - 8;
    const double rowTop = area.top() + 12 + 8 + lineH;
    return QRectF(QPointF(right - button.width(), rowTop + (lineH - button.height()) / 2), button);
}

QRectF collapsedLegendRect(const QRectF &area, QSizeF button)
{
    return QRectF(QPointF(area.right() - 12 - button.width(), area.top() + 12), button);
}

QRectF paintChoroplethLegend(QPainter &p, const QRectF &at, const QList<double> &breaks)
{
    p.save();
    const QFont font = Theme::uiFont(9);
    QFont bold = font;
    bold.setWeight(QFont::Bold);
    const double lineH = QFontMetricsF(font).height() + 5;
    const int classes = breaks.isEmpty() ? 1 : int(breaks.size()) + 1;
    const QRectF box(at.left(), at.top(), at.width(), lineH * (classes + 1) + 14);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(Theme::border(), 1));
    p.setBrush(QColor(255, 255, 255, 238));
    p.drawRoundedRect(box, 6, 6);
    double y = box.top() + 7;
    p.setFont(bold);
    p.setPen(Theme::text());
    p.drawText(QRectF(box.left() + 10, y, box.width() - 20, lineH), Qt::AlignVCenter,
               tr("고위험 가구 밀도 (가구/km²)"));
    y += lineH;
    p.setFont(font);
    const auto fmt = [](double v) { return QString::number(v, 'f', v >= 10 ? 0 : 1); };
    for (int k = 0; k < classes; ++k) {
        const int colour = breaks.isEmpty() ? 4 : k + (5 - classes);
        p.setPen(QPen(QColor(0x8A, 0x93, 0x9C), 1));
        p.setBrush(BoundaryLayer::classColour(colour));
        p.drawRect(QRectF(box.left() + 12, y + 3, 22, lineH - 6));
        QString range;
        if (breaks.isEmpty())
            range = tr("고위험 가구 없음");
        else if (k == 0)
            range = tr("%1 이하").arg(fmt(breaks[0]));
        else if (k == classes - 1)
            range = tr("%1 초과").arg(fmt(breaks[k - 1]));
        else
            range = QStringLiteral("%1 – %2").arg(fmt(breaks[k - 1]), fmt(breaks[k]));
        p.setPen(Theme::text());
        p.drawText(QRectF(box.left() + 42, y, box.width() - 52, lineH), Qt::AlignVCenter, range);
        y += lineH;
    }
    p.restore();
    return box;
}

void paintTitle(QPainter &p, const QRectF &area, const QString &title)
{
    p.save();
    QFont font = Theme::uiFont(11);
    font.setWeight(QFont::Bold);
    p.setFont(font);
    const QFontMetricsF fm(font);
    const QRectF band(area.left() + 12, area.top() + 12, fm.horizontalAdvance(title) + 24, fm.height() + 14);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(Theme::border(), 1));
    p.setBrush(QColor(255, 255, 255, 240));
    p.drawRoundedRect(band, 6, 6);
    p.setPen(Theme::text());
    p.drawText(band, Qt::AlignCenter, title);
    p.restore();
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
