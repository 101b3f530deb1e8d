// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportintake.h"

#include "geo/boundarycatalog.h"
#include "intakehouseholds.h"
#include "intakeimport.h"
#include "security/auditdetail.h"
#include "security/permissions.h"
#include "security/session.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/reportstore.h"
#include "storage/stores.h"
#include "urgentescalation.h"
#include "workspace.h"

#include <QHash>

#include <algorithm>

namespace VisitMap::Intake {

using Security::Permission;

Result<Import::ImportReport> ReportIntake::importReports(const QString &path)
{
    return IntakeImport(m_ws, m_control).reports(path);
}

Result<Import::ImportReport>
ReportIntake::importReports(const QByteArray &json, const QString &fileName, const QString &baseDir)
{
    return IntakeImport(m_ws, m_control).reports(json, fileName, baseDir);
}

Result<QList<Candidate>> ReportIntake::candidates(const CrisisReport &report, int max)
{
    return IntakeHouseholds(m_ws).candidates(report, max);
}

Result<QList<ReportIntake::Entry>> ReportIntake::queue(int maxCandidates)
{
    if (auto ok = m_ws.require(Permission::ViewHouseholds); !ok)
        return fail(ok.error());
    Storage::ReportStore &store = m_ws.stores().reports();
    auto open = store.open(m_ws.session()->offices);
    if (!open)
        return fail(open.error());
    auto offices = m_ws.stores().offices().all();
    QHash<QString, QString> names;
    if (offices) {
        for (const Office &o : *offices)
            names.insert(o.code, o.name);
    }
    QList<Entry> out;
    for (const CrisisReport &r : *open) {
        Entry e;
        e.report = r;
        e.officeName = names.value(r.officeCode);
        if (e.officeName.isEmpty() && !r.officeCode.isEmpty()) {
            if (const Office *o = Geo::BoundaryCatalog::bundled().find(r.officeCode))
                e.officeName = o->name;
        }
        if (auto n = store.photoCount(r.id))
            e.photos = *n;
        auto c = candidates(r, maxCandidates);
        if (!c)
            return fail(c.error());
        e.candidates = *c;
        e.urgency = UrgencyRules::assess(UrgencyRules::factsOf(r));
        if (e.report.urgency) {
            e.urgency.level = *e.report.urgency; // the stored level decides
        } else {
            // A report from a store that kept no urgency: the rules decide it now.
            e.report.urgency = e.urgency.level;
            e.report.responseDue
                = UrgencyRules::responseDue(e.urgency.level, UrgencyRules::receivedDay(r));
        }
        out << e;
    }
    std::stable_sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) {
        return UrgencyRules::precedes(*a.report.urgency, a.report.receivedAt, *b.report.urgency,
                                      b.report.receivedAt);
    });
    if (auto ok = m_ws.journal().audit(
            {Security::AuditAction::View,
             QStringLiteral("report"),
             QString::number(out.size()),
             {},
             Security::AuditDetail(Security::AuditDetailCode::ReportsListed).encode(),
             {}});
        !ok)
        return fail(ok.error());
    return out;
}

Result<CrisisReport> ReportIntake::openReport(const QString &reportId)
{
    Storage::ReportStore &store = m_ws.stores().reports();
    auto r = store.get(reportId);
    if (!r) {
        // Accept the id the report came with, too.
        r = store.byExternalId(reportId);
        if (!r)
            return fail(r.error());
    }
    const Security::Session *session = m_ws.session();
    if (!r->officeCode.isEmpty() && !r->outOfArea && !session->offices.contains(r->officeCode))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("report %1 belongs to another office").arg(r->externalId));
    return r;
}

Result<QString> ReportIntake::reporterContact(const QString &reportId)
{
    if (auto ok = m_ws.require(Permission::ViewReporterContact); !ok)
        return fail(ok.error());
    auto r = openReport(reportId);
    if (!r)
        return fail(r.error());
    return m_ws.stores().reports().contact(r->id, m_ws.journal(), m_ws.session()->keyring);
}

Status ReportIntake::link(const QString &reportId, const QString &householdId)
{
    if (auto ok = m_ws.require(Permission::EditHouseholds); !ok)
        return ok;
    auto r = openReport(reportId);
    if (!r)
        return fail(r.error());
    if (auto h = IntakeHouseholds(m_ws).own(householdId); !h)
        return fail(h.error());
    return m_ws.db().transaction([&]() -> Status {
        if (auto ok = m_ws.stores().reports().resolve(r->id, QStringLiteral("linked"), householdId,
                                                      {}, m_ws.journal());
            !ok)
            return ok;
        // The report's situations now count in the household's score.
        if (auto ok = IntakeHouseholds(m_ws).flagAndRescore(householdId); !ok)
            return ok;
        if (r->urgency != Urgency::Urgent)
            return {};
        return UrgentEscalation(m_ws).escalate(householdId, UrgentEscalation::reportText(*r));
    });
}

Result<QString> ReportIntake::openHousehold(const QString &reportId)
{
    if (auto ok = m_ws.require(Permission::EditHouseholds); !ok)
        return fail(ok.error());
    auto r = openReport(reportId);
    if (!r)
        return fail(r.error());
    if (r->officeCode.isEmpty() || r->outOfArea || !m_ws.session()->offices.contains(r->officeCode))
        return fail(
            ErrorCode::Validation,
            QStringLiteral("report %1 is not in this office's area; forward it to %2 instead")
                .arg(r->externalId,
                     r->officeCode.isEmpty() ? QStringLiteral("the right office") : r->officeCode));
    std::optional<std::pair<double, double>> place;
    if (r->hasLocation())
        place = std::pair{*r->lon, *r->lat};
    Person p;
    p.name = r->subjectName;
    p.sex = r->sex;
    const QString reportId_ = r->id;
    const QString urgent
        = r->urgency == Urgency::Urgent ? UrgentEscalation::reportText(*r) : QString();
    IntakeHouseholds::NewHousehold item;
    item.officeCode = r->officeCode;
    item.address = r->addressText;
    item.place = place;
    item.householdType = r->householdType;
    item.person = p;
    item.source = QStringLiteral("report");
    item.reason = Security::AuditDetail(Security::AuditDetailCode::HouseholdFromReport)
                      .with(u"report", r->externalId)
                      .encode();
    item.urgentWhat = urgent;
    return IntakeHouseholds(m_ws).open(item, [&](const QString &householdId, const QString &) {
        return m_ws.stores().reports().resolve(reportId_, QStringLiteral("opened"), householdId, {},
                                               m_ws.journal());
    });
}

Status ReportIntake::markDuplicate(const QString &reportId, const QString &ofReportId)
{
    if (auto ok = m_ws.require(Permission::EditHouseholds); !ok)
        return ok;
    auto r = openReport(reportId);
    if (!r)
        return fail(r.error());
    auto of = openReport(ofReportId);
    if (!of)
        return fail(of.error());
    if (of->id == r->id)
        return fail(ErrorCode::Validation, QStringLiteral("a report cannot duplicate itself"));
    return m_ws.db().transaction([&]() -> Status {
        return m_ws.stores().reports().resolve(r->id, QStringLiteral("duplicate"), of->householdId,
                                               of->id, m_ws.journal());
    });
}

} // namespace VisitMap::Intake
