// SPDX-License-Identifier: GPL-3.0-or-later
#include "intakeservice.h"
#include "security/auditdetail.h"

#include "intakeimport.h"
#include "urgentescalation.h"

#include "geo/boundarycatalog.h"
#include "storage/riskstore.h"
#include "security/permissions.h"
#include "security/session.h"
#include "storage/casestore.h"
#include "storage/crisisstore.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/reportstore.h"
#include "storage/urgencystore.h"
#include "util/clock.h"
#include "workspace.h"

#include <QHash>
#include <QSet>

namespace VisitMap::Intake {

using Security::Permission;

Result<Import::ImportReport> IntakeService::importReports(const QString &path)
{
    return IntakeImport(m_ws, m_control).reports(path);
}

Result<Import::ImportReport> IntakeService::importReports(const QByteArray &json,
                                                          const QString &fileName,
                                                          const QString &baseDir)
{
    return IntakeImport(m_ws, m_control).reports(json, fileName, baseDir);
}

Result<Import::ImportReport> IntakeService::importSignals(const QString &path)
{
    return IntakeImport(m_ws, m_control).rounds(path);
}

Result<Import::ImportReport> IntakeService::importSignals(const CsvTable &table,
                                                          const QString &fileName)
{
    return IntakeImport(m_ws, m_control).rounds(table, fileName);
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
    if (auto h = ownHousehold(householdId); !h)
        return fail(h.error());
    return m_ws.db().transaction([&]() -> Status {
        if (auto ok = Storage::ReportStore(m_ws.db()).resolve(r->id, QStringLiteral("linked"), householdId, {}, m_ws.journal()); !ok)
            return ok;
        // The report's situations now count in the household's score.
        if (auto ok = flagAndRescore(householdId); !ok)
            return ok;
        if (r->urgency != Urgency::Urgent)
            return {};
        return UrgentEscalation(m_ws).escalate(householdId, UrgentEscalation::reportText(*r));
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
    std::optional<std::pair<double, double>> place;
    if (r->hasLocation())
        place = std::pair{*r->lon, *r->lat};
    Person p;
    p.name = r->subjectName;
    p.sex = r->sex;
    const QString reportId_ = r->id;
    const QString urgent
        = r->urgency == Urgency::Urgent ? UrgentEscalation::reportText(*r) : QString();
    return openNew(
        r->officeCode, r->addressText, place, r->householdType, p, QStringLiteral("report"),
        Security::AuditDetail(Security::AuditDetailCode::HouseholdFromReport)
            .with(u"report", r->externalId)
            .encode(),
        [&](const QString &householdId, const QString &) {
            return Storage::ReportStore(m_ws.db()).resolve(reportId_, QStringLiteral("opened"),
                                                           householdId, {}, m_ws.journal());
        },
        urgent);
}

Result<QString>
IntakeService::openNew(const QString &officeCode,
                       const QString &address,
                       std::optional<std::pair<double, double>> place,
                       const QString &householdType,
                       Person person,
                       const QString &source,
                       const QString &reason,
                       const std::function<Status(const QString &, const QString &)> &resolve,
                       const QString &urgentWhat)
{
    Storage::HouseholdRecord rec;
    Household &h = rec.household;
    h.officeCode = officeCode;
    h.roadAddress = address;
    // Where it stands: the place given, else a known building at the address, else the middle
    // of the 행정동 (moved on the map after the first visit).
    if (!place)
        place = placeOfAddress(address);
    if (!place) {
        if (auto offices = Storage::OfficeStore(m_ws.db()).all()) {
            for (const Office &o : *offices) {
                if (o.code == officeCode)
                    place = std::pair{o.centroid.longitude(), o.centroid.latitude()};
            }
        }
    }
    if (place) {
        h.lon = place->first;
        h.lat = place->second;
    }
    h.householdType = householdType.isEmpty() ? QStringLiteral("일반") : householdType;
    h.headName = person.name.isEmpty() ? QStringLiteral("미상") : person.name;
    h.source = source;
    h.nextVisitDue = m_ws.clock().today();
    h.flaggedNewAt = m_ws.clock().now();
    person.name = h.headName;
    person.isHead = true;
    person.relationship = QStringLiteral("본인");
    rec.members << person;
    QList<Storage::HouseholdRecord> records{rec};
    QString householdId;
    auto ok = m_ws.db().transaction([&]() -> Status {
        if (auto ok = Storage::HouseholdStore(m_ws.db()).add(records, m_ws.journal(), m_ws.session()->keyring, reason); !ok)
            return ok;
        householdId = records.first().household.id;
        auto opened = Storage::CaseStore(m_ws.db()).openCase(householdId, CaseType::General, m_ws.clock().today(),
                                                             m_ws.journal());
        if (!opened)
            return fail(opened.error());
        if (auto ok = resolve(householdId, records.first().members.value(0).id); !ok)
            return ok;
        auto changed = Storage::RiskStore(m_ws.db()).recompute(householdId, m_ws.journal(), m_ws.visitCycle());
        if (!changed)
            return fail(changed.error());
        return urgentWhat.isEmpty() ? Status()
                                    : UrgentEscalation(m_ws).escalate(householdId, urgentWhat);
    });
    if (!ok)
        return fail(ok.error());
    return householdId;
}

std::optional<std::pair<double, double>> IntakeService::placeOfAddress(const QString &address) const
{
    const Matcher::RoadAddress ra = Matcher::roadAddress(address);
    if (ra.isEmpty() || ra.number.isEmpty())
        return std::nullopt;
    Storage::HouseholdStore households(m_ws.db());
    auto ids = households.idsOnRoad(ra.road, ra.number, 1);
    if (!ids || ids->isEmpty())
        return std::nullopt;
    auto h = households.get(ids->first());
    if (!h)
        return std::nullopt;
    return std::pair{h->lon, h->lat};
}

Result<Household> IntakeService::ownHousehold(const QString &householdId) const
{
    auto h = Storage::HouseholdStore(m_ws.db()).get(householdId);
    if (!h)
        return fail(h.error());
    if (!m_ws.session()->offices.contains(h->officeCode))
        return fail(ErrorCode::PermissionDenied, QStringLiteral("household %1 belongs to another office").arg(householdId));
    return h;
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

Status IntakeService::flagAndRescore(const QString &householdId)
{
    if (auto ok = Storage::HouseholdStore(m_ws.db()).flagNew(householdId, m_ws.journal()); !ok)
        return ok;
    auto changed = Storage::RiskStore(m_ws.db()).recompute(householdId, m_ws.journal(), m_ws.visitCycle());
    return changed ? Status() : fail(changed.error());
}

QString IntakeService::dutyWorker() const
{
    return UrgentEscalation(m_ws).dutyWorker();
}

Status IntakeService::setDutyWorker(const QString &account)
{
    return UrgentEscalation(m_ws).setDutyWorker(account);
}

Result<bool> IntakeService::awaitsWorker(const QString &householdId) const
{
    auto h = ownHousehold(householdId);
    if (!h)
        return fail(h.error());
    if (!h->assignedWorker.isEmpty())
        return false;
    return Storage::UrgencyStore(m_ws.db()).awaitsUrgentContact(householdId);
}

Result<int> IntakeService::urgentUncontacted() const
{
    if (auto ok = m_ws.require(Permission::ViewHouseholds); !ok)
        return fail(ok.error());
    return Storage::UrgencyStore(m_ws.db()).uncontactedUrgent(m_ws.session()->offices);
}

// ---- 발굴 rounds ------------------------------------------------------------------------------

Result<QList<IntakeService::SignalEntry>> IntakeService::signalQueue(int maxCandidates)
{
    if (auto ok = m_ws.require(Permission::ViewHouseholds); !ok)
        return fail(ok.error());
    Storage::CrisisStore crisis(m_ws.db());
    auto open = crisis.unmatched(m_ws.session()->offices);
    if (!open)
        return fail(open.error());
    auto items = crisis.itemTable();
    if (!items)
        return fail(items.error());
    QHash<QString, QString> names;
    if (auto offices = Storage::OfficeStore(m_ws.db()).all()) {
        for (const Office &o : *offices)
            names.insert(o.code, o.name);
    }
    QList<SignalEntry> out;
    QHash<QString, qsizetype> byPerson;
    for (const CrisisSignal &s : *open) {
        const QString who = s.roundId + u'|' + s.officeCode + u'|' + s.subjectName + u'|' + s.subjectBirth.toString(Qt::ISODate);
        auto it = byPerson.constFind(who);
        if (it == byPerson.constEnd()) {
            SignalEntry e;
            e.id = s.id;
            e.listing = s;
            e.officeName = names.value(s.officeCode);
            it = byPerson.insert(who, out.size());
            out << e;
        }
        SignalEntry &e = out[*it];
        e.items << s;
        const CrisisItem item = (*items)[s.itemVersion].value(s.itemCode);
        QString text = s.itemCode + u' ' + item.name;
        if (s.months)
            text += QStringLiteral(" %1개월").arg(*s.months);
        if (s.amount)
            text += QStringLiteral(" %L1원").arg(*s.amount);
        e.itemNames << text;
    }
    for (SignalEntry &e : out) {
        const Urgency stored = e.listing.urgency.value_or(Urgency::Normal);
        e.urgency = UrgencyRules::assess(
            UrgencyRules::factsOf(UrgentEscalation::itemsOf(e.items, *items)));
        if (e.listing.urgency)
            e.urgency.level = stored; // the stored level decides
        e.responseDue = e.listing.responseDue.isValid()
                            ? e.listing.responseDue
                            : UrgencyRules::responseDue(e.urgency.level, e.listing.receivedDate);
    }
    std::stable_sort(out.begin(), out.end(), [](const SignalEntry &a, const SignalEntry &b) {
        return UrgencyRules::precedes(
            a.urgency.level, a.listing.receivedDate.startOfDay(Clock::seoul()), b.urgency.level,
            b.listing.receivedDate.startOfDay(Clock::seoul()));
    });
    for (SignalEntry &e : out) {
        CrisisReport probe;
        probe.subjectName = e.listing.subjectName;
        probe.subjectBirth = e.listing.subjectBirth;
        probe.sex = e.listing.subjectSex;
        probe.addressText = e.listing.subjectAddress;
        if (const auto place = placeOfAddress(probe.addressText)) {
            e.lon = place->first;
            e.lat = place->second;
        }
        auto c = candidates(probe, maxCandidates);
        if (!c)
            return fail(c.error());
        e.candidates = *c;
    }
    if (auto ok = m_ws.journal().audit(
            {Security::AuditAction::View,
             QStringLiteral("signal"),
             QString::number(out.size()),
             {},
             Security::AuditDetail(Security::AuditDetailCode::SignalsListed).encode(),
             {}});
        !ok)
        return fail(ok.error());
    return out;
}

Result<QList<CrisisSignal>> IntakeService::openEntry(const QString &entryId)
{
    Storage::CrisisStore crisis(m_ws.db());
    auto s = crisis.get(entryId);
    if (!s)
        return fail(s.error());
    if (!m_ws.session()->offices.contains(s->officeCode))
        return fail(ErrorCode::PermissionDenied, QStringLiteral("round entry %1 belongs to another office").arg(entryId));
    if (s->matchStatus != MatchStatus::Unmatched)
        return fail(ErrorCode::Conflict, QStringLiteral("round entry %1 is already tied to household %2")
                                             .arg(entryId, s->householdId));
    return crisis.sameListing(*s);
}

Status IntakeService::linkSignal(const QString &entryId, const QString &householdId)
{
    if (auto ok = m_ws.require(Permission::EditHouseholds); !ok)
        return ok;
    auto entries = openEntry(entryId);
    if (!entries)
        return fail(entries.error());
    if (auto h = ownHousehold(householdId); !h)
        return fail(h.error());
    Storage::HouseholdStore households(m_ws.db());
    const CrisisSignal &listing = entries->first();
    QString personId;
    if (!listing.subjectName.isEmpty()) {
        if (auto people = households.personsNamed(listing.subjectName, listing.subjectBirth, 20))
            personId = Matcher::personIn(*people, householdId);
    }
    auto table = Storage::CrisisStore(m_ws.db()).itemTable();
    if (!table)
        return fail(table.error());
    return m_ws.db().transaction([&]() -> Status {
        if (auto ok = Storage::CrisisStore(m_ws.db()).match(*entries, householdId, personId, MatchStatus::Matched,
                                                             m_ws.journal());
            !ok)
            return ok;
        if (auto ok = flagAndRescore(householdId); !ok)
            return ok;
        if (listing.urgency != Urgency::Urgent)
            return {};
        return UrgentEscalation(m_ws).escalate(householdId,
                                               UrgentEscalation::listingText(*entries, *table));
    });
}

Result<QString> IntakeService::openSignalHousehold(const QString &entryId)
{
    if (auto ok = m_ws.require(Permission::EditHouseholds); !ok)
        return fail(ok.error());
    auto entries = openEntry(entryId);
    if (!entries)
        return fail(entries.error());
    const CrisisSignal &listing = entries->first();
    Storage::CrisisStore crisis(m_ws.db());
    auto rrn = crisis.listedRrn(listing, m_ws.journal(), m_ws.session()->keyring);
    if (!rrn)
        return fail(rrn.error());
    Person p;
    p.name = listing.subjectName;
    p.birthDate = listing.subjectBirth;
    p.sex = listing.subjectSex;
    p.rrn = *rrn;
    auto table = crisis.itemTable();
    if (!table)
        return fail(table.error());
    return openNew(
        listing.officeCode, listing.subjectAddress, std::nullopt, {}, p, QStringLiteral("signal"),
        Security::AuditDetail(Security::AuditDetailCode::HouseholdFromSignal)
            .with(u"round", listing.roundId)
            .encode(),
        [&](const QString &householdId, const QString &personId) {
            return crisis.match(*entries, householdId, personId, MatchStatus::NewHousehold,
                                m_ws.journal());
        },
        listing.urgency == Urgency::Urgent ? UrgentEscalation::listingText(*entries, *table)
                                           : QString());
}

} // namespace VisitMap::Intake
