// SPDX-License-Identifier: GPL-3.0-or-later
#include "crisisreport.h"

#include <QRegularExpression>

namespace VisitMap {

namespace {

struct Category
{
    const char *code;
    const char16_t *label;
};

// The 복지위기 알림 form's situations (research-notes §7: ten, e.g. 고립·고독, 폭력, 건강), with
// an "other" for what fits none.
constexpr Category categories[] = {
    {"economic", u"경제적 어려움"}, {"employment", u"실직·휴폐업"}, {"housing", u"주거 위기"},
    {"health", u"건강 문제"},       {"suicide", u"자살 위험"},     {"care", u"돌봄 공백"},
    {"isolation", u"고립·고독"},    {"violence", u"폭력·학대"},    {"food", u"끼니 해결 곤란"},
    {"disaster", u"재난·사고"},     {"other", u"기타"},
};

} // namespace

QStringList CrisisCategories::codes()
{
    QStringList out;
    for (const Category &c : categories)
        out << QString::fromLatin1(c.code);
    return out;
}

QString CrisisCategories::label(const QString &code)
{
    for (const Category &c : categories) {
        if (code == QLatin1String(c.code))
            return QString::fromUtf16(c.label);
    }
    return code;
}

bool CrisisCategories::isGrave(const QString &code)
{
    return code == QLatin1String("violence") || code == QLatin1String("suicide") || code == QLatin1String("health");
}

QStringList reportChannels()
{
    return {QStringLiteral("app"), QStringLiteral("web"), QStringLiteral("phone"), QStringLiteral("kakao"),
            QStringLiteral("visit")};
}

std::optional<std::pair<int, int>> ageBandRange(const QString &band)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d)0\\s*대\\s*(이상|미만)?\\s*$"));
    const auto m = re.match(band);
    if (!m.hasMatch())
        return std::nullopt;
    const int lo = m.captured(1).toInt() * 10;
    if (m.captured(2) == QStringLiteral("이상"))
        return std::pair{lo, 150};
    if (m.captured(2) == QStringLiteral("미만"))
        return lo == 0 ? std::nullopt : std::optional(std::pair{0, lo - 1});
    return std::pair{lo, lo + 9};
}

} // namespace VisitMap
