// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/logentries.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>

namespace VisitMap {

class Workspace;

// The photos of a household or of a crisis report, for the screen. Listing shows what is there
// (file, consent, who added it and when) without opening anything; opening one is a reveal (열람)
// in the access log before a byte is shown, and only for an account that may see the household
// or report. A photo without a consent record is never opened.
class PhotoAccess
{
public:
    explicit PhotoAccess(Workspace &workspace)
        : m_ws(workspace)
    {
    }

    Result<QList<Attachment>> forHousehold(const QString &householdId) const;
    Result<QList<Attachment>> forReport(const QString &reportId) const;
    // The bytes as they were attached: PermissionDenied without the right, outside the
    // account's offices, or without consent; KeyUnavailable while the office key is awaited.
    Result<QByteArray> open(const QString &attachmentId);

private:
    Status mayView(const QString &householdId, const QString &reportId) const;

    Workspace &m_ws;
};

} // namespace VisitMap
