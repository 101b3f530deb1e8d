// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "centralfailure.h"
#include "util/result.h"

#include <QDateTime>
#include <QStringList>

#include <functional>

namespace VisitMap::Sync {

struct SyncOptions
{
    int pushBatch = 1000; // changes per call of visitmap.push (the server takes at most 1,000)
    qint64 pushBytes = 8 * 1024 * 1024; // and at most this much JSON per call (the server: 32 MB)
    int pullBatch = 5000;               // changes per pull, applied in one local transaction
    // Called as the work goes; return false to stop after the current step.
    std::function<bool(const QString &stage, qint64 done, qint64 total)> progress;
    // Called after the server committed a pushed batch and before this store marks it sent (tests
    // use it to cut the connection at the worst moment).
    std::function<Status(int batch)> afterPushCommitted;
};

struct SyncReport
{
    int published = 0;  // records of this store newly offered to the central store
    int pushed = 0;     // changes the server applied
    int duplicates = 0; // changes it had applied before (a retried batch)
    int conflicts = 0;  // fields the server kept because someone changed them first
    int heldBack = 0;   // changes for offices the server does not grant this account
    int pulled = 0;     // changes received
    int keysReceived = 0;
    int keysSealed = 0;   // office keys sealed for colleagues who lacked them
    int keysReturned = 0; // keys sealed to this account that did not open: asked for again
    int quarantined = 0;  // changes set aside with the reason (pulled ones that do not apply here,
                          // pushed ones the server refused); the sync goes on without them
    int quarantineCleared = 0; // set aside by an earlier pull, applied now
    int waitingForOthers = 0; // changes other local accounts of this store made: sent at their sync
    int heldForOthers = 0;    // this account's changes that need one of those sent first
    int waitingForPublish = 0; // the store's own records (no account wrote them): a lead sends them
    qint64 revision = 0;       // the central revision this store has caught up to
    bool enrolled = false;
    qint64 pushMs = 0; // time spent publishing and pushing
    qint64 pullMs = 0; // time spent pulling and applying
    QStringList notices;
};

// What the status bar shows.
struct SyncStatus
{
    QString server;
    int pending = 0;
    int openConflicts = 0;
    int quarantined = 0;       // changes set aside so far (QuarantineStore)
    int waitingForOthers = 0;  // of pending: other local accounts' changes (PushPlanner)
    int heldForOthers = 0;     // of pending: the signed-in account's, waiting behind those
    int waitingForPublish = 0; // of pending: the store's own records, sent by a team lead's sync
    qint64 revision = 0;
    QDateTime lastSync;
    enum class Failure { None, Unreachable, Password, ConnectionLost, Other };
    Failure failure = Failure::None;              // the last sync's, until one succeeds
    CentralFailure reason = CentralFailure::None; // its finer kind, when the server told one
    QString lastError;                            // its message
    QDateTime lastErrorAt;
};

// Whether an area list (10-digit 행정동 or 5-digit 시군구 codes) covers a 행정동.
bool areasCover(const QStringList &areas, const QString &officeCode);

} // namespace VisitMap::Sync
