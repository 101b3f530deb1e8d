// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace VisitMap::Ui {

// The access log in the reviewer's words: core records what was done and to what as codes
// ("view", "household") and details as codes with facts; these are the Korean words for them. A
// kind with no name yet is shown as it is recorded.
class AccessLogWords
{
    Q_DECLARE_TR_FUNCTIONS(AccessLogWords)
public:
    static QString action(const QString &code);      // "view" → "조회"
    static QString subjectKind(const QString &kind); // "household" → "가구"
    // The 내용: "@export.file;what=households;rows=300;…" → "가구 자료 300건 내보내기 (…)"
    // (AccessLogDetailWords; an older free-text entry as AccessLogFormerWords reads it).
    static QString detail(const QString &stored);
    // The 사유: what a person typed, or the words for the reason core gives an action itself.
    static QString reason(const QString &action, const QString &reason);
};

} // namespace VisitMap::Ui
