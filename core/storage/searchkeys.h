// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace VisitMap {
struct Household;
}

namespace VisitMap::Storage {

// What household search indexes, and how a person's query becomes an FTS5 match. Korean users
// search by part of a name (민수), by its initial consonants (ㄱㅁㅅ finds 김민수), by road name
// (연희로) or by the last digits of a phone number (4567).
namespace SearchKeys {
// Space-separated tokens for one household.
QString forHousehold(const QString &headName, const QString &roadAddress, const QString &phone);
QString forHousehold(const Household &household);
// The initial consonants of Hangul syllables (김민수 -> ㄱㅁㅅ); other characters are kept.
QString chosung(const QString &text);
// An FTS5 MATCH expression: every word of the query as a prefix, all required. Empty when the
// query has nothing to search for.
QString matchExpression(const QString &query);
} // namespace SearchKeys

} // namespace VisitMap::Storage
