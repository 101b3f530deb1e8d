// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictwords.h"

#include "model/enums.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VisitMap::Ui {

QString ConflictWords::value(const QJsonValue &value, const QString &field)
{
    if (value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()))
        return tr("(비어 있음)");
    const QString text = value.toString();
    if (field == QLatin1String("risk_override") || field == QLatin1String("risk_tier")) {
        if (const auto tier = riskTierFromCode(text))
            return label(*tier);
    } else if (field == QLatin1String("stage")) {
        if (const auto stage = caseStageFromCode(text))
            return label(*stage);
    } else if (field == QLatin1String("status")) {
        if (const auto status = householdStatusFromCode(text))
            return label(*status);
    } else if (field == QLatin1String("match_status")) {
        if (const auto status = matchStatusFromCode(text))
            return label(*status);
    }
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? tr("예") : tr("아니요");
    if (value.isString())
        return text;
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QString ConflictWords::field(const QString &entity, const QString &field)
{
    QString what = entity;
    if (entity == QLatin1String("household"))
        what = tr("가구");
    else if (entity == QLatin1String("case"))
        what = tr("사례");
    else if (entity == QLatin1String("service_link"))
        what = tr("서비스 연계");
    else if (entity == QLatin1String("crisis_report"))
        what = tr("위기 신고");
    else if (entity == QLatin1String("signal"))
        what = tr("발굴 항목");
    else if (entity == QLatin1String("office"))
        what = tr("행정동");
    else if (entity == QLatin1String("checkin"))
        what = tr("방문 안전 확인");
    QString name = field;
    if (field == QLatin1String("risk_override"))
        name = tr("위기 등급 (직접 지정)");
    else if (field == QLatin1String("risk_override_reason"))
        name = tr("등급 지정 사유");
    else if (field == QLatin1String("risk_tier"))
        name = tr("위기 등급");
    else if (field == QLatin1String("assigned_worker"))
        name = tr("담당자");
    else if (field == QLatin1String("stage"))
        name = tr("사례관리 단계");
    else if (field == QLatin1String("status"))
        name = tr("상태");
    else if (field == QLatin1String("match_status"))
        name = tr("대상자 연결");
    else if (field == QLatin1String("phone"))
        name = tr("연락처");
    else if (field == QLatin1String("office_address"))
        name = tr("주민센터 주소");
    return tr("%1 · %2").arg(what, name);
}

} // namespace VisitMap::Ui
