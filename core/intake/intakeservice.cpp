// SPDX-License-Identifier: GPL-3.0-or-later
#include "intakeservice.h"
#include "security/auditdetail.h"

#include "geo/boundarycatalog.h"
#include "geo/donglocator.h"
#include "import/importfile.h"
#include "reportparser.h"
#include "risk/riskservice.h"
#include "security/accountstore.h"
#include "security/permissions.h"
#include "security/session.h"
#include "signalparser.h"
#include "storage/casestore.h"
#include "storage/crisisstore.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/reportstore.h"
#include "storage/urgencystore.h"
#include "storage/visitstore.h"
#include "util/clock.h"
#include "workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace VisitMap::Intake {

using Security::Permission;

namespace {

const QString dutyWorkerKey = QStringLiteral("duty_worker");

// Why an item is urgent, in the words the risk change's reason keeps in the store.
QString reasonText(const QList<UrgencyReason> &reasons)
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

// The code-table entries of a listing's items.
QList<CrisisItem> itemsOf(const QList<CrisisSignal> &entries,
                          const QHash<QString, QHash<QString, CrisisItem>> &table)
{
    QList<CrisisItem> out;
    for (const CrisisSignal &s : entries)
        out << table.value(s.itemVersion).value(s.itemCode);
    return out;
}

QString urgentListingText(const QList<CrisisSignal> &entries,
                          const QHash<QString, QHash<QString, CrisisItem>> &table)
{
    return QStringLiteral("긴급 발굴 대상(%1) · 발굴 %2차")
        .arg(reasonText(
                 UrgencyRules::assess(UrgencyRules::factsOf(itemsOf(entries, table))).reasons),
             entries.value(0).roundId);
}

} // namespace

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
        p.officeCode = officeAtAddress(r.addressText);
        p.basis = QStringLiteral("address");
    }
    p.outOfArea = !p.officeCode.isEmpty() && !storeOffices.contains(p.officeCode);
    if (p.officeCode.isEmpty())
        p.basis.clear();
    return p;
}

QString IntakeService::officeAtAddress(const QString &addressText) const
{
    // Without a place on the map: the dong of known households at that road address (or,
    // failing that, on that road, the dong most of them are in).
    const Matcher::RoadAddress ra = Matcher::roadAddress(addressText);
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
        QString office;
        int best = 0;
        for (auto it = votes.constBegin(); it != votes.constEnd(); ++it) {
            if (it.value() > best || (it.value() == best && it.key() < office)) {
                best = it.value();
                office = it.key();
            }
        }
        return office;
    }
    return {};
}

Result<Import::ImportReport> IntakeService::importReports(const QString &path)
{
    auto bytes = Import::ImportFile::read(path, ReportParser::maxFileBytes);
    if (!bytes) {
        if (bytes.error().code == ErrorCode::Io)
            return fail(bytes.error());
        Import::ImportReport r;
        r.addError(path, 0, {}, bytes.error().message);
        return r;
    }
    return importReports(*bytes, path, QFileInfo(path).absolutePath());
}

Result<Import::ImportReport> IntakeService::importReports(const QByteArray &json, const QString &fileName,
                                                          const QString &baseDir)
{
    if (auto ok = m_ws.require(Permission::ImportData); !ok)
        return fail(ok.error());
    auto parsed = ReportParser::parse(json, fileName, baseDir, m_ws.clock().now());
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
        const Urgency level = UrgencyRules::assess(UrgencyRules::factsOf(r)).level;
        r.urgency = level;
        r.responseDue = UrgencyRules::responseDue(level, UrgencyRules::receivedDay(r));
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
        return escalate(
            householdId,
            QStringLiteral("긴급 신고(%1) · 복지위기 알림 %2")
                .arg(reasonText(UrgencyRules::assess(UrgencyRules::factsOf(*r)).reasons),
                     r->externalId));
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
        = r->urgency == Urgency::Urgent
              ? QStringLiteral("긴급 신고(%1) · 복지위기 알림 %2")
                    .arg(reasonText(UrgencyRules::assess(UrgencyRules::factsOf(*r)).reasons),
                         r->externalId)
              : QString();
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
        auto opened = Storage::CaseStore(m_ws.db()).openCase(householdId, QStringLiteral("general"), m_ws.clock().today(),
                                                             m_ws.journal());
        if (!opened)
            return fail(opened.error());
        if (auto ok = resolve(householdId, records.first().members.value(0).id); !ok)
            return ok;
        auto changed = Risk::RiskService(m_ws.db()).recompute(householdId, m_ws.journal(), m_ws.visitCycle());
        if (!changed)
            return fail(changed.error());
        return urgentWhat.isEmpty() ? Status() : escalate(householdId, urgentWhat);
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
    auto changed = Risk::RiskService(m_ws.db()).recompute(householdId, m_ws.journal(), m_ws.visitCycle());
    return changed ? Status() : fail(changed.error());
}

Status IntakeService::escalate(const QString &householdId, const QString &what)
{
    auto h = Storage::HouseholdStore(m_ws.db()).get(householdId);
    if (!h)
        return fail(h.error());
    const Risk::VisitCycle cycle = m_ws.visitCycle();
    // An override, even over a computed 고위험: the tier then stays until a person lowers it, and
    // the timeline says why.
    if (h->tierOverride != RiskTier::High) {
        if (auto ok = Risk::RiskService(m_ws.db()).setOverride(
                householdId, RiskTier::High, QStringLiteral("%1: 당일 연락 대상").arg(what),
                m_ws.journal(), cycle);
            !ok)
            return ok;
    }
    // A household someone already looks after stays theirs; a new one goes to the duty worker.
    if (h->assignedWorker.isEmpty()) {
        if (const QString duty = dutyWorker(); !duty.isEmpty()) {
            if (auto ok
                = Storage::HouseholdStore(m_ws.db()).assign({householdId}, duty, m_ws.journal());
                !ok)
                return fail(ok.error());
        }
    }
    return Storage::VisitStore(m_ws.db()).refreshHousehold(householdId, m_ws.journal(), cycle);
}

QString IntakeService::dutyWorker() const
{
    const QString name = m_ws.setting(dutyWorkerKey);
    if (name.isEmpty())
        return {};
    auto account = m_ws.accounts().find(name);
    if (!account || !account->active || account->role == Role::Admin)
        return {};
    return name;
}

Status IntakeService::setDutyWorker(const QString &account)
{
    if (auto ok = m_ws.require(Permission::AssignHouseholds); !ok)
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

Result<Import::ImportReport> IntakeService::importSignals(const QString &path)
{
    if (auto ok = m_ws.require(Permission::ImportData); !ok)
        return fail(ok.error());
    auto table = Import::ImportFile::readCsv(path, SignalParser::maxFileBytes);
    if (!table) {
        Import::ImportReport r;
        r.addError(table.error().file.isEmpty() ? path : table.error().file, table.error().line, {}, table.error().message);
        return r;
    }
    return importSignals(*table, path);
}

Result<Import::ImportReport> IntakeService::importSignals(const CsvTable &table, const QString &fileName)
{
    if (auto ok = m_ws.require(Permission::ImportData); !ok)
        return fail(ok.error());
    const Security::Session *session = m_ws.session();
    if (session->offices.isEmpty())
        return fail(ErrorCode::PermissionDenied, QStringLiteral("this account has no office to receive a 발굴 round"));
    Storage::CrisisStore crisis(m_ws.db());
    auto items = crisis.itemTable();
    if (!items)
        return fail(items.error());
    auto version = crisis.currentVersion();
    if (!version)
        return fail(version.error());
    auto parsed = SignalParser::parse(table, fileName, *items, *version, m_ws.clock().today());
    if (!parsed.report.ok())
        return parsed.report;
    Import::ImportReport &report = parsed.report;

    QStringList rounds;
    for (const SignalRow &r : parsed.rows)
        rounds << r.roundId;
    auto existing = crisis.existingKeys(rounds);
    if (!existing)
        return fail(existing.error());

    Storage::HouseholdStore households(m_ws.db());
    auto mine = [&](const QString &office) { return session->offices.contains(office); };
    // The same person is listed once per item: match each person once.
    struct Match
    {
        QString householdId, personId, officeCode, why;
    };
    QHash<QString, Match> matched; // who -> match
    QList<CrisisSignal> entries;
    QStringList rrns;
    QSet<QString> flagged;
    int unmatchedRows = 0;
    QSet<QString> unmatchedPeople;
    for (const SignalRow &row : parsed.rows) {
        if (existing->contains(row.key())) {
            ++report.skipped;
            continue;
        }
        const QString who = row.householdId + u'|' + row.name + u'|' + row.birth.toString(Qt::ISODate);
        if (!matched.contains(who)) {
            Match m;
            if (!row.householdId.isEmpty()) {
                auto h = households.get(row.householdId);
                if (h && mine(h->officeCode)) {
                    m.householdId = h->id;
                    m.officeCode = h->officeCode;
                    if (!row.name.isEmpty()) {
                        if (auto people = households.personsNamed(row.name, row.birth, 20)) {
                            for (const Storage::PersonRef &p : *people) {
                                if (p.householdId == h->id)
                                    m.personId = p.personId;
                            }
                        }
                    }
                } else {
                    m.why = h ? QStringLiteral("household %1 belongs to another office").arg(row.householdId)
                              : QStringLiteral("household %1 is not in this store").arg(row.householdId);
                }
            }
            if (m.householdId.isEmpty() && !row.name.isEmpty() && row.birth.isValid()) {
                auto people = households.personsNamed(row.name, row.birth, 50);
                if (!people)
                    return fail(people.error());
                QList<Storage::PersonRef> here;
                for (const Storage::PersonRef &p : *people) {
                    if (mine(p.officeCode))
                        here << p;
                }
                if (here.size() > 1 && !row.address.isEmpty()) {
                    // Namesakes born the same day: the listed address decides, if it can.
                    const Matcher::RoadAddress listed = Matcher::roadAddress(row.address);
                    QList<Storage::PersonRef> atAddress;
                    for (const Storage::PersonRef &p : here) {
                        const Matcher::RoadAddress ra = Matcher::roadAddress(p.roadAddress);
                        if (!listed.isEmpty() && ra.road == listed.road && ra.number == listed.number)
                            atAddress << p;
                    }
                    if (!atAddress.isEmpty())
                        here = atAddress;
                }
                if (here.size() == 1) {
                    m.householdId = here.first().householdId;
                    m.personId = here.first().personId;
                    m.officeCode = here.first().officeCode;
                } else if (here.size() > 1) {
                    m.why = QStringLiteral("%1 persons named %2 born %3; choose in the intake queue")
                                .arg(here.size())
                                .arg(row.name, row.birth.toString(Qt::ISODate));
                }
            }
            if (m.householdId.isEmpty()) {
                // Waits in this office's queue: the office of the listed address when it is one
                // of the account's, else the account's own.
                const QString atAddress = row.address.isEmpty() ? QString() : officeAtAddress(row.address);
                m.officeCode = mine(atAddress) ? atAddress : session->offices.first();
                if (!m.why.isEmpty())
                    report.notes << QStringLiteral("%1:%2: %3").arg(fileName).arg(row.line).arg(m.why);
            }
            matched.insert(who, m);
        }
        const Match &m = matched[who];
        CrisisSignal s;
        s.officeCode = m.officeCode;
        s.householdId = m.householdId;
        s.personId = m.personId;
        s.roundId = row.roundId;
        s.itemVersion = row.itemVersion;
        s.itemCode = row.itemCode;
        s.amount = row.amount;
        s.months = row.months;
        s.receivedDate = row.received;
        s.subjectName = row.name;
        s.subjectBirth = row.birth;
        s.subjectSex = row.sex;
        s.subjectAddress = row.address;
        s.matchStatus = m.householdId.isEmpty() ? QStringLiteral("unmatched") : QStringLiteral("matched");
        // The listed 주민등록번호 is kept only while no household holds the person.
        rrns << (m.householdId.isEmpty() ? row.rrn : QString());
        if (m.householdId.isEmpty()) {
            ++unmatchedRows;
            unmatchedPeople.insert(who);
        } else {
            flagged.insert(m.householdId);
        }
        entries << s;
    }
    // Each listing (one person in one round) gets one urgency, over all its items; an urgent one
    // matched to a household escalates it as a link from the queue would.
    QHash<QString, QList<qsizetype>> listings;
    QStringList listingOrder;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const CrisisSignal &s = entries[i];
        const QString key = s.roundId + u'|' + s.officeCode + u'|' + s.householdId + u'|'
                            + s.subjectName + u'|' + s.subjectBirth.toString(Qt::ISODate);
        if (!listings.contains(key))
            listingOrder << key;
        listings[key] << i;
    }
    QHash<QString, QString> urgentHouseholds; // household -> the listing in words
    for (const QString &key : listingOrder) {
        QList<CrisisSignal> listed;
        QDate received;
        for (qsizetype i : listings.value(key)) {
            listed << entries[i];
            if (!received.isValid() || entries[i].receivedDate < received)
                received = entries[i].receivedDate;
        }
        const Urgency level
            = UrgencyRules::assess(UrgencyRules::factsOf(itemsOf(listed, *items))).level;
        for (qsizetype i : listings.value(key)) {
            entries[i].urgency = level;
            entries[i].responseDue = UrgencyRules::responseDue(level, received);
        }
        if (level == Urgency::Urgent && !listed.first().householdId.isEmpty())
            urgentHouseholds.insert(listed.first().householdId, urgentListingText(listed, *items));
    }
    auto ok = m_ws.db().transaction([&]() -> Status {
        if (auto r = crisis.add(entries, rrns, m_ws.journal(), session->keyring); !r)
            return r;
        for (const QString &id : flagged) {
            if (auto r = flagAndRescore(id); !r)
                return r;
        }
        for (auto it = urgentHouseholds.cbegin(); it != urgentHouseholds.cend(); ++it) {
            if (auto r = escalate(it.key(), it.value()); !r)
                return r;
        }
        return {};
    });
    if (!ok)
        return fail(ok.error());
    report.imported = int(entries.size());
    if (report.skipped)
        report.notes << QStringLiteral("%1 entries were imported before (same round, person and item); left as they are")
                            .arg(report.skipped);
    if (!flagged.isEmpty())
        report.notes << QStringLiteral("%1 households matched: flagged new and re-scored").arg(flagged.size());
    if (unmatchedRows)
        report.notes << QStringLiteral("%1 listed persons (%2 entries) matched no household: they wait in the intake queue")
                            .arg(unmatchedPeople.size())
                            .arg(unmatchedRows);
    return report;
}

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
        e.urgency = UrgencyRules::assess(UrgencyRules::factsOf(itemsOf(e.items, *items)));
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
    if (s->matchStatus != QLatin1String("unmatched"))
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
        if (auto people = households.personsNamed(listing.subjectName, listing.subjectBirth, 20)) {
            for (const Storage::PersonRef &p : *people) {
                if (p.householdId == householdId)
                    personId = p.personId;
            }
        }
    }
    auto table = Storage::CrisisStore(m_ws.db()).itemTable();
    if (!table)
        return fail(table.error());
    return m_ws.db().transaction([&]() -> Status {
        if (auto ok = Storage::CrisisStore(m_ws.db()).match(*entries, householdId, personId, QStringLiteral("matched"),
                                                             m_ws.journal());
            !ok)
            return ok;
        if (auto ok = flagAndRescore(householdId); !ok)
            return ok;
        if (listing.urgency != Urgency::Urgent)
            return {};
        return escalate(householdId, urgentListingText(*entries, *table));
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
            return crisis.match(*entries, householdId, personId, QStringLiteral("new_household"),
                                m_ws.journal());
        },
        listing.urgency == Urgency::Urgent ? urgentListingText(*entries, *table) : QString());
}

} // namespace VisitMap::Intake
