// SPDX-License-Identifier: GPL-3.0-or-later
#include "urgencyrules.h"

#include "util/clock.h"

#include <QRegularExpression>

namespace VisitMap::Intake {

namespace {

// Words compared with every space removed, so that the spacing people type does not matter.
const QStringList &urgentWords()
{
    static const QStringList words = {
        // suicide, self-harm
        QStringLiteral("자살"),
        QStringLiteral("자해"),
        QStringLiteral("죽고싶"),
        QStringLiteral("목숨"),
        QStringLiteral("극단적선택"),
        QStringLiteral("유서"),
        QStringLiteral("번개탄"),
        QStringLiteral("투신"),
        // violence, abuse
        QStringLiteral("폭력"),
        QStringLiteral("폭행"),
        QStringLiteral("학대"),
        QStringLiteral("때리"),
        QStringLiteral("때린"),
        QStringLiteral("때려"),
        QStringLiteral("감금"),
        QStringLiteral("흉기"),
        // health emergencies
        QStringLiteral("쓰러"),
        QStringLiteral("응급상황"),
        QStringLiteral("위급"),
        QStringLiteral("의식이없"),
        QStringLiteral("의식없"),
        QStringLiteral("의식불명"),
        QStringLiteral("숨을못"),
        QStringLiteral("숨을안쉬"),
        QStringLiteral("숨을쉬지"),
        QStringLiteral("호흡곤란"),
        QStringLiteral("피를흘"),
    };
    return words;
}

const QStringList &aloneWords()
{
    static const QStringList words
        = {QStringLiteral("혼자사"),   QStringLiteral("홀로사"), QStringLiteral("혼자지내"),
           QStringLiteral("홀로지내"), QStringLiteral("혼자계"), QStringLiteral("홀로계"),
           QStringLiteral("독거"),     QStringLiteral("홀몸")};
    return words;
}

const QStringList &unseenWords()
{
    static const QStringList words = {
        QStringLiteral("안보이"),     QStringLiteral("안보여"),     QStringLiteral("안보인"),
        QStringLiteral("보이지않"),   QStringLiteral("못봤"),       QStringLiteral("못보았"),
        QStringLiteral("인기척"),     QStringLiteral("우편물"),     QStringLiteral("우편함"),
        QStringLiteral("신문이쌓"),   QStringLiteral("택배가쌓"),   QStringLiteral("연락이안"),
        QStringLiteral("연락두절"),   QStringLiteral("연락이닿지"), QStringLiteral("문을안열"),
        QStringLiteral("문을열지않"), QStringLiteral("악취"),
    };
    return words;
}

QString squeezed(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QString out = text;
    return out.remove(space);
}

QStringList found(const QString &squeezedText, const QStringList &words)
{
    QStringList out;
    for (const QString &w : words) {
        if (squeezedText.contains(w))
            out << w;
    }
    return out;
}

bool livesAlone(const UrgencyFacts &f, const QString &text)
{
    return f.householdType == QStringLiteral("1인") || f.householdType == QStringLiteral("노인단독")
           || f.categories.contains(QStringLiteral("isolation"))
           || !found(text, aloneWords()).isEmpty();
}

} // namespace

UrgencyAssessment UrgencyRules::assess(const UrgencyFacts &f)
{
    using Kind = UrgencyReason::Kind;
    const QString text = squeezed(f.text);
    QList<UrgencyReason> urgent, priority;

    for (const QString &c : f.categories) {
        if (c == QLatin1String("suicide") || c == QLatin1String("violence"))
            urgent.append({Kind::Category, c});
    }
    for (const QString &w : found(text, urgentWords()))
        urgent.append({Kind::Keyword, w});
    for (const QString &name : f.itemNames) {
        if (!found(squeezed(name), urgentWords()).isEmpty())
            urgent.append({Kind::Item, name});
    }
    if (!urgent.isEmpty())
        return {Urgency::Urgent, urgent};

    for (const QString &c : f.categories) {
        if (c == QLatin1String("health") || c == QLatin1String("food") || c == QLatin1String("care")
            || c == QLatin1String("disaster"))
            priority.append({Kind::Category, c});
    }
    if (const QStringList unseen = found(text, unseenWords());
        !unseen.isEmpty() && livesAlone(f, text))
        priority.append({Kind::AloneUnseen, unseen.join(QStringLiteral(", "))});
    for (qsizetype i = 0; i < f.itemNames.size(); ++i) {
        const QString name = squeezed(f.itemNames[i]);
        if (f.itemCategories.value(i) == QStringLiteral("안전·정신건강")
            || name.startsWith(QStringLiteral("단전")) || name.startsWith(QStringLiteral("단수"))
            || name.startsWith(QStringLiteral("단가스")))
            priority.append({Kind::Item, f.itemNames[i]});
    }
    if (!priority.isEmpty())
        return {Urgency::Priority, priority};
    return {};
}

UrgencyFacts UrgencyRules::factsOf(const CrisisReport &r)
{
    UrgencyFacts f;
    f.categories = r.categories;
    f.text = r.description;
    f.householdType = r.householdType;
    return f;
}

UrgencyFacts UrgencyRules::factsOf(const QList<CrisisItem> &items)
{
    UrgencyFacts f;
    for (const CrisisItem &item : items) {
        f.itemNames << item.name;
        f.itemCategories << item.category;
    }
    return f;
}

QDate UrgencyRules::responseDue(Urgency urgency, const QDate &received)
{
    if (!received.isValid())
        return {};
    switch (urgency) {
    case Urgency::Urgent:
        return received;
    case Urgency::Priority:
        return received.addDays(priorityDays);
    case Urgency::Normal:
        return received.addDays(normalDays);
    }
    return received.addDays(normalDays);
}

QDate UrgencyRules::receivedDay(const CrisisReport &r)
{
    return r.receivedAt.isValid() ? r.receivedAt.toTimeZone(Clock::seoul()).date() : QDate();
}

bool UrgencyRules::precedes(Urgency a,
                            const QDateTime &receivedA,
                            Urgency b,
                            const QDateTime &receivedB)
{
    if (a != b)
        return urgencyRank(a) < urgencyRank(b);
    return receivedA < receivedB;
}

} // namespace VisitMap::Intake
