// SPDX-License-Identifier: GPL-3.0-or-later
#include "disclosure.h"
#include "security/auditdetail.h"

#include "security/masking.h"
#include "storage/journal.h"
#include "workspace.h"

namespace VisitMap::Security {

bool Disclosure::setListRevealed(bool revealed)
{
    if (revealed && !m_listRevealed) {
        if (!m_ws.require(Permission::RevealIdentifiers))
            return false;
        if (!m_ws.journal().audit({AuditAction::Reveal,
                                   QStringLiteral("household_list"),
                                   {},
                                   {},
                                   AuditDetail(AuditDetailCode::ListRevealed).encode(),
                                   {}}))
            return false;
    }
    m_listRevealed = revealed;
    return true;
}

QString Disclosure::listName(const QString &name) const
{
    return m_listRevealed ? name : Mask::name(name);
}

QString Disclosure::listPhone(const QString &phone) const
{
    return m_listRevealed ? phone : Mask::phone(phone);
}

QString Disclosure::listAddress(const QString &address) const
{
    return m_listRevealed ? address : Mask::address(address);
}

bool Disclosure::revealIdentifiers(const QString &householdId, const QString &officeCode)
{
    if (m_revealed.contains(householdId))
        return true;
    if (!m_ws.require(Permission::RevealIdentifiers))
        return false;
    if (!m_ws.journal().audit({AuditAction::Reveal,
                               QStringLiteral("household"),
                               householdId,
                               officeCode,
                               AuditDetail(AuditDetailCode::RrnRevealed).encode(),
                               {}}))
        return false;
    m_revealed.insert(householdId);
    return true;
}

QString Disclosure::rrn(const QString &householdId, const QString &value) const
{
    return m_revealed.contains(householdId) ? value : Mask::rrn(value);
}

void Disclosure::forget()
{
    m_listRevealed = false;
    m_revealed.clear();
}

} // namespace VisitMap::Security
