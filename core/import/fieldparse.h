// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <optional>

namespace VisitMap::Import {

// Parsers for the values people type into spreadsheets. Each returns nothing when the text is not
// a value of that kind; callers turn that into a row error.
namespace Field {
// Removes the apostrophe spreadsheets (and our CSV writer) put before =, +, @ to stop formulas.
QString clean(const QString &text);
std::optional<double> number(const QString &text);  // "126.95", "1.2695E+02", "1,234"
std::optional<int> integer(const QString &text);
// 2026-11-23, 2026.11.23, 2026/11/23, 20261123, "2026. 11. 23."
std::optional<QDate> date(const QString &text);
// A 주민등록번호 (or 외국인등록번호): 13 digits with or without '-', a valid date in front and a
// 7th digit 1-8 (or 9, 0 for the 1800s). Returns it as YYMMDD-GNNNNNN.
std::optional<QString> rrn(const QString &text);
QDate birthDateFromRrn(const QString &rrn);
QString sexFromRrn(const QString &rrn); // "M" / "F"
bool isMasked(const QString &text);      // contains '*': a masked export's value
} // namespace Field

} // namespace VisitMap::Import
