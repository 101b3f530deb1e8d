// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditanchor.h"

#include "centralstore.h"
#include "storage/auditlog.h"
#include "storage/metastore.h"
#include "storage/stores.h"
#include "workspace.h"

#include <QSqlQuery>

namespace VisitMap::Sync {

Result<AuditAnchor::Outcome> AuditAnchor::send(CentralConnection &c)
{
    Security::AuditLog &log = m_ws.auditLog();
    auto head = log.head();
    if (!head)
        return fail(head.error());
    if (!*head)
        return Outcome{};
    const QString store = m_ws.stores().meta().storeId();
    CentralStore central(c);
    auto prior = central.auditAnchor(store);
    if (!prior)
        return fail(prior.error());
    QString priorMac;
    if (prior->next()) {
        auto mac = log.macAt(prior->value(0).toLongLong());
        if (!mac)
            return fail(mac.error());
        priorMac = *mac;
    }
    const Security::AuditHead &h = **head;
    auto r = central.anchorAudit(store, h.sealedSeq, h.sealedMac, h.entries, h.purged, priorMac);
    if (!r)
        return fail(r.error());
    Outcome out;
    out.sent = true;
    if (r->next())
        out.problem = r->value(0).toString();
    return out;
}

Status AuditAnchor::send(CentralConnection &c, QStringList &notices)
{
    auto outcome = send(c);
    if (!outcome)
        return fail(outcome.error());
    if (!outcome->problem.isEmpty())
        notices << QStringLiteral("the central store refused this store's access-log head: %1")
                       .arg(outcome->problem);
    return {};
}

} // namespace VisitMap::Sync
