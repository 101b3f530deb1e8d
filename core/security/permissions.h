// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/enums.h"

namespace VisitMap::Security {

// What a role may do (least privilege, DESIGN §7).
enum class Permission {
    ViewHouseholds,     // see households and their logs in the granted offices
    EditHouseholds,     // log visits, needs, notes, services; edit records
    RevealIdentifiers,  // show a 주민등록번호 unmasked on screen (logged)
    ViewHealthNotes,    // 민감정보: health notes
    ExportMasked,       // export or print with masking
    ExportUnmasked,     // export or print unmasked (with a reason, logged)
    ImportData,         // import households, signals, reports
    AssignHouseholds,   // assign and reassign households to workers
    PlanRoutes,         // plan visit routes for teams
    ViewReporterContact,// see a crisis reporter's contact
    ReviewAccessLog,    // the monthly access-log review
    ManageAccounts,     // create, lock, unlock, remove accounts; grant rights
    ManageSettings,     // store-wide settings (idle lock, visit cycles)
    EditFacilities,     // correct and place the office's welfare facilities (shared directory)
};

bool allowed(Role role, Permission permission);

// Admins do no case work: they hold no office data key.
inline bool holdsOfficeKeys(Role role)
{
    return role != Role::Admin;
}

} // namespace VisitMap::Security
