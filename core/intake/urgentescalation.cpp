// SPDX-License-Identifier: GPL-3.0-or-later
#include "urgentescalation.h"

#include "security/permissions.h"
#include "security/session.h"
#include "storage/accountstore.h"
#include "storage/householdstore.h"
#include "storage/riskstore.h"
#include "storage/stores.h"
#include "storage/urgencystore.h"
#include "storage/visitstore.h"
#include "workspace.h"

namespace VisitMap::Intake {

namespace {

const QString dutyWorkerKey = QStringLiteral("duty_worker");

} // namespace

QString UrgentEscalation::reasonText(const QList<UrgencyReason> &reasons)
{
    QStringList out;
    for (const UrgencyReason &r : reasons) {
        switch (r.kind) {
        case UrgencyReason::Kind::Category:
            out << CrisisCategories::label(r.value);
            break;
        case UrgencyReason::Kind::Keyword:
            out << QStringLiteral("'%1' 언급").arg(r.value);
            break;
        case UrgencyReason::Kind::AloneUnseen:
            out << QStringLiteral("홀로 사는 분이 보이지 않음");
            break;
        case UrgencyReason::Kind::Item:
            out << r.value;
            break;
        }
    }
    out.removeDuplicates();
    return out.join(QStringLiteral(", "));
}

QList<CrisisItem> UrgentEscalation::itemsOf(const QList<CrisisSignal> &entries,
                                            const ItemTable &items)
{
    QList<CrisisItem> out;
    for (const CrisisSignal &s : entries)
        out << items.value(s.itemVersion).value(s.itemCode);
    return out;
}

QString UrgentEscalation::reportText(const CrisisReport &report)
{
    return QStringLiteral("긴급 신고(%1) · 복지위기 알림 %2")
        .arg(reasonText(UrgencyRules::assess(UrgencyRules::factsOf(report)).reasons),
             report.externalId);
}

QString UrgentEscalation::listingText(const QList<CrisisSignal> &entries, const ItemTable &items)
{
    return QStringLiteral("긴급 발굴 대상(%1) · 발굴 %2차")
        .arg(reasonText(
                 UrgencyRules::assess(UrgencyRules::factsOf(itemsOf(entries, items))).reasons),
             entries.value(0).roundId);
}

Status UrgentEscalation::escalate(const QString &householdId, const QString &what) const
{
    auto h = m_ws.stores().households().get(householdId);
    if (!h)
        return fail(h.error());
    const Risk::VisitCycle cycle = m_ws.visitCycle();
    // An override, even over a computed 고위험: the tier then stays until a person lowers it, and
    // the timeline says why.
    if (h->tierOverride != RiskTier::High) {
        if (auto ok = m_ws.stores().risk().setOverride(
                householdId, RiskTier::High, QStringLiteral("%1: 당일 연락 대상").arg(what),
                m_ws.journal(), cycle);
            !ok)
            return ok;
    }
    // A household someone already looks after stays theirs; a new one goes to the duty worker.
    if (h->assignedWorker.isEmpty()) {
        if (const QString duty = dutyWorker(); !duty.isEmpty()) {
            if (auto ok = m_ws.stores().households().assign({householdId}, duty, m_ws.journal());
                !ok)
                return fail(ok.error());
        }
    }
    return m_ws.stores().visits().refreshHousehold(householdId, m_ws.journal(), cycle);
}

QString UrgentEscalation::dutyWorker() const
{
    const QString name = m_ws.setting(dutyWorkerKey);
    if (name.isEmpty())
        return {};
    auto account = m_ws.accounts().find(name);
    if (!account || !account->active || account->role == Role::Admin)
        return {};
    return name;
}

Status UrgentEscalation::setDutyWorker(const QString &account)
{
    if (auto ok = m_ws.require(Security::Permission::AssignHouseholds); !ok)
        return ok;
    if (!account.isEmpty()) {
        auto found = m_ws.accounts().find(account);
        if (!found)
            return fail(ErrorCode::NotFound, QStringLiteral("no account named '%1'").arg(account));
        if (!found->active || found->role == Role::Admin)
            return fail(ErrorCode::Validation,
                        QStringLiteral("'%1' cannot be assigned households").arg(account));
    }
    return m_ws.setSetting(dutyWorkerKey, account);
}

Result<bool> UrgentEscalation::awaitsWorker(const QString &householdId) const
{
    auto h = m_ws.stores().households().get(householdId);
    if (!h)
        return fail(h.error());
    if (!m_ws.session()->offices.contains(h->officeCode))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("household %1 belongs to another office").arg(householdId));
    if (!h->assignedWorker.isEmpty())
        return false;
    return m_ws.stores().urgency().awaitsUrgentContact(householdId);
}

Result<int> UrgentEscalation::urgentUncontacted() const
{
    if (auto ok = m_ws.require(Security::Permission::ViewHouseholds); !ok)
        return fail(ok.error());
    return m_ws.stores().urgency().uncontactedUrgent(m_ws.session()->offices);
}

} // namespace VisitMap::Intake
