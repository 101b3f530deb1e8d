// SPDX-License-Identifier: GPL-3.0-or-later
// AuditDetail::english: the access log's details in the command line's words.
#include "auditdetail.h"

namespace VisitMap::Security {

namespace {

QString exportWhat(const QString &what)
{
    if (what == QLatin1String("households"))
        return QStringLiteral("households");
    if (what == QLatin1String("visits"))
        return QStringLiteral("visits");
    if (what == QLatin1String("summary_dong_risk"))
        return QStringLiteral("summary by dong and risk");
    if (what == QLatin1String("summary_type_risk"))
        return QStringLiteral("summary by household type and risk");
    if (what == QLatin1String("summary_overdue"))
        return QStringLiteral("summary of overdue visits by worker");
    return what;
}

QString loginReason(const QString &reason, const QString &tries)
{
    if (reason == QLatin1String("unknown_account"))
        return QStringLiteral("unknown account");
    if (reason == QLatin1String("removed_account"))
        return QStringLiteral("removed account");
    if (reason == QLatin1String("locked"))
        return QStringLiteral("account locked");
    if (reason == QLatin1String("wrong_password"))
        return QStringLiteral("wrong password (%1)").arg(tries);
    return reason.isEmpty() ? QStringLiteral("sign-in failed") : reason;
}

} // namespace

QString AuditDetail::english() const
{
    const auto f = [this](const char16_t *name) {
        return fact(name);
    };
    using C = AuditDetailCode;
    switch (m_code) {
    case C::None:
        return {};
    case C::Legacy:
        return m_legacy;
    case C::Unknown:
        return encode();
    case C::LoginFailed:
        return (f(u"unlock") == QLatin1String("1") ? QStringLiteral("unlock: ") : QString())
               + loginReason(f(u"reason"), f(u"tries"));
    case C::SessionLock:
        return f(u"why") == QLatin1String("idle") ? QStringLiteral("locked after idle time")
                                                  : QStringLiteral("screen locked");
    case C::PasswordChanged:
        return QStringLiteral("password changed");
    case C::AccountCreated:
        return QStringLiteral("created as %1 for %2").arg(f(u"role"), f(u"offices"));
    case C::FirstAdmin:
        return QStringLiteral("first admin created");
    case C::AccountUnlocked:
        return QStringLiteral("unlocked");
    case C::PasswordReset:
        return QStringLiteral("password reset by an admin; office keys to be re-sealed");
    case C::AccountRemoved:
        return QStringLiteral("removed; rights and office keys withdrawn");
    case C::AccountOffices:
        return QStringLiteral("offices set to %1").arg(f(u"offices"));
    case C::AccountRole:
        return QStringLiteral("role set to %1").arg(f(u"role"));
    case C::SettingChanged:
        return QStringLiteral("%1 = %2").arg(f(u"key"), f(u"value"));
    case C::ListRevealed:
        return QStringLiteral("names, phones and addresses shown in lists");
    case C::RrnRevealed:
        return QStringLiteral("resident registration number shown");
    case C::ReportContact:
        return QStringLiteral("reporter's contact read");
    case C::SignalRrn:
        return QStringLiteral("crisis listing's resident registration number used for a household");
    case C::AttachmentOpened:
        return QStringLiteral("attachment %1 opened").arg(f(u"attachment"));
    case C::ExportFile: {
        QString how;
        if (f(u"masking") == QLatin1String("counts"))
            how = QStringLiteral("counts of %1 households").arg(f(u"households"));
        else if (f(u"masking") == QLatin1String("unmasked"))
            how = QStringLiteral("UNMASKED");
        else if (has(u"withheld"))
            how = QStringLiteral("masked, %1 withheld").arg(f(u"withheld"));
        else
            how = QStringLiteral("masked");
        QString scope;
        if (f(u"scope") == QLatin1String("filter"))
            scope = QStringLiteral(", the list's filter");
        else if (f(u"scope") == QLatin1String("chosen"))
            scope = QStringLiteral(", %1 chosen households").arg(f(u"chosen"));
        return QStringLiteral("%1 export to %2 (%3 rows, %4%5)")
            .arg(exportWhat(f(u"what")), f(u"file"), f(u"rows"), how, scope);
    }
    case C::MapPicture:
        return QStringLiteral("map picture to %1").arg(f(u"file"));
    case C::RouteSheet:
        return QStringLiteral("route sheet %1 (%2 teams, %3 households%4)")
            .arg(f(u"date"), f(u"teams"), f(u"households"),
                 f(u"unmasked") == QLatin1String("1") ? QStringLiteral(", unmasked") : QString());
    case C::RoutePlanSaved:
        return QStringLiteral("route plan saved for %1").arg(f(u"date"));
    case C::RoutePlanChanged:
        return QStringLiteral("route plan for %1 changed (replaces %2)")
            .arg(f(u"date"), f(u"previous"));
    case C::HouseholdImport:
        return QStringLiteral("import %1").arg(f(u"file"));
    case C::FacilityImport:
        return QStringLiteral("%1 welfare facilities imported").arg(f(u"count"));
    case C::OfficeImport:
        return QStringLiteral("%1 dong boundaries imported").arg(f(u"count"));
    case C::DemoGenerated:
        return QStringLiteral("synthetic demo district %1 generated (seed %2)")
            .arg(f(u"area"), f(u"seed"));
    case C::HouseholdOpened:
        return QStringLiteral("household opened");
    case C::HouseholdAssigned:
        return QStringLiteral("assigned %1 -> %2").arg(f(u"from"), f(u"to"));
    case C::HouseholdFromReport:
        return QStringLiteral("new household from crisis report %1").arg(f(u"report"));
    case C::HouseholdFromSignal:
        return QStringLiteral("new household from crisis listing round %1").arg(f(u"round"));
    case C::VisitRecorded:
        return QStringLiteral("visit %1 %2").arg(f(u"kind"), f(u"outcome"));
    case C::VisitVoided:
        return QStringLiteral("visit %1 voided").arg(f(u"visit"));
    case C::RecordVoided:
        return QStringLiteral("%1 %2 voided").arg(f(u"entity"), f(u"id"));
    case C::RiskTier:
        return QStringLiteral("risk tier %1 -> %2").arg(f(u"from"), f(u"to"));
    case C::CaseOpened:
        return QStringLiteral("case opened (%1)").arg(f(u"type"));
    case C::CaseStage:
        return QStringLiteral("case stage %1 -> %2").arg(f(u"from"), f(u"to"));
    case C::ServiceLinked:
        return QStringLiteral("service linked: %1").arg(f(u"name"));
    case C::ServiceStatus:
        return QStringLiteral("service %1 -> %2").arg(f(u"from"), f(u"to"));
    case C::Assessment:
        return QStringLiteral("needs assessment");
    case C::CounsellingNote:
        return QStringLiteral("counselling note");
    case C::CheckinStarted:
        return QStringLiteral("safety check-in (%1 min)").arg(f(u"minutes"));
    case C::CheckinEnded:
        return QStringLiteral("safety check-out");
    case C::AttachmentAdded:
        return QStringLiteral("attachment %1 (%2 bytes, consent recorded)")
            .arg(f(u"file"), f(u"bytes"));
    case C::FacilityChanged:
        return QStringLiteral("welfare facility changed: %1").arg(f(u"fields"));
    case C::ConflictResolved:
        return QStringLiteral("conflict on %1: kept %2").arg(f(u"field"), f(u"kept"));
    case C::ReportsReceived:
        return QStringLiteral("%1 crisis reports received").arg(f(u"count"));
    case C::ReportStatus:
        return QStringLiteral("report handled: %1").arg(f(u"status"));
    case C::ReportsListed:
        return QStringLiteral("crisis report list viewed");
    case C::SignalsReceived:
        return QStringLiteral("%1 crisis listings of round %2 received")
            .arg(f(u"count"), f(u"round"));
    case C::SignalsLinked:
        return QStringLiteral("crisis listings linked to a household (%1)").arg(f(u"count"));
    case C::SignalsListed:
        return QStringLiteral("unlinked crisis listings viewed");
    case C::AuditPurge:
        return QStringLiteral("%1 entries up to %2 removed after the retention period; %3 removed "
                              "in all")
            .arg(f(u"removed"), f(u"upto"), f(u"total"));
    }
    return encode();
}

} // namespace VisitMap::Security
