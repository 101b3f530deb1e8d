// SPDX-License-Identifier: GPL-3.0-or-later
#include "errortext.h"

#include <QFileInfo>

namespace VisitMap::Ui {

QString ErrorText::forCode(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Io:
        return tr("파일을 읽거나 쓸 수 없습니다. 경로와 권한, 남은 디스크 공간을 확인하세요.");
    case ErrorCode::Sql:
        return tr("저장소에 기록하지 못했습니다. 아무것도 바뀌지 않았습니다.");
    case ErrorCode::Parse:
        return tr("파일의 형식을 읽을 수 없습니다.");
    case ErrorCode::Validation:
        return tr("입력한 값이 올바르지 않습니다.");
    case ErrorCode::NotFound:
        return tr("찾는 항목이 없습니다. 다른 사람이 지웠거나 옮겼을 수 있습니다.");
    case ErrorCode::AlreadyExists:
        return tr("같은 항목이 이미 있습니다.");
    case ErrorCode::PermissionDenied:
        return tr("이 작업을 할 권한이 없습니다.");
    case ErrorCode::AuthFailed:
        return tr("계정 또는 비밀번호가 맞지 않습니다.");
    case ErrorCode::AccountLocked:
        return tr("계정이 잠겨 있습니다. 관리자에게 잠금 해제를 요청하세요.");
    case ErrorCode::KeyUnavailable:
        return tr("이 자료를 여는 열쇠가 이 계정에 없습니다. 팀장이나 관리자에게 문의하세요.");
    case ErrorCode::Conflict:
        return tr(
            "다른 사람이나 다른 프로그램이 같은 자료를 쓰고 있습니다. 잠시 뒤에 다시 하세요.");
    case ErrorCode::Network:
        return tr("중앙 서버에 연결하지 못했습니다. 네트워크와 서버 주소를 확인하세요.");
    case ErrorCode::Crypto:
        return tr("암호화된 자료를 열지 못했습니다.");
    case ErrorCode::Cancelled:
        return tr("취소했습니다. 아무것도 바뀌지 않았습니다.");
    case ErrorCode::Usage:
        return tr("지금은 이 작업을 할 수 없습니다.");
    case ErrorCode::Internal:
        break;
    }
    return tr("예상하지 못한 문제가 생겼습니다. 아무것도 바뀌지 않았습니다.");
}

QString ErrorText::describe(const Error &error)
{
    const QString sentence = forCode(error.code);
    if (error.file.isEmpty())
        return sentence;
    const QString name = QFileInfo(error.file).fileName();
    if (error.line > 0)
        return tr("%1 %2행: %3").arg(name).arg(error.line).arg(sentence);
    return tr("%1: %2").arg(name, sentence);
}

QString ErrorText::describe(const QString &whatFailed, const Error &error)
{
    return whatFailed + QLatin1Char('\n') + describe(error);
}

} // namespace VisitMap::Ui
