// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchkeys.h"

#include "model/household.h"

#include <QRegularExpression>
#include <QStringList>

namespace VisitMap::Storage::SearchKeys {

namespace {

constexpr char16_t kChosung[19] = {u'ㄱ', u'ㄲ', u'ㄴ', u'ㄷ', u'ㄸ', u'ㄹ', u'ㅁ', u'ㅂ', u'ㅃ', u'ㅅ',
                                   u'ㅆ', u'ㅇ', u'ㅈ', u'ㅉ', u'ㅊ', u'ㅋ', u'ㅌ', u'ㅍ', u'ㅎ'};

bool isSyllable(QChar c)
{
    return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3;
}

QString digitsOf(const QString &s)
{
    QString out;
    for (QChar c : s)
        if (c.isDigit())
            out += c;
    return out;
}

} // namespace

QString chosung(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        out += isSyllable(c) ? QChar(kChosung[(c.unicode() - 0xAC00) / 588]) : c;
    return out;
}

QString forHousehold(const QString &headName, const QString &roadAddress, const QString &phone)
{
    QStringList keys;
    const QString name = headName.simplified();
    if (!name.isEmpty()) {
        for (const QString &word : name.split(u' ')) {
            keys << word << chosung(word);
            // A Korean name without its surname: 김민수 -> 민수 (and ㅁㅅ).
            if (word.size() >= 3 && isSyllable(word.front())) {
                const QString given = word.mid(word.size() == 4 ? 2 : 1);
                keys << given << chosung(given);
                if (word.size() == 4) // a two-syllable surname might be one syllable: 남궁민수 / 민수, 궁민수
                    keys << word.mid(1);
            }
        }
    }
    // The address without the 시·도 and 시·군·구 every household of the store shares.
    QStringList words = roadAddress.simplified().split(u' ', Qt::SkipEmptyParts);
    while (words.size() > 2 && (words.first().endsWith(u'시') || words.first().endsWith(u'도')
                                || words.first().endsWith(u'구') || words.first().endsWith(u'군')))
        words.removeFirst();
    static const QRegularExpression brackets(QStringLiteral("[()\\[\\],]"));
    for (QString w : words) {
        w.remove(brackets);
        if (!w.isEmpty())
            keys << w;
    }
    const QString digits = digitsOf(phone);
    if (digits.size() >= 4)
        keys << digits << digits.right(4);
    return keys.join(u' ');
}

QString forHousehold(const Household &h)
{
    return forHousehold(h.headName, h.roadAddress, h.phone);
}

QString matchExpression(const QString &query)
{
    QStringList terms;
    for (QString word : query.simplified().split(u' ', Qt::SkipEmptyParts)) {
        // A phone number typed with dashes is one number.
        if (word.contains(u'-') && !digitsOf(word).isEmpty()
            && digitsOf(word).size() + word.count(u'-') == word.size())
            word = digitsOf(word);
        // Keep what the tokenizer keeps (letters, digits, jamo); the rest would be FTS syntax.
        QString clean;
        for (QChar c : word)
            if (c.isLetterOrNumber())
                clean += c;
        if (!clean.isEmpty())
            terms << QLatin1Char('"') + clean + QStringLiteral("\"*");
    }
    return terms.join(QStringLiteral(" AND "));
}

} // namespace VisitMap::Storage::SearchKeys
