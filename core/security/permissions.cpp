// SPDX-License-Identifier: GPL-3.0-or-later
#include "permissions.h"

namespace VisitMap::Security {

bool allowed(Role role, Permission p)
{
    using P = Permission;
    switch (role) {
    case Role::Caseworker:
        return p == P::ViewHouseholds || p == P::EditHouseholds || p == P::RevealIdentifiers
               || p == P::ExportMasked || p == P::ImportData || p == P::PlanRoutes;
    case Role::Nurse:
        return p == P::ViewHouseholds || p == P::EditHouseholds || p == P::RevealIdentifiers
               || p == P::ExportMasked || p == P::PlanRoutes || p == P::ViewHealthNotes;
    case Role::TeamLead:
        return p == P::ViewHouseholds || p == P::EditHouseholds || p == P::RevealIdentifiers
               || p == P::ExportMasked || p == P::ExportUnmasked || p == P::ImportData
               || p == P::AssignHouseholds || p == P::PlanRoutes || p == P::ViewReporterContact
               || p == P::ReviewAccessLog || p == P::EditFacilities;
    case Role::Admin:
        return p == P::ManageAccounts || p == P::ManageSettings || p == P::ReviewAccessLog;
    }
    return false;
}

} // namespace VisitMap::Security
