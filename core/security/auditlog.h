// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

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
};

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
    QString problem;
};

// The access log: append-only, each entry chained to the one before by SHA-256, so an edited,
// removed or reordered entry breaks the chain at that point. Retention purges remove a prefix
// and keep the last removed hash as the new anchor.
class AuditLog
{
public:
    AuditLog(Storage::Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    Status append(const QString &account, const QString &machine, const AuditRecord &record);
    Result<QList<AuditEntry>> list(const AuditFilter &filter) const;
    Result<ChainReport> verify() const;
    // Removes entries older than the cutoff (a prefix of the chain); returns how many.
    Result<int> purgeBefore(const QDate &cutoff, const QString &account, const QString &machine);

    static QString computeHash(const AuditEntry &entry);
    // "host (192.0.2.10)": the workstation as the access log names it.
    static QString machineAddress();

    static constexpr int retentionYears = 2;

private:
    Storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace VisitMap::Security
