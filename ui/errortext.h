// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace VisitMap::Ui {

// Core reports a failure as a code plus facts (file, line, an English detail for logs and the
// command line). A person reads Korean: these turn a failure into Korean words by its code and its
// place, never by core's English text.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    // "what kind of failure" in one Korean sentence, e.g. "파일을 읽거나 쓸 수 없습니다."
    static QString forCode(ErrorCode code);
    // The sentence for the code, with the file and line when the error names them:
    // "households.csv 12행: 파일의 내용을 읽을 수 없습니다."
    static QString describe(const Error &error);
    // As describe(), after a lead-in saying what was being done: "가져오기를 하지 못했습니다. …"
    static QString describe(const QString &whatFailed, const Error &error);
};

} // namespace VisitMap::Ui
