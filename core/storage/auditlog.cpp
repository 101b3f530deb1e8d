// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"
#include "security/auditdetail.h"

#include "security/crypto.h"
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
const QChar kSep(0x1f);

struct ChainHead
{
    qint64 seq = 0;
    QString hash;
};

// Where the chain starts: the keyed head's anchor, or (a store without one) the anchor a purge
// before the key existed left in store_meta.
Result<ChainHead> legacyAnchor(const Storage::Database &db)
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

Result<std::optional<AuditHead>> readHead(const Storage::Database &db)
{
    auto q = db.execute(QStringLiteral("SELECT anchor_seq, anchor_hash, purged, sealed_seq, "
                                       "sealed_mac, entries, mac FROM audit_head WHERE id = 1"));
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<AuditHead>();
    AuditHead h;
    h.anchorSeq = q->value(0).toLongLong();
    h.anchorHash = q->value(1).toString();
    h.purged = q->value(2).toLongLong();
    h.sealedSeq = q->value(3).toLongLong();
    h.sealedMac = q->value(4).toString();
    h.entries = q->value(5).toLongLong();
    h.mac = q->value(6).toString();
    return std::optional<AuditHead>(h);
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
    e.mac = q.value(13).toString();
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

QString toCode(ChainBreak kind)
{
    switch (kind) {
    case ChainBreak::None:
        return QStringLiteral("intact");
    case ChainBreak::Missing:
        return QStringLiteral("missing");
    case ChainBreak::OutOfOrder:
        return QStringLiteral("out-of-order");
    case ChainBreak::Unlinked:
        return QStringLiteral("unlinked");
    case ChainBreak::Changed:
        return QStringLiteral("changed");
    case ChainBreak::Rewritten:
        return QStringLiteral("rewritten");
    case ChainBreak::MacRemoved:
        return QStringLiteral("mac-removed");
    case ChainBreak::Truncated:
        return QStringLiteral("truncated");
    case ChainBreak::HeadForged:
        return QStringLiteral("head-forged");
    case ChainBreak::CountMismatch:
        return QStringLiteral("count-mismatch");
    }
    return {};
}

QString AuditLog::entryMac(const QString &hash) const
{
    return AuditKey::mac(m_key,
                         QByteArray("visitmap audit entry v1") + char(0x1f) + hash.toLatin1());
}

QString AuditLog::headMac(const AuditHead &h) const
{
    const QString canonical = QStringLiteral("visitmap audit head v1") + kSep
                              + QString::number(h.anchorSeq) + kSep + h.anchorHash + kSep
                              + QString::number(h.purged) + kSep + QString::number(h.sealedSeq)
                              + kSep + h.sealedMac + kSep + QString::number(h.entries);
    return AuditKey::mac(m_key, canonical.toUtf8());
}

Status AuditLog::writeHead(AuditHead h)
{
    h.mac = headMac(h);
    auto q = m_db.execute(
        QStringLiteral("INSERT OR REPLACE INTO audit_head (id, anchor_seq, "
                       "anchor_hash, purged, sealed_seq, sealed_mac, entries, "
                       "mac) VALUES (1,?,?,?,?,?,?,?)"),
        {h.anchorSeq, h.anchorHash, h.purged, h.sealedSeq, h.sealedMac, h.entries, h.mac});
    if (!q)
        return fail(q.error());
    return {};
}

Result<std::optional<AuditHead>> AuditLog::head() const
{
    return readHead(m_db);
}

Result<QString> AuditLog::macAt(qint64 seq) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT mac FROM audit_log WHERE seq = ?"), {seq});
    if (!v)
        return fail(v.error());
    return v->isNull() ? QString() : v->toString();
}

Result<int> AuditLog::sealPending()
{
    if (!hasKey())
        return fail(ErrorCode::KeyUnavailable, QStringLiteral("the access-log key is not open"));
    int sealed = 0;
    auto ok = m_db.transaction([&]() -> Status {
        auto n = sealPendingInTransaction();
        if (!n)
            return fail(n.error());
        sealed = *n;
        return {};
    });
    if (!ok)
        return fail(ok.error());
    return sealed;
}

// Puts the entries after the keyed head under the key, as far as their chain goes on from the
// head unbroken; a broken or foreign entry stops it (verify names it). A head that does not
// check leaves everything as it is.
Result<int> AuditLog::sealPendingInTransaction()
{
    auto stored = readHead(m_db);
    if (!stored)
        return fail(stored.error());
    AuditHead h;
    ChainHead prev;
    if (*stored) {
        h = **stored;
        if (headMac(h) != h.mac)
            return 0;
        prev.seq = h.sealedSeq;
        prev.hash = h.anchorHash;
        if (h.sealedSeq > h.anchorSeq) {
            auto q = m_db.execute(QStringLiteral("SELECT hash, mac FROM audit_log WHERE seq = ?"),
                                  {h.sealedSeq});
            if (!q)
                return fail(q.error());
            if (!q->next() || q->value(1).toString() != h.sealedMac
                || entryMac(q->value(0).toString()) != h.sealedMac)
                return 0;
            prev.hash = q->value(0).toString();
        }
    } else {
        // The first key of this store: the chain so far (the legacy anchor on) goes under it,
        // unless some entry already carries a MAC (a head that went missing: verify says so).
        auto keyed
            = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE mac IS NOT NULL"));
        if (!keyed)
            return fail(keyed.error());
        if (keyed->toLongLong() > 0)
            return 0;
        auto legacy = legacyAnchor(m_db);
        if (!legacy)
            return fail(legacy.error());
        h.anchorSeq = h.sealedSeq = legacy->seq;
        h.anchorHash = legacy->hash;
        prev = *legacy;
    }
    auto q = m_db.execute(QStringLiteral("SELECT ") + kColumns
                              + QStringLiteral(", mac FROM audit_log WHERE seq > ? ORDER BY seq"),
                          {prev.seq});
    if (!q)
        return fail(q.error());
    QList<AuditEntry> pending;
    while (q->next()) {
        const AuditEntry e = readEntry(*q);
        if (e.seq != prev.seq + 1 || e.prevHash != prev.hash || computeHash(e) != e.hash
            || !e.mac.isEmpty())
            break;
        pending.append(e);
        prev = {e.seq, e.hash};
    }
    for (const AuditEntry &e : pending) {
        const QString mac = entryMac(e.hash);
        auto u = m_db.execute(QStringLiteral("UPDATE audit_log SET mac = ? WHERE seq = ?"),
                              {mac, e.seq});
        if (!u)
            return fail(u.error());
        h.sealedSeq = e.seq;
        h.sealedMac = mac;
        ++h.entries;
    }
    if (pending.isEmpty() && *stored)
        return 0;
    if (auto ok = writeHead(h); !ok)
        return fail(ok.error());
    return int(pending.size());
}

Status AuditLog::append(const QString &account, const QString &machine, const AuditRecord &record)
{
    return m_db.transaction([&]() -> Status {
        // With the key open, whatever waited goes under it first, so the keyed entries stay one
        // unbroken run from the anchor.
        std::optional<AuditHead> keyed;
        if (hasKey()) {
            if (auto n = sealPendingInTransaction(); !n)
                return fail(n.error());
            auto h = readHead(m_db);
            if (!h)
                return fail(h.error());
            if (*h && headMac(**h) == (*h)->mac)
                keyed = *h;
        }
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
        } else if (keyed) {
            head = {keyed->anchorSeq, keyed->anchorHash};
        } else {
            auto a = legacyAnchor(m_db);
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
        // Under the key only right after the keyed head (else it waits, and verify names why).
        const bool seal = keyed && keyed->sealedSeq == head.seq;
        auto ins = m_db.prepare(QStringLiteral("INSERT INTO audit_log (") + kColumns
                                + QStringLiteral(", mac) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        if (!ins)
            return fail(ins.error());
        const QVariantList values{e.seq,          e.id,
                                  Iso::utc(e.at), e.account,
                                  e.machine,      e.action,
                                  e.subjectKind,  e.subject,
                                  e.officeCode,   e.detail,
                                  e.reason,       e.prevHash,
                                  e.hash,         seal ? QVariant(entryMac(e.hash)) : QVariant()};
        for (int i = 0; i < values.size(); ++i)
            Storage::Database::bind(*ins, i, values.at(i));
        if (auto ok = Storage::Database::run(*ins); !ok)
            return ok;
        if (!seal)
            return {};
        AuditHead h = *keyed;
        h.sealedSeq = e.seq;
        h.sealedMac = entryMac(e.hash);
        ++h.entries;
        return writeHead(h);
    });
}

Result<QList<AuditEntry>> AuditLog::list(const AuditFilter &filter) const
{
    QString sql
        = QStringLiteral("SELECT ") + kColumns + QStringLiteral(", mac FROM audit_log WHERE 1=1");
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
    ChainReport report;
    auto broken = [&](qint64 seq, ChainBreak kind, const QString &why) {
        report.intact = false;
        report.firstBadSeq = seq;
        report.kind = kind;
        report.problem = why;
        return report;
    };
    auto stored = readHead(m_db);
    if (!stored)
        return fail(stored.error());
    const std::optional<AuditHead> head = *stored;
    report.keyed = hasKey() && head.has_value();
    if (head && hasKey() && headMac(*head) != head->mac)
        return broken(head->sealedSeq, ChainBreak::HeadForged,
                      QStringLiteral("the keyed head of the access log was changed (its MAC does "
                                     "not match the access-log key): it names entry %1 and %2 "
                                     "entries")
                          .arg(head->sealedSeq)
                          .arg(head->entries));
    ChainHead start;
    if (head) {
        start = {head->anchorSeq, head->anchorHash};
        report.purged = head->purged;
    } else {
        auto a = legacyAnchor(m_db);
        if (!a)
            return fail(a.error());
        start = *a;
    }
    auto q = m_db.prepare(QStringLiteral("SELECT ") + kColumns
                          + QStringLiteral(", mac FROM audit_log ORDER BY seq"));
    if (!q)
        return fail(q.error());
    if (auto ok = Storage::Database::run(*q); !ok)
        return fail(ok.error());
    qint64 expectedSeq = start.seq + 1;
    QString prevHash = start.hash;
    qint64 underKey = 0;
    while (q->next()) {
        const AuditEntry e = readEntry(*q);
        ++report.checked;
        if (e.seq != expectedSeq) {
            if (e.seq < expectedSeq)
                return broken(e.seq, ChainBreak::OutOfOrder,
                              QStringLiteral("entry %1 is out of order").arg(e.seq));
            if (expectedSeq == start.seq + 1)
                return broken(expectedSeq, ChainBreak::Missing,
                              QStringLiteral("entries %1 to %2 at the start are missing: no "
                                             "authorised purge removed them (the last one "
                                             "removed up to entry %3)")
                                  .arg(expectedSeq)
                                  .arg(e.seq - 1)
                                  .arg(start.seq));
            return broken(
                expectedSeq, ChainBreak::Missing,
                QStringLiteral("entries %1 to %2 are missing").arg(expectedSeq).arg(e.seq - 1));
        }
        if (e.prevHash != prevHash)
            return broken(e.seq, ChainBreak::Unlinked,
                          QStringLiteral("entry %1 does not follow the entry before it (removed, "
                                         "inserted or reordered)")
                              .arg(e.seq));
        if (computeHash(e) != e.hash)
            return broken(e.seq, ChainBreak::Changed,
                          QStringLiteral("entry %1 was changed after it was written").arg(e.seq));
        if (report.keyed) {
            if (e.seq <= head->sealedSeq) {
                if (e.mac.isEmpty())
                    return broken(e.seq, ChainBreak::MacRemoved,
                                  QStringLiteral("entry %1 lost its MAC (the keyed head covers "
                                                 "it)")
                                      .arg(e.seq));
                if (e.mac != entryMac(e.hash))
                    return broken(e.seq, ChainBreak::Rewritten,
                                  QStringLiteral("entry %1 was rewritten: its hash chain was "
                                                 "recomputed but its MAC does not match the "
                                                 "access-log key")
                                      .arg(e.seq));
                if (e.seq == head->sealedSeq && e.mac != head->sealedMac)
                    return broken(e.seq, ChainBreak::HeadForged,
                                  QStringLiteral("entry %1 is not the entry the keyed head names")
                                      .arg(e.seq));
                ++underKey;
            } else if (!e.mac.isEmpty()) {
                return broken(e.seq, ChainBreak::HeadForged,
                              QStringLiteral("entry %1 carries a MAC but lies after the keyed head "
                                             "(entry %2): the head was set back")
                                  .arg(e.seq)
                                  .arg(head->sealedSeq));
            } else {
                ++report.pending;
            }
        } else if (!head && !e.mac.isEmpty() && hasKey()) {
            return broken(
                e.seq, ChainBreak::HeadForged,
                QStringLiteral("entry %1 carries a MAC but the keyed head is missing").arg(e.seq));
        } else if (e.mac.isEmpty()) {
            ++report.pending;
        }
        prevHash = e.hash;
        ++expectedSeq;
    }
    if (report.keyed) {
        if (expectedSeq <= head->sealedSeq)
            return broken(expectedSeq, ChainBreak::Truncated,
                          QStringLiteral("entries %1 to %2 at the end are missing (the keyed head "
                                         "names entry %2)")
                              .arg(expectedSeq)
                              .arg(head->sealedSeq));
        if (underKey != head->entries)
            return broken(head->sealedSeq, ChainBreak::CountMismatch,
                          QStringLiteral("the keyed head counts %1 entries but %2 are there")
                              .arg(head->entries)
                              .arg(underKey));
    }
    // The tail: SQLite remembers the largest sequence number ever used, so removing the newest
    // entries leaves a gap at the end (unless the counter was lowered too; the keyed head and
    // the central anchor catch that).
    auto maxSeq = m_db.scalar(
        QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"));
    if (maxSeq && maxSeq->isValid() && maxSeq->toLongLong() >= expectedSeq) {
        return broken(expectedSeq, ChainBreak::Truncated,
                      QStringLiteral("entries %1 to %2 at the end are missing")
                          .arg(expectedSeq)
                          .arg(maxSeq->toLongLong()));
    }
    return report;
}

Result<int> AuditLog::purgeBefore(const QDate &cutoff, const QString &account,
                                  const QString &machine)
{
    if (!hasKey())
        return fail(ErrorCode::KeyUnavailable,
                    QStringLiteral("the access log can be purged only by an account that holds "
                                   "its key"));
    int removed = 0;
    auto ok = m_db.transaction([&]() -> Status {
        if (auto n = sealPendingInTransaction(); !n)
            return fail(n.error());
        auto stored = readHead(m_db);
        if (!stored)
            return fail(stored.error());
        if (!*stored || headMac(**stored) != (*stored)->mac)
            return fail(ErrorCode::Crypto,
                        QStringLiteral("the keyed head of the access log does not check; run "
                                       "`audit --verify` before purging"));
        AuditHead h = **stored;
        const QString limit = Iso::utc(QDateTime(cutoff, QTime(0, 0), Clock::seoul()));
        // Only a prefix of what the key covers may go: the last entry older than the cutoff that
        // has no newer entry before it.
        auto q = m_db.prepare(QStringLiteral(
            "SELECT seq, hash FROM audit_log WHERE seq <= ? AND seq < COALESCE((SELECT MIN(seq) "
            "FROM audit_log WHERE at >= ?), 9223372036854775807) ORDER BY seq DESC LIMIT 1"));
        if (!q)
            return fail(q.error());
        Storage::Database::bind(*q, 0, h.sealedSeq);
        Storage::Database::bind(*q, 1, limit);
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
              QStringLiteral("DELETE FROM store_meta WHERE key = 'audit_purge'")}) {
            if (auto r = m_db.exec(sql); !r)
                return r;
        }
        h.anchorSeq = lastSeq;
        h.anchorHash = lastHash;
        h.purged += removed;
        h.entries -= removed;
        if (auto r = writeHead(h); !r)
            return r;
        return append(account, machine,
                      AuditRecord{AuditAction::Purge,
                                  QStringLiteral("audit_log"),
                                  QString::number(removed),
                                  {},
                                  AuditDetail(AuditDetailCode::AuditPurge)
                                      .with(u"removed", removed)
                                      .with(u"upto", lastSeq)
                                      .with(u"total", h.purged)
                                      .encode(),
                                  QStringLiteral("retention")});
    });
    if (!ok)
        return fail(ok.error());
    return removed;
}

} // namespace VisitMap::Security
