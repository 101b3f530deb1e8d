// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"
#include "commands.h"
#include "security/auditdetail.h"
#include "storage/auditlog.h"
#include "util/clock.h"
#include "workspace.h"

namespace VisitMap::Cli {

int runAudit(const QStringList &args)
{
    Command cmd(QStringLiteral("audit"),
                QStringLiteral("List the access log (접속기록), or check its hash chain with "
                               "--verify. Team leads and admins see every entry; others their "
                               "own."));
    cmd.addDb();
    cmd.addUser();
    auto &p = cmd.parser;
    p.addOption({QStringLiteral("verify"),
                 QStringLiteral("Check that no entry was changed, rewritten, removed, cut off or "
                                "reordered (the hash chain, each entry's MAC under the store's "
                                "access-log key and the keyed head); exit 1 naming the first bad "
                                "entry and the kind of break.")});
    p.addOption({QStringLiteral("since"), QStringLiteral("Entries from this day on."),
                 QStringLiteral("YYYY-MM-DD")});
    p.addOption({QStringLiteral("account"), QStringLiteral("Only this account's entries."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("purge-before"),
                 QStringLiteral("Admin: remove entries older than this day (at least 2 years ago); "
                                "the keyed head keeps the anchor and counts what was removed, so "
                                "the chain stays verifiable."),
                 QStringLiteral("YYYY-MM-DD")});
    int code = Ok;
    if (!cmd.parse(args, &code))
        return code;
    auto ws = openStore(p);
    if (!ws)
        return report(ws.error());
    if (auto ok = signIn(**ws, p); !ok)
        return report(ok.error());
    Security::AuditLog &log = (*ws)->auditLog();
    if (p.isSet(QStringLiteral("verify"))) {
        auto r = log.verify();
        if (!r)
            return report(r.error());
        if (!r->intact) {
            err() << "error: the access log is broken at entry " << r->firstBadSeq << " ("
                  << Security::toCode(r->kind) << "): " << r->problem << Qt::endl;
            return UserError;
        }
        if (!r->keyed) {
            err() << "warning: '" << (*ws)->session()->name()
                  << "' does not hold the access-log key yet: only the hash chain was checked, "
                     "which an edit that recomputes it passes; an account that holds the key "
                     "gives it at its next sign-in"
                  << Qt::endl;
        }
        out() << "access log intact: " << r->checked << " entries checked"
              << (r->keyed ? " under the key" : " (hash chain only)");
        if (r->pending > 0)
            out() << ", " << r->pending << " not under the key yet";
        if (r->purged > 0)
            out() << ", " << r->purged << " removed by authorised purges";
        out() << Qt::endl;
        return Ok;
    }
    if (p.isSet(QStringLiteral("purge-before"))) {
        const QDate cutoff = QDate::fromString(p.value(QStringLiteral("purge-before")), Qt::ISODate);
        if (!cutoff.isValid())
            return usage(QStringLiteral("--purge-before must be YYYY-MM-DD"), p);
        if (auto ok = (*ws)->require(Security::Permission::ManageSettings); !ok)
            return report(Error{ErrorCode::PermissionDenied,
                                QStringLiteral("only an admin may purge the access log"), {}, 0});
        const QDate limit = (*ws)->clock().today().addYears(-Security::AuditLog::retentionYears);
        if (cutoff > limit)
            return report(Error{ErrorCode::Validation,
                                QStringLiteral("the access log is kept %1 years: entries after %2 "
                                               "may not be purged")
                                    .arg(Security::AuditLog::retentionYears)
                                    .arg(Iso::date(limit)),
                                {}, 0});
        const Security::Session *s = (*ws)->session();
        auto removed = log.purgeBefore(cutoff, s->name(), s->machine);
        if (!removed)
            return report(removed.error());
        out() << "purged " << *removed << " entries before " << Iso::date(cutoff) << Qt::endl;
        return Ok;
    }
    Security::AuditFilter filter;
    if (p.isSet(QStringLiteral("since"))) {
        filter.since = QDate::fromString(p.value(QStringLiteral("since")), Qt::ISODate);
        if (!filter.since.isValid())
            return usage(QStringLiteral("--since must be YYYY-MM-DD"), p);
    }
    filter.account = p.value(QStringLiteral("account"));
    const Security::Session *session = (*ws)->session();
    if (!session->can(Security::Permission::ReviewAccessLog)) {
        if (!filter.account.isEmpty() && filter.account != session->name())
            return report(Error{ErrorCode::PermissionDenied,
                                QStringLiteral("a %1 may read only their own access-log entries")
                                    .arg(toCode(session->role())),
                                {}, 0});
        filter.account = session->name();
    }
    auto entries = log.list(filter);
    if (!entries)
        return report(entries.error());
    for (const Security::AuditEntry &e : *entries) {
        out() << e.seq << '\t' << Iso::displayDateTime(e.at) << '\t' << e.account << '\t'
              << e.machine << '\t' << e.action << '\t' << e.subjectKind << '\t' << e.subject << '\t'
              << Security::AuditDetail::decode(e.detail).english() << '\t' << e.reason << Qt::endl;
    }
    return Ok;
}

} // namespace VisitMap::Cli
