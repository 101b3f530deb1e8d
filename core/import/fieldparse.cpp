// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldparse.h"

#include <QRegularExpression>
#include <cmath>

namespace VisitMap::Import::Field {

QString clean(const QString &text)
{
    QString t = text.trimmed();
    if (t.size() >= 2 && t.front() == QLatin1Char('\'')
        && (t.at(1) == QLatin1Char('=') || t.at(1) == QLatin1Char('+') || t.at(1) == QLatin1Char('@')))
        t.remove(0, 1);
    return t;
}

std::optional<double> number(const QString &text)
{
    QString t = clean(text);
    t.remove(QLatin1Char(','));
    if (t.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<int> integer(const QString &text)
{
    QString t = clean(text);
    t.remove(QLatin1Char(','));
    bool ok = false;
    const int v = t.toInt(&ok);
    if (ok)
        return v;
    // Excel writes whole numbers as "3.0" at times.
    const auto d = number(t);
    if (d && std::floor(*d) == *d && std::abs(*d) < 2e9)
        return int(*d);
    return std::nullopt;
}

std::optional<QDate> date(const QString &text)
{
    const QString t = clean(text);
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})\\s*[-./]?\\s*(\\d{1,2})\\s*[-./]?\\s*(\\d{1,2})\\.?$"));
    const auto m = re.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<QString> rrn(const QString &text)
{
    QString digits;
    for (QChar c : clean(text)) {
        if (c.isDigit())
            digits += c;
        else if (c != QLatin1Char('-') && c != QLatin1Char(' '))
            return std::nullopt;
    }
    if (digits.size() != 13)
        return std::nullopt;
    const QString formatted = digits.left(6) + QLatin1Char('-') + digits.mid(6);
    if (!birthDateFromRrn(formatted).isValid())
        return std::nullopt;
    return formatted;
}

QDate birthDateFromRrn(const QString &rrn)
{
    QString digits;
    for (QChar c : rrn)
        if (c.isDigit())
            digits += c;
    if (digits.size() < 7)
        return {};
    const int g = digits.at(6).digitValue();
    int century = 0;
    switch (g) {
    case 1: case 2: case 5: case 6:
        century = 1900;
        break;
    case 3: case 4: case 7: case 8:
        century = 2000;
        break;
    case 9: case 0:
        century = 1800;
        break;
    default:
        return {};
    }
    return QDate(century + digits.left(2).toInt(), digits.mid(2, 2).toInt(), digits.mid(4, 2).toInt());
}

QString sexFromRrn(const QString &rrn)
{
    QString digits;
    for (QChar c : rrn)
        if (c.isDigit())
            digits += c;
    if (digits.size() < 7)
        return {};
    return digits.at(6).digitValue() % 2 == 1 ? QStringLiteral("M") : QStringLiteral("F");
}

bool isMasked(const QString &text)
{
    return text.contains(QLatin1Char('*'));
}

} // namespace VisitMap::Import::Field
