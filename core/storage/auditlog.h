// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/secretbytes.h"
#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace VisitMap {
class Clock;
namespace Storage {
class Database;
}
} // namespace VisitMap

namespace VisitMap::Security {

// 수행업무 of the 접속기록 (안전성 확보조치 기준 제8조) plus the account events around them.
enum class AuditAction {
    View,        // 조회
    Create,      // 입력
    Update,      // 변경
    Delete,      // 삭제
    Print,       // 출력
    Download,    // 다운로드 (export)
    Reveal,      // 주민등록번호 unmasked on screen
    Login,
    LoginFailed,
    Logout,
    Lock,        // the session locked itself (idle)
    Unlock,
    AccountChange,
    Purge,       // retention purge of old entries
};

QString toCode(AuditAction action);
QString label(AuditAction action);

struct AuditRecord
{
    AuditAction action = AuditAction::View;
    QString subjectKind; // household / person / report / account / export ...
    QString subject;     // whose record: an id, or a count for bulk work
    QString officeCode;
    QString detail;
    QString reason;      // required for print and export
};

struct AuditEntry
{
    qint64 seq = 0;
    QString id;
    QDateTime at;
    QString account;
    QString machine;
    QString action;
    QString subjectKind;
    QString subject;
    QString officeCode;
    QString detail;
    QString reason;
    QString prevHash;
    QString hash;
    QString mac; // HMAC-SHA-256 of hash under the store's audit key; empty while pending
};

// The keyed head of the access log: what authorised purges removed, the newest entry under the
// key and how many entries the key covers, with a MAC over it all. Sent to the central store at
// each sync (Sync::AuditAnchor), which refuses one that goes backwards.
struct AuditHead
{
    qint64 anchorSeq = 0; // the last entry an authorised purge removed (0: none)
    QString anchorHash;   // its hash, where the chain goes on
    qint64 purged = 0;    // entries authorised purges removed, in all
    qint64 sealedSeq = 0; // the newest entry under the key
    QString sealedMac;    // its MAC
    qint64 entries = 0;   // entries under the key still held
    QString mac;          // over the fields above, under the key
};

// How a chain is broken, for the words the CLI and the screen put to it.
enum class ChainBreak {
    None,
    Missing,      // entries gone from the middle or the start (no authorised purge took them)
    OutOfOrder,   // a sequence number out of place
    Unlinked,     // an entry does not follow the one before it
    Changed,      // an entry's fields do not give its hash
    Rewritten,    // the hash chain was recomputed: the entry's MAC does not match under the key
    MacRemoved,   // an entry the keyed head covers has lost its MAC
    Truncated,    // entries at the end are gone (the keyed head or SQLite's counter names them)
    HeadForged,   // the keyed head's MAC does not match, or it is missing while entries have MACs
    CountMismatch // the keyed head counts a different number of entries than are there
};
QString toCode(ChainBreak kind);

struct AuditFilter
{
    QDate since;
    QDate until;
    QString account;
    QString action;
    QString subject;
    int limit = 0; // 0: all
};

struct ChainReport
{
    bool intact = true;
    qint64 checked = 0;
    qint64 firstBadSeq = 0;
    ChainBreak kind = ChainBreak::None;
    QString problem;
    bool keyed = false; // checked under the audit key (else the hash chain only)
    qint64 pending = 0; // entries at the end not under the key yet
    qint64 purged = 0;  // entries authorised purges removed
};

// The access log: append-only, each entry chained to the one before by SHA-256 and its hash put
// under the store's audit key (HMAC-SHA-256), with a keyed head naming the newest entry, the
// count and what authorised purges removed. An edited entry breaks its hash; an edit with the
// hash chain recomputed breaks its MAC; removed or reordered entries break the chain; entries
// removed at the end or at the start fall short of the keyed head. Without the key (nobody who
// holds it signed in) entries are written pending and put under the key at the next sign-in
// that opens it. Retention purges (with the key) remove a prefix, move the keyed anchor and
// count what they removed.
class AuditLog
{
public:
    AuditLog(Storage::Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    // The audit key of the signed-in account (Security::AuditKeyStore), for as long as it is in.
    void setKey(const SecretBytes &key) { m_key = key; }
    void clearKey() { m_key = SecretBytes(); }
    bool hasKey() const { return !m_key.isEmpty(); }
    const SecretBytes &key() const { return m_key; }

    Status append(const QString &account, const QString &machine, const AuditRecord &record);
    // Puts the pending entries under the key (their hash chain checked first); how many. Starts
    // the keyed head on a store that has none. Needs the key.
    Result<int> sealPending();
    // The keyed head, not checked (the central anchor compares it); nullopt before the first key.
    Result<std::optional<AuditHead>> head() const;
    // An entry's MAC (empty when pending or gone).
    Result<QString> macAt(qint64 seq) const;
    Result<QList<AuditEntry>> list(const AuditFilter &filter) const;
    Result<ChainReport> verify() const;
    // Removes entries older than the cutoff (a prefix of the chain); returns how many. Needs the
    // key: it moves the keyed anchor, adds the count to the head and logs a purge entry; entries
    // removed any other way show as missing.
    Result<int> purgeBefore(const QDate &cutoff, const QString &account, const QString &machine);

    static QString computeHash(const AuditEntry &entry);
    // "host (192.0.2.10)": the workstation as the access log names it.
    static QString machineAddress();

    static constexpr int retentionYears = 2;

private:
    QString entryMac(const QString &hash) const;
    QString headMac(const AuditHead &head) const;
    Status writeHead(AuditHead head);
    Result<int> sealPendingInTransaction();

    Storage::Database &m_db;
    const Clock &m_clock;
    SecretBytes m_key;
};

} // namespace VisitMap::Security
