// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace VisitMap {
class Random;
}

namespace VisitMap::Demo {

// Synthetic 주민등록번호 for demo people. The front half is the real birth date and the 7th digit
// the right sex and century, so screens and masking look as they will with real data; the 13th
// digit is always chosen to FAIL the check-digit formula that every number issued before
// October 2020 satisfies, so no such number was ever issued under that scheme.
namespace SyntheticRrn {
QString make(Random &random, const QDate &birth, bool male, bool foreigner = false);
// The legacy check digit: (11 - sum(d_i * w_i) mod 11) mod 10, w = 2..9,2..5.
int checkDigit(const QString &digits12);
bool passesLegacyCheck(const QString &rrn);
} // namespace SyntheticRrn

} // namespace VisitMap::Demo
