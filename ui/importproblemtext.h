// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QCoreApplication>
#include <QString>

namespace VisitMap::Ui {

// A bad row of an import in Korean, by its reason code and facts (never core's English reason):
// "12행 · 주소 · 주소가 비어 있습니다."
class ImportProblemText
{
    Q_DECLARE_TR_FUNCTIONS(ImportProblemText)
public:
    // The reason alone.
    static QString reason(const Import::RowError &error);
    // Where, which column and why, for the problem list.
    static QString line(const Import::RowError &error);
};

} // namespace VisitMap::Ui
