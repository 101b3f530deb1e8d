// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncerrortext.h"

#include "errortext.h"

namespace VisitMap::Ui {

QString SyncErrorText::forFailure(Sync::CentralFailure kind)
{
    using Sync::CentralFailure;
    switch (kind) {
    case CentralFailure::None:
        break;
    case CentralFailure::Unreachable:
        return tr("중앙 서버에 연결할 수 없습니다. 서버 주소와 네트워크를 확인하세요. 그동안 이 "
                  "컴퓨터에서 계속 작업할 수 있고, 기록은 다음 동기화 때 보냅니다.");
    case CentralFailure::TlsRefused:
        return tr("중앙 서버와 보안 연결(TLS)을 맺지 못했습니다. 서버가 보안 연결을 받지 않거나 "
                  "서버 인증서를 확인할 수 없습니다. 서버 주소의 보안 연결 설정을 관리자에게 "
                  "확인하세요.");
    case CentralFailure::WrongPassword:
        return tr("중앙 서버가 계정이나 비밀번호를 받아들이지 않았습니다. 이 컴퓨터의 기록은 "
                  "그대로 있습니다.");
    case CentralFailure::NoDatabase:
        return tr("중앙 서버에 연결했지만 그 주소에 복지방문지도 데이터베이스가 없습니다. ");
    case CentralFailure::SchemaTooOld:
        return tr("중앙 서버의 버전이 이 프로그램보다 오래되었습니다. 관리자에게 서버 갱신을 "
                  "요청하세요. 이 컴퓨터의 기록은 그대로 있습니다.");
    case CentralFailure::ConnectionLost:
        return tr("동기화 중에 중앙 서버와의 연결이 끊겼습니다. 끝나지 않은 단계는 남기지 "
                  "않았으며, 다음 동기화 때 이어서 합니다.");
    case CentralFailure::Refused:
        return tr("중앙 서버가 이 계정의 요청을 거부했습니다. 담당 구역과 권한을 관리자에게 "
                  "확인하세요.");
    case CentralFailure::BadAddress:
        return tr("서버 주소를 읽을 수 없습니다. host=… port=… dbname=… 형식이나 "
                  "postgresql:// 주소로 입력하세요.");
    case CentralFailure::NoDriver:
        return tr("이 컴퓨터에 PostgreSQL 연결 구성 요소가 설치되어 있지 않아 동기화할 수 "
                  "없습니다. 관리자에게 설치를 요청하세요.");
    case CentralFailure::NotStaff:
        return tr("중앙 서버에 로그인했지만 그 서버에 이 계정의 직원 정보가 없습니다. 관리자에게 "
                  "계정 등록을 요청하세요.");
    }
    return {};
}

QString SyncErrorText::brief(Sync::CentralFailure kind)
{
    using Sync::CentralFailure;
    switch (kind) {
    case CentralFailure::None:
        break;
    case CentralFailure::Unreachable:
        return tr("서버에 연결할 수 없음");
    case CentralFailure::TlsRefused:
        return tr("보안 연결(TLS)을 맺지 못함");
    case CentralFailure::WrongPassword:
        return tr("서버가 계정이나 비밀번호를 거부");
    case CentralFailure::NoDatabase:
        return tr("서버에 복지방문지도 데이터베이스가 없음");
    case CentralFailure::SchemaTooOld:
        return tr("서버 버전이 오래됨 (관리자에게 갱신 요청)");
    case CentralFailure::ConnectionLost:
        return tr("동기화 중 연결이 끊김");
    case CentralFailure::Refused:
        return tr("서버가 요청을 거부");
    case CentralFailure::BadAddress:
        return tr("서버 주소를 읽을 수 없음");
    case CentralFailure::NoDriver:
        return tr("PostgreSQL 연결 구성 요소가 없음");
    case CentralFailure::NotStaff:
        return tr("서버에 이 계정의 직원 정보가 없음");
    }
    return {};
}

QString SyncErrorText::describe(const Error &error)
{
    if (const QString words = forFailure(Sync::centralFailure(error)); !words.isEmpty())
        return words;
    return ErrorText::describe(error);
}

} // namespace VisitMap::Ui
