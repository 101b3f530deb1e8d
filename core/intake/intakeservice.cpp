// SPDX-License-Identifier: GPL-3.0-or-later
#include "intakeservice.h"

#include "geo/boundarycatalog.h"
#include "geo/donglocator.h"
#include "reportparser.h"
#include "risk/riskservice.h"
#include "security/permissions.h"
#include "security/session.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/reportstore.h"
#include "util/clock.h"
#include "workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace VisitMap::Intake {

using Security::Permission;

IntakeService::Placement IntakeService::place(const CrisisReport &r, const Geo::DongLocator &locator,
                                              const QStringList &storeOffices) const
{
    Placement p;
    if (r.hasLocation()) {
        p.officeCode = locator.locate(*r.lon, *r.lat);
        if (p.officeCode.isEmpty())
            p.officeCode = locator.nearest(*r.lon, *r.lat, 50);
        p.basis = QStringLiteral("location");
    }
    if (p.officeCode.isEmpty() && !r.addressText.isEmpty()) {
        // Without a place on the map: the dong of known households at that road address (or,
        // failing that, on that road, the dong most of them are in).
        const Matcher::RoadAddress ra = Matcher::roadAddress(r.addressText);
        Storage::HouseholdStore store(m_ws.db());
        for (const QString &number : {ra.number, QString()}) {
            auto ids = store.idsOnRoad(ra.road, number, 50);
            if (!ids || ids->isEmpty())
                continue;
            QHash<QString, int> votes;
            for (const QString &id : *ids) {
                if (auto h = store.get(id))
                    ++votes[h->officeCode];
            }
            int best = 0;
            for (auto it = votes.constBegin(); it != votes.constEnd(); ++it) {
                if (it.value() > best || (it.value() == best && it.key() < p.officeCode)) {
                    best = it.value();
                    p.officeCode = it.key();
                }
            }
            p.basis = QStringLiteral("address");
            break;
        }
    }
    p.outOfArea = !p.officeCode.isEmpty() && !storeOffices.contains(p.officeCode);
    if (p.officeCode.isEmpty())
        p.basis.clear();
    return p;
}

Result<Import::ImportReport> IntakeService::importReports(const QString &path)
{
    QFile f(path);
    if (f.size() > ReportParser::maxFileBytes) {
        Import::ImportReport r;
        r.addError(path, 0, {}, QStringLiteral("the file is %1 MB; report files are read up to %2 MB (split it)")
                                   .arg(f.size() / (1024 * 1024))
                                   .arg(ReportParser::maxFileBytes / (1024 * 1024)));
        return r;
    }
    if (!f.open(QIODevice::ReadOnly))
        return failAt(ErrorCode::Io, path, 0, QStringLiteral("cannot open the file: %1").arg(f.errorString()));
    return importReports(f.readAll(), path, QFileInfo(path).absolutePath());
}

Result<Import::ImportReport> IntakeService::importReports(const QByteArray &json, const QString &fileName,
                                                          const QString &baseDir)
{
    if (auto ok = m_ws.require(Permission::ImportData); !ok)
        return fail(ok.error());
    auto parsed = ReportParser::parse(json, fileName, baseDir);
    if (!parsed.report.ok())
        return parsed.report;
    auto storeOffices = Storage::OfficeStore(m_ws.db()).all();
    if (!storeOffices)
        return fail(storeOffices.error());
    QStringList codes;
    for (const Office &o : *storeOffices)
        codes << o.code;
    const Geo::DongLocator locator(Geo::BoundaryCatalog::bundled().around(*storeOffices));

    Storage::ReportStore store(m_ws.db());
    QStringList ids;
    for (const CrisisReport &r : parsed.reports)
        ids << r.externalId;
    auto existing = store.existing(ids);
    if (!existing)
        return fail(existing.error());
    QList<CrisisReport> fresh;
    QList<ReportAttachments> attachments;
    int outside = 0, unplaced = 0;
    for (qsizetype i = 0; i < parsed.reports.size(); ++i) {
        CrisisReport r = parsed.reports[i];
        if (existing->contains(r.externalId)) {
            ++parsed.report.skipped;
            parsed.report.notes << QStringLiteral("%1: report %2 was imported before; left as it is")
                                       .arg(fileName, r.externalId);
            continue;
        }
        const Placement p = place(r, locator, codes);
        r.officeCode = p.officeCode;
        r.outOfArea = p.outOfArea;
        outside += p.outOfArea;
        unplaced += p.officeCode.isEmpty();
        fresh << r;
        attachments << parsed.attachments[i];
    }
    // Contacts and photos of reports outside the district are sealed with the importing
    // account's first office key.
    const Security::Session *session = m_ws.session();
    const QString keyOffice = session->offices.isEmpty() ? QString() : session->offices.first();
    auto ok = m_ws.db().transaction([&]() -> Status {
        if (auto r = store.add(fresh, attachments, keyOffice, m_ws.journal(), session->keyring); !r)
            return r;
        // A report about a household already linked earlier is not re-linked automatically:
        // the caseworker decides from the queue.
        return {};
    });
    if (!ok)
        return fail(ok.error());
    parsed.report.imported = int(fresh.size());
    if (outside)
        parsed.report.notes << QStringLiteral("%1 reports lie outside this district's 행정동 and are flagged out of area")
                                   .arg(outside);
    if (unplaced)
        parsed.report.notes << QStringLiteral("%1 reports could not be placed in any known 행정동").arg(unplaced);
    return parsed.report;
}

Result<QList<Candidate>> IntakeService::candidates(const CrisisReport &r, int max)
{
    Storage::HouseholdStore store(m_ws.db());
    QStringList ids;
    QSet<QString> seen;
    auto take = [&](const Result<QStringList> &found) -> Status {
        if (!found)
            return fail(found.error());
        for (const QString &id : *found) {
            if (!seen.contains(id)) {
                seen.insert(id);
                ids << id;
            }
        }
        return {};
    };
    if (r.hasLocation()) {
        if (auto ok = take(store.idsNear(*r.lon, *r.lat, 400, 60)); !ok)
            return fail(ok.error());
    }
    const Matcher::RoadAddress ra = Matcher::roadAddress(r.addressText);
    if (!ra.isEmpty()) {
        if (auto ok = take(store.idsOnRoad(ra.road, ra.number, 50)); !ok)
            return fail(ok.error());
    }
    if (!r.subjectName.isEmpty()) {
        if (auto ok = take(store.idsWithMember(r.subjectName, 50)); !ok)
            return fail(ok.error());
    }
    const Security::Session *session = m_ws.session();
    QList<CandidateInput> inputs;
    for (const QString &id : ids) {
        auto h = store.get(id);
        if (!h)
            return fail(h.error());
        if (!session->covers(h->officeCode) && !session->offices.contains(h->officeCode))
            continue;
        // Names, birth dates and sex only: no identifier is decrypted for matching.
        auto members = store.members(id, nullptr);
        if (!members)
            return fail(members.error());
        inputs << CandidateInput{*h, *members};
    }
    return Matcher::rank(r, inputs, m_ws.clock().today(), max);
}

Result<QList<IntakeService::Entry>> IntakeService::queue(int maxCandidates)
{
    if (auto ok = m_ws.require(Permission::ViewHouseholds); !ok)
        return fail(ok.error());
    Storage::ReportStore store(m_ws.db());
    auto open = store.open(m_ws.session()->offices);
    if (!open)
        return fail(open.error());
    auto offices = Storage::OfficeStore(m_ws.db()).all();
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
        out << e;
    }
    if (auto ok = m_ws.journal().audit({Security::AuditAction::View, QStringLiteral("report"),
                                        QString::number(out.size()), {}, QStringLiteral("신고 접수 목록 조회"), {}});
        !ok)
        return fail(ok.error());
    return out;
}

Result<CrisisReport> IntakeService::openReport(const QString &reportId)
{
    Storage::ReportStore store(m_ws.db());
    auto r = store.get(reportId);
    if (!r) {
        // Accept the id the report came with, too.
        r = store.byExternalId(reportId);
        if (!r)
            return fail(r.error());
    }
    const Security::Session *session = m_ws.session();
    if (!r->officeCode.isEmpty() && !r->outOfArea && !session->offices.contains(r->officeCode))
        return fail(ErrorCode::PermissionDenied, QStringLiteral("report %1 belongs to another office").arg(r->externalId));
    return r;
}

Result<QString> IntakeService::reporterContact(const QString &reportId)
{
    if (auto ok = m_ws.require(Permission::ViewReporterContact); !ok)
        return fail(ok.error());
    auto r = openReport(reportId);
    if (!r)
        return fail(r.error());
    return Storage::ReportStore(m_ws.db()).contact(r->id, m_ws.journal(), m_ws.session()->keyring);
}

Status IntakeService::link(const QString &reportId, const QString &householdId)
{
    if (auto ok = m_ws.require(Permission::EditHouseholds); !ok)
        return ok;
    auto r = openReport(reportId);
    if (!r)
        return fail(r.error());
    Storage::HouseholdStore households(m_ws.db());
    auto h = households.get(householdId);
    if (!h)
        return fail(h.error());
    if (!m_ws.session()->offices.contains(h->officeCode))
        return fail(ErrorCode::PermissionDenied, QStringLiteral("household %1 belongs to another office").arg(householdId));
    return m_ws.db().transaction([&]() -> Status {
        if (auto ok = Storage::ReportStore(m_ws.db()).resolve(r->id, QStringLiteral("linked"), householdId, {}, m_ws.journal()); !ok)
            return ok;
        if (auto ok = households.flagNew(householdId, m_ws.journal()); !ok)
            return ok;
        // The report's situations now count in the household's score.
        auto changed = Risk::RiskService(m_ws.db()).recompute(householdId, m_ws.journal(), m_ws.visitCycle());
        return changed ? Status() : fail(changed.error());
    });
}

Result<QString> IntakeService::openHousehold(const QString &reportId)
{
    if (auto ok = m_ws.require(Permission::EditHouseholds); !ok)
        return fail(ok.error());
    auto r = openReport(reportId);
    if (!r)
        return fail(r.error());
    if (r->officeCode.isEmpty() || r->outOfArea || !m_ws.session()->offices.contains(r->officeCode))
        return fail(ErrorCode::Validation, QStringLiteral("report %1 is not in this office's area; forward it to %2 instead")
                                               .arg(r->externalId, r->officeCode.isEmpty() ? QStringLiteral("the right office")
                                                                                           : r->officeCode));
    Storage::HouseholdRecord rec;
    Household &h = rec.household;
    h.officeCode = r->officeCode;
    h.roadAddress = r->addressText;
    if (r->hasLocation()) {
        h.lon = *r->lon;
        h.lat = *r->lat;
    } else if (auto office = Storage::OfficeStore(m_ws.db()).all()) {
        for (const Office &o : *office) {
            if (o.code == r->officeCode) {
                h.lon = o.centroid.longitude();
                h.lat = o.centroid.latitude();
            }
        }
    }
    h.householdType = r->householdType.isEmpty() ? QStringLiteral("일반") : r->householdType;
    h.headName = r->subjectName.isEmpty() ? QStringLiteral("미상") : r->subjectName;
    h.source = QStringLiteral("report");
    h.nextVisitDue = m_ws.clock().today();
    h.flaggedNewAt = m_ws.clock().now();
    Person p;
    p.name = h.headName;
    p.sex = r->sex;
    p.isHead = true;
    p.relationship = QStringLiteral("본인");
    rec.members << p;
    QList<Storage::HouseholdRecord> records{rec};
    QString householdId;
    auto ok = m_ws.db().transaction([&]() -> Status {
        Storage::HouseholdStore households(m_ws.db());
        if (auto ok = households.add(records, m_ws.journal(), m_ws.session()->keyring,
                                     QStringLiteral("복지위기 알림 신고 %1로 신규 가구").arg(r->externalId));
            !ok)
            return ok;
        householdId = records.first().household.id;
        auto opened = Storage::CaseStore(m_ws.db()).openCase(householdId, QStringLiteral("general"), m_ws.clock().today(),
                                                             m_ws.journal());
        if (!opened)
            return fail(opened.error());
        if (auto ok = Storage::ReportStore(m_ws.db()).resolve(r->id, QStringLiteral("opened"), householdId, {}, m_ws.journal()); !ok)
            return ok;
        auto changed = Risk::RiskService(m_ws.db()).recompute(householdId, m_ws.journal(), m_ws.visitCycle());
        return changed ? Status() : fail(changed.error());
    });
    if (!ok)
        return fail(ok.error());
    return householdId;
}

Status IntakeService::markDuplicate(const QString &reportId, const QString &ofReportId)
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
        return Storage::ReportStore(m_ws.db()).resolve(r->id, QStringLiteral("duplicate"), of->householdId, of->id,
                                                       m_ws.journal());
    });
}

} // namespace VisitMap::Intake
