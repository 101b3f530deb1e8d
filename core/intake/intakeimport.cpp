// SPDX-License-Identifier: GPL-3.0-or-later
#include "intakeimport.h"

#include "geo/boundarycatalog.h"
#include "geo/donglocator.h"
#include "import/importfile.h"
#include "intakehouseholds.h"
#include "matcher.h"
#include "reportparser.h"
#include "risk/urgencyrules.h"
#include "security/permissions.h"
#include "security/session.h"
#include "signalparser.h"
#include "storage/crisisstore.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/reportstore.h"
#include "storage/stores.h"
#include "urgentescalation.h"
#include "util/clock.h"
#include "workspace.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace VisitMap::Intake {

using Import::ImportStage;
using Security::Permission;

namespace {

// Follows nothing and is never cancelled: the control of an import nobody watches.
const Import::ImportControl unwatched;

} // namespace

IntakeImport::IntakeImport(Workspace &workspace, const Import::ImportControl *control)
    : m_ws(workspace)
    , m_control(control ? *control : unwatched)
{
}

IntakeImport::Placement IntakeImport::place(const CrisisReport &r,
                                            const Geo::DongLocator &locator,
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

QString IntakeImport::officeAtAddress(const QString &addressText) const
{
    // Without a place on the map: the dong of known households at that road address (or,
    // failing that, on that road, the dong most of them are in).
    const Matcher::RoadAddress ra = Matcher::roadAddress(addressText);
    Storage::HouseholdStore &store = m_ws.stores().households();
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

Result<Import::ImportReport> IntakeImport::reports(const QString &path)
{
    auto bytes = Import::ImportFile::read(path, ReportParser::maxFileBytes);
    if (!bytes) {
        if (bytes.error().code == ErrorCode::Io)
            return fail(bytes.error());
        Import::ImportReport r;
        r.addError(path, 0, {}, bytes.error().message);
        return r;
    }
    return reports(*bytes, path, QFileInfo(path).absolutePath());
}

Result<Import::ImportReport>
IntakeImport::reports(const QByteArray &json, const QString &fileName, const QString &baseDir)
{
    if (auto ok = m_ws.require(Permission::ImportData); !ok)
        return fail(ok.error());
    auto parsed = ReportParser::parse(json, fileName, baseDir, m_ws.clock().now());
    if (m_control.cancelled())
        return fail(Import::ImportControl::cancelledError());
    if (!parsed.report.ok())
        return parsed.report;
    auto storeOffices = m_ws.stores().offices().all();
    if (!storeOffices)
        return fail(storeOffices.error());
    QStringList codes;
    for (const Office &o : *storeOffices)
        codes << o.code;
    const Geo::DongLocator locator(Geo::BoundaryCatalog::bundled().around(*storeOffices));

    Storage::ReportStore &store = m_ws.stores().reports();
    QStringList ids;
    for (const CrisisReport &r : parsed.reports)
        ids << r.externalId;
    auto existing = store.existing(ids);
    if (!existing)
        return fail(existing.error());
    QList<CrisisReport> fresh;
    QList<ReportAttachments> attachments;
    int outside = 0, unplaced = 0;
    const qint64 total = parsed.reports.size();
    for (qsizetype i = 0; i < parsed.reports.size(); ++i) {
        if (auto ok = m_control.step(ImportStage::Checking, i, total); !ok)
            return fail(ok.error());
        CrisisReport r = parsed.reports[i];
        if (existing->contains(r.externalId)) {
            ++parsed.report.skipped;
            parsed.report.notes << QStringLiteral(
                                       "%1: report %2 was imported before; left as it is")
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
    if (auto ok = m_control.step(ImportStage::Checking, total, total); !ok)
        return fail(ok.error());
    // Contacts and photos of reports outside the district are sealed with the importing
    // account's first office key.
    const Security::Session *session = m_ws.session();
    const QString keyOffice = session->offices.isEmpty() ? QString() : session->offices.first();
    const qint64 writing = fresh.size();
    auto ok = m_ws.db().transaction([&]() -> Status {
        if (auto r = m_control.step(ImportStage::Writing, 0, writing); !r)
            return r;
        if (auto r = store.add(fresh, attachments, keyOffice, m_ws.journal(), session->keyring,
                               [&](qsizetype written) {
                                   return m_control.step(ImportStage::Writing, written, writing);
                               });
            !r)
            return r;
        // A report about a household already linked earlier is not re-linked automatically:
        // the caseworker decides from the queue.
        return m_control.step(ImportStage::Writing, writing, writing);
    });
    if (!ok)
        return fail(ok.error());
    parsed.report.imported = int(fresh.size());
    if (outside)
        parsed.report.notes
            << QStringLiteral(
                   "%1 reports lie outside this district's 행정동 and are flagged out of area")
                   .arg(outside);
    if (unplaced)
        parsed.report.notes
            << QStringLiteral("%1 reports could not be placed in any known 행정동").arg(unplaced);
    return parsed.report;
}

Result<Import::ImportReport> IntakeImport::rounds(const QString &path)
{
    if (auto ok = m_ws.require(Permission::ImportData); !ok)
        return fail(ok.error());
    auto table = Import::ImportFile::readCsv(path, SignalParser::maxFileBytes);
    if (!table) {
        Import::ImportReport r;
        r.addError(table.error().file.isEmpty() ? path : table.error().file, table.error().line, {},
                   table.error().message);
        return r;
    }
    return rounds(*table, path);
}

Result<Import::ImportReport> IntakeImport::rounds(const CsvTable &table, const QString &fileName)
{
    if (auto ok = m_ws.require(Permission::ImportData); !ok)
        return fail(ok.error());
    const Security::Session *session = m_ws.session();
    if (session->offices.isEmpty())
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("this account has no office to receive a 발굴 round"));
    Storage::CrisisStore &crisis = m_ws.stores().crises();
    auto items = crisis.itemTable();
    if (!items)
        return fail(items.error());
    auto version = crisis.currentVersion();
    if (!version)
        return fail(version.error());
    auto parsed = SignalParser::parse(table, fileName, *items, *version, m_ws.clock().today());
    if (m_control.cancelled())
        return fail(Import::ImportControl::cancelledError());
    if (!parsed.report.ok())
        return parsed.report;
    Import::ImportReport &report = parsed.report;

    QStringList roundIds;
    for (const SignalRow &r : parsed.rows)
        roundIds << r.roundId;
    auto existing = crisis.existingKeys(roundIds);
    if (!existing)
        return fail(existing.error());

    const IntakeHouseholds finder(m_ws);
    auto mine = [&](const QString &office) {
        return session->offices.contains(office);
    };
    // The same person is listed once per item: match each person once.
    using Match = IntakeHouseholds::ListedMatch;
    QHash<QString, Match> matched; // who -> match
    QList<CrisisSignal> entries;
    QStringList rrns;
    QSet<QString> flagged;
    int unmatchedRows = 0;
    QSet<QString> unmatchedPeople;
    const qint64 total = parsed.rows.size();
    for (qsizetype i = 0; i < parsed.rows.size(); ++i) {
        if (auto ok = m_control.step(ImportStage::Checking, i, total); !ok)
            return fail(ok.error());
        const SignalRow &row = parsed.rows[i];
        if (existing->contains(row.key())) {
            ++report.skipped;
            continue;
        }
        const QString who
            = row.householdId + u'|' + row.name + u'|' + row.birth.toString(Qt::ISODate);
        if (!matched.contains(who)) {
            auto found
                = finder.listedPerson(row.householdId, row.name, row.birth, row.address, mine);
            if (!found)
                return fail(found.error());
            Match m = *found;
            if (m.householdId.isEmpty()) {
                // Waits in this office's queue: the office of the listed address when it is one
                // of the account's, else the account's own.
                const QString atAddress
                    = row.address.isEmpty() ? QString() : officeAtAddress(row.address);
                m.officeCode = mine(atAddress) ? atAddress : session->offices.first();
                if (!m.why.isEmpty())
                    report.notes
                        << QStringLiteral("%1:%2: %3").arg(fileName).arg(row.line).arg(m.why);
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
        s.matchStatus = m.householdId.isEmpty() ? MatchStatus::Unmatched : MatchStatus::Matched;
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
    if (auto ok = m_control.step(ImportStage::Checking, total, total); !ok)
        return fail(ok.error());
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
            = UrgencyRules::assess(UrgencyRules::factsOf(UrgentEscalation::itemsOf(listed, *items)))
                  .level;
        for (qsizetype i : listings.value(key)) {
            entries[i].urgency = level;
            entries[i].responseDue = UrgencyRules::responseDue(level, received);
        }
        if (level == Urgency::Urgent && !listed.first().householdId.isEmpty())
            urgentHouseholds.insert(listed.first().householdId,
                                    UrgentEscalation::listingText(listed, *items));
    }
    // Writing: the entries, then each matched household re-scored, then each urgent one
    // escalated.
    const qint64 written = entries.size(),
                 writing = written + flagged.size() + urgentHouseholds.size();
    auto ok = m_ws.db().transaction([&]() -> Status {
        if (auto r = m_control.step(ImportStage::Writing, 0, writing); !r)
            return r;
        if (auto r = crisis.add(
                entries, rrns, m_ws.journal(), session->keyring,
                [&](qsizetype n) { return m_control.step(ImportStage::Writing, n, writing); });
            !r)
            return r;
        qint64 done = written;
        IntakeHouseholds intake(m_ws);
        for (const QString &id : flagged) {
            if (auto r = intake.flagAndRescore(id); !r)
                return r;
            if (auto r = m_control.step(ImportStage::Writing, ++done, writing); !r)
                return r;
        }
        const UrgentEscalation escalation(m_ws);
        for (auto it = urgentHouseholds.cbegin(); it != urgentHouseholds.cend(); ++it) {
            if (auto r = escalation.escalate(it.key(), it.value()); !r)
                return r;
            if (auto r = m_control.step(ImportStage::Writing, ++done, writing); !r)
                return r;
        }
        return m_control.step(ImportStage::Writing, writing, writing);
    });
    if (!ok)
        return fail(ok.error());
    report.imported = int(entries.size());
    if (report.skipped)
        report.notes << QStringLiteral("%1 entries were imported before (same round, person and "
                                       "item); left as they are")
                            .arg(report.skipped);
    if (!flagged.isEmpty())
        report.notes << QStringLiteral("%1 households matched: flagged new and re-scored")
                            .arg(flagged.size());
    if (unmatchedRows)
        report.notes << QStringLiteral("%1 listed persons (%2 entries) matched no household: they "
                                       "wait in the intake queue")
                            .arg(unmatchedPeople.size())
                            .arg(unmatchedRows);
    return report;
}

} // namespace VisitMap::Intake
