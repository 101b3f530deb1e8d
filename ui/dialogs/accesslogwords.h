// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace VisitMap::Ui {

// The access log in the reviewer's words: core records what was done and to what as codes
// ("view", "household"); these are the Korean names for them. A code with no name yet is shown
// as it is recorded.
class AccessLogWords
{
    Q_DECLARE_TR_FUNCTIONS(AccessLogWords)
public:
    static QString action(const QString &code);      // "view" → "조회"
    static QString subjectKind(const QString &kind); // "household" → "가구"
};

} // namespace VisitMap::Ui
