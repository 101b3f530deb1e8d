// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictstore.h"
#include "security/auditdetail.h"

#include "storage/database.h"
#include "storage/entitymap.h"
#include "storage/journal.h"
#include "util/clock.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VisitMap::Sync {


QString ConflictStore::display(const QJsonValue &value, const QString &field)
{
    if (value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()))
        return QStringLiteral("(비어 있음)");
    if (field == QLatin1String("risk_override") || field == QLatin1String("risk_tier")) {
        static const QHash<QString, QString> tiers = {{QStringLiteral("high"), QStringLiteral("고위험")},
                                                      {QStringLiteral("medium"), QStringLiteral("중위험")},
                                                      {QStringLiteral("low"), QStringLiteral("저위험")}};
        return tiers.value(value.toString(), value.toString());
    }
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("예") : QStringLiteral("아니요");
    if (value.isString())
        return value.toString();
    return jsonText(value);
}

QString ConflictStore::fieldLabel(const QString &entity, const QString &field)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("risk_override"), QStringLiteral("위기 등급 (직접 지정)")},
        {QStringLiteral("risk_override_reason"), QStringLiteral("등급 지정 사유")},
        {QStringLiteral("risk_tier"), QStringLiteral("위기 등급")},
        {QStringLiteral("assigned_worker"), QStringLiteral("담당자")},
        {QStringLiteral("stage"), QStringLiteral("사례관리 단계")},
        {QStringLiteral("status"), QStringLiteral("상태")},
        {QStringLiteral("match_status"), QStringLiteral("대상자 연결")},
        {QStringLiteral("phone"), QStringLiteral("연락처")},
        {QStringLiteral("office_address"), QStringLiteral("주민센터 주소")},
    };
    static const QHash<QString, QString> entities = {
        {QStringLiteral("household"), QStringLiteral("가구")},       {QStringLiteral("case"), QStringLiteral("사례")},
        {QStringLiteral("service_link"), QStringLiteral("서비스 연계")}, {QStringLiteral("crisis_report"), QStringLiteral("위기 신고")},
        {QStringLiteral("signal"), QStringLiteral("발굴 항목")},       {QStringLiteral("office"), QStringLiteral("행정동")},
        {QStringLiteral("checkin"), QStringLiteral("방문 안전 확인")},
    };
    return QStringLiteral("%1 · %2").arg(entities.value(entity, entity), labels.value(field, field));
}

Result<QList<Conflict>> ConflictStore::open() const
{
    Storage::Database &db = m_ws.db();
    auto all = ConflictRecords(db).unresolved();
    if (!all)
        return fail(all.error());
    QList<Conflict> out;
    const auto *session = m_ws.session();
    for (const Conflict &c : *all) {
        if (!session || session->covers(c.officeCode))
            out.append(c);
    }
    RowCodec codec(db);
    for (Conflict &c : out) {
        if (c.entity == QLatin1String("household")) {
            c.householdId = c.entityId;
        } else if (const EntitySpec *spec = entitySpec(c.entity)) {
            if (auto h = codec.householdOf(*spec, c.entityId))
                c.householdId = *h;
        }
        if (!c.householdId.isEmpty())
            c.householdAddress = ConflictRecords(db).householdAddress(c.householdId);
    }
    return out;
}

Status ConflictStore::resolve(const QString &conflictId, Resolution resolution)
{
    const auto *session = m_ws.session();
    if (!session)
        return fail(ErrorCode::AuthFailed, QStringLiteral("sign in to resolve conflicts"));
    auto all = open();
    if (!all)
        return fail(all.error());
    const Conflict *found = nullptr;
    for (const Conflict &c : *all) {
        if (c.id == conflictId)
            found = &c;
    }
    if (!found)
        return fail(ErrorCode::NotFound, QStringLiteral("no open conflict %1").arg(conflictId));
    const Conflict c = *found;
    const EntitySpec *spec = entitySpec(c.entity);
    if (!spec)
        return fail(ErrorCode::Internal, QStringLiteral("records of kind %1 are not synced").arg(c.entity));
    Storage::Database &db = m_ws.db();
    Storage::Journal &journal = m_ws.journal();
    return db.transaction([&]() -> Status {
        RowCodec codec(db);
        ConflictRecords records(db);
        const bool mine = resolution == Resolution::Mine;
        const QJsonValue chosen = mine ? c.mine : c.theirs;
        auto value = codec.toSql(spec->table, c.field, chosen);
        if (!value)
            return fail(value.error());
        if (auto ok = records.setField(*spec, c.entityId, c.field, *value); !ok)
            return ok;
        if (mine) {
            // Sent from the value the central store holds, so it applies there.
            if (auto ok = journal.recordChange(c.entity, c.entityId, Storage::ChangeOp::Update, c.officeCode,
                                               QJsonObject{{c.field, c.mine}}, QJsonObject{{c.field, c.theirs}});
                !ok)
                return ok;
        }
        if (auto ok = records.markResolved(c.id, journal.now(), session->name(), mine, chosen); !ok)
            return ok;
        return journal.audit(
            {Security::AuditAction::Update,
             c.entity == QLatin1String("household") ? QStringLiteral("household") : c.entity,
             c.householdId.isEmpty() ? c.entityId : c.householdId,
             c.officeCode,
             Security::AuditDetail(Security::AuditDetailCode::ConflictResolved)
                 .with(u"entity", c.entity)
                 .with(u"field", c.field)
                 .with(u"kept", mine ? QStringLiteral("mine") : QStringLiteral("theirs"))
                 .encode(),
             {}});
    });
}

} // namespace VisitMap::Sync
