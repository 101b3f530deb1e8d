// SPDX-License-Identifier: GPL-3.0-or-later
#include "riskstore.h"
#include "security/auditdetail.h"

#include "storage/database.h"
#include "storage/journal.h"
#include "storage/visitstore.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VisitMap::Storage {

using namespace VisitMap::Risk;

Result<RiskInputs> RiskStore::inputs(const QString &householdId, const QDate &today) const
{
    RiskInputs in;
    in.today = today;
    auto h = m_db.execute(QStringLiteral("SELECT household_type, housing FROM households WHERE id = ?"), {householdId});
    if (!h)
        return fail(h.error());
    if (!h->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(householdId));
    in.householdType = h->value(0).toString();
    in.housing = h->value(1).toString();
    auto members = m_db.execute(QStringLiteral("SELECT birth_date, sex, disability FROM persons WHERE household_id = ?"),
                                {householdId});
    if (!members)
        return fail(members.error());
    while (members->next()) {
        const QDate birth = QDate::fromString(members->value(0).toString(), Qt::ISODate);
        int age = -1;
        if (birth.isValid()) {
            age = today.year() - birth.year();
            if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day()))
                --age;
        }
        in.members.append({age, members->value(1).toString(), !members->value(2).toString().isEmpty()});
    }
    auto signals_ = m_db.execute(QStringLiteral(
                                     "SELECT s.item_code, c.name, c.category, c.weight, s.amount, s.months, s.received_date "
                                     "FROM crisis_signals s JOIN crisis_item_codes c ON c.version = s.item_version "
                                     "AND c.code = s.item_code WHERE s.household_id = ? "
                                     "AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.entity = 'signal' AND v.entity_id = s.id) "
                                     "ORDER BY s.received_date DESC"),
                                 {householdId});
    if (!signals_)
        return fail(signals_.error());
    while (signals_->next()) {
        SignalInput s;
        s.code = signals_->value(0).toString();
        s.name = signals_->value(1).toString();
        s.category = signals_->value(2).toString();
        s.weight = signals_->value(3).toDouble();
        if (!signals_->value(4).isNull())
            s.amount = signals_->value(4).toLongLong();
        if (!signals_->value(5).isNull())
            s.months = signals_->value(5).toInt();
        s.received = QDate::fromString(signals_->value(6).toString(), Qt::ISODate);
        in.signals.append(s);
    }
    // Contacts: refusals in the last 90 days; absences since someone was last met.
    auto visits = m_db.execute(QStringLiteral(
                                   "SELECT v.outcome, v.at FROM visits v WHERE v.household_id = ? AND NOT EXISTS "
                                   "(SELECT 1 FROM voids x WHERE x.entity = 'visit' AND x.entity_id = v.id) "
                                   "ORDER BY v.at DESC"),
                               {householdId});
    if (!visits)
        return fail(visits.error());
    const QDateTime since = QDateTime(today.addDays(-90), QTime(0, 0), Clock::seoul()).toUTC();
    bool counting = true;
    while (visits->next()) {
        const QString outcome = visits->value(0).toString();
        const QDateTime at = Iso::parse(visits->value(1).toString());
        if (outcome == QLatin1String("refused") && at >= since)
            ++in.recentRefusals;
        if (counting) {
            if (outcome == QLatin1String("absent"))
                ++in.consecutiveAbsences;
            else if (outcome == QLatin1String("met"))
                counting = false;
        }
    }
    auto reports = m_db.execute(QStringLiteral("SELECT categories FROM crisis_reports WHERE household_id = ? "
                                               "AND status IN ('new', 'linked', 'opened')"),
                                {householdId});
    if (!reports)
        return fail(reports.error());
    while (reports->next()) {
        for (const QJsonValue &c : QJsonDocument::fromJson(reports->value(0).toByteArray()).array()) {
            if (!in.reportCategories.contains(c.toString()))
                in.reportCategories << c.toString();
        }
    }
    return in;
}

Result<RiskAssessment> RiskStore::explain(const QString &householdId, const QDate &today) const
{
    auto in = inputs(householdId, today);
    if (!in)
        return fail(in.error());
    return m_scorer.assess(*in);
}

Result<bool> RiskStore::recompute(const QString &householdId, Journal &journal, const VisitCycle &cycle)
{
    auto a = explain(householdId, journal.clock().today());
    if (!a)
        return fail(a.error());
    bool changed = false;
    auto ok = m_db.transaction([&]() -> Status {
        auto h = m_db.execute(QStringLiteral("SELECT risk_tier, risk_score, office_code FROM households WHERE id = ?"),
                              {householdId});
        if (!h)
            return fail(h.error());
        if (!h->next())
            return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(householdId));
        const QString oldTier = h->value(0).toString();
        const double oldScore = h->value(1).toDouble();
        const QString office = h->value(2).toString();
        const QString newTier = toCode(a->tier);
        if (oldTier == newTier && qFuzzyCompare(oldScore + 1, a->score + 1))
            return {};
        changed = oldTier != newTier;
        auto q = m_db.execute(QStringLiteral("UPDATE households SET risk_score = ?, risk_tier = ?, updated_at = ? "
                                             "WHERE id = ?"),
                              {a->score, newTier, Iso::utc(journal.now()), householdId});
        if (!q)
            return fail(q.error());
        if (!changed)
            return {};
        QStringList why;
        for (const RiskFactor &f : a->factors)
            why << f.label;
        const QString id = journal.newId();
        auto r = m_db.execute(QStringLiteral("INSERT INTO risk_changes (id, household_id, office_code, kind, from_tier, "
                                             "to_tier, score, reason, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)"),
                              {id, householdId, office, QStringLiteral("computed"), oldTier, newTier, a->score,
                               why.join(QStringLiteral(", ")), Iso::utc(journal.now()), journal.actor().account});
        if (!r)
            return fail(r.error());
        if (auto rc = journal.recordChange(QStringLiteral("household"), householdId, Storage::ChangeOp::Update, office,
                                           {{QStringLiteral("risk_tier"), newTier}, {QStringLiteral("risk_score"), a->score}},
                                           {{QStringLiteral("risk_tier"), oldTier}});
            !rc)
            return rc;
        // The next visit follows the new tier's cycle.
        return Storage::VisitStore(m_db).refreshHousehold(householdId, journal, cycle);
    });
    if (!ok)
        return fail(ok.error());
    return changed;
}

Status RiskStore::setOverride(const QString &householdId, std::optional<RiskTier> tier, const QString &reason,
                                Journal &journal, const VisitCycle &cycle)
{
    if (reason.trimmed().size() < 2)
        return fail(ErrorCode::Validation, QStringLiteral("changing a household's risk tier needs a reason"));
    return m_db.transaction([&]() -> Status {
        auto h = m_db.execute(QStringLiteral("SELECT risk_tier, risk_override, office_code, risk_score FROM households "
                                             "WHERE id = ?"),
                              {householdId});
        if (!h)
            return fail(h.error());
        if (!h->next())
            return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(householdId));
        const QString computed = h->value(0).toString();
        const QString previous = h->value(1).isNull() ? computed : h->value(1).toString();
        const QString office = h->value(2).toString();
        const double score = h->value(3).toDouble();
        if (!tier && h->value(1).isNull())
            return fail(ErrorCode::Validation, QStringLiteral("the tier is not overridden"));
        auto q = m_db.execute(QStringLiteral("UPDATE households SET risk_override = ?, risk_override_reason = ?, "
                                             "updated_at = ? WHERE id = ?"),
                              {tier ? QVariant(toCode(*tier)) : QVariant(), tier ? QVariant(reason) : QVariant(),
                               Iso::utc(journal.now()), householdId});
        if (!q)
            return fail(q.error());
        const QString to = tier ? toCode(*tier) : computed;
        auto r = m_db.execute(QStringLiteral("INSERT INTO risk_changes (id, household_id, office_code, kind, from_tier, "
                                             "to_tier, score, reason, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)"),
                              {journal.newId(), householdId, office,
                               tier ? QStringLiteral("override") : QStringLiteral("cleared"), previous, to, score, reason,
                               Iso::utc(journal.now()), journal.actor().account});
        if (!r)
            return fail(r.error());
        if (auto rc = journal.recordChange(QStringLiteral("household"), householdId, Storage::ChangeOp::Update, office,
                                           {{QStringLiteral("risk_override"), tier ? QJsonValue(toCode(*tier)) : QJsonValue(QJsonValue::Null)},
                                            {QStringLiteral("risk_override_reason"), tier ? QJsonValue(reason) : QJsonValue(QJsonValue::Null)}},
                                           {{QStringLiteral("risk_override"), h->value(1).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(h->value(1).toString())}});
            !rc)
            return rc;
        if (auto a = journal.audit({Security::AuditAction::Update, QStringLiteral("household"),
                                    householdId, office,
                                    Security::AuditDetail(Security::AuditDetailCode::RiskTier)
                                        .with(u"from", previous)
                                        .with(u"to", to)
                                        .encode(),
                                    reason});
            !a)
            return a;
        return Storage::VisitStore(m_db).refreshHousehold(householdId, journal, cycle);
    });
}

Result<QList<RiskChange>> RiskStore::history(const QString &householdId) const
{
    auto q = m_db.execute(QStringLiteral("SELECT id, kind, from_tier, to_tier, score, reason, created_at, created_by "
                                         "FROM risk_changes WHERE household_id = ? ORDER BY created_at"),
                          {householdId});
    if (!q)
        return fail(q.error());
    QList<RiskChange> out;
    while (q->next()) {
        RiskChange c;
        c.id = q->value(0).toString();
        c.kind = q->value(1).toString();
        c.from = riskTierFromCode(q->value(2).toString());
        c.to = riskTierFromCode(q->value(3).toString()).value_or(RiskTier::Low);
        c.score = q->value(4).toDouble();
        c.reason = q->value(5).toString();
        c.at = Iso::parse(q->value(6).toString());
        c.by = q->value(7).toString();
        out.append(c);
    }
    return out;
}

} // namespace VisitMap::Storage
