// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <expected>

namespace VisitMap {

// What kind of expected failure happened. The UI turns a code plus detail into words.
enum class ErrorCode {
    Io,
    Sql,
    Parse,
    Validation,
    NotFound,
    AlreadyExists,
    PermissionDenied,
    AuthFailed,
    AccountLocked,
    KeyUnavailable,
    Conflict,
    Network,
    Crypto,
    Cancelled,
    Usage,
    Internal,
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString file; // where the problem is, when it is in a file
    int line = 0; // 1-based line in that file, 0 when not applicable
    // A finer kind within the code, from the failing module's own enum (Sync::CentralFailure,
    // say), so the UI can name the failure in words by a fact rather than by the English text;
    // 0 when the module gives none.
    int reason = 0;

    // One line: "file:line: message", or just the message.
    QString toString() const;
};

template<typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, const QString &message)
{
    return std::unexpected(Error{code, message, {}, 0});
}

inline std::unexpected<Error> failAt(ErrorCode code, const QString &file, int line,
                                     const QString &message)
{
    return std::unexpected(Error{code, message, file, line});
}

inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected(std::move(error));
}

} // namespace VisitMap
