// SPDX-License-Identifier: GPL-3.0-or-later
#include "matcher.h"

#include "storage/householdstore.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace VisitMap::Intake {

Matcher::RoadAddress Matcher::roadAddress(const QString &text)
{
    // A 도로명 ends in 로/길 (e.g. 수색로, 증가로10길) and is followed by the building number.
    static const QRegularExpression re(QStringLiteral("([가-힣0-9·.]+(?:로|길))\\s*(\\d+(?:-\\d+)?)"));
    RoadAddress out;
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out.road = m.captured(1);
        out.number = m.captured(2);
    }
    return out;
}

QList<Storage::PersonRef> Matcher::listedPerson(const QList<Storage::PersonRef> &namesakes,
                                                const QString &listedAddress)
{
    if (namesakes.size() < 2 || listedAddress.isEmpty())
        return namesakes;
    // Namesakes born the same day: the listed address decides, if it can.
    const RoadAddress listed = roadAddress(listedAddress);
    QList<Storage::PersonRef> atAddress;
    for (const Storage::PersonRef &p : namesakes) {
        const RoadAddress ra = roadAddress(p.roadAddress);
        if (!listed.isEmpty() && ra.road == listed.road && ra.number == listed.number)
            atAddress << p;
    }
    return atAddress.isEmpty() ? namesakes : atAddress;
}

QString Matcher::personIn(const QList<Storage::PersonRef> &people, const QString &householdId)
{
    QString out;
    for (const Storage::PersonRef &p : people) {
        if (p.householdId == householdId)
            out = p.personId;
    }
    return out;
}

double Matcher::distanceM(double lon1, double lat1, double lon2, double lat2)
{
    constexpr double r = 6371008.8, rad = M_PI / 180;
    const double dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
                     + std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * r * std::asin(std::min(1.0, std::sqrt(a)));
}

namespace {

bool isMasked(const QString &name)
{
    return name.contains(u'*') || name.contains(u'○') || name.contains(u'O') || name.contains(u'ㅇ')
           || name.contains(u'x') || name.contains(u'X');
}

QString translated(const char *text)
{
    return QCoreApplication::translate("VisitMap::MatchReason", text);
}

} // namespace

QString words(const MatchReason &r)
{
    using Kind = MatchReason::Kind;
    QString who = r.value;
    if (!r.sex.isEmpty()) {
        who += u' ';
        who += r.sex == QLatin1String("F")
                   ? translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "여성"))
                   : translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "남성"));
    }
    who = who.trimmed();
    switch (r.kind) {
    case Kind::NearLocation:
        return translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "신고 위치에서 %1 m"))
            .arg(r.value);
    case Kind::SameAddress:
        return translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "주소 일치 (%1)"))
            .arg(r.value);
    case Kind::SameRoad:
        return translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "같은 도로 (%1)"))
            .arg(r.value);
    case Kind::NameAndBirth:
        return translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "이름·생년월일 일치"));
    case Kind::NameOtherBirth:
        return translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "이름 일치 (생년월일 다름)"));
    case Kind::Name:
        return translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "이름 일치"));
    case Kind::MaskedNameFits:
        return translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "성·글자 수 일치"));
    case Kind::MemberFits:
        return translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "%1 가구원")).arg(who);
    case Kind::NoMemberFits:
        return translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "%1 가구원 없음")).arg(who);
    case Kind::SameHouseholdType:
        return translated(QT_TRANSLATE_NOOP("VisitMap::MatchReason", "가구유형 일치 (%1)"))
            .arg(r.value);
    }
    return {};
}

QStringList words(const QList<MatchReason> &reasons)
{
    QStringList out;
    for (const MatchReason &r : reasons)
        out << words(r);
    return out;
}

Candidate Matcher::score(const CrisisReport &report, const CandidateInput &in, const QDate &today)
{
    Candidate c;
    c.householdId = in.household.id;
    double s = 0;

    // Place.
    if (report.hasLocation() && (in.household.lon != 0 || in.household.lat != 0)) {
        c.distanceM = distanceM(*report.lon, *report.lat, in.household.lon, in.household.lat);
        double p = 0;
        if (c.distanceM <= 30)
            p = 45 - c.distanceM / 6;
        else if (c.distanceM <= 400)
            p = 40 * std::exp(-(c.distanceM - 30) / 80);
        if (p >= 1) {
            s += p;
            c.reasons << MatchReason{
                MatchReason::Kind::NearLocation, QString::number(qRound(c.distanceM)), {}};
        }
    }
    const RoadAddress ra = roadAddress(report.addressText);
    if (!ra.isEmpty()) {
        const RoadAddress ha = roadAddress(in.household.roadAddress);
        if (ha.road == ra.road && ha.number == ra.number) {
            s += 30;
            c.reasons << MatchReason{
                MatchReason::Kind::SameAddress, ra.road + u' ' + ra.number, {}};
        } else if (ha.road == ra.road) {
            s += 6;
            c.reasons << MatchReason{MatchReason::Kind::SameRoad, ra.road, {}};
        }
    }

    // Who lives there.
    const QString name = report.subjectName.trimmed();
    if (!name.isEmpty()) {
        for (const Person &p : in.members) {
            if (p.name == name) {
                if (report.subjectBirth.isValid() && p.birthDate == report.subjectBirth) {
                    s += 40;
                    c.reasons << MatchReason{MatchReason::Kind::NameAndBirth, {}, {}};
                } else if (report.subjectBirth.isValid() && p.birthDate.isValid()) {
                    s += 10;
                    c.reasons << MatchReason{MatchReason::Kind::NameOtherBirth, {}, {}};
                } else {
                    s += 25;
                    c.reasons << MatchReason{MatchReason::Kind::Name, {}, {}};
                }
                break;
            }
            if (isMasked(name) && !p.name.isEmpty() && p.name.size() == name.size() && p.name.front() == name.front()) {
                s += 6;
                c.reasons << MatchReason{MatchReason::Kind::MaskedNameFits, {}, {}};
                break;
            }
        }
    }
    const auto band = ageBandRange(report.ageBand);
    if (!report.sex.isEmpty() || band) {
        bool both = false;
        for (const Person &p : in.members) {
            const bool sexOk = report.sex.isEmpty() || p.sex == report.sex;
            const int age = p.ageOn(today);
            const bool ageOk = !band || (age >= band->first && age <= band->second);
            both = both || (sexOk && ageOk);
        }
        if (both) {
            s += (!report.sex.isEmpty() && band) ? 14 : 7;
            c.reasons << MatchReason{MatchReason::Kind::MemberFits, report.ageBand, report.sex};
        } else if (in.members.isEmpty()) {
            // Nothing known about the members: neither for nor against.
        } else {
            s -= 8;
            c.reasons << MatchReason{MatchReason::Kind::NoMemberFits, report.ageBand, report.sex};
        }
    }
    if (!report.householdType.isEmpty() && !in.household.householdType.isEmpty()) {
        if (report.householdType == in.household.householdType) {
            s += 8;
            c.reasons << MatchReason{
                MatchReason::Kind::SameHouseholdType, report.householdType, {}};
        } else {
            s -= 3;
        }
    }
    c.score = std::clamp(std::round(s * 10) / 10, 0.0, 100.0);
    return c;
}

QList<Candidate> Matcher::rank(const CrisisReport &report, const QList<CandidateInput> &inputs, const QDate &today,
                               int max)
{
    QList<Candidate> out;
    for (const CandidateInput &in : inputs) {
        Candidate c = score(report, in, today);
        if (c.score >= minScore)
            out << c;
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate &a, const Candidate &b) {
        if (a.score != b.score)
            return a.score > b.score;
        // Equal scores: the nearer first, then a stable order by id.
        if (a.distanceM != b.distanceM)
            return a.distanceM >= 0 && (b.distanceM < 0 || a.distanceM < b.distanceM);
        return a.householdId < b.householdId;
    });
    if (out.size() > max)
        out.resize(max);
    return out;
}

} // namespace VisitMap::Intake
