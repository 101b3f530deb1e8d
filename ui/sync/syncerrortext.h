// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/centralfailure.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace VisitMap::Ui {

// Why a sync failed, in Korean, by the kind of failure core found (Sync::CentralFailure: no
// server, no secure connection, wrong password, the server's schema too old …), never by the
// driver's English.
class SyncErrorText
{
    Q_DECLARE_TR_FUNCTIONS(SyncErrorText)
public:
    // One sentence for the kind; an empty string for None.
    static QString forFailure(Sync::CentralFailure kind);
    // A few words for the status bar ("보안 연결(TLS) 실패"); empty for None.
    static QString brief(Sync::CentralFailure kind);
    // For a failed sync: the kind's sentence when core gave one, else ErrorText's.
    static QString describe(const Error &error);
};

} // namespace VisitMap::Ui
