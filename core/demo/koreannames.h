// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace VisitMap {
class Random;
}

namespace VisitMap::Demo {

// Plausible synthetic Korean names: surnames by their census share, given names by sex and by
// the decade of birth (순자 and 영수 for the 1940s, 서연 and 민준 for the 2010s). Combinations are
// random, so any resemblance to a real person is chance, and every store made by `demo` is marked
// synthetic.
class KoreanNames
{
public:
    static QString surname(Random &random);
    static QString given(Random &random, bool male, int birthYear);
    static QString full(Random &random, bool male, int birthYear);
    // A foreign spouse's name in a 다문화 household (Vietnamese, Chinese, Filipino).
    static QString foreign(Random &random, bool male, QString *nationality);
};

} // namespace VisitMap::Demo
