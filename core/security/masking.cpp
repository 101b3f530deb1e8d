// SPDX-License-Identifier: GPL-3.0-or-later
#include "masking.h"

#include <QRegularExpression>
#include <QStringList>

namespace VisitMap::Security::Mask {

QString rrn(const QString &value)
{
    QString digits;
    for (QChar c : value)
        if (c.isDigit())
            digits += c;
    if (digits.isEmpty())
        return {};
    if (digits.size() < 7)
        return QString(digits.size(), QLatin1Char('*'));
    return digits.left(6) + QLatin1Char('-') + digits.at(6) + QString(6, QLatin1Char('*'));
}

namespace {
QString maskWord(const QString &word, bool keepLast)
{
    const int n = int(word.size());
    if (n <= 1)
        return QStringLiteral("*");
    if (n == 2 || !keepLast)
        return word.left(1) + QString(n - 1, QLatin1Char('*'));
    return word.left(1) + QString(n - 2, QLatin1Char('*')) + word.right(1);
}
} // namespace

QString name(const QString &value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return {};
    // Names written in words (foreign names, "John Smith"): each word keeps its first letter only,
    // so no word stays readable.
    if (trimmed.contains(QLatin1Char(' '))) {
        QStringList words = trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (QString &w : words)
            w = maskWord(w, false);
        return words.join(QLatin1Char(' '));
    }
    // A Korean name keeps its first and last syllable (김*수); a one-word Latin name its initial.
    const bool hangul = trimmed.front().unicode() >= 0xAC00 && trimmed.front().unicode() <= 0xD7A3;
    return maskWord(trimmed, hangul);
}

QString phone(const QString &value)
{
    QString out = value;
    int hidden = 0;
    for (int i = int(out.size()) - 1; i >= 0 && hidden < 4; --i) {
        if (out.at(i).isDigit()) {
            out[i] = QLatin1Char('*');
            ++hidden;
        }
    }
    return out;
}

QString address(const QString &value)
{
    QString out = value;
    // 도로명 + 건물번호: "연희로 123", "연희로11길 5-2", "연희로 123번길 4" -> number hidden.
    static const QRegularExpression road(
        QStringLiteral("((?:로|길)(?:\\s*\\d+번?길)?\\s*)(\\d+(?:-\\d+)?)"));
    out.replace(road, QStringLiteral("\\1***"));
    // 지번: "연희동 123-45" or "123번지".
    static const QRegularExpression jibun(QStringLiteral("((?:동|리|가)\\s+)(\\d+(?:-\\d+)?)(번지)?"));
    out.replace(jibun, QStringLiteral("\\1***"));
    // Anything after the number (동·호, building names in brackets) identifies the door: drop it.
    const int star = int(out.indexOf(QLatin1String("***")));
    if (star >= 0)
        out = out.left(star + 3);
    return out;
}

} // namespace VisitMap::Security::Mask
