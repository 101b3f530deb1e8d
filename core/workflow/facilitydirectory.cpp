// SPDX-License-Identifier: GPL-3.0-or-later
#include "facilitydirectory.h"

#include "geo/donglocator.h"
#include "intake/matcher.h"
#include "security/permissions.h"
#include "storage/database.h"
#include "storage/facilitystore.h"
#include "storage/officestore.h"
#include "storage/stores.h"
#include "workspace.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>

namespace VisitMap {

using Security::Permission;

Result<QList<Facility>> FacilityDirectory::list() const
{
    if (auto ok = m_ws.require(Permission::ViewHouseholds); !ok)
        return fail(ok.error());
    return m_ws.stores().facilities().all();
}

QList<FacilityDirectory::Problem> FacilityDirectory::check(const Facility &f)
{
    QList<Problem> out;
    const QString name = f.name.trimmed();
    if (name.isEmpty())
        out << Problem::NameMissing;
    else if (name.size() > maxName)
        out << Problem::NameTooLong;
    if (f.category.trimmed().size() > maxCategory
        || f.categoryDetail.trimmed().size() > maxCategory)
        out << Problem::CategoryTooLong;
    if (f.address.trimmed().size() > maxAddress)
        out << Problem::AddressTooLong;
    static const QRegularExpression phone(QStringLiteral("^[0-9 ()~,-]*$"));
    const QString p = f.phone.trimmed();
    if (p.size() > maxPhone || !phone.match(p).hasMatch())
        out << Problem::PhoneInvalid;
    if (f.lon.has_value() != f.lat.has_value()
        || (f.lon && (*f.lon < 124 || *f.lon > 132 || *f.lat < 33 || *f.lat > 39)))
        out << Problem::PositionInvalid;
    return out;
}

Status FacilityDirectory::edit(const Facility &facility)
{
    if (auto ok = m_ws.require(Permission::EditFacilities); !ok)
        return ok;
    if (!check(facility).isEmpty())
        return fail(ErrorCode::Validation,
                    QStringLiteral("the facility's details do not pass the checks"));
    Storage::FacilityStore &store = m_ws.stores().facilities();
    auto current = store.get(facility.id);
    if (!current)
        return fail(current.error());
    Facility changed = *current;
    changed.name = facility.name.trimmed();
    changed.category = facility.category.trimmed();
    changed.categoryDetail = facility.categoryDetail.trimmed();
    changed.address = facility.address.trimmed();
    changed.phone = facility.phone.trimmed();
    return store.update(changed, m_ws.journal());
}

Result<QString> FacilityDirectory::officeAt(double lon, double lat) const
{
    auto offices = m_ws.stores().offices().all();
    if (!offices)
        return fail(offices.error());
    return Geo::DongLocator(*offices).locate(lon, lat);
}

Status FacilityDirectory::placeAt(const QString &facilityId, double lon, double lat, PlacedBy by)
{
    if (auto ok = m_ws.require(Permission::EditFacilities); !ok)
        return ok;
    Facility probe;
    probe.name = QStringLiteral("-");
    probe.lon = lon;
    probe.lat = lat;
    if (!check(probe).isEmpty())
        return fail(ErrorCode::Validation,
                    QStringLiteral("%1, %2 is not a position in Korea").arg(lon).arg(lat));
    auto office = officeAt(lon, lat);
    if (!office)
        return fail(office.error());
    if (office->isEmpty())
        return fail(
            ErrorCode::Validation,
            QStringLiteral("%1, %2 lies outside every 행정동 of the store").arg(lon).arg(lat));
    if (!m_ws.session()->covers(*office))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("행정동 %1 is outside your offices").arg(*office));
    return m_ws.stores().facilities().place(facilityId, lon, lat, *office,
                                            by == PlacedBy::Address ? QStringLiteral("address")
                                                                    : QStringLiteral("user"),
                                            m_ws.journal());
}

Result<FacilityDirectory::AddressMatch>
FacilityDirectory::addressCandidates(const QString &facilityId) const
{
    if (auto ok = m_ws.require(Permission::ViewHouseholds); !ok)
        return fail(ok.error());
    Storage::FacilityStore &store = m_ws.stores().facilities();
    auto f = store.get(facilityId);
    if (!f)
        return fail(f.error());
    AddressMatch out;
    const Intake::Matcher::RoadAddress want = Intake::Matcher::roadAddress(f->address);
    if (want.isEmpty() || want.number.isEmpty())
        return out;
    out.addressUsable = true;
    out.road = want.road;
    out.number = want.number;
    auto rows = store.householdAddressesOn(want.road);
    if (!rows)
        return fail(rows.error());
    QHash<QString, int> at; // office -> index in candidates
    for (const Storage::HouseholdAddress &h : *rows) {
        const Intake::Matcher::RoadAddress got = Intake::Matcher::roadAddress(h.roadAddress);
        if (got.road != want.road || got.number != want.number)
            continue;
        // Road names repeat across 시군구: a facility listed under one only matches there.
        if (!f->sggCode.isEmpty() && !h.officeCode.startsWith(f->sggCode))
            continue;
        if (!m_ws.session()->covers(h.officeCode))
            continue;
        auto it = at.constFind(h.officeCode);
        if (it == at.constEnd()) {
            it = at.insert(h.officeCode, int(out.candidates.size()));
            out.candidates.append({want.road, want.number, h.officeCode, 0, 0, 0});
        }
        AddressCandidate &c = out.candidates[*it];
        c.lon += h.lon;
        c.lat += h.lat;
        ++c.households;
    }
    for (AddressCandidate &c : out.candidates) {
        c.lon /= c.households;
        c.lat /= c.households;
    }
    std::stable_sort(out.candidates.begin(), out.candidates.end(),
                     [](const AddressCandidate &a, const AddressCandidate &b) {
                         return a.households > b.households;
                     });
    return out;
}

} // namespace VisitMap
