// SPDX-License-Identifier: GPL-3.0-or-later
#include "intakehouseholds.h"

#include "security/session.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/riskstore.h"
#include "storage/stores.h"
#include "urgentescalation.h"
#include "util/clock.h"
#include "workspace.h"

#include <QSet>

namespace VisitMap::Intake {

Result<QList<Candidate>> IntakeHouseholds::candidates(const CrisisReport &r, int max) const
{
    Storage::HouseholdStore &store = m_ws.stores().households();
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

Result<IntakeHouseholds::ListedMatch>
IntakeHouseholds::listedPerson(const QString &householdId,
                               const QString &name,
                               const QDate &birth,
                               const QString &address,
                               const std::function<bool(const QString &officeCode)> &mine) const
{
    Storage::HouseholdStore &households = m_ws.stores().households();
    ListedMatch m;
    if (!householdId.isEmpty()) {
        auto h = households.get(householdId);
        if (h && mine(h->officeCode)) {
            m.householdId = h->id;
            m.officeCode = h->officeCode;
            if (!name.isEmpty())
                m.personId = personIn(h->id, name, birth);
            return m;
        }
        m.why = h ? QStringLiteral("household %1 belongs to another office").arg(householdId)
                  : QStringLiteral("household %1 is not in this store").arg(householdId);
    }
    if (name.isEmpty() || !birth.isValid())
        return m;
    auto people = households.personsNamed(name, birth, 50);
    if (!people)
        return fail(people.error());
    QList<Storage::PersonRef> here;
    for (const Storage::PersonRef &p : *people) {
        if (mine(p.officeCode))
            here << p;
    }
    here = Matcher::listedPerson(here, address);
    if (here.size() == 1) {
        m.householdId = here.first().householdId;
        m.personId = here.first().personId;
        m.officeCode = here.first().officeCode;
        m.why.clear();
    } else if (here.size() > 1) {
        m.why = QStringLiteral("%1 persons named %2 born %3; choose in the intake queue")
                    .arg(here.size())
                    .arg(name, birth.toString(Qt::ISODate));
    }
    return m;
}

QString IntakeHouseholds::personIn(const QString &householdId,
                                   const QString &name,
                                   const QDate &birth) const
{
    auto people = m_ws.stores().households().personsNamed(name, birth, 20);
    return people ? Matcher::personIn(*people, householdId) : QString();
}

Result<Household> IntakeHouseholds::own(const QString &householdId) const
{
    auto h = m_ws.stores().households().get(householdId);
    if (!h)
        return fail(h.error());
    if (!m_ws.session()->offices.contains(h->officeCode))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("household %1 belongs to another office").arg(householdId));
    return h;
}

std::optional<std::pair<double, double>>
IntakeHouseholds::placeOfAddress(const QString &address) const
{
    const Matcher::RoadAddress ra = Matcher::roadAddress(address);
    if (ra.isEmpty() || ra.number.isEmpty())
        return std::nullopt;
    Storage::HouseholdStore &households = m_ws.stores().households();
    auto ids = households.idsOnRoad(ra.road, ra.number, 1);
    if (!ids || ids->isEmpty())
        return std::nullopt;
    auto h = households.get(ids->first());
    if (!h)
        return std::nullopt;
    return std::pair{h->lon, h->lat};
}

Result<QString>
IntakeHouseholds::open(NewHousehold item,
                       const std::function<Status(const QString &, const QString &)> &resolve)
{
    Storage::HouseholdRecord rec;
    Household &h = rec.household;
    h.officeCode = item.officeCode;
    h.roadAddress = item.address;
    // Where it stands: the place given, else a known building at the address, else the middle
    // of the 행정동 (moved on the map after the first visit).
    std::optional<std::pair<double, double>> place = item.place;
    if (!place)
        place = placeOfAddress(item.address);
    if (!place) {
        if (auto offices = m_ws.stores().offices().all()) {
            for (const Office &o : *offices) {
                if (o.code == item.officeCode)
                    place = std::pair{o.centroid.longitude(), o.centroid.latitude()};
            }
        }
    }
    if (place) {
        h.lon = place->first;
        h.lat = place->second;
    }
    h.householdType = item.householdType.isEmpty() ? QStringLiteral("일반") : item.householdType;
    h.headName = item.person.name.isEmpty() ? QStringLiteral("미상") : item.person.name;
    h.source = item.source;
    h.nextVisitDue = m_ws.clock().today();
    h.flaggedNewAt = m_ws.clock().now();
    Person person = item.person;
    person.name = h.headName;
    person.isHead = true;
    person.relationship = QStringLiteral("본인");
    rec.members << person;
    QList<Storage::HouseholdRecord> records{rec};
    QString householdId;
    const Storage::Stores &stores = m_ws.stores();
    auto ok = m_ws.db().transaction([&]() -> Status {
        if (auto ok = stores.households().add(records, m_ws.journal(), m_ws.session()->keyring,
                                              item.reason);
            !ok)
            return ok;
        householdId = records.first().household.id;
        auto opened = stores.cases().openCase(householdId, CaseType::General, m_ws.clock().today(),
                                              m_ws.journal());
        if (!opened)
            return fail(opened.error());
        if (auto ok = resolve(householdId, records.first().members.value(0).id); !ok)
            return ok;
        auto changed = stores.risk().recompute(householdId, m_ws.journal(), m_ws.visitCycle());
        if (!changed)
            return fail(changed.error());
        return item.urgentWhat.isEmpty()
                   ? Status()
                   : UrgentEscalation(m_ws).escalate(householdId, item.urgentWhat);
    });
    if (!ok)
        return fail(ok.error());
    return householdId;
}

Status IntakeHouseholds::flagAndRescore(const QString &householdId)
{
    if (auto ok = m_ws.stores().households().flagNew(householdId, m_ws.journal()); !ok)
        return ok;
    auto changed = m_ws.stores().risk().recompute(householdId, m_ws.journal(), m_ws.visitCycle());
    return changed ? Status() : fail(changed.error());
}

} // namespace VisitMap::Intake
