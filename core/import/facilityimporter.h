// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "columnmap.h"
#include "importcontrol.h"
#include "importreport.h"
#include "model/facility.h"
#include "util/csv.h"

namespace VisitMap::Geo {
class DongLocator;
}

namespace VisitMap::Import {

// Welfare facility lists: the Seoul open-data list (시설명, 시설코드, 시설종류명(시설유형), 시설주소,
// 시군구코드 ...), the MOHW list with coordinates (시설명, 시설 주소, 전화번호, 엑스(X)좌표,
// 와이(Y)좌표), or our own columns (name, code, category, address, phone, lon, lat). A facility
// without coordinates is kept, listed by address until someone places it.
class FacilityImporter
{
public:
    struct Parsed
    {
        QList<Facility> facilities;
        ImportReport report;
        bool cancelled = false;
    };

    // Validates every row; facilities are returned only when no row is bad.
    static Parsed parse(const CsvTable &table,
                        const QString &fileName,
                        const Geo::DongLocator &locator,
                        const ImportControl *control = nullptr);
    // The fields this importer reads and the file's columns that fill them.
    static QList<ColumnMap::Use> columns(const CsvTable &table);
};

} // namespace VisitMap::Import
