// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/facility.h"
#include "util/result.h"

#include <QList>

namespace VisitMap {

class Workspace;

// The office's welfare facilities as a directory the team corrects and places: every facility,
// with or without a position; edits checked field by field; a position set by a click on the map
// or taken from households at the facility's road address. Each change is one transaction
// (facility, access log, and the change for the central store once it lies in an office).
class FacilityDirectory
{
public:
    // What is wrong with an edit, as facts for the screen to put into words.
    enum class Problem {
        NameMissing,
        NameTooLong,     // more than maxName characters
        CategoryTooLong, // kind or detail longer than maxCategory
        AddressTooLong,
        PhoneInvalid,    // other than digits, spaces, - ( ) ~ , or longer than maxPhone
        PositionInvalid, // only one of lon/lat, or outside Korea's WGS84 box
    };
    static constexpr int maxName = 100;
    static constexpr int maxCategory = 60;
    static constexpr int maxAddress = 200;
    static constexpr int maxPhone = 40;

    // Households at a facility's road address: one place per 행정동 where they are.
    struct AddressCandidate
    {
        QString road;   // 연희로
        QString number; // 12-3
        QString officeCode;
        double lon = 0; // the households' mean position (WGS84)
        double lat = 0;
        int households = 0;
    };
    struct AddressMatch
    {
        bool addressUsable = false; // the facility's address has a road name and building number
        QString road;
        QString number;
        QList<AddressCandidate> candidates; // most households first
    };

    enum class PlacedBy { Map, Address };

    explicit FacilityDirectory(Workspace &workspace)
        : m_ws(workspace)
    {
    }

    // Every facility of the store, placed or not, by name.
    Result<QList<Facility>> list() const;
    static QList<Problem> check(const Facility &facility);

    // Writes name, kind, address, phone (code, source and position stay as they are). Fails
    // with Validation when check() finds a problem, PermissionDenied without EditFacilities.
    Status edit(const Facility &facility);
    // The 행정동 of the store that holds a point, or empty outside every one.
    Result<QString> officeAt(double lon, double lat) const;
    // Sets the facility's position (lon/lat WGS84). Fails with Validation outside the store's
    // 행정동, PermissionDenied in an office the account does not cover.
    Status placeAt(const QString &facilityId, double lon, double lat, PlacedBy by);
    Result<AddressMatch> addressCandidates(const QString &facilityId) const;

private:
    Workspace &m_ws;
};

} // namespace VisitMap
