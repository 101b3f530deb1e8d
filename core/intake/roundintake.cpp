// SPDX-License-Identifier: GPL-3.0-or-later
#include "roundintake.h"

#include "intakehouseholds.h"
#include "intakeimport.h"
#include "security/auditdetail.h"
#include "security/permissions.h"
#include "security/session.h"
#include "storage/crisisstore.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/stores.h"
#include "urgentescalation.h"
#include "util/clock.h"
#include "workspace.h"

#include <QHash>

#include <algorithm>

namespace VisitMap::Intake {

using Security::Permission;

Result<Import::ImportReport> RoundIntake::importSignals(const QString &path)
{
    return IntakeImport(m_ws, m_control).rounds(path);
}

Result<Import::ImportReport> RoundIntake::importSignals(const CsvTable &table,
                                                        const QString &fileName)
{
    return IntakeImport(m_ws, m_control).rounds(table, fileName);
}

Result<QList<RoundIntake::Entry>> RoundIntake::signalQueue(int maxCandidates)
{
    if (auto ok = m_ws.require(Permission::ViewHouseholds); !ok)
        return fail(ok.error());
    Storage::CrisisStore &crisis = m_ws.stores().crises();
    auto open = crisis.unmatched(m_ws.session()->offices);
    if (!open)
        return fail(open.error());
    auto items = crisis.itemTable();
    if (!items)
        return fail(items.error());
    QHash<QString, QString> names;
    if (auto offices = m_ws.stores().offices().all()) {
        for (const Office &o : *offices)
            names.insert(o.code, o.name);
    }
    QList<Entry> out;
    QHash<QString, qsizetype> byPerson;
    for (const CrisisSignal &s : *open) {
        const QString who = s.roundId + u'|' + s.officeCode + u'|' + s.subjectName + u'|'
                            + s.subjectBirth.toString(Qt::ISODate);
        auto it = byPerson.constFind(who);
        if (it == byPerson.constEnd()) {
            Entry e;
            e.id = s.id;
            e.listing = s;
            e.officeName = names.value(s.officeCode);
            it = byPerson.insert(who, out.size());
            out << e;
        }
        Entry &e = out[*it];
        e.items << s;
        const CrisisItem item = (*items)[s.itemVersion].value(s.itemCode);
        QString text = s.itemCode + u' ' + item.name;
        if (s.months)
            text += QStringLiteral(" %1개월").arg(*s.months);
        if (s.amount)
            text += QStringLiteral(" %L1원").arg(*s.amount);
        e.itemNames << text;
    }
    for (Entry &e : out) {
        const Urgency stored = e.listing.urgency.value_or(Urgency::Normal);
        e.urgency = UrgencyRules::assess(
            UrgencyRules::factsOf(UrgentEscalation::itemsOf(e.items, *items)));
        if (e.listing.urgency)
            e.urgency.level = stored; // the stored level decides
        e.responseDue = e.listing.responseDue.isValid()
                            ? e.listing.responseDue
                            : UrgencyRules::responseDue(e.urgency.level, e.listing.receivedDate);
    }
    std::stable_sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) {
        return UrgencyRules::precedes(
            a.urgency.level, a.listing.receivedDate.startOfDay(Clock::seoul()), b.urgency.level,
            b.listing.receivedDate.startOfDay(Clock::seoul()));
    });
    const IntakeHouseholds finder(m_ws);
    for (Entry &e : out) {
        CrisisReport probe;
        probe.subjectName = e.listing.subjectName;
        probe.subjectBirth = e.listing.subjectBirth;
        probe.sex = e.listing.subjectSex;
        probe.addressText = e.listing.subjectAddress;
        if (const auto place = finder.placeOfAddress(probe.addressText)) {
            e.lon = place->first;
            e.lat = place->second;
        }
        auto c = finder.candidates(probe, maxCandidates);
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

Result<QList<CrisisSignal>> RoundIntake::openEntry(const QString &entryId)
{
    Storage::CrisisStore &crisis = m_ws.stores().crises();
    auto s = crisis.get(entryId);
    if (!s)
        return fail(s.error());
    if (!m_ws.session()->offices.contains(s->officeCode))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("round entry %1 belongs to another office").arg(entryId));
    if (s->matchStatus != MatchStatus::Unmatched)
        return fail(ErrorCode::Conflict,
                    QStringLiteral("round entry %1 is already tied to household %2")
                        .arg(entryId, s->householdId));
    return crisis.sameListing(*s);
}

Status RoundIntake::linkSignal(const QString &entryId, const QString &householdId)
{
    if (auto ok = m_ws.require(Permission::EditHouseholds); !ok)
        return ok;
    auto entries = openEntry(entryId);
    if (!entries)
        return fail(entries.error());
    if (auto h = IntakeHouseholds(m_ws).own(householdId); !h)
        return fail(h.error());
    const CrisisSignal &listing = entries->first();
    const QString personId = listing.subjectName.isEmpty()
                                 ? QString()
                                 : IntakeHouseholds(m_ws).personIn(householdId, listing.subjectName,
                                                                   listing.subjectBirth);
    auto table = m_ws.stores().crises().itemTable();
    if (!table)
        return fail(table.error());
    return m_ws.db().transaction([&]() -> Status {
        if (auto ok = m_ws.stores().crises().match(*entries, householdId, personId,
                                                   MatchStatus::Matched, m_ws.journal());
            !ok)
            return ok;
        if (auto ok = IntakeHouseholds(m_ws).flagAndRescore(householdId); !ok)
            return ok;
        if (listing.urgency != Urgency::Urgent)
            return {};
        return UrgentEscalation(m_ws).escalate(householdId,
                                               UrgentEscalation::listingText(*entries, *table));
    });
}

Result<QString> RoundIntake::openSignalHousehold(const QString &entryId)
{
    if (auto ok = m_ws.require(Permission::EditHouseholds); !ok)
        return fail(ok.error());
    auto entries = openEntry(entryId);
    if (!entries)
        return fail(entries.error());
    const CrisisSignal &listing = entries->first();
    Storage::CrisisStore &crisis = m_ws.stores().crises();
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
    IntakeHouseholds::NewHousehold item;
    item.officeCode = listing.officeCode;
    item.address = listing.subjectAddress;
    item.person = p;
    item.source = QStringLiteral("signal");
    item.reason = Security::AuditDetail(Security::AuditDetailCode::HouseholdFromSignal)
                      .with(u"round", listing.roundId)
                      .encode();
    if (listing.urgency == Urgency::Urgent)
        item.urgentWhat = UrgentEscalation::listingText(*entries, *table);
    return IntakeHouseholds(m_ws).open(
        item, [&](const QString &householdId, const QString &personId) {
            return crisis.match(*entries, householdId, personId, MatchStatus::NewHousehold,
                                m_ws.journal());
        });
}

} // namespace VisitMap::Intake
