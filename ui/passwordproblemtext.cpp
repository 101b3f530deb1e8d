// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordproblemtext.h"

namespace VisitMap::Ui {

using Security::PasswordProblem;

QString PasswordProblemText::forProblem(PasswordProblem problem)
{
    switch (problem) {
    case PasswordProblem::None:
        break;
    case PasswordProblem::TooShortOrSimple:
        return tr("비밀번호가 너무 짧거나 단순합니다. 10자 이상으로 하거나, 8자 이상에 영문 "
                  "대문자·소문자·숫자·특수문자 중 두 가지 이상을 섞으세요.");
    case PasswordProblem::SameAsAccountName:
        return tr("비밀번호가 계정 이름과 같습니다. 계정 이름과 다른 비밀번호를 정하세요.");
    case PasswordProblem::NotNormalisable:
        return tr("비밀번호에 쓸 수 없는 문자(깨진 글자나 제어 문자)가 들어 있습니다. 다시 "
                  "입력하세요.");
    case PasswordProblem::SameAsOld:
        return tr("새 비밀번호가 지금 비밀번호와 같습니다. 다른 비밀번호를 정하세요.");
    }
    return {};
}

QString PasswordProblemText::rule()
{
    return tr("8자 이상에 영문 대문자·소문자·숫자·특수문자 중 2종 이상, 또는 10자 이상. 계정 "
              "이름과 같으면 안 됩니다.");
}

QString PasswordProblemText::describe(const Error &error)
{
    return forProblem(Security::PasswordPolicy::problemOf(error));
}

} // namespace VisitMap::Ui
