// SPDX-License-Identifier: GPL-3.0-or-later
#include "importproblemtext.h"

namespace VisitMap::Ui {

using Import::RowProblem;

QString ImportProblemText::reason(const Import::RowError &e)
{
    const auto a = [&e](int i) {
        return e.args.value(i);
    };
    switch (e.problem) {
    case RowProblem::Unspecified:
        break;
    case RowProblem::FileUnreadable:
        return tr(
            "파일을 읽을 수 없습니다. 파일 종류와 형식(CSV, GeoJSON, JSON), 인코딩(UTF-8 또는 "
            "CP949)을 확인하세요.");
    case RowProblem::FileEmpty:
        return tr("제목 행만 있고 자료 행이 없습니다.");
    case RowProblem::TooManyRecords:
        return tr("한 파일에 %1건이 있습니다. 한 번에 %2건까지 읽습니다. 파일을 나누세요.")
            .arg(a(0), a(1));
    case RowProblem::FileTooLarge:
        return tr("파일이 %1 MB입니다. %2 MB까지 읽습니다. 파일을 나누세요.").arg(a(0), a(1));
    case RowProblem::DuplicateColumn:
        return tr("같은 열이 두 번 이상 있습니다(%1). 하나만 남기세요.").arg(a(0));
    case RowProblem::MissingColumn:
        return tr("꼭 필요한 열이 없습니다. 제목 행에 다음 중 하나를 넣으세요: %1").arg(a(0));
    case RowProblem::MissingCoordinates:
        return tr("좌표 열(경도와 위도, 또는 lon과 lat)이 없습니다. 모든 가구는 지도 위 위치가 "
                  "있어야 합니다.");
    case RowProblem::HalfCoordinates:
        return tr("좌표는 경도 열과 위도 열이 함께 있어야 합니다.");
    case RowProblem::NotJsonArray:
        return tr("신고 파일은 신고들의 목록([ {…}, {…} ])이어야 합니다.");
    case RowProblem::NotObject:
        return tr("신고 하나가 { … } 형태가 아닙니다.");
    case RowProblem::InvalidJson:
        return tr("JSON 형식이 올바르지 않습니다.");
    case RowProblem::FieldCount:
        return tr("값이 %1개인데 제목 행은 %2개입니다. 따옴표 없이 쉼표가 들어간 값이 있는지 "
                  "확인하세요.")
            .arg(a(0), a(1));
    case RowProblem::RepeatsLine:
        return tr("%1행과 같은 내용입니다(같은 회차, 같은 사람, 같은 항목).").arg(a(0));
    case RowProblem::Empty:
        return tr("값이 비어 있습니다.");
    case RowProblem::Missing:
        return tr("꼭 필요한 항목이 없습니다.");
    case RowProblem::NotText:
        return tr("글자로 적어야 합니다.");
    case RowProblem::TooLong:
        return tr("%1자보다 깁니다.").arg(a(0));
    case RowProblem::DuplicateInFile:
        return e.args.size() > 1
                   ? tr("'%1'이(가) 파일에 두 번 있습니다(처음은 %2행).").arg(a(0), a(1))
                   : tr("'%1'이(가) 파일에 두 번 있습니다.").arg(a(0));
    case RowProblem::AlreadyInStore:
        return tr("가구 %1은(는) 이미 저장소에 있습니다.").arg(a(0));
    case RowProblem::NotHouseholdId:
        return tr("'%1'은(는) 가구 ID(UUID)가 아닙니다.").arg(a(0));
    case RowProblem::NotNumber:
        return tr("'%1'은(는) 숫자가 아닙니다.").arg(a(0));
    case RowProblem::NotCoordinates:
        return tr("'%1, %2'은(는) 좌표(십진수 경위도)가 아닙니다.").arg(a(0), a(1));
    case RowProblem::NotProjectedCoordinates:
        return tr("'%1, %2'은(는) %3 좌표(미터 단위 x, y)가 아닙니다.").arg(a(0), a(1), a(2));
    case RowProblem::OutsideKorea:
        return tr("%1, %2은(는) 우리나라 밖입니다. 경도와 위도가 뒤바뀌지 않았는지 확인하세요.")
            .arg(a(0), a(1));
    case RowProblem::ProjectedOutsideKorea:
        return tr("%3 좌표 %1, %2은(는) 우리나라 밖(경위도 %4, %5)입니다. 다른 좌표계가 아닌지 "
                  "확인하세요.")
            .arg(a(0), a(1), a(2), a(3), a(4));
    case RowProblem::LooksProjected:
        return tr("%1, %2은(는) 경위도가 아니라 미터 단위 좌표로 보입니다. 좌표계(예: UTM-K "
                  "EPSG:5179)를 고르세요.")
            .arg(a(0), a(1));
    case RowProblem::NotPlaceOnEarth:
        return tr("경도 %1, 위도 %2은(는) 지구 위의 위치가 아닙니다.").arg(a(0), a(1));
    case RowProblem::NotOfficeCode:
        return tr("'%1'은(는) 10자리 행정기관코드가 아닙니다.").arg(a(0));
    case RowProblem::UnknownOffice:
        return tr("행정동 코드 %1을(를) 모릅니다. 그 행정동의 경계를 먼저 가져오세요.").arg(a(0));
    case RowProblem::OutsideEveryOffice:
        return tr("%1, %2은(는) 아는 행정동 어디에도 속하지 않습니다. 행정동 코드를 적거나 경계를 "
                  "먼저 가져오세요.")
            .arg(a(0), a(1));
    case RowProblem::InOtherOffice:
        return tr("%1, %2은(는) %3(%4)에 있습니다. 적힌 행정동 %5이(가) 아닙니다.")
            .arg(a(0), a(1), a(2), a(3), a(4));
    case RowProblem::OutsideOffice:
        return tr("%1, %2은(는) 행정동 %4에서 %3 m 벗어나 있습니다.").arg(a(0), a(1), a(2), a(3));
    case RowProblem::NotYourOffice:
        return tr("행정동 %1은(는) 이 계정의 담당 행정동이 아닙니다.").arg(a(0));
    case RowProblem::NotSggCode:
        return tr("'%1'은(는) 시군구 코드가 아닙니다.").arg(a(0));
    case RowProblem::NotTongBan:
        return tr("'%1'은(는) 통·반 번호가 아닙니다.").arg(a(0));
    case RowProblem::NotOneOf:
        return a(0).isEmpty()
                   ? tr("값이 없거나 맞지 않습니다. 다음 중 하나여야 합니다: %1").arg(a(1))
                   : tr("'%1'은(는) 받는 값이 아닙니다. 다음 중 하나여야 합니다: %2")
                         .arg(a(0), a(1));
    case RowProblem::NotPhone:
        return tr("'%1'은(는) 전화번호가 아닙니다.").arg(a(0));
    case RowProblem::NotRrn:
        return tr("주민등록번호가 아닙니다(13자리, YYMMDD-GNNNNNN, 올바른 날짜).");
    case RowProblem::MaskedRrn:
        return tr("가려진 주민등록번호입니다(마스킹된 내보내기). 전체 번호를 적거나 비워 두세요.");
    case RowProblem::NotBirthDate:
        return tr("'%1'은(는) 생년월일(YYYY-MM-DD)이 아닙니다.").arg(a(0));
    case RowProblem::ImpossibleBirthDate:
        return tr("생년월일 %1은(는) 있을 수 없는 날짜입니다.").arg(a(0));
    case RowProblem::BirthDisagreesRrn:
        return tr("생년월일 '%1'이(가) 주민등록번호의 생년월일(%2)과 다릅니다. 다른 사람의 것이 "
                  "아닌지 확인하세요.")
            .arg(a(0), a(1));
    case RowProblem::NotSex:
        return tr("'%1'은(는) 성별(남/여 또는 M/F)이 아닙니다.").arg(a(0));
    case RowProblem::SexDisagreesRrn:
        return tr("성별 '%1'이(가) 주민등록번호의 성별(%2)과 다릅니다.").arg(a(0), a(1));
    case RowProblem::NotMemberCount:
        return tr("'%1'은(는) 가구원 수(1~30)가 아닙니다.").arg(a(0));
    case RowProblem::NotDate:
        return tr("'%1'은(는) 날짜(YYYY-MM-DD)가 아닙니다.").arg(a(0));
    case RowProblem::NotPastDate:
        return tr("'%1'은(는) 지난 날짜가 아닙니다.").arg(a(0));
    case RowProblem::FutureDate:
        return tr("'%1'은(는) 앞으로 올 날짜·시각입니다.").arg(a(0));
    case RowProblem::TooOld:
        return tr("'%1'은(는) 10년도 더 지난 때입니다.").arg(a(0));
    case RowProblem::NotDateTime:
        return tr("'%1'은(는) 날짜와 시각(YYYY-MM-DD HH:MM)이 아닙니다.").arg(a(0));
    case RowProblem::NotIsoTime:
        return tr("'%1'은(는) 시간대가 붙은 ISO-8601 시각(2026-11-20T09:15:00+09:00)이 아닙니다.")
            .arg(a(0));
    case RowProblem::NotBoolean:
        return tr("true 또는 false여야 합니다.");
    case RowProblem::NotAmount:
        return tr("'%1'은(는) 원 단위 금액이 아닙니다.").arg(a(0));
    case RowProblem::Negative:
        return tr("금액 %1이(가) 0보다 작습니다.").arg(a(0));
    case RowProblem::NotMonths:
        return tr("'%1'은(는) 개월 수가 아닙니다.").arg(a(0));
    case RowProblem::ImpossibleMonths:
        return tr("%1개월은 있을 수 없습니다(0~600).").arg(a(0));
    case RowProblem::NeedsAmount:
        return tr("%1(%2) 항목은 금액이 있어야 합니다.").arg(a(0), a(1));
    case RowProblem::NeedsMonths:
        return tr("%1(%2) 항목은 개월 수가 있어야 합니다.").arg(a(0), a(1));
    case RowProblem::NotRound:
        return tr("'%1'은(는) 발굴 회차(연도와 1~6회차, 예: 2026-6)가 아닙니다.").arg(a(0));
    case RowProblem::UnknownItemTable:
        return tr("위기정보 항목표 %1이(가) 없습니다(이 저장소에는 %2).").arg(a(0), a(1));
    case RowProblem::UnknownItem:
        return tr("'%1'은(는) %2 위기정보 항목표(%3개 항목)에 없는 항목입니다.")
            .arg(a(0), a(1), a(2));
    case RowProblem::NoItemTable:
        return tr("이 저장소에 위기정보 항목표 %1이(가) 없습니다.").arg(a(0));
    case RowProblem::NobodyListed:
        return tr("가구 ID도 이름도 없어 누구인지 알 수 없습니다.");
    case RowProblem::NameNeedsBirth:
        return tr(
            "이름만으로는 사람을 찾을 수 없습니다. 생년월일이나 주민등록번호를 함께 적으세요.");
    case RowProblem::NeedsPlace:
        return tr("신고에 위치나 주소가 있어야 행정동을 정할 수 있습니다.");
    case RowProblem::WorkerUnknown:
        return tr("'%1'은(는) 이 저장소의 계정이 아닙니다. 담당자의 로그인 이름을 적거나 비워 "
                  "두세요.")
            .arg(a(0));
    case RowProblem::WorkerCannotHold:
        return tr("'%1' 계정에는 가구를 맡길 수 없습니다(잠긴 계정이거나 관리자).").arg(a(0));
    case RowProblem::WorkerNotInOffice:
        return tr("'%1'은(는) 행정동 %2 담당이 아닙니다.").arg(a(0), a(1));
    case RowProblem::NoHousehold:
        return tr("가구 ID가 없습니다.");
    case RowProblem::UnknownHousehold:
        return tr("가구 ID %1인 가구가 없습니다.").arg(a(0));
    case RowProblem::HouseholdNotYours:
        return tr("이 계정의 담당 행정동 밖의 가구입니다.");
    case RowProblem::BadPhoto:
        return tr(
            "사진 항목의 형식이 맞지 않습니다({\"data\": base64} 또는 {\"path\": 파일}, 그리고 "
            "\"consent\").");
    case RowProblem::PhotoTooLarge:
        return tr("사진이 %1 MB보다 큽니다.").arg(a(0));
    case RowProblem::PhotoNotImage:
        return tr("%1은(는) JPEG, PNG, HEIC, WebP 사진이 아닙니다.").arg(a(0));
    case RowProblem::BoundaryOutsideKorea:
        return tr("%1의 경계가 우리나라 밖에 있습니다. 파일이 WGS84 경위도인지 확인하세요.")
            .arg(a(0));
    case RowProblem::InvalidPolygon:
        return tr("경계가 올바른 다각형이 아닙니다(선이 스스로 교차하는 등).");
    case RowProblem::RingTooShort:
        return tr("경계선의 점이 %1개뿐입니다. 처음 점을 끝에 다시 적어 4개 이상이어야 합니다.")
            .arg(a(0));
    case RowProblem::RingNotClosed:
        return tr("경계선이 닫혀 있지 않습니다(마지막 점이 처음 점과 다릅니다).");
    case RowProblem::TooManyVertices:
        return tr("점이 %1개입니다. %2개까지 읽습니다. 경계를 단순화하거나 파일을 나누세요.")
            .arg(a(0), a(1));
    case RowProblem::BadFeature:
        return tr("행정동 코드나 이름(adm_cd2, adm_nm)이 없거나 맞지 않습니다.");
    }
    return e.line > 0 ? tr("이 행을 가져올 수 없습니다.") : tr("이 파일을 가져올 수 없습니다.");
}

QString ImportProblemText::line(const Import::RowError &e)
{
    QStringList parts;
    parts << (e.line > 0 ? tr("%1행").arg(e.line) : tr("파일"));
    if (!e.field.isEmpty())
        parts << e.field;
    parts << reason(e);
    return parts.join(QStringLiteral(" · "));
}

} // namespace VisitMap::Ui
