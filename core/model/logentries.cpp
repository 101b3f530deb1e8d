// SPDX-License-Identifier: GPL-3.0-or-later
#include "logentries.h"

#include <QCoreApplication>

namespace VisitMap {

namespace {
// The words a person reads go through Qt's translation, as the enums' labels do (model/enums.cpp).
QString tr(const char *label)
{
    return QCoreApplication::translate("VisitMap::Label", label);
}
} // namespace

QList<NeedDomain> needDomains()
{
    return {
        {QStringLiteral("0000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "안전"))},
        {QStringLiteral("1000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "건강"))},
        {QStringLiteral("2000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "일상생활유지"))},
        {QStringLiteral("3000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "가족관계"))},
        {QStringLiteral("4000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "사회적 관계"))},
        {QStringLiteral("5000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "경제"))},
        {QStringLiteral("6000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "교육"))},
        {QStringLiteral("7000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "고용"))},
        {QStringLiteral("8000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "생활환경"))},
        {QStringLiteral("9000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "법률 및 권익보장"))},
        {QStringLiteral("A000000"), tr(QT_TRANSLATE_NOOP("VisitMap::Label", "기타"))}};
}

QString needLevelLabel(int level)
{
    switch (level) {
    case 0:
        return tr(QT_TRANSLATE_NOOP("VisitMap::Label", "없음"));
    case 1:
        return tr(QT_TRANSLATE_NOOP("VisitMap::Label", "낮음"));
    case 2:
        return tr(QT_TRANSLATE_NOOP("VisitMap::Label", "보통"));
    case 3:
        return tr(QT_TRANSLATE_NOOP("VisitMap::Label", "높음"));
    }
    return {};
}

QString serviceStatusLabel(const QString &status)
{
    if (status == QLatin1String("requested"))
        return tr(QT_TRANSLATE_NOOP("VisitMap::Label", "의뢰"));
    if (status == QLatin1String("provided"))
        return tr(QT_TRANSLATE_NOOP("VisitMap::Label", "제공 중"));
    if (status == QLatin1String("declined"))
        return tr(QT_TRANSLATE_NOOP("VisitMap::Label", "거절"));
    if (status == QLatin1String("ended"))
        return tr(QT_TRANSLATE_NOOP("VisitMap::Label", "종료"));
    return status;
}

} // namespace VisitMap
