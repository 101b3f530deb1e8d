// SPDX-License-Identifier: GPL-3.0-or-later
#include "householdstore.h"

#include "security/auditdetail.h"
#include <algorithm>

#include "database.h"
#include "duerule.h"
#include "journal.h"
#include "searchkeys.h"
#include "security/keyring.h"
#include "util/clock.h"
#include "voidlog.h"

#include <QJsonObject>

namespace VisitMap::Storage {

namespace {

QVariant nullIfEmpty(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariant dateOrNull(const QDate &d)
{
    return d.isValid() ? QVariant(Iso::date(d)) : QVariant();
}

QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(Iso::utc(t)) : QVariant();
}

QJsonObject toJson(const Household &h)
{
    return {
        {QStringLiteral("id"), h.id},
        {QStringLiteral("office_code"), h.officeCode},
        {QStringLiteral("legal_dong_code"), h.legalDongCode},
        {QStringLiteral("road_address"), h.roadAddress},
        {QStringLiteral("address_detail"), h.addressDetail},
        {QStringLiteral("tong"), h.tong},
        {QStringLiteral("ban"), h.ban},
        {QStringLiteral("lon"), h.lon},
        {QStringLiteral("lat"), h.lat},
        {QStringLiteral("household_type"), h.householdType},
        {QStringLiteral("housing"), h.housing},
        {QStringLiteral("phone"), h.phone},
        {QStringLiteral("head_name"), h.headName},
        {QStringLiteral("member_count"), h.memberCount},
        {QStringLiteral("assigned_worker"), h.assignedWorker},
        {QStringLiteral("risk_score"), h.riskScore},
        {QStringLiteral("risk_tier"), toCode(h.computedTier)},
        {QStringLiteral("risk_override"), h.tierOverride ? toCode(*h.tierOverride) : QString()},
        {QStringLiteral("risk_override_reason"), h.overrideReason},
        {QStringLiteral("visit_cycle_days"), h.visitCycleDays},
        {QStringLiteral("status"), toCode(h.status)},
    };
}

QJsonObject toJson(const Person &p, const QByteArray &rrnCipher)
{
    return {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("household_id"), p.householdId},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("birth_date"), p.birthDate.isValid() ? Iso::date(p.birthDate) : QString()},
        {QStringLiteral("sex"), p.sex},
        {QStringLiteral("rrn_cipher"), QString::fromLatin1(rrnCipher.toBase64())},
        {QStringLiteral("relationship"), p.relationship},
        {QStringLiteral("is_head"), p.isHead},
        {QStringLiteral("disability"), p.disability},
        {QStringLiteral("nationality"), p.nationality},
    };
}

} // namespace

QString HouseholdStore::selectColumns()
{
    return QStringLiteral(
        "h.id, h.office_code, h.legal_dong_code, h.road_address, h.address_detail, h.tong, h.ban, "
        "h.lon, h.lat, h.household_type, h.housing, h.phone, h.head_name, h.member_count, "
        "h.assigned_worker, h.risk_score, h.risk_tier, h.risk_override, h.risk_override_reason, "
        "h.visit_cycle_days, h.last_visit_at, h.next_visit_due, h.status, h.flagged_new_at, "
        "h.source, h.created_at, h.updated_at, h.created_by");
}

Result<QList<HouseholdExportRow>> HouseholdStore::exportRows(const QStringList &offices) const
{
    QVariantList binds;
    auto q = m_db.execute(QStringLiteral("SELECT ") + selectColumns()
                              + QStringLiteral(", o.name, p.id, p.rrn_cipher, p.birth_date, p.sex, o.full_name "
                                               "FROM households h JOIN offices o ON o.code = h.office_code "
                                               "LEFT JOIN persons p ON p.household_id = h.id AND p.is_head = 1 "
                                               "WHERE ")
                              + Database::inList(QStringLiteral("h.office_code"), offices, binds)
                              + QStringLiteral(" GROUP BY h.id ORDER BY h.rowid"),
                          binds);
    if (!q)
        return fail(q.error());
    QList<HouseholdExportRow> out;
    const int f = columnCount;
    while (q->next()) {
        HouseholdExportRow r;
        r.household = readHousehold(*q);
        r.officeName = q->value(f).toString();
        r.headPersonId = q->value(f + 1).toString();
        r.headRrnCipher = q->value(f + 2).toByteArray();
        r.headBirthDate = q->value(f + 3).toString();
        r.headSex = q->value(f + 4).toString();
        r.officeFullName = q->value(f + 5).toString();
        out.append(r);
    }
    return out;
}

Household HouseholdStore::readHousehold(const QSqlQuery &q, int f)
{
    Household h;
    h.id = q.value(f + 0).toString();
    h.officeCode = q.value(f + 1).toString();
    h.legalDongCode = q.value(f + 2).toString();
    h.roadAddress = q.value(f + 3).toString();
    h.addressDetail = q.value(f + 4).toString();
    h.tong = q.value(f + 5).toInt();
    h.ban = q.value(f + 6).toInt();
    h.lon = q.value(f + 7).toDouble();
    h.lat = q.value(f + 8).toDouble();
    h.householdType = q.value(f + 9).toString();
    h.housing = q.value(f + 10).toString();
    h.phone = q.value(f + 11).toString();
    h.headName = q.value(f + 12).toString();
    h.memberCount = q.value(f + 13).toInt();
    h.assignedWorker = q.value(f + 14).toString();
    h.riskScore = q.value(f + 15).toDouble();
    h.computedTier = riskTierFromCode(q.value(f + 16).toString()).value_or(RiskTier::Low);
    if (!q.value(f + 17).isNull())
        h.tierOverride = riskTierFromCode(q.value(f + 17).toString());
    h.overrideReason = q.value(f + 18).toString();
    h.visitCycleDays = q.value(f + 19).toInt();
    h.lastVisitAt = Iso::parse(q.value(f + 20).toString());
    h.nextVisitDue = QDate::fromString(q.value(f + 21).toString(), Qt::ISODate);
    h.status = householdStatusFromCode(q.value(f + 22).toString()).value_or(HouseholdStatus::Active);
    h.flaggedNewAt = Iso::parse(q.value(f + 23).toString());
    h.source = q.value(f + 24).toString();
    h.createdAt = Iso::parse(q.value(f + 25).toString());
    h.updatedAt = Iso::parse(q.value(f + 26).toString());
    h.createdBy = q.value(f + 27).toString();
    return h;
}

Result<Household> HouseholdStore::get(const QString &id) const
{
    auto q = m_db.execute(QStringLiteral("SELECT ") + selectColumns()
                              + QStringLiteral(" FROM households h WHERE h.id = ?"),
                          {id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(id));
    return readHousehold(*q);
}

Result<bool> HouseholdStore::exists(const QString &id) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM households WHERE id = ?"), {id});
    if (!v)
        return fail(v.error());
    return v->toInt() > 0;
}

Result<std::optional<QString>> HouseholdStore::officeOf(const QString &id) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {id});
    if (!v)
        return fail(v.error());
    if (v->isNull())
        return std::optional<QString>();
    return std::optional<QString>(v->toString());
}

namespace {

// The effective tier as a rank, spelled exactly as the households_list_order index spells it.
const QString kTierRank = QStringLiteral(
    "(CASE COALESCE(h.risk_override, h.risk_tier) WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END)");

// The WHERE clause and binds of a query (over households h). When the list is in tier order and
// the result is broad, the filters are written so SQLite walks the covering list index in order
// (a unary + keeps a term from driving the plan) instead of collecting rows and sorting them.
QString whereClause(const HouseholdQuery &query, QVariantList &binds, bool broad)
{
    const QString plus = broad && query.order == HouseholdOrder::Tier ? QStringLiteral("+") : QString();
    QString sql = QStringLiteral(" WHERE 1=1");
    if (!query.offices.isEmpty()) {
        sql += QStringLiteral(" AND ") + plus
               + Database::inList(QStringLiteral("h.office_code"), query.offices, binds);
    }
    if (query.tier) {
        sql += QStringLiteral(" AND ") + kTierRank + QStringLiteral(" = ?");
        binds << int(*query.tier);
    }
    if (query.overdueOnly) {
        sql += QStringLiteral(" AND ") + DueRule::overdue(QStringLiteral("h"));
        binds << Iso::date(query.today.isValid() ? query.today : Clock::system().today());
    }
    if (query.newOnly)
        sql += QStringLiteral(" AND h.flagged_new_at IS NOT NULL");
    if (query.worker == QLatin1String("-")) {
        sql += QStringLiteral(" AND h.assigned_worker IS NULL");
    } else if (!query.worker.isEmpty()) {
        sql += QStringLiteral(" AND h.assigned_worker = ?");
        binds << query.worker;
    }
    if (query.tong > 0) {
        sql += QStringLiteral(" AND h.tong = ?");
        binds << query.tong;
    }
    if (query.ban > 0) {
        sql += QStringLiteral(" AND h.ban = ?");
        binds << query.ban;
    }
    if (query.caseStage) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id "
                              "AND c.stage = ? AND ")
               + VoidLog::notVoided(QLatin1StringView("case"), QStringLiteral("c.id"))
               + QStringLiteral(")");
        binds << toCode(*query.caseStage);
    }
    const QString match = SearchKeys::matchExpression(query.text);
    if (!match.isEmpty()) {
        sql += QStringLiteral(" AND ") + plus
               + QStringLiteral("h.rowid IN (SELECT rowid FROM household_fts WHERE household_fts MATCH ?)");
        binds << match;
    }
    return sql;
}

QString orderClause(const HouseholdQuery &query)
{
    // Each term in its natural direction; descending flips every term. The tier order matches the
    // households_list_order index, so the default list needs no sort.
    QList<std::pair<QString, bool>> terms; // expression, ascending
    switch (query.order) {
    case HouseholdOrder::Row:
        break;
    case HouseholdOrder::Tier:
        // Ties within a tier and score go to the 동 and then the soonest visit due; the remaining
        // index columns only make the order total without a sort step.
        terms << std::pair{kTierRank, true} << std::pair{QStringLiteral("h.risk_score"), false}
              << std::pair{QStringLiteral("h.office_code"), true} << std::pair{QStringLiteral("h.next_visit_due"), true}
              << std::pair{QStringLiteral("h.status"), true} << std::pair{QStringLiteral("h.flagged_new_at"), true};
        break;
    case HouseholdOrder::Dong:
        terms << std::pair{QStringLiteral("h.office_code"), true};
        break;
    case HouseholdOrder::HeadName:
        terms << std::pair{QStringLiteral("h.head_name"), true};
        break;
    case HouseholdOrder::Address:
        terms << std::pair{QStringLiteral("h.road_address"), true};
        break;
    case HouseholdOrder::Type:
        terms << std::pair{QStringLiteral("h.household_type"), true};
        break;
    case HouseholdOrder::NextDue:
        terms << std::pair{QStringLiteral("h.next_visit_due IS NULL"), true}
              << std::pair{QStringLiteral("h.next_visit_due"), true};
        break;
    case HouseholdOrder::Worker:
        terms << std::pair{QStringLiteral("h.assigned_worker"), true};
        break;
    }
    terms << std::pair{QStringLiteral("h.rowid"), true};
    QStringList parts;
    for (const auto &[expr, ascending] : terms)
        parts << expr + ((ascending != query.descending) ? QString() : QStringLiteral(" DESC"));
    return QStringLiteral(" ORDER BY ") + parts.join(QStringLiteral(", "));
}

// Whether a query selects many rows: no search words, or words that match thousands.
bool isBroad(const Database &db, const HouseholdQuery &query)
{
    const QString match = SearchKeys::matchExpression(query.text);
    if (match.isEmpty())
        return true;
    auto n = db.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM household_fts WHERE household_fts "
                                      "MATCH ? LIMIT 20001)"),
                       {match});
    return n && n->toInt() > 20000;
}

} // namespace

Result<QList<Household>> HouseholdStore::list(const HouseholdQuery &query) const
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM households h")
                  + whereClause(query, binds, isBroad(m_db, query)) + orderClause(query);
    if (query.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);
    auto q = m_db.execute(sql, binds);
    if (!q)
        return fail(q.error());
    QList<Household> out;
    while (q->next())
        out.append(readHousehold(*q));
    return out;
}

Result<std::vector<qint64>> HouseholdStore::rowIds(const HouseholdQuery &query) const
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT h.rowid FROM households h") + whereClause(query, binds, isBroad(m_db, query))
                  + orderClause(query);
    if (query.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);
    auto q = m_db.execute(sql, binds);
    if (!q)
        return fail(q.error());
    std::vector<qint64> out;
    while (q->next())
        out.push_back(q->value(0).toLongLong());
    return out;
}

Result<QList<Household>> HouseholdStore::byRowIds(const QList<qint64> &rowIds) const
{
    if (rowIds.isEmpty())
        return QList<Household>();
    QStringList ids;
    ids.reserve(rowIds.size());
    for (qint64 id : rowIds)
        ids << QString::number(id);
    auto q = m_db.execute(QStringLiteral("SELECT h.rowid, ") + selectColumns()
                          + QStringLiteral(" FROM households h WHERE h.rowid IN (")
                          + ids.join(u',') + QLatin1Char(')'));
    if (!q)
        return fail(q.error());
    QHash<qint64, Household> byRow;
    while (q->next())
        byRow.insert(q->value(0).toLongLong(), readHousehold(*q, 1));
    QList<Household> out;
    out.reserve(rowIds.size());
    for (qint64 id : rowIds)
        out.append(byRow.value(id));
    return out;
}

Result<QHash<QString, QString>> HouseholdStore::assign(const QStringList &householdIds, const QString &worker,
                                                      Journal &journal)
{
    QHash<QString, QString> target;
    for (const QString &id : householdIds)
        target.insert(id, worker);
    QHash<QString, QString> previous;
    for (const QString &id : householdIds) {
        auto v = m_db.scalar(QStringLiteral("SELECT COALESCE(assigned_worker, '') FROM households WHERE id = ?"), {id});
        if (!v)
            return fail(v.error());
        if (v->isNull())
            return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(id));
        previous.insert(id, v->toString());
    }
    if (auto ok = assignEach(target, journal); !ok)
        return fail(ok.error());
    return previous;
}

Status HouseholdStore::assignEach(const QHash<QString, QString> &workers, Journal &journal)
{
    return m_db.transaction([&]() -> Status {
        for (auto it = workers.cbegin(); it != workers.cend(); ++it) {
            auto row = m_db.execute(QStringLiteral("SELECT office_code, COALESCE(assigned_worker, '') FROM households "
                                                   "WHERE id = ?"),
                                    {it.key()});
            if (!row)
                return fail(row.error());
            if (!row->next())
                return fail(ErrorCode::NotFound, QStringLiteral("no household with id %1").arg(it.key()));
            const QString office = row->value(0).toString(), before = row->value(1).toString();
            if (before == it.value())
                continue;
            auto q = m_db.execute(QStringLiteral("UPDATE households SET assigned_worker = ?, updated_at = ? WHERE id = ?"),
                                  {it.value().isEmpty() ? QVariant() : QVariant(it.value()), Iso::utc(journal.now()),
                                   it.key()});
            if (!q)
                return fail(q.error());
            if (auto r = journal.recordChange(QStringLiteral("household"), it.key(), ChangeOp::Update, office,
                                              {{QStringLiteral("assigned_worker"), it.value()}},
                                              {{QStringLiteral("assigned_worker"), before}});
                !r)
                return r;
            if (auto r
                = journal.audit({Security::AuditAction::Update,
                                 QStringLiteral("household"),
                                 it.key(),
                                 office,
                                 Security::AuditDetail(Security::AuditDetailCode::HouseholdAssigned)
                                     .with(u"from", before)
                                     .with(u"to", it.value())
                                     .encode(),
                                 {}});
                !r)
                return r;
        }
        return {};
    });
}

Result<int> HouseholdStore::refreshSearchKeys()
{
    int updated = 0;
    auto ok = m_db.transaction([&]() -> Status {
        // The index may not hold these rows yet (they predate it), so its triggers step aside and
        // the index is rebuilt once from the new keys.
        auto triggers = m_db.execute(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                                    "AND tbl_name = 'households' AND name LIKE 'household_fts_%'"));
        if (!triggers)
            return fail(triggers.error());
        QStringList names, sqls;
        while (triggers->next()) {
            names << triggers->value(0).toString();
            sqls << triggers->value(1).toString();
        }
        for (const QString &name : names) {
            if (auto r = m_db.exec(QStringLiteral("DROP TRIGGER ") + name); !r)
                return r;
        }
        auto q = m_db.execute(QStringLiteral("SELECT rowid, head_name, road_address, phone FROM households"));
        if (!q)
            return fail(q.error());
        auto update = m_db.prepare(QStringLiteral("UPDATE households SET search_keys = ? WHERE rowid = ?"));
        if (!update)
            return fail(update.error());
        while (q->next()) {
            Database::bind(*update, 0, SearchKeys::forHousehold(q->value(1).toString(), q->value(2).toString(),
                                                                q->value(3).toString()));
            Database::bind(*update, 1, q->value(0));
            if (auto r = Database::run(*update); !r)
                return r;
            ++updated;
        }
        if (auto r = m_db.exec(QStringLiteral("INSERT INTO household_fts (household_fts) VALUES ('rebuild')")); !r)
            return r;
        for (const QString &sql : sqls) {
            if (auto r = m_db.exec(sql); !r)
                return r;
        }
        return {};
    });
    if (!ok)
        return fail(ok.error());
    return updated;
}

Result<TierCounts> HouseholdStore::counts(const QStringList &offices, const QDate &today) const
{
    QString sql = QStringLiteral(
        "SELECT COALESCE(risk_override, risk_tier), COUNT(*), "
        "SUM(%1), SUM(flagged_new_at IS NOT NULL) "
        "FROM households").arg(DueRule::overdue());
    QVariantList binds{Iso::date(today)};
    if (!offices.isEmpty()) {
        sql += QStringLiteral(" WHERE ")
               + Database::inList(QStringLiteral("office_code"), offices, binds);
    }
    sql += QStringLiteral(" GROUP BY 1");
    auto q = m_db.execute(sql, binds);
    if (!q)
        return fail(q.error());
    TierCounts c;
    while (q->next()) {
        const auto tier = riskTierFromCode(q->value(0).toString());
        const int n = q->value(1).toInt();
        if (tier == RiskTier::High)
            c.high = n;
        else if (tier == RiskTier::Medium)
            c.medium = n;
        else
            c.low = n;
        c.overdue += q->value(2).toInt();
        c.fresh += q->value(3).toInt();
    }
    return c;
}

Result<std::vector<HouseholdPoint>> HouseholdStore::pointsInFile(const QString &storePath,
                                                                 const QDate &today,
                                                                 const QStringList &offices)
{
    auto db = Database::open(storePath, Database::Mode::ReadOnly);
    if (!db)
        return fail(db.error());
    return HouseholdStore(**db).points(today, offices);
}

Result<std::vector<HouseholdPoint>> HouseholdStore::points(const QDate &today,
                                                          const QStringList &offices) const
{
    return readPoints(today, offices, nullptr);
}

Result<std::vector<HouseholdPoint>> HouseholdStore::pointsOf(const QStringList &ids,
                                                             const QDate &today,
                                                             const QStringList &offices) const
{
    std::vector<HouseholdPoint> out;
    for (qsizetype from = 0; from < ids.size(); from += 500) {
        const QStringList chunk = ids.mid(from, 500);
        auto part = readPoints(today, offices, &chunk);
        if (!part)
            return fail(part.error());
        out.insert(out.end(), part->begin(), part->end());
    }
    std::sort(out.begin(), out.end(),
              [](const HouseholdPoint &a, const HouseholdPoint &b) { return a.rowId < b.rowId; });
    return out;
}

Result<std::vector<HouseholdPoint>> HouseholdStore::readPoints(const QDate &today,
                                                               const QStringList &offices,
                                                               const QStringList *ids) const
{
    QVariantList binds{Iso::date(today)};
    QStringList where;
    if (!offices.isEmpty())
        where << Database::inList(QStringLiteral("office_code"), offices, binds);
    if (ids)
        where << Database::inList(QStringLiteral("id"), *ids, binds);
    const QString filter = where.isEmpty()
                               ? QString()
                               : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    auto q = m_db.execute(QStringLiteral(
                              "SELECT rowid, lon, lat, COALESCE(risk_override, risk_tier), "
                              "%1, flagged_new_at IS NOT NULL "
                              "FROM households").arg(DueRule::overdue()) + filter + QStringLiteral(" ORDER BY rowid"),
                          binds);
    if (!q)
        return fail(q.error());
    std::vector<HouseholdPoint> out;
    while (q->next()) {
        HouseholdPoint p;
        p.rowId = q->value(0).toLongLong();
        p.lon = q->value(1).toDouble();
        p.lat = q->value(2).toDouble();
        const QString tier = q->value(3).toString();
        p.tier = tier == QLatin1String("high")     ? RiskTier::High
                 : tier == QLatin1String("medium") ? RiskTier::Medium
                                                   : RiskTier::Low;
        p.overdue = q->value(4).toInt() != 0;
        p.fresh = q->value(5).toInt() != 0;
        out.push_back(p);
    }
    return out;
}

Result<QString> HouseholdStore::idForRow(qint64 rowId) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT id FROM households WHERE rowid = ?"), {rowId});
    if (!v)
        return fail(v.error());
    if (v->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("no household at row %1").arg(rowId));
    return v->toString();
}

Result<qint64> HouseholdStore::rowOfId(const QString &householdId) const
{
    auto v
        = m_db.scalar(QStringLiteral("SELECT rowid FROM households WHERE id = ?"), {householdId});
    if (!v)
        return fail(v.error());
    if (v->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("no household %1").arg(householdId));
    return v->toLongLong();
}

Result<QList<Person>> HouseholdStore::members(const QString &householdId,
                                              const Security::Keyring *keys,
                                              bool withHealthNotes) const
{
    auto q = m_db.execute(
        QStringLiteral("SELECT id, household_id, office_code, name, birth_date, sex, rrn_cipher, "
                       "relationship, is_head, disability, nationality, health_cipher FROM persons "
                       "WHERE household_id = ? ORDER BY is_head DESC, birth_date"),
        {householdId});
    if (!q)
        return fail(q.error());
    QList<Person> out;
    while (q->next()) {
        Person p;
        p.id = q->value(0).toString();
        p.householdId = q->value(1).toString();
        p.officeCode = q->value(2).toString();
        p.name = q->value(3).toString();
        p.birthDate = QDate::fromString(q->value(4).toString(), Qt::ISODate);
        p.sex = q->value(5).toString();
        const QByteArray rrn = q->value(6).toByteArray();
        p.hasRrn = !rrn.isEmpty();
        if (keys && p.hasRrn) {
            if (auto plain = keys->decrypt(p.officeCode, rrn,
                                           Security::Keyring::aad("persons", "rrn", p.id)))
                p.rrn = *plain;
        }
        p.relationship = q->value(7).toString();
        p.isHead = q->value(8).toInt() != 0;
        p.disability = q->value(9).toString();
        p.nationality = q->value(10).toString();
        const QByteArray health = q->value(11).toByteArray();
        if (withHealthNotes && keys && !health.isEmpty()) {
            if (auto plain = keys->decrypt(p.officeCode, health,
                                           Security::Keyring::aad("persons", "health", p.id)))
                p.healthNotes = *plain;
        }
        out.append(p);
    }
    return out;
}

Status HouseholdStore::add(QList<HouseholdRecord> &records, Journal &journal,
                           const Security::Keyring &keys, const QString &auditDetail)
{
    return m_db.transaction([&]() -> Status {
        auto hq = m_db.prepare(QStringLiteral(
            "INSERT INTO households (id, office_code, legal_dong_code, road_address, "
            "address_detail, tong, ban, lon, lat, household_type, housing, phone, head_name, "
            "member_count, assigned_worker, risk_score, risk_tier, risk_override, "
            "risk_override_reason, visit_cycle_days, last_visit_at, next_visit_due, status, "
            "flagged_new_at, source, created_at, updated_at, created_by, search_keys) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        if (!hq)
            return fail(hq.error());
        auto pq = m_db.prepare(QStringLiteral(
            "INSERT INTO persons (id, household_id, office_code, name, birth_date, sex, "
            "rrn_cipher, relationship, is_head, disability, nationality, health_cipher, "
            "created_at, updated_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        if (!pq)
            return fail(pq.error());
        const QDateTime now = journal.now();
        const QString actor = journal.actor().account;
        for (HouseholdRecord &r : records) {
            Household &h = r.household;
            if (h.id.isEmpty())
                h.id = journal.newId();
            if (!h.createdAt.isValid())
                h.createdAt = now;
            h.updatedAt = now;
            if (h.createdBy.isEmpty())
                h.createdBy = actor;
            h.memberCount = std::max<int>(h.memberCount, int(r.members.size()));
            const QVariantList hv{
                h.id, h.officeCode, nullIfEmpty(h.legalDongCode), h.roadAddress, h.addressDetail,
                h.tong > 0 ? QVariant(h.tong) : QVariant(), h.ban > 0 ? QVariant(h.ban) : QVariant(),
                h.lon, h.lat, h.householdType, h.housing, h.phone, h.headName, h.memberCount,
                nullIfEmpty(h.assignedWorker), h.riskScore, toCode(h.computedTier),
                h.tierOverride ? QVariant(toCode(*h.tierOverride)) : QVariant(),
                nullIfEmpty(h.overrideReason),
                h.visitCycleDays > 0 ? QVariant(h.visitCycleDays) : QVariant(),
                timeOrNull(h.lastVisitAt), dateOrNull(h.nextVisitDue), toCode(h.status),
                timeOrNull(h.flaggedNewAt), h.source, Iso::utc(h.createdAt), Iso::utc(h.updatedAt),
                h.createdBy, SearchKeys::forHousehold(h)};
            for (int i = 0; i < hv.size(); ++i)
                Storage::Database::bind(*hq, i, hv.at(i));
            if (auto ok = Database::run(*hq); !ok)
                return ok;
            if (auto ok = journal.recordChange(QStringLiteral("household"), h.id, ChangeOp::Insert,
                                               h.officeCode, toJson(h));
                !ok)
                return ok;
            for (Person &p : r.members) {
                if (p.id.isEmpty())
                    p.id = journal.newId();
                p.householdId = h.id;
                p.officeCode = h.officeCode;
                QByteArray rrnCipher, healthCipher;
                if (!p.rrn.isEmpty()) {
                    auto c = keys.encrypt(h.officeCode, p.rrn,
                                          Security::Keyring::aad("persons", "rrn", p.id));
                    if (!c)
                        return fail(c.error());
                    rrnCipher = *c;
                }
                if (!p.healthNotes.isEmpty()) {
                    auto c = keys.encrypt(h.officeCode, p.healthNotes,
                                          Security::Keyring::aad("persons", "health", p.id));
                    if (!c)
                        return fail(c.error());
                    healthCipher = *c;
                }
                const QVariantList pv{
                    p.id, p.householdId, p.officeCode, p.name, dateOrNull(p.birthDate),
                    nullIfEmpty(p.sex), rrnCipher.isEmpty() ? QVariant() : QVariant(rrnCipher),
                    p.relationship, p.isHead ? 1 : 0, p.disability, p.nationality,
                    healthCipher.isEmpty() ? QVariant() : QVariant(healthCipher),
                    Iso::utc(now), Iso::utc(now), actor};
                for (int i = 0; i < pv.size(); ++i)
                    Storage::Database::bind(*pq, i, pv.at(i));
                if (auto ok = Database::run(*pq); !ok)
                    return ok;
                if (auto ok = journal.recordChange(QStringLiteral("person"), p.id, ChangeOp::Insert,
                                                   h.officeCode, toJson(p, rrnCipher));
                    !ok)
                    return ok;
            }
            if (auto ok = journal.audit({Security::AuditAction::Create, QStringLiteral("household"),
                                         h.id, h.officeCode, auditDetail, {}});
                !ok)
                return ok;
        }
        return {};
    });
}

Result<QStringList> HouseholdStore::idsNear(double lon, double lat, double metres, int limit) const
{
    // A box around the point (the latitude band uses its index); the caller measures exactly.
    const double dLat = metres / 111320.0;
    const double dLon = metres / (111320.0 * std::max(0.1, std::cos(lat * M_PI / 180)));
    return m_db.strings(QStringLiteral("SELECT id FROM households WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
                                           "ORDER BY (lat - ?) * (lat - ?) + (lon - ?) * (lon - ?) * ? LIMIT ?"),
                            {lat - dLat, lat + dLat, lon - dLon, lon + dLon, lat, lat, lon, lon,
                             std::pow(std::cos(lat * M_PI / 180), 2), limit});
}

Result<QStringList> HouseholdStore::idsOnRoad(const QString &road, const QString &number, int limit) const
{
    if (road.isEmpty())
        return QStringList();
    QString pattern = road;
    pattern.replace(u'%', QString()).replace(u'_', QString());
    if (!number.isEmpty())
        return m_db.strings(QStringLiteral("SELECT id FROM households WHERE road_address LIKE ? OR road_address LIKE ? "
                                               "LIMIT ?"),
                                {QStringLiteral("% %1 %2").arg(pattern, number), QStringLiteral("% %1 %2 %").arg(pattern, number),
                                 limit});
    return m_db.strings(QStringLiteral("SELECT id FROM households WHERE road_address LIKE ? LIMIT ?"),
                            {QStringLiteral("% %1 %").arg(pattern), limit});
}

Result<QStringList> HouseholdStore::idsWithMember(const QString &name, int limit) const
{
    return m_db.strings(QStringLiteral("SELECT DISTINCT household_id FROM persons WHERE name = ? LIMIT ?"), {name, limit});
}

Result<QList<PersonRef>> HouseholdStore::personsNamed(const QString &name, const QDate &birth, int limit) const
{
    auto q = birth.isValid()
                 ? m_db.execute(QStringLiteral("SELECT p.id, p.household_id, h.office_code, h.road_address FROM persons p "
                                               "JOIN households h ON h.id = p.household_id WHERE p.name = ? AND "
                                               "p.birth_date = ? LIMIT ?"),
                                {name, birth.toString(Qt::ISODate), limit})
                 : m_db.execute(QStringLiteral("SELECT p.id, p.household_id, h.office_code, h.road_address FROM persons p "
                                               "JOIN households h ON h.id = p.household_id WHERE p.name = ? LIMIT ?"),
                                {name, limit});
    if (!q)
        return fail(q.error());
    QList<PersonRef> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString()});
    return out;
}

Status HouseholdStore::flagNew(const QString &householdId, Journal &journal)
{
    auto q = m_db.execute(QStringLiteral("UPDATE households SET flagged_new_at = COALESCE(flagged_new_at, ?), updated_at = ? "
                                         "WHERE id = ?"),
                          {Iso::utc(journal.now()), Iso::utc(journal.now()), householdId});
    if (!q)
        return fail(q.error());
    return {};
}

} // namespace VisitMap::Storage
