// SPDX-License-Identifier: GPL-3.0-or-later
#include "accesslogwords.h"

#include "accesslogdetailwords.h"

#include <QHash>

namespace VisitMap::Ui {

QString AccessLogWords::action(const QString &code)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("view"), QT_TR_NOOP("조회")},
        {QStringLiteral("create"), QT_TR_NOOP("입력")},
        {QStringLiteral("update"), QT_TR_NOOP("변경")},
        {QStringLiteral("delete"), QT_TR_NOOP("삭제")},
        {QStringLiteral("print"), QT_TR_NOOP("출력")},
        {QStringLiteral("download"), QT_TR_NOOP("내려받기")},
        {QStringLiteral("reveal"), QT_TR_NOOP("식별정보 열람")},
        {QStringLiteral("login"), QT_TR_NOOP("로그인")},
        {QStringLiteral("login_failed"), QT_TR_NOOP("로그인 실패")},
        {QStringLiteral("logout"), QT_TR_NOOP("로그아웃")},
        {QStringLiteral("lock"), QT_TR_NOOP("화면 잠금")},
        {QStringLiteral("unlock"), QT_TR_NOOP("잠금 해제")},
        {QStringLiteral("account"), QT_TR_NOOP("계정·권한 변경")},
        {QStringLiteral("purge"), QT_TR_NOOP("보존기간 경과 삭제")},
    };
    const auto it = words.constFind(code);
    return it == words.cend() ? code : tr(*it);
}

QString AccessLogWords::reason(const QString &action, const QString &reason)
{
    // The one reason core writes itself (the rest are what a person typed).
    if (action == QLatin1String("purge") && reason == QLatin1String("retention"))
        return tr("보존기간 경과");
    return reason;
}

QString AccessLogWords::detail(const QString &stored)
{
    return AccessLogDetailWords::describe(stored);
}

QString AccessLogWords::subjectKind(const QString &kind)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("household"), QT_TR_NOOP("가구")},
        {QStringLiteral("households"), QT_TR_NOOP("가구 목록")},
        {QStringLiteral("household_list"), QT_TR_NOOP("가구 목록")},
        {QStringLiteral("visits"), QT_TR_NOOP("방문 기록")},
        {QStringLiteral("account"), QT_TR_NOOP("계정")},
        {QStringLiteral("setting"), QT_TR_NOOP("설정")},
        {QStringLiteral("report"), QT_TR_NOOP("위기 신고")},
        {QStringLiteral("signal"), QT_TR_NOOP("발굴 위기정보")},
        {QStringLiteral("map"), QT_TR_NOOP("지도")},
        {QStringLiteral("route_plan"), QT_TR_NOOP("방문 경로 계획")},
        {QStringLiteral("route_sheet"), QT_TR_NOOP("방문 경로표")},
        {QStringLiteral("facilities"), QT_TR_NOOP("복지시설")},
        {QStringLiteral("offices"), QT_TR_NOOP("행정동")},
        {QStringLiteral("demo"), QT_TR_NOOP("데모 자료")},
        {QStringLiteral("visit"), QT_TR_NOOP("방문")},
        {QStringLiteral("case"), QT_TR_NOOP("사례")},
        {QStringLiteral("facility"), QT_TR_NOOP("복지시설")},
        {QStringLiteral("audit_log"), QT_TR_NOOP("접속기록")},
        {QStringLiteral("service_link"), QT_TR_NOOP("서비스 연계")},
        {QStringLiteral("crisis_report"), QT_TR_NOOP("위기 신고")},
        {QStringLiteral("office"), QT_TR_NOOP("행정동")},
        {QStringLiteral("checkin"), QT_TR_NOOP("방문 안전 확인")},
        {QStringLiteral("summary_dong_risk"), QT_TR_NOOP("행정동·위기등급별 집계")},
        {QStringLiteral("summary_type_risk"), QT_TR_NOOP("가구유형·위기등급별 집계")},
        {QStringLiteral("summary_overdue"), QT_TR_NOOP("담당자별 방문 지연 집계")},
        // What entries before the summaries had codes name them.
        {QStringLiteral("summary by dong and risk"), QT_TR_NOOP("행정동·위기등급별 집계")},
        {QStringLiteral("summary by household type and risk"),
         QT_TR_NOOP("가구유형·위기등급별 집계")},
        {QStringLiteral("summary of overdue visits by worker"),
         QT_TR_NOOP("담당자별 방문 지연 집계")},
    };
    const auto it = words.constFind(kind);
    return it == words.cend() ? kind : tr(*it);
}

} // namespace VisitMap::Ui
