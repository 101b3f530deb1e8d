// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"

#include "crypto.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/uuid.h"

#include <QHostInfo>
#include <QNetworkInterface>
#include <array>

namespace VisitMap::Security {

namespace {

struct ActionInfo
{
    AuditAction action;
    const char *code;
    const char *label;
};

constexpr std::array<ActionInfo, 14> kActions{{
    {AuditAction::View, "view", "조회"},
    {AuditAction::Create, "create", "입력"},
    {AuditAction::Update, "update", "변경"},
    {AuditAction::Delete, "delete", "삭제"},
    {AuditAction::Print, "print", "출력"},
    {AuditAction::Download, "download", "다운로드"},
    {AuditAction::Reveal, "reveal", "식별정보 열람"},
    {AuditAction::Login, "login", "로그인"},
    {AuditAction::LoginFailed, "login_failed", "로그인 실패"},
    {AuditAction::Logout, "logout", "로그아웃"},
    {AuditAction::Lock, "lock", "화면 잠금"},
    {AuditAction::Unlock, "unlock", "잠금 해제"},
    {AuditAction::AccountChange, "account", "계정·권한 변경"},
    {AuditAction::Purge, "purge", "보존기간 경과 삭제"},
}};

const QString kGenesis = QString(64, QLatin1Char('0'));

struct ChainHead
{
    qint64 seq = 0;
    QString hash;
};

Result<ChainHead> anchor(const Storage::Database &db)
{
    ChainHead head{0, kGenesis};
    auto q = db.prepare(QStringLiteral(
        "SELECT key, value FROM store_meta WHERE key IN ('audit_anchor_seq', 'audit_anchor_hash')"));
    if (!q)
        return fail(q.error());
    if (auto ok = Storage::Database::run(*q); !ok)
        return fail(ok.error());
    while (q->next()) {
        if (q->value(0).toString() == QLatin1String("audit_anchor_seq"))
            head.seq = q->value(1).toLongLong();
        else
            head.hash = q->value(1).toString();
    }
    return head;
}

AuditEntry readEntry(const QSqlQuery &q)
{
    AuditEntry e;
    e.seq = q.value(0).toLongLong();
    e.id = q.value(1).toString();
    e.at = QDateTime::fromString(q.value(2).toString(), Qt::ISODate);
    e.account = q.value(3).toString();
    e.machine = q.value(4).toString();
    e.action = q.value(5).toString();
    e.subjectKind = q.value(6).toString();
    e.subject = q.value(7).toString();
    e.officeCode = q.value(8).toString();
    e.detail = q.value(9).toString();
    e.reason = q.value(10).toString();
    e.prevHash = q.value(11).toString();
    e.hash = q.value(12).toString();
    return e;
}

const QString kColumns = QStringLiteral("seq, id, at, account, machine, action, subject_kind, "
                                        "subject, office_code, detail, reason, prev_hash, hash");

} // namespace

QString toCode(AuditAction action)
{
    for (const auto &a : kActions)
        if (a.action == action)
            return QString::fromLatin1(a.code);
    return {};
}

QString label(AuditAction action)
{
    for (const auto &a : kActions)
        if (a.action == action)
            return QString::fromUtf8(a.label);
    return {};
}

QString AuditLog::computeHash(const AuditEntry &e)
{
    const QChar sep(0x1f);
    const QString canonical = QString::number(e.seq) + sep + e.id + sep + Iso::utc(e.at) + sep
                              + e.account + sep + e.machine + sep + e.action + sep + e.subjectKind
                              + sep + e.subject + sep + e.officeCode + sep + e.detail + sep
                              + e.reason + sep + e.prevHash;
    return QString::fromLatin1(sha256Hex(canonical.toUtf8()));
}

QString AuditLog::machineAddress()
{
    static const QString address = [] {
        QString ip;
        for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
            if (a.isLoopback() || a.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            ip = a.toString();
            break;
        }
        if (ip.isEmpty())
            ip = QStringLiteral("127.0.0.1");
        return QHostInfo::localHostName() + QStringLiteral(" (") + ip + QLatin1Char(')');
    }();
    return address;
}

Status AuditLog::append(const QString &account, const QString &machine, const AuditRecord &record)
{
    return m_db.transaction([&]() -> Status {
        ChainHead head;
        auto last = m_db.prepare(QStringLiteral(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        if (!last)
            return fail(last.error());
        if (auto ok = Storage::Database::run(*last); !ok)
            return ok;
        if (last->next()) {
            head.seq = last->value(0).toLongLong();
            head.hash = last->value(1).toString();
        } else {
            auto a = anchor(m_db);
            if (!a)
                return fail(a.error());
            head = *a;
        }
        AuditEntry e;
        e.seq = head.seq + 1;
        e.at = m_clock.now();
        e.id = Uuid::v7(e.at.toMSecsSinceEpoch());
        e.account = account;
        e.machine = machine;
        e.action = toCode(record.action);
        e.subjectKind = record.subjectKind;
        e.subject = record.subject;
        e.officeCode = record.officeCode;
        e.detail = record.detail;
        e.reason = record.reason;
        e.prevHash = head.hash;
        e.hash = computeHash(e);
        auto ins = m_db.prepare(QStringLiteral("INSERT INTO audit_log (") + kColumns
                                + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        if (!ins)
            return fail(ins.error());
        const QVariantList values{e.seq,     e.id,          Iso::utc(e.at), e.account, e.machine,
                                  e.action,  e.subjectKind, e.subject,      e.officeCode,
                                  e.detail,  e.reason,      e.prevHash,     e.hash};
        for (int i = 0; i < values.size(); ++i)
            Storage::Database::bind(*ins, i, values.at(i));
        return Storage::Database::run(*ins);
    });
}

Result<QList<AuditEntry>> AuditLog::list(const AuditFilter &filter) const
{
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log WHERE 1=1");
    QVariantList binds;
    if (filter.since.isValid()) {
        sql += QStringLiteral(" AND at >= ?");
        binds << Iso::utc(QDateTime(filter.since, QTime(0, 0), Clock::seoul()));
    }
    if (filter.until.isValid()) {
        sql += QStringLiteral(" AND at < ?");
        binds << Iso::utc(QDateTime(filter.until.addDays(1), QTime(0, 0), Clock::seoul()));
    }
    if (!filter.account.isEmpty()) {
        sql += QStringLiteral(" AND account = ?");
        binds << filter.account;
    }
    if (!filter.action.isEmpty()) {
        sql += QStringLiteral(" AND action = ?");
        binds << filter.action;
    }
    if (!filter.subject.isEmpty()) {
        sql += QStringLiteral(" AND subject = ?");
        binds << filter.subject;
    }
    sql += QStringLiteral(" ORDER BY seq");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    auto q = m_db.prepare(sql);
    if (!q)
        return fail(q.error());
    for (int i = 0; i < binds.size(); ++i)
        Storage::Database::bind(*q, i, binds.at(i));
    if (auto ok = Storage::Database::run(*q); !ok)
        return fail(ok.error());
    QList<AuditEntry> out;
    while (q->next())
        out.append(readEntry(*q));
    return out;
}

Result<ChainReport> AuditLog::verify() const
{
    auto a = anchor(m_db);
    if (!a)
        return fail(a.error());
    ChainReport report;
    auto q = m_db.prepare(QStringLiteral("SELECT ") + kColumns
                          + QStringLiteral(" FROM audit_log ORDER BY seq"));
    if (!q)
        return fail(q.error());
    if (auto ok = Storage::Database::run(*q); !ok)
        return fail(ok.error());
    qint64 expectedSeq = a->seq + 1;
    QString prevHash = a->hash;
    auto broken = [&](qint64 seq, const QString &why) {
        report.intact = false;
        report.firstBadSeq = seq;
        report.problem = why;
    };
    while (q->next()) {
        const AuditEntry e = readEntry(*q);
        ++report.checked;
        if (e.seq != expectedSeq) {
            broken(e.seq, e.seq > expectedSeq
                              ? QStringLiteral("entries %1 to %2 are missing")
                                    .arg(expectedSeq)
                                    .arg(e.seq - 1)
                              : QStringLiteral("entry %1 is out of order").arg(e.seq));
            return report;
        }
        if (e.prevHash != prevHash) {
            broken(e.seq, QStringLiteral("entry %1 does not follow the entry before it (removed, "
                                         "inserted or reordered)")
                              .arg(e.seq));
            return report;
        }
        if (computeHash(e) != e.hash) {
            broken(e.seq, QStringLiteral("entry %1 was changed after it was written").arg(e.seq));
            return report;
        }
        prevHash = e.hash;
        ++expectedSeq;
    }
    // The tail: SQLite remembers the largest sequence number ever used, so removing the newest
    // entries leaves a gap at the end.
    auto maxSeq = m_db.scalar(
        QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"));
    if (maxSeq && maxSeq->isValid() && maxSeq->toLongLong() >= expectedSeq) {
        broken(expectedSeq, QStringLiteral("entries %1 to %2 at the end are missing")
                                .arg(expectedSeq)
                                .arg(maxSeq->toLongLong()));
    }
    return report;
}

Result<int> AuditLog::purgeBefore(const QDate &cutoff, const QString &account,
                                  const QString &machine)
{
    int removed = 0;
    auto ok = m_db.transaction([&]() -> Status {
        const QString limit = Iso::utc(QDateTime(cutoff, QTime(0, 0), Clock::seoul()));
        // Only a prefix may go: the last entry older than the cutoff that has no newer entry
        // before it.
        auto q = m_db.prepare(QStringLiteral(
            "SELECT seq, hash FROM audit_log WHERE seq < COALESCE((SELECT MIN(seq) FROM "
            "audit_log WHERE at >= ?), 9223372036854775807) ORDER BY seq DESC LIMIT 1"));
        if (!q)
            return fail(q.error());
        Storage::Database::bind(*q, 0, limit);
        if (auto r = Storage::Database::run(*q); !r)
            return r;
        if (!q->next())
            return {};
        const qint64 lastSeq = q->value(0).toLongLong();
        const QString lastHash = q->value(1).toString();
        auto count = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE seq <= ?"),
                                 {lastSeq});
        if (!count)
            return fail(count.error());
        removed = count->toInt();
        for (const QString &sql :
             {QStringLiteral("INSERT OR REPLACE INTO store_meta VALUES ('audit_purge', '1')"),
              QStringLiteral("DELETE FROM audit_log WHERE seq <= %1").arg(lastSeq),
              QStringLiteral("DELETE FROM store_meta WHERE key = 'audit_purge'"),
              QStringLiteral("INSERT OR REPLACE INTO store_meta VALUES ('audit_anchor_seq', '%1')")
                  .arg(lastSeq),
              QStringLiteral("INSERT OR REPLACE INTO store_meta VALUES ('audit_anchor_hash', '%1')")
                  .arg(lastHash)}) {
            if (auto r = m_db.exec(sql); !r)
                return r;
        }
        return append(account, machine,
                      AuditRecord{AuditAction::Purge, QStringLiteral("audit_log"), {}, {},
                                  QStringLiteral("entries up to %1 removed after the retention "
                                                 "period; anchor kept")
                                      .arg(lastSeq),
                                  QStringLiteral("retention")});
    });
    if (!ok)
        return fail(ok.error());
    return removed;
}

} // namespace VisitMap::Security
