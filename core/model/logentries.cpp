// SPDX-License-Identifier: GPL-3.0-or-later
#include "logentries.h"

namespace VisitMap {

QList<NeedDomain> needDomains()
{
    return {{QStringLiteral("0000000"), QStringLiteral("안전")},
            {QStringLiteral("1000000"), QStringLiteral("건강")},
            {QStringLiteral("2000000"), QStringLiteral("일상생활유지")},
            {QStringLiteral("3000000"), QStringLiteral("가족관계")},
            {QStringLiteral("4000000"), QStringLiteral("사회적 관계")},
            {QStringLiteral("5000000"), QStringLiteral("경제")},
            {QStringLiteral("6000000"), QStringLiteral("교육")},
            {QStringLiteral("7000000"), QStringLiteral("고용")},
            {QStringLiteral("8000000"), QStringLiteral("생활환경")},
            {QStringLiteral("9000000"), QStringLiteral("법률 및 권익보장")},
            {QStringLiteral("A000000"), QStringLiteral("기타")}};
}

QString needLevelLabel(int level)
{
    switch (level) {
    case 0:
        return QStringLiteral("없음");
    case 1:
        return QStringLiteral("낮음");
    case 2:
        return QStringLiteral("보통");
    case 3:
        return QStringLiteral("높음");
    }
    return {};
}

QString serviceStatusLabel(const QString &status)
{
    if (status == QLatin1String("requested"))
        return QStringLiteral("의뢰");
    if (status == QLatin1String("provided"))
        return QStringLiteral("제공 중");
    if (status == QLatin1String("declined"))
        return QStringLiteral("거절");
    if (status == QLatin1String("ended"))
        return QStringLiteral("종료");
    return status;
}

} // namespace VisitMap
