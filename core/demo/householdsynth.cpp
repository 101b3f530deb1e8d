// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdsynth.h"

#include "risk/urgencyrules.h"
#include "koreannames.h"
#include "syntheticrrn.h"
#include "util/clock.h"
#include "util/random.h"
#include "util/uuid.h"

#include <array>

namespace VisitMap::Demo {

namespace {

// Household types of a dong office's managed caseload (not of the general population).
constexpr std::array<double, 8> kTypeWeights{30, 8, 20, 10, 12, 5, 5, 10};
const QStringList &typeNames()
{
    static const QStringList names = householdTypes(); // same order as kTypeWeights
    return names;
}

constexpr std::array<const char *, 6> kHousing{"자가", "전세", "월세", "공공임대", "월세(반지하)",
                                               "고시원·쪽방"};
constexpr std::array<const char *, 6> kDisabilities{"지체장애(심한)", "지적장애", "시각장애",
                                                    "청각장애", "뇌병변장애", "정신장애"};
constexpr std::array<const char *, 8> kHealth{
    "고혈압 약 복용 중", "당뇨, 인슐린 투여", "무릎 관절염으로 거동 불편", "경도 인지장애 의심",
    "만성 폐쇄성 폐질환", "우울감 호소, 정신건강복지센터 연계 검토", "뇌졸중 후유증으로 편마비",
    "치아 상실로 식사 어려움"};

constexpr std::array<const char *, 6> kMetNotes{
    "안부 확인, 건강 상태 양호", "식사·복약 확인, 특이사항 없음", "도시락 배달 서비스 희망",
    "난방비 부담 호소, 에너지바우처 안내", "병원 동행 요청, 일정 조율 예정",
    "주거 환경 점검, 곰팡이 발생 확인"};
constexpr std::array<const char *, 3> kAbsentNotes{"문 두드렸으나 응답 없음, 안내문 부착",
                                                   "전화 연결 안 됨", "이웃에게 근황 문의"};
constexpr std::array<const char *, 2> kRefusedNotes{"방문 거부, 다음 달 재방문 예정",
                                                    "상담 원치 않음, 전화로만 안부 확인 동의"};

QDate randomDayBetween(Random &r, const QDate &from, const QDate &to)
{
    const qint64 span = from.daysTo(to);
    return span <= 0 ? from : from.addDays(r.below(uint32_t(span + 1)));
}

QDateTime workTime(Random &r, const QDate &day)
{
    const int minutes = 9 * 60 + 30 + int(r.below(8 * 60));
    return QDateTime(day, QTime(minutes / 60, minutes % 60), Clock::seoul()).toUTC();
}

} // namespace

SynthHousehold HouseholdSynth::make(Random &r, const Office &office, const QPointF &pos, int tong,
                                    std::int64_t idMs) const
{
    SynthHousehold out;
    Household &h = out.household;
    h.id = Uuid::v7(idMs, r);
    h.officeCode = office.code;
    h.lon = pos.x();
    h.lat = pos.y();
    h.tong = tong;
    h.ban = 1 + int(r.below(8));
    h.householdType = typeNames().at(int(r.weighted(kTypeWeights)));
    const QString road = m_ctx.roads.at(int(r.below(uint32_t(m_ctx.roads.size()))));
    const int number = road.endsWith(QStringLiteral("길")) ? 1 + int(r.below(80))
                                                           : 1 + int(r.below(300));
    h.roadAddress = QStringLiteral("%1 %2 %3").arg(m_ctx.addressPrefix, road).arg(number);
    h.roadAddress += QStringLiteral(" (%1)").arg(office.name);
    if (r.chance(0.45))
        h.addressDetail = QStringLiteral("%1동 %2호").arg(101 + r.below(20)).arg(
            (1 + r.below(15)) * 100 + 1 + r.below(6));
    else if (r.chance(0.5))
        h.addressDetail = QStringLiteral("%1호").arg((1 + r.below(4)) * 100 + 1 + r.below(4));
    h.phone = QStringLiteral("010-0%1-%2")
                  .arg(r.below(1000), 3, 10, QLatin1Char('0'))
                  .arg(r.below(10000), 4, 10, QLatin1Char('0'));
    h.assignedWorker = m_ctx.workers.isEmpty()
                           ? QString()
                           : m_ctx.workers.at(int(qHash(office.code) % uint(m_ctx.workers.size())));
    h.source = QStringLiteral("demo");
    h.createdBy = QStringLiteral("demo");

    std::array<double, kHousing.size()> housing{12, 14, 40, 24, 5, 5};
    if (h.householdType == QStringLiteral("1인"))
        housing[5] *= 3;
    if (h.householdType == QStringLiteral("다자녀") || h.householdType == QStringLiteral("일반"))
        housing[0] *= 2.5;
    h.housing = QString::fromUtf8(kHousing[r.weighted(housing)]);

    makeMembers(r, out, idMs);
    h.memberCount = int(out.members.size());
    h.headName = out.members.first().name;

    // About 4% are this round's new discoveries, registered days ago and not yet visited.
    const bool fresh = r.chance(0.04);
    const QDate created = fresh ? m_ctx.today.addDays(-int(r.below(25)) - 1)
                                : m_ctx.today.addDays(-120 - int(r.below(1700)));
    h.createdAt = workTime(r, created);
    h.updatedAt = h.createdAt;

    const double t = r.uniform();
    const RiskTier target = t < 0.10 ? RiskTier::High : t < 0.35 ? RiskTier::Medium : RiskTier::Low;
    makeSignals(r, out, target, idMs);
    if (fresh) {
        h.flaggedNewAt = h.createdAt;
        for (CrisisSignal &s : out.signals)
            s.receivedDate = created;
    }
    classifySignals(out);
    makeVisits(r, out, idMs);
    answerUrgent(out, idMs);
    bringForwardToDeadlines(out);
    makeCase(r, out, idMs);
    return out;
}

void HouseholdSynth::makeMembers(Random &r, SynthHousehold &out, std::int64_t idMs) const
{
    const QString &type = out.household.householdType;
    const int year = m_ctx.today.year();
    auto person = [&](int age, bool male, const QString &relationship, bool head) {
        Person p;
        p.id = Uuid::v7(idMs, r);
        const int birthYear = year - age;
        p.birthDate = QDate(birthYear, 1, 1).addDays(r.below(365));
        p.sex = male ? QStringLiteral("M") : QStringLiteral("F");
        p.name = KoreanNames::full(r, male, birthYear);
        p.rrn = SyntheticRrn::make(r, p.birthDate, male);
        p.relationship = relationship;
        p.isHead = head;
        if (age >= 70 && r.chance(0.4))
            p.healthNotes = QString::fromUtf8(kHealth[r.below(uint32_t(kHealth.size()))]);
        out.members.append(p);
        return out.members.size() - 1;
    };
    auto children = [&](int parentAge, int count, int maxAge, const QString &rel, const QString &surname) {
        for (int i = 0; i < count; ++i) {
            const int age = int(r.below(uint32_t(std::max(1, std::min(maxAge, parentAge - 18) + 1))));
            const auto idx = person(age, r.chance(0.5), rel, false);
            Person &c = out.members[idx];
            c.name = surname + c.name.mid(1);
        }
    };
    const QString kBon = QStringLiteral("본인"), kSpouse = QStringLiteral("배우자"),
                  kChild = QStringLiteral("자녀"), kGrandchild = QStringLiteral("손자녀");

    if (type == QStringLiteral("노인단독")) {
        person(65 + int(std::min(30.0, std::abs(r.normal()) * 10)), r.chance(0.3), kBon, true);
    } else if (type == QStringLiteral("노인부부")) {
        const int age = 67 + int(r.below(25));
        person(age, true, kBon, true);
        person(std::max(60, age - 5 + int(r.below(8))), false, kSpouse, false);
    } else if (type == QStringLiteral("1인")) {
        const int age = r.chance(0.65) ? 40 + int(r.below(25)) : 22 + int(r.below(18));
        person(age, r.chance(0.62), kBon, true);
    } else if (type == QStringLiteral("한부모·조손")) {
        if (r.chance(0.8)) {
            const int age = 28 + int(r.below(25));
            const auto idx = person(age, r.chance(0.25), kBon, true);
            children(age, 1 + int(r.below(3)), 18, kChild, out.members[idx].name.left(1));
        } else {
            const int age = 60 + int(r.below(21));
            const auto idx = person(age, r.chance(0.35), kBon, true);
            children(age, 1 + int(r.below(2)), 17, kGrandchild, out.members[idx].name.left(1));
        }
    } else if (type == QStringLiteral("장애인")) {
        const int age = 30 + int(r.below(50));
        const auto idx = person(age, r.chance(0.55), kBon, true);
        out.members[idx].disability = QString::fromUtf8(kDisabilities[r.below(uint32_t(kDisabilities.size()))]);
        if (r.chance(0.5))
            person(std::max(20, age + int(r.below(11)) - 5), out.members[idx].sex != QLatin1String("M"),
                   kSpouse, false);
        if (age < 55 && r.chance(0.4))
            children(age, 1, 18, kChild, out.members[idx].name.left(1));
    } else if (type == QStringLiteral("다문화·탈북민")) {
        if (r.chance(0.85)) {
            const int age = 38 + int(r.below(25));
            const auto idx = person(age, true, kBon, true);
            Person spouse;
            spouse.id = Uuid::v7(idMs, r);
            const int spouseAge = 24 + int(r.below(20));
            spouse.birthDate = QDate(m_ctx.today.year() - spouseAge, 1, 1).addDays(r.below(365));
            spouse.sex = QStringLiteral("F");
            spouse.name = KoreanNames::foreign(r, false, &spouse.nationality);
            spouse.rrn = SyntheticRrn::make(r, spouse.birthDate, false, true);
            spouse.relationship = kSpouse;
            out.members.append(spouse);
            children(spouseAge, int(r.below(3)), 12, kChild, out.members[idx].name.left(1));
        } else {
            const int age = 25 + int(r.below(40));
            const auto idx = person(age, r.chance(0.3), kBon, true);
            out.members[idx].nationality = QStringLiteral("KR");
            if (r.chance(0.4))
                children(age, 1, 17, kChild, out.members[idx].name.left(1));
        }
    } else if (type == QStringLiteral("다자녀")) {
        const int age = 32 + int(r.below(15));
        const auto idx = person(age, true, kBon, true);
        person(age - 2 + int(r.below(5)), false, kSpouse, false);
        children(age, 3 + int(r.below(2)), 17, kChild, out.members[idx].name.left(1));
    } else {
        const int age = 30 + int(r.below(40));
        const auto idx = person(age, r.chance(0.6), kBon, true);
        if (r.chance(0.7))
            person(age - 3 + int(r.below(7)), out.members[idx].sex != QLatin1String("M"), kSpouse, false);
        children(age, int(r.below(3)), 25, kChild, out.members[idx].name.left(1));
    }
}

Risk::RiskInputs HouseholdSynth::inputsFor(const SynthHousehold &out) const
{
    Risk::RiskInputs in;
    in.householdType = out.household.householdType;
    in.housing = out.household.housing;
    in.today = m_ctx.today;
    for (const Person &p : out.members)
        in.members.append({p.ageOn(m_ctx.today), p.sex, !p.disability.isEmpty()});
    for (const CrisisSignal &s : out.signals) {
        for (const CrisisItem &item : m_ctx.items) {
            if (item.code == s.itemCode) {
                in.signals.append({item.code, item.name, item.category, item.weight, s.amount,
                                   s.months, s.receivedDate});
                break;
            }
        }
    }
    return in;
}

void HouseholdSynth::classifySignals(SynthHousehold &out) const
{
    // One listing per round (the household's entries in it), as the store's backfill and the
    // round import group them: the round's items decide, received on its first entry's day.
    QStringList rounds;
    for (const CrisisSignal &s : out.signals) {
        if (!rounds.contains(s.roundId))
            rounds << s.roundId;
    }
    for (const QString &round : std::as_const(rounds)) {
        QList<CrisisItem> listed;
        QDate received;
        for (const CrisisSignal &s : std::as_const(out.signals)) {
            if (s.roundId != round)
                continue;
            for (const CrisisItem &item : m_ctx.items) {
                if (item.code == s.itemCode) {
                    listed << item;
                    break;
                }
            }
            if (!received.isValid() || s.receivedDate < received)
                received = s.receivedDate;
        }
        const Urgency level
            = Intake::UrgencyRules::assess(Intake::UrgencyRules::factsOf(listed)).level;
        const QDate due = Intake::UrgencyRules::responseDue(level, received);
        for (CrisisSignal &s : out.signals) {
            if (s.roundId == round) {
                s.urgency = level;
                s.responseDue = due;
            }
        }
    }
}

void HouseholdSynth::makeSignals(Random &r, SynthHousehold &out, RiskTier target,
                                 std::int64_t idMs) const
{
    QList<int> mild, moderate, severe;
    for (int i = 0; i < m_ctx.items.size(); ++i) {
        const double w = m_ctx.items[i].weight;
        (w <= 8 ? mild : w < 15 ? moderate : severe).append(i);
    }
    auto draw = [&](const QList<int> &from) {
        const CrisisItem &item = m_ctx.items[from[int(r.below(uint32_t(from.size())))]];
        CrisisSignal s;
        s.id = Uuid::v7(idMs, r);
        s.officeCode = out.household.officeCode;
        s.householdId = out.household.id;
        s.itemVersion = m_ctx.itemVersion;
        s.itemCode = item.code;
        if (item.unit == QLatin1String("months"))
            s.months = 1 + int(r.below(8));
        else if (item.unit == QLatin1String("amount"))
            s.amount = qint64(100'000 + r.below(190) * 100'000);
        // Rounds arrive every other month; a signal belongs to one of the last six.
        const int round = int(r.below(6));
        s.receivedDate = m_ctx.today.addDays(-(round * 61 + int(r.below(10)) + 1));
        s.roundId = QStringLiteral("%1-%2").arg(s.receivedDate.year()).arg((s.receivedDate.month() + 1) / 2);
        return s;
    };
    Risk::RiskAssessment best;
    QList<CrisisSignal> bestSignals;
    for (int attempt = 0; attempt < 12; ++attempt) {
        out.signals.clear();
        switch (target) {
        case RiskTier::Low:
            if (r.chance(0.5))
                out.signals.append(draw(mild));
            break;
        case RiskTier::Medium: {
            const int n = 1 + int(r.below(3));
            for (int i = 0; i < n; ++i)
                out.signals.append(draw(r.chance(0.5) ? mild : moderate));
            break;
        }
        case RiskTier::High: {
            if (r.chance(0.7))
                out.signals.append(draw(severe));
            const int n = 2 + int(r.below(3));
            for (int i = 0; i < n; ++i)
                out.signals.append(draw(r.chance(0.4) ? mild : moderate));
            break;
        }
        }
        const Risk::RiskAssessment a = m_ctx.scorer.assess(inputsFor(out));
        if (a.tier == target || attempt == 0) {
            best = a;
            bestSignals = out.signals;
        }
        if (a.tier == target)
            break;
    }
    out.signals = bestSignals;
    out.household.riskScore = best.score;
    out.household.computedTier = best.tier;
}

void HouseholdSynth::makeVisits(Random &r, SynthHousehold &out, std::int64_t idMs) const
{
    Household &h = out.household;
    const QDate created = h.createdAt.toTimeZone(Clock::seoul()).date();
    const RiskTier tier = h.tier();
    const int cycle = m_ctx.cycle.daysFor(tier);
    auto visit = [&](const QDate &day, VisitOutcome outcome) {
        Visit v;
        v.id = Uuid::v7(idMs, r);
        v.householdId = h.id;
        v.officeCode = h.officeCode;
        const double k = r.uniform();
        if (tier == RiskTier::High)
            v.kind = k < 0.6 ? VisitKind::Visit : k < 0.9 ? VisitKind::Phone : VisitKind::Check;
        else if (tier == RiskTier::Medium)
            v.kind = k < 0.45 ? VisitKind::Visit : k < 0.9 ? VisitKind::Phone : VisitKind::Office;
        else
            v.kind = k < 0.3 ? VisitKind::Visit : k < 0.85 ? VisitKind::Phone : VisitKind::Office;
        if (outcome == VisitOutcome::Absent && v.kind == VisitKind::Office)
            v.kind = VisitKind::Phone;
        v.at = workTime(r, day);
        v.outcome = outcome;
        v.staffPresent = h.assignedWorker;
        if (tier == RiskTier::High && v.kind == VisitKind::Visit && !m_ctx.nurse.isEmpty() && r.chance(0.4))
            v.staffPresent += QLatin1Char(',') + m_ctx.nurse;
        if (outcome == VisitOutcome::Met)
            v.metWhom = out.members.first().relationship == QStringLiteral("본인")
                            ? QStringLiteral("본인")
                            : QStringLiteral("가구원");
        switch (outcome) {
        case VisitOutcome::Met:
            v.notes = QString::fromUtf8(kMetNotes[r.below(uint32_t(kMetNotes.size()))]);
            break;
        case VisitOutcome::Absent:
            v.notes = QString::fromUtf8(kAbsentNotes[r.below(uint32_t(kAbsentNotes.size()))]);
            break;
        case VisitOutcome::Refused:
            v.notes = QString::fromUtf8(kRefusedNotes[r.below(uint32_t(kRefusedNotes.size()))]);
            break;
        case VisitOutcome::Moved:
            break;
        }
        v.createdAt = v.at;
        v.createdBy = h.assignedWorker;
        out.visits.append(v);
    };

    if (h.isNew()) {
        if (r.chance(0.3))
            visit(randomDayBetween(r, created, m_ctx.today.addDays(-1)), VisitOutcome::Absent);
        h.nextVisitDue = m_ctx.cycle.nextDue(tier, {}, created);
        return;
    }
    // The last time someone was met: within the cycle for most, past it for about one in six.
    const int back = std::max(1, int(r.uniform() * 1.2 * cycle));
    QDate lastMet = m_ctx.today.addDays(-back);
    if (lastMet < created)
        lastMet = created.addDays(1);
    const int history = tier == RiskTier::High ? 2 + int(r.below(3))
                        : tier == RiskTier::Medium ? int(r.below(3))
                                                   : int(r.below(2));
    QList<QDate> metDays{lastMet};
    QDate d = lastMet;
    for (int i = 0; i < history; ++i) {
        d = d.addDays(-int(cycle * r.uniform(0.7, 1.3)));
        if (d <= created || d < m_ctx.today.addDays(-365))
            break;
        metDays.prepend(d);
    }
    for (const QDate &day : metDays) {
        if (r.chance(0.12) && day.addDays(-3) > created)
            visit(day.addDays(-1 - int(r.below(3))), VisitOutcome::Absent);
        visit(day, VisitOutcome::Met);
    }
    // Attempts since the last meeting that reached nobody.
    if (r.chance(0.15) && lastMet.daysTo(m_ctx.today) > 3) {
        const int n = 1 + int(r.below(3));
        for (int i = 0; i < n; ++i)
            visit(randomDayBetween(r, lastMet.addDays(1), m_ctx.today.addDays(-1)), VisitOutcome::Absent);
    } else if (r.chance(0.04) && lastMet.daysTo(m_ctx.today) > 3) {
        visit(randomDayBetween(r, lastMet.addDays(1), m_ctx.today.addDays(-1)), VisitOutcome::Refused);
    }
    std::sort(out.visits.begin(), out.visits.end(),
              [](const Visit &a, const Visit &b) { return a.at < b.at; });
    h.lastVisitAt = workTime(r, lastMet);
    for (const Visit &v : out.visits) {
        if (v.outcome == VisitOutcome::Met)
            h.lastVisitAt = v.at;
    }
    h.nextVisitDue = m_ctx.cycle.nextDue(tier, h.lastVisitAt.toTimeZone(Clock::seoul()).date(), created);
}

void HouseholdSynth::answerUrgent(SynthHousehold &out, std::int64_t idMs) const
{
    Household &h = out.household;
    Random side(Random::derive(std::uint64_t(idMs), 0x0A6E'5EEDull));
    bool added = false;
    for (const CrisisSignal &s : std::as_const(out.signals)) {
        if (s.urgency != Urgency::Urgent || s.receivedDate > m_ctx.today)
            continue;
        bool reached = false;
        for (const Visit &v : std::as_const(out.visits))
            reached = reached
                      || (v.outcome != VisitOutcome::Absent
                          && v.at.toTimeZone(Clock::seoul()).date() >= s.receivedDate);
        if (reached)
            continue;
        Visit v;
        v.id = Uuid::v7(idMs, side);
        v.householdId = h.id;
        v.officeCode = h.officeCode;
        v.kind = VisitKind::Phone;
        v.outcome = VisitOutcome::Met;
        v.at = workTime(side, s.receivedDate);
        v.staffPresent = h.assignedWorker;
        v.metWhom = QStringLiteral("본인");
        v.notes = QStringLiteral("긴급 발굴 대상 당일 전화 확인");
        v.createdAt = v.at;
        v.createdBy = h.assignedWorker;
        out.visits.append(v);
        added = true;
    }
    if (!added)
        return;
    std::sort(out.visits.begin(), out.visits.end(),
              [](const Visit &a, const Visit &b) { return a.at < b.at; });
    for (const Visit &v : std::as_const(out.visits)) {
        if (v.outcome == VisitOutcome::Met && (!h.lastVisitAt.isValid() || v.at > h.lastVisitAt))
            h.lastVisitAt = v.at;
    }
    h.nextVisitDue = m_ctx.cycle.nextDue(h.tier(), h.lastVisitAt.toTimeZone(Clock::seoul()).date(),
                                         h.createdAt.toTimeZone(Clock::seoul()).date());
}

void HouseholdSynth::bringForwardToDeadlines(SynthHousehold &out) const
{
    // The rule of Storage::UrgencyStore::pendingDue, read the same way: reached means a contact
    // that was not 부재 at or after the day the listing came (the stored UTC time against that
    // date), and the deadline is never before the day the listing was recorded (today).
    Household &h = out.household;
    for (const CrisisSignal &s : std::as_const(out.signals)) {
        if (!s.urgency || (*s.urgency != Urgency::Urgent && *s.urgency != Urgency::Priority)
            || !s.responseDue.isValid())
            continue;
        const QString since = Iso::date(s.receivedDate);
        bool reached = false;
        for (const Visit &v : std::as_const(out.visits))
            reached = reached || (v.outcome != VisitOutcome::Absent && Iso::utc(v.at) >= since);
        if (reached)
            continue;
        const QDate day = std::max(s.responseDue, m_ctx.today);
        if (!h.nextVisitDue.isValid() || day < h.nextVisitDue)
            h.nextVisitDue = day;
    }
}

void HouseholdSynth::makeCase(Random &r, SynthHousehold &out, std::int64_t idMs) const
{
    const RiskTier tier = out.household.tier();
    const double p = tier == RiskTier::High ? 0.7 : tier == RiskTier::Medium ? 0.25 : 0.03;
    if (!out.household.isNew() && !r.chance(p))
        return;
    SynthCase c;
    c.id = Uuid::v7(idMs, r);
    if (out.household.isNew()) {
        c.stage = CaseStage::Discovery;
    } else {
        constexpr std::array<double, caseStageCount> weights{3, 8, 10, 12, 8, 7, 10, 25, 5, 12};
        c.stage = CaseStage(r.weighted(weights));
    }
    const bool intensive = tier == RiskTier::High && r.chance(0.3);
    c.caseType = intensive ? CaseType::Intensive : r.chance(0.15) ? CaseType::Linkage : CaseType::General;
    const int stageIndex = int(c.stage);
    // Days each stage typically lasts, for a plausible history; early stages are recent so the
    // legal deadlines (조사 10일, 계획 30일 from 접수) show as due or late on some cases.
    const int spans[caseStageCount] = {3, 5, 7, 8, 5, 4, 10, 90, 30, 60};
    QDate day = m_ctx.today;
    QList<QDate> entered(caseStageCount);
    for (int s = stageIndex; s >= 0; --s) {
        day = day.addDays(-(s == stageIndex ? 1 + int(r.below(uint32_t(spans[s] * 2)))
                                            : 1 + int(r.below(uint32_t(spans[s] * 2)))));
        entered[s] = day;
    }
    c.discovered = entered[0];
    c.stageSince = entered[stageIndex];
    if (stageIndex >= int(CaseStage::Intake))
        c.intake = entered[int(CaseStage::Intake)];
    if (stageIndex > int(CaseStage::Assessment))
        c.assessed = entered[int(CaseStage::Assessment) + 1];
    if (stageIndex > int(CaseStage::ServicePlan))
        c.planned = entered[int(CaseStage::ServicePlan) + 1];
    for (int s = 1; s <= stageIndex; ++s)
        c.history.append({CaseStage(s - 1), CaseStage(s), entered[s]});
    out.kase = c;
}

} // namespace VisitMap::Demo
