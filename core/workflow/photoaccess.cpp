// SPDX-License-Identifier: GPL-3.0-or-later
#include "photoaccess.h"

#include "security/permissions.h"
#include "storage/attachmentstore.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/reportstore.h"
#include "storage/stores.h"
#include "workspace.h"

namespace VisitMap {

Status PhotoAccess::mayView(const QString &householdId, const QString &reportId) const
{
    if (auto ok = m_ws.require(Security::Permission::ViewHouseholds); !ok)
        return ok;
    QString office;
    if (!householdId.isEmpty()) {
        auto o = m_ws.stores().households().officeOf(householdId);
        if (!o)
            return fail(o.error());
        if (!*o)
            return fail(ErrorCode::NotFound,
                        QStringLiteral("no household with id %1").arg(householdId));
        office = **o;
    } else {
        auto r = m_ws.stores().reports().get(reportId);
        if (!r)
            return fail(r.error());
        // A report outside every 행정동 (or without a place) waits in every intake queue.
        if (r->outOfArea || r->officeCode.isEmpty())
            return {};
        office = r->officeCode;
    }
    if (!m_ws.session()->covers(office))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("행정동 %1 is outside your offices").arg(office));
    return {};
}

Result<QList<Attachment>> PhotoAccess::forHousehold(const QString &householdId) const
{
    if (auto ok = mayView(householdId, {}); !ok)
        return fail(ok.error());
    return m_ws.stores().attachments().forHousehold(householdId);
}

Result<QList<Attachment>> PhotoAccess::forReport(const QString &reportId) const
{
    if (auto ok = mayView({}, reportId); !ok)
        return fail(ok.error());
    return m_ws.stores().attachments().forReport(reportId);
}

Result<QByteArray> PhotoAccess::open(const QString &attachmentId)
{
    Storage::AttachmentStore &store = m_ws.stores().attachments();
    auto a = store.get(attachmentId);
    if (!a)
        return fail(a.error());
    if (auto ok = mayView(a->householdId, a->reportId); !ok)
        return fail(ok.error());
    return store.read(attachmentId, m_ws.journal(), m_ws.session()->keyring);
}

} // namespace VisitMap
