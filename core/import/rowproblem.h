// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace VisitMap::Import {

// Why a row (or a file) cannot be imported, as a code the app turns into Korean words; the facts
// the words need travel as RowError::args, in the order given after each code. RowError::reason
// keeps the same thing in English for the command line and logs.
enum class RowProblem {
    Unspecified, // only the English reason is known
    // The file as a whole
    FileUnreadable,     // the file could not be read or parsed (reason says why)
    FileEmpty,          // a header but no rows
    TooManyRecords,     // count, max
    FileTooLarge,       // megabytes, max megabytes
    DuplicateColumn,    // the columns ("3 (주소), 5 (address)")
    MissingColumn,      // the accepted names ("address, 주소")
    MissingCoordinates, // no lon/lat pair of columns
    HalfCoordinates,    // only one of lon and lat
    NotJsonArray,       // a report file that is not a list
    NotObject,          // a report that is not a JSON object
    InvalidJson,        // parser message
    FieldCount,         // fields, header fields
    RepeatsLine,        // the earlier line
    // Values
    Empty,                   // a required value is empty
    Missing,                 // a required JSON field is missing
    NotText,                 // a JSON value that must be text
    TooLong,                 // max characters
    DuplicateInFile,         // value, [first line]
    AlreadyInStore,          // value
    NotHouseholdId,          // value
    NotNumber,               // value
    NotCoordinates,          // x, y
    NotProjectedCoordinates, // x, y, crs
    OutsideKorea,            // x, y
    ProjectedOutsideKorea,   // x, y, crs, lon, lat
    LooksProjected,          // x, y
    NotPlaceOnEarth,         // lon, lat
    NotOfficeCode,           // value
    UnknownOffice,           // code
    OutsideEveryOffice,      // lon, lat
    InOtherOffice,           // lon, lat, other name, other code, named code
    OutsideOffice,           // lon, lat, metres, code
    NotYourOffice,           // code
    NotSggCode,              // value
    NotTongBan,              // value
    NotOneOf,                // value, the accepted values
    NotPhone,                // value
    NotRrn,                  // (no facts: the number is not repeated)
    MaskedRrn,
    NotBirthDate,        // value
    ImpossibleBirthDate, // date
    BirthDisagreesRrn,   // value, date in the 주민등록번호
    NotSex,              // value
    SexDisagreesRrn,     // value, sex in the 주민등록번호
    NotMemberCount,      // value
    NotDate,             // value
    NotPastDate,         // value
    FutureDate,          // value
    TooOld,              // value (more than ten years ago)
    NotDateTime,         // value
    NotIsoTime,          // value
    NotBoolean,
    NotAmount,         // value
    Negative,          // value
    NotMonths,         // value
    ImpossibleMonths,  // value
    NeedsAmount,       // item code, item name
    NeedsMonths,       // item code, item name
    NotRound,          // value
    UnknownItemTable,  // version, the store's versions
    UnknownItem,       // code, version, item count
    NoItemTable,       // version
    NobodyListed,      // neither household id nor name
    NameNeedsBirth,    // a name without birth date or 주민등록번호
    NeedsPlace,        // a report without location and address
    WorkerUnknown,     // worker
    WorkerCannotHold,  // worker
    WorkerNotInOffice, // worker, code
    NoHousehold,       // a visit without household id
    UnknownHousehold,  // id
    HouseholdNotYours,
    BadPhoto,      // the photo entry's shape is wrong (reason says how)
    PhotoTooLarge, // max MB
    PhotoNotImage, // file name
    // Boundaries
    BoundaryOutsideKorea, // code
    InvalidPolygon,       // why (English geometry detail)
    RingTooShort,         // points
    RingNotClosed,
    TooManyVertices, // vertices, max
    BadFeature,      // why (English detail)
};

} // namespace VisitMap::Import
