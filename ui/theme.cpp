// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <cmath>

namespace VisitMap::Ui::Theme {

QColor tierColor(RiskTier tier)
{
    switch (tier) {
    case RiskTier::High:
        return QColor(0xD7, 0x26, 0x3D); // red
    case RiskTier::Medium:
        return QColor(0xD9, 0x6A, 0x00); // orange, 3:1 against white and light tiles
    case RiskTier::Low:
        return QColor(0x1F, 0x6F, 0xD1); // blue
    }
    return Qt::gray;
}

QColor tierFill(RiskTier tier)
{
    QColor c = tierColor(tier);
    return QColor::fromHslF(c.hslHueF(), std::min(1.0f, c.hslSaturationF()), 0.93f);
}

QString tierShapeName(RiskTier tier)
{
    switch (tier) {
    case RiskTier::High:
        return QStringLiteral("▲");
    case RiskTier::Medium:
        return QStringLiteral("■");
    case RiskTier::Low:
        return QStringLiteral("●");
    }
    return {};
}

void drawTierMark(QPainter &p, QPointF c, RiskTier tier, double size)
{
    const double r = size / 2;
    p.setBrush(tierColor(tier));
    switch (tier) {
    case RiskTier::High: {
        const double h = size * 1.08;
        const QPointF pts[3] = {{c.x(), c.y() - h * 0.62}, {c.x() + r * 1.08, c.y() + h * 0.42},
                                {c.x() - r * 1.08, c.y() + h * 0.42}};
        p.drawPolygon(pts, 3);
        break;
    }
    case RiskTier::Medium:
        p.drawRect(QRectF(c.x() - r * 0.86, c.y() - r * 0.86, size * 0.86, size * 0.86));
        break;
    case RiskTier::Low:
        p.drawEllipse(c, r * 0.9, r * 0.9);
        break;
    }
}

void drawOverdueRing(QPainter &p, QPointF c, double size)
{
    p.save();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0x1E, 0x21, 0x24), std::max(1.2, size * 0.16)));
    p.drawEllipse(c, size * 0.95, size * 0.95);
    p.restore();
}

void drawNewBadge(QPainter &p, QPointF c, double size)
{
    p.save();
    const QPointF o = c + QPointF(size * 0.7, -size * 0.7);
    const double r = std::max(3.5, size * 0.5);
    QPainterPath star;
    for (int i = 0; i < 10; ++i) {
        const double a = -M_PI / 2 + i * M_PI / 5;
        const double rr = i % 2 ? r * 0.5 : r;
        const QPointF pt(o.x() + rr * std::cos(a), o.y() + rr * std::sin(a));
        i ? star.lineTo(pt) : star.moveTo(pt);
    }
    star.closeSubpath();
    p.setPen(QPen(Qt::white, 1));
    p.setBrush(QColor(0x6A, 0x1B, 0x9A)); // purple: new, distinct from the tier colours
    p.drawPath(star);
    p.restore();
}

QColor text() { return QColor(0x1E, 0x21, 0x24); }
QColor mutedText() { return QColor(0x58, 0x61, 0x6A); }
QColor primary() { return QColor(0x0B, 0x50, 0xD0); }
QColor surface() { return QColor(0xF4, 0xF5, 0xF6); }
QColor border() { return QColor(0xCD, 0xD1, 0xD5); }

QFont uiFont(int pointSize)
{
    static const QString family = [] {
        const QStringList families = QFontDatabase::families();
        for (const char *name : {"Pretendard GOV", "Pretendard", "Noto Sans CJK KR", "Noto Sans KR",
                                 "Malgun Gothic", "NanumGothic"}) {
            if (families.contains(QString::fromLatin1(name)))
                return QString::fromLatin1(name);
        }
        return QApplication::font().family();
    }();
    QFont f(family, pointSize);
    f.setStyleStrategy(QFont::PreferAntialias);
    return f;
}

void applyApplicationStyle()
{
    QApplication::setFont(uiFont(10));
    QPalette pal = QApplication::palette();
    // Active and inactive windows only: setting a colour for every group would paint what is
    // disabled (a menu item a role may not use, say) as dark as what is not.
    for (const QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive}) {
        pal.setColor(g, QPalette::WindowText, text());
        pal.setColor(g, QPalette::Text, text());
        pal.setColor(g, QPalette::Highlight, primary());
        pal.setColor(g, QPalette::HighlightedText, Qt::white);
    }
    const QColor disabled(0x8a, 0x94, 0x9e); // KRDS gray 50: plainly greyed, still legible
    for (const QPalette::ColorRole r : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        pal.setColor(QPalette::Disabled, r, disabled);
    QApplication::setPalette(pal);
    // Visible keyboard focus everywhere (KRDS: 2px outline).
    qApp->setStyleSheet(QStringLiteral(
        "QLineEdit:focus, QComboBox:focus, QPushButton:focus, QCheckBox:focus, QTableView:focus,"
        " QSpinBox:focus, QDateEdit:focus, QTextEdit:focus, QPlainTextEdit:focus, QListView:focus"
        " { border: 2px solid #256EF4; }"
        "QStatusBar QLabel { padding: 0 6px; }"));
}

} // namespace VisitMap::Ui::Theme
