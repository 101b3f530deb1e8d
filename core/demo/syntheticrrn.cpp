// SPDX-License-Identifier: GPL-3.0-or-later
#include "syntheticrrn.h"

#include "util/random.h"

namespace VisitMap::Demo::SyntheticRrn {

int checkDigit(const QString &digits12)
{
    static const int weights[12] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += digits12.at(i).digitValue() * weights[i];
    return (11 - sum % 11) % 10;
}

bool passesLegacyCheck(const QString &rrn)
{
    QString digits;
    for (QChar c : rrn)
        if (c.isDigit())
            digits += c;
    if (digits.size() != 13)
        return false;
    return checkDigit(digits.left(12)) == digits.at(12).digitValue();
}

QString make(Random &random, const QDate &birth, bool male, bool foreigner)
{
    const bool c2000 = birth.year() >= 2000;
    int g = c2000 ? (male ? 3 : 4) : (male ? 1 : 2);
    if (foreigner)
        g += 4;
    QString digits = birth.toString(QStringLiteral("yyMMdd")) + QString::number(g);
    for (int i = 0; i < 5; ++i)
        digits += QString::number(random.below(10));
    const int check = checkDigit(digits);
    const int wrong = (check + 1 + int(random.below(9))) % 10; // any digit but the right one
    digits += QString::number(wrong);
    return digits.left(6) + QLatin1Char('-') + digits.mid(6);
}

} // namespace VisitMap::Demo::SyntheticRrn
