// SPDX-License-Identifier: GPL-3.0-or-later
#include "riskscorer.h"

#include "model/crisisreport.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>

namespace VisitMap::Risk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("VisitMap::Risk", text);
}

} // namespace

RiskTier RiskScorer::tierFor(double score) const
{
    if (score >= m_thresholds.high)
        return RiskTier::High;
    if (score >= m_thresholds.medium)
        return RiskTier::Medium;
    return RiskTier::Low;
}

RiskAssessment RiskScorer::assess(const RiskInputs &in) const
{
    RiskAssessment out;
    auto add = [&](const QString &label, double points, const char *kind) {
        if (points <= 0)
            return;
        out.factors.append({label, points, QString::fromLatin1(kind)});
        out.score += points;
    };

    // Crisis signals, strongest first so the category discount falls on the weaker ones.
    QList<SignalInput> signals = in.signals;
    std::sort(signals.begin(), signals.end(),
              [](const SignalInput &a, const SignalInput &b) { return a.weight > b.weight; });
    QHash<QString, int> perCategory;
    QHash<QString, bool> seenCode;
    for (const SignalInput &s : signals) {
        if (seenCode.value(s.code))
            continue; // the same item in several rounds counts once (the newest decides)
        seenCode.insert(s.code, true);
        double points = s.weight;
        QString label = s.name;
        if (s.months && *s.months >= 3) {
            points *= 1.3;
            label += QStringLiteral(" (%1개월)").arg(*s.months);
        } else if (s.amount && *s.amount >= 1'000'000) {
            points *= 1.2;
            label += QStringLiteral(" (%1만원)").arg(*s.amount / 10000);
        }
        if (in.today.isValid() && s.received.isValid() && s.received.daysTo(in.today) > 365)
            points *= 0.5;
        const int nth = perCategory.value(s.category);
        perCategory.insert(s.category, nth + 1);
        if (nth > 0)
            points *= 0.5;
        add(label, points, "signal");
    }

    // Household circumstances.
    const QString &type = in.householdType;
    int oldest = -1;
    bool disability = false;
    for (const MemberInput &m : in.members) {
        oldest = std::max(oldest, m.age);
        disability = disability || m.disability;
    }
    const bool alone = in.members.size() <= 1;
    if (type == QStringLiteral("노인단독")) {
        add(tr("노인 단독가구"), 10, "household");
        if (oldest >= 80)
            add(tr("80세 이상 홀로 생활"), 8, "household");
    } else if (type == QStringLiteral("1인") && alone && !in.members.isEmpty()) {
        const MemberInput &m = in.members.first();
        if (m.age >= 50 && m.age < 65 && m.sex == QLatin1String("M"))
            add(tr("중장년 남성 1인가구 (고독사 위험군)"), 8, "household");
        else
            add(tr("1인가구"), 4, "household");
    } else if (type == QStringLiteral("한부모·조손")) {
        add(tr("한부모·조손 가구"), 6, "household");
    } else if (type == QStringLiteral("다문화·탈북민")) {
        add(tr("다문화·탈북민 가구"), 4, "household");
    }
    if (type == QStringLiteral("장애인") || disability)
        add(tr("장애인 가구원"), 7, "household");
    if (in.housing.contains(QStringLiteral("고시원")) || in.housing.contains(QStringLiteral("쪽방"))
        || in.housing.contains(QStringLiteral("비닐하우스")))
        add(tr("주거 취약 (고시원·쪽방)"), 10, "household");
    else if (in.housing.contains(QStringLiteral("반지하")))
        add(tr("반지하 거주"), 5, "household");

    // Contacts that did not reach the person.
    if (in.recentRefusals > 0)
        add(tr("최근 방문·상담 거부"), 6 + 2 * std::min(in.recentRefusals - 1, 3), "contact");
    if (in.consecutiveAbsences >= 2)
        add(tr("연속 부재 %1회").arg(in.consecutiveAbsences),
            4 + 2 * std::min(in.consecutiveAbsences - 2, 3), "contact");

    // Citizen reports not yet resolved.
    for (const QString &c : in.reportCategories) {
        add(tr("복지위기 알림 신고: %1").arg(CrisisCategories::label(c)), CrisisCategories::isGrave(c) ? 20 : 12,
            "signal");
    }

    std::sort(out.factors.begin(), out.factors.end(),
              [](const RiskFactor &a, const RiskFactor &b) { return a.points > b.points; });
    out.score = std::round(out.score * 10) / 10;
    out.tier = tierFor(out.score);
    return out;
}

} // namespace VisitMap::Risk
