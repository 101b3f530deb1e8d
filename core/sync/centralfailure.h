// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

namespace VisitMap::Sync {

// Why the central store could not be used, finer than the ErrorCode: carried in Error::reason by
// the central connection and the sync, kept with the last failure for the status bar, and turned
// into words by the UI. The numbers are stored; add new kinds at the end.
enum class CentralFailure {
    None = 0,
    Unreachable = 1,    // no server answers there (down, wrong host or port, no network)
    TlsRefused = 2,     // no secure connection (the server has no TLS, or its certificate fails)
    WrongPassword = 3,  // the server refused the account name or its password
    NoDatabase = 4,     // a server answers but has no such database
    SchemaTooOld = 5,   // the server's VisitMap schema lacks what this program calls
    ConnectionLost = 6, // the connection went away under a statement
    Refused = 7,        // the server's rules refused the statement (not the account's office)
    BadAddress = 8,     // the server address is not a connection string or URI
    NoDriver = 9,       // the PostgreSQL driver is not installed here
    NotStaff = 10,      // signs in to the server but is not a VisitMap account there
};

// The failure kind an error carries (None when it came from elsewhere).
inline CentralFailure centralFailure(const Error &error)
{
    return error.reason > 0 && error.reason <= int(CentralFailure::NotStaff)
               ? CentralFailure(error.reason)
               : CentralFailure::None;
}

// The error with the kind set.
inline Error withFailure(Error error, CentralFailure kind)
{
    error.reason = int(kind);
    return error;
}

} // namespace VisitMap::Sync
