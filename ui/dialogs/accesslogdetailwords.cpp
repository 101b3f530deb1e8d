// SPDX-License-Identifier: GPL-3.0-or-later
#include "accesslogdetailwords.h"

#include "access/auditreview.h"
#include "accesslogformerwords.h"
#include "koreandate.h"
#include "model/casefile.h"
#include "model/enums.h"
#include "security/auditdetail.h"
#include "sync/conflictwords.h"

#include <QDate>
#include <QHash>

namespace VisitMap::Ui {

namespace {

using Code = Security::AuditDetailCode;

QString dateWords(const QString &iso)
{
    const QDate d = QDate::fromString(iso, Qt::ISODate);
    return d.isValid() ? KoreanDate::date(d) : iso;
}

QString roleWords(const QString &code)
{
    const auto role = roleFromCode(code);
    return role ? label(*role) : code;
}

QString tierWords(const QString &code)
{
    if (code.isEmpty())
        return AccessLogDetailWords::tr("자동 산정");
    const auto tier = riskTierFromCode(code);
    return tier ? label(*tier) : code;
}

QString stageWords(const QString &code)
{
    const auto stage = caseStageFromCode(code);
    return stage ? label(*stage) : code;
}

QString offices(const QString &list)
{
    return list.isEmpty() ? AccessLogDetailWords::tr("없음") : list;
}

QString accountOrNobody(const QString &name)
{
    return name.isEmpty() ? AccessLogDetailWords::tr("없음") : name;
}

QString wordFor(const QHash<QString, const char *> &words, const QString &code)
{
    const auto it = words.constFind(code);
    return it == words.cend() ? code : AccessLogDetailWords::tr(*it);
}

QString exportWhat(const QString &what)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("households"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "가구 자료")},
        {QStringLiteral("visits"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "방문 기록")},
        {QStringLiteral("summary_dong_risk"),
         QT_TRANSLATE_NOOP("AccessLogDetailWords", "행정동·위기등급별 집계")},
        {QStringLiteral("summary_type_risk"),
         QT_TRANSLATE_NOOP("AccessLogDetailWords", "가구유형·위기등급별 집계")},
        {QStringLiteral("summary_overdue"),
         QT_TRANSLATE_NOOP("AccessLogDetailWords", "담당자별 방문 지연 집계")},
    };
    return wordFor(words, what);
}

QString exportSentence(const Security::AuditDetail &d)
{
    using W = AccessLogDetailWords;
    QStringList how;
    const QString scope = d.fact(u"scope");
    if (scope == QLatin1String("filter"))
        how << W::tr("필터 적용 범위");
    else if (scope == QLatin1String("chosen"))
        how << W::tr("선택한 가구 %L1곳").arg(d.fact(u"chosen").toLongLong());
    else if (scope == QLatin1String("all"))
        how << W::tr("전체 범위");
    const QString masking = d.fact(u"masking");
    if (masking == QLatin1String("counts"))
        how << W::tr("가구 %L1곳의 집계").arg(d.fact(u"households").toLongLong());
    else if (masking == QLatin1String("unmasked"))
        how << W::tr("마스킹 없음");
    else if (masking == QLatin1String("masked")) {
        const qint64 withheld = d.fact(u"withheld").toLongLong();
        how << (withheld > 0 ? W::tr("마스킹, %L1건 제외").arg(withheld) : W::tr("마스킹"));
    }
    // Entries from before the codes kept the row count in the subject only.
    QString out = d.has(u"rows") ? W::tr("%1 %L2건 내보내기")
                                       .arg(exportWhat(d.fact(u"what")))
                                       .arg(d.fact(u"rows").toLongLong())
                                 : W::tr("%1 내보내기").arg(exportWhat(d.fact(u"what")));
    if (!how.isEmpty())
        out += QStringLiteral(" (%1)").arg(how.join(QStringLiteral(", ")));
    if (!d.fact(u"file").isEmpty())
        out += QStringLiteral(": ") + d.fact(u"file");
    return out;
}

QString loginFailure(const Security::AuditDetail &d)
{
    using W = AccessLogDetailWords;
    const QString reason = d.fact(u"reason");
    QString why;
    if (reason == QLatin1String("wrong_password"))
        why = W::tr("비밀번호 틀림 (%L1회째)").arg(d.fact(u"tries").toLongLong());
    else if (reason == QLatin1String("unknown_account"))
        why = W::tr("없는 계정");
    else if (reason == QLatin1String("removed_account"))
        why = W::tr("삭제된 계정");
    else if (reason == QLatin1String("locked"))
        why = W::tr("잠긴 계정");
    else
        why = W::tr("로그인 실패");
    return d.fact(u"unlock") == QLatin1String("1") ? W::tr("잠금 해제 시도: %1").arg(why) : why;
}

QString settingWords(const QString &key)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("cycle_high_days"),
         QT_TRANSLATE_NOOP("AccessLogDetailWords", "고위험 방문 주기(일)")},
        {QStringLiteral("cycle_medium_days"),
         QT_TRANSLATE_NOOP("AccessLogDetailWords", "중위험 방문 주기(일)")},
        {QStringLiteral("cycle_low_days"),
         QT_TRANSLATE_NOOP("AccessLogDetailWords", "저위험 방문 주기(일)")},
        {QStringLiteral("idle_lock_minutes"),
         QT_TRANSLATE_NOOP("AccessLogDetailWords", "자동 잠금(분)")},
        {QStringLiteral("duty_worker"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "신고 당번")},
    };
    return wordFor(words, key);
}

QString facilityFields(const QString &list)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "이름")},
        {QStringLiteral("category"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "종류")},
        {QStringLiteral("category_detail"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "세부 종류")},
        {QStringLiteral("address"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "주소")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "연락처")},
        {QStringLiteral("lon"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "위치")},
        {QStringLiteral("lat"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "위치")},
        {QStringLiteral("office_code"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "행정동")},
        {QStringLiteral("placed_by"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "위치 지정자")},
    };
    QStringList out;
    for (const QString &f : list.split(u',', Qt::SkipEmptyParts)) {
        const QString w = wordFor(words, f);
        if (!out.contains(w))
            out << w;
    }
    return out.join(QStringLiteral(", "));
}

QString voidedWhat(const QString &entity)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("visit"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "방문 기록")},
        {QStringLiteral("assessment"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "욕구 조사")},
        {QStringLiteral("counseling"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "상담 기록")},
        {QStringLiteral("service_link"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "서비스 연계")},
        {QStringLiteral("stage_change"),
         QT_TRANSLATE_NOOP("AccessLogDetailWords", "사례관리 단계 변경")},
    };
    return wordFor(words, entity);
}

QString serviceStatus(const QString &status)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("requested"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "의뢰")},
        {QStringLiteral("provided"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "제공")},
        {QStringLiteral("declined"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "거절")},
        {QStringLiteral("ended"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "종료")},
    };
    return wordFor(words, status);
}

QString reportStatus(const QString &status)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("new"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "새 신고")},
        {QStringLiteral("linked"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "기존 가구에 연결")},
        {QStringLiteral("opened"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "신규 가구 등록")},
        {QStringLiteral("duplicate"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "중복 신고")},
        {QStringLiteral("dismissed"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "종결")},
    };
    return wordFor(words, status);
}

QString areaWords(const QString &area)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("seodaemun"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "서울 서대문구")},
        {QStringLiteral("anyang"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "안양시")},
        {QStringLiteral("seoul"), QT_TRANSLATE_NOOP("AccessLogDetailWords", "서울시")},
    };
    return wordFor(words, area);
}

// The field of a conflict by the sync's words ("가구 · 담당자"); an older entry names no entity.
QString conflictField(const QString &entity, const QString &field)
{
    const QString both = ConflictWords::field(entity, field);
    return entity.isEmpty() ? both.section(QStringLiteral(" · "), 1) : both;
}

QString visitWords(const Security::AuditDetail &d)
{
    const auto kind = visitKindFromCode(d.fact(u"kind"));
    const auto outcome = visitOutcomeFromCode(d.fact(u"outcome"));
    return AccessLogDetailWords::tr("방문 기록 입력: %1, %2")
        .arg(kind ? label(*kind) : d.fact(u"kind"), outcome ? label(*outcome) : d.fact(u"outcome"));
}

} // namespace

QString AccessLogDetailWords::formerPrefix()
{
    return tr("(이전 형식)");
}

QString AccessLogDetailWords::describe(const QString &stored)
{
    return describe(Security::AuditDetail::decode(stored));
}

QString AccessLogDetailWords::describe(const Security::AuditDetail &d)
{
    const auto n = [&d](const char16_t *name) {
        return d.fact(name).toLongLong();
    };
    const auto f = [&d](const char16_t *name) {
        return d.fact(name);
    };
    switch (d.code()) {
    case Code::None:
        return {};
    case Code::Legacy: {
        if (auto words = AccessLogFormerWords::korean(d.legacyText()))
            return *words;
        return formerPrefix() + QLatin1Char(' ') + d.legacyText();
    }
    case Code::Unknown:
        return tr("이 프로그램이 모르는 형식의 내용입니다 (더 새로운 판에서 기록됨)");
    case Code::LoginFailed:
        return loginFailure(d);
    case Code::SessionLock:
        return f(u"why") == QLatin1String("idle") ? tr("자리 비움으로 화면 자동 잠금")
                                                  : tr("화면 잠금");
    case Code::PasswordChanged:
        return tr("본인 비밀번호 변경");
    case Code::AccountCreated:
        return tr("계정 생성: 역할 %1, 담당 구역 %2")
            .arg(roleWords(f(u"role")), offices(f(u"offices")));
    case Code::FirstAdmin:
        return tr("첫 관리자 계정 생성");
    case Code::AccountUnlocked:
        return tr("계정 잠금 풀기");
    case Code::PasswordReset:
        return tr("관리자의 비밀번호 재설정 (행정동 열쇠는 다시 봉인 예정)");
    case Code::AccountRemoved:
        return tr("계정 삭제 (권한과 행정동 열쇠 회수)");
    case Code::AccountOffices:
        return tr("담당 구역 지정: %1").arg(offices(f(u"offices")));
    case Code::AccountRole:
        return tr("역할 변경: %1").arg(roleWords(f(u"role")));
    case Code::SettingChanged:
        return tr("설정 변경: %1 = %2").arg(settingWords(f(u"key")), f(u"value"));
    case Code::ListRevealed:
        return tr("목록에 이름·연락처·주소 표시");
    case Code::RrnRevealed:
        return tr("주민등록번호 표시");
    case Code::ReportContact:
        return tr("신고자 연락처 열람");
    case Code::SignalRrn:
        return tr("발굴 대상자 주민등록번호로 가구 등록");
    case Code::AttachmentOpened:
        return tr("첨부 파일 열람");
    case Code::ExportFile:
        return exportSentence(d);
    case Code::MapPicture:
        return tr("지도 그림 저장: %1").arg(f(u"file"));
    case Code::RouteSheet: {
        QString out = tr("방문 경로표 출력 %1 (%L2팀, %L3가구)")
                          .arg(dateWords(f(u"date")))
                          .arg(n(u"teams"))
                          .arg(n(u"households"));
        if (f(u"unmasked") == QLatin1String("1"))
            out += tr(", 마스킹 없음");
        return out;
    }
    case Code::RoutePlanSaved:
        return tr("방문 경로 계획 저장 %1").arg(dateWords(f(u"date")));
    case Code::RoutePlanChanged:
        return tr("방문 경로 계획 변경 %1 (이전 판 대체)").arg(dateWords(f(u"date")));
    case Code::HouseholdImport:
        return tr("가구 자료 가져오기: %1").arg(f(u"file"));
    case Code::FacilityImport:
        return tr("복지시설 %L1곳 가져오기").arg(n(u"count"));
    case Code::OfficeImport:
        return tr("행정동 경계 %L1곳 가져오기").arg(n(u"count"));
    case Code::DemoGenerated:
        return tr("데모 지역 생성: %1 (시드 %2)").arg(areaWords(f(u"area")), f(u"seed"));
    case Code::HouseholdOpened:
        return tr("가구 정보 열람");
    case Code::HouseholdAssigned:
        return tr("담당자 변경: %1 → %2")
            .arg(accountOrNobody(f(u"from")), accountOrNobody(f(u"to")));
    case Code::HouseholdFromReport:
        return tr("복지위기 알림 신고 %1(으)로 신규 가구 등록").arg(f(u"report"));
    case Code::HouseholdFromSignal:
        return tr("발굴 %1차 대상자로 신규 가구 등록").arg(f(u"round"));
    case Code::VisitRecorded:
        return visitWords(d);
    case Code::VisitVoided:
        return tr("방문 기록 취소");
    case Code::RecordVoided:
        return tr("%1 취소").arg(voidedWhat(f(u"entity")));
    case Code::RiskTier:
        return tr("위험도 조정: %1 → %2").arg(tierWords(f(u"from")), tierWords(f(u"to")));
    case Code::CaseOpened:
        return tr("사례 열기 (%1)").arg(label(caseTypeFromCode(f(u"type")).value_or(CaseType::General)));
    case Code::CaseStage:
        return tr("사례관리 단계: %1 → %2").arg(stageWords(f(u"from")), stageWords(f(u"to")));
    case Code::ServiceLinked:
        return tr("서비스 연계: %1").arg(f(u"name"));
    case Code::ServiceStatus:
        return tr("서비스 연계 상태: %1 → %2")
            .arg(serviceStatus(f(u"from")), serviceStatus(f(u"to")));
    case Code::Assessment:
        return tr("욕구 및 위기도 조사 입력");
    case Code::CounsellingNote:
        return tr("상담 기록 입력");
    case Code::CheckinStarted:
        return tr("방문 안전 확인 시작 (%L1분 예정)").arg(n(u"minutes"));
    case Code::CheckinEnded:
        return tr("방문 안전 확인 종료");
    case Code::AttachmentAdded:
        return tr("첨부 파일 추가: %2 (%L1바이트, 동의 확인)").arg(n(u"bytes")).arg(f(u"file"));
    case Code::FacilityChanged:
        return tr("복지시설 정보 변경: %1").arg(facilityFields(f(u"fields")));
    case Code::ConflictResolved:
        return tr("동기화 충돌 해결 (%1): %2")
            .arg(conflictField(f(u"entity"), f(u"field")), f(u"kept") == QLatin1String("mine")
                                                               ? tr("내 값 유지")
                                                               : tr("다른 사람의 값 채택"));
    case Code::ReportsReceived:
        return tr("복지위기 알림 신고 %L1건 접수").arg(n(u"count"));
    case Code::ReportStatus:
        return tr("신고 처리: %1").arg(reportStatus(f(u"status")));
    case Code::ReportsListed:
        return tr("신고 접수 목록 조회");
    case Code::SignalsReceived:
        return tr("발굴 %2차 위기정보 %L1건 접수").arg(n(u"count")).arg(f(u"round"));
    case Code::SignalsLinked:
        return tr("발굴 대상자를 가구에 연결 (%L1건)").arg(n(u"count"));
    case Code::SignalsListed:
        return tr("발굴 미연결 대상자 목록 조회");
    case Code::AuditPurge:
        return tr("보존기간이 지난 기록 %L1건 삭제 (%L2번 기록까지, 지금까지 모두 %L3건)")
            .arg(n(u"removed"))
            .arg(n(u"upto"))
            .arg(n(u"total"));
    }
    return formerPrefix() + QLatin1Char(' ') + d.encode();
}

QString AccessLogDetailWords::flag(const Security::AuditFlag &flag)
{
    using K = Security::AuditFlag::Kind;
    switch (flag.kind) {
    case K::ManyViews:
        return tr("조회 %L1건: 평소(중앙값 %L2건)보다 많음").arg(flag.count).arg(flag.usual);
    case K::ManyDownloads:
        return tr("내려받기·출력 %L1건").arg(flag.count);
    case K::ManyReveals:
        return tr("식별정보 열람 %L1건").arg(flag.count);
    case K::FailedLogins:
        return tr("로그인 실패 %L1회").arg(flag.count);
    case K::NightWork:
        return tr("야간(22시~6시) 처리 %L1건").arg(flag.count);
    }
    return {};
}

} // namespace VisitMap::Ui
