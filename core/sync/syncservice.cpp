// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncservice.h"

#include "auditanchor.h"
#include "centralstore.h"
#include "keyexchange.h"
#include "publisher.h"
#include "puller.h"
#include "pusher.h"
#include "security/crypto.h"
#include "security/permissions.h"
#include "storage/accountstore.h"
#include "storage/conflictrecords.h"
#include "storage/outboxstore.h"
#include "storage/pushplanner.h"
#include "storage/quarantinestore.h"
#include "storage/stores.h"
#include "storage/syncstatestore.h"
#include "syncstate.h"
#include "util/clock.h"
#include "workspace.h"

#include <QElapsedTimer>

namespace VisitMap::Sync {

bool areasCover(const QStringList &areas, const QString &officeCode)
{
    for (const QString &a : areas) {
        if (a == officeCode || (a.size() == 5 && officeCode.startsWith(a)))
            return true;
    }
    return false;
}

QString SyncService::state(const QString &key) const
{
    return m_ws.stores().syncState().value(key);
}

Status SyncService::setState(const QString &key, const QString &value)
{
    return m_ws.stores().syncState().set(key, value);
}

QString SyncService::server() const
{
    return state(SyncKeys::server);
}

Status SyncService::setServer(const QString &conninfo)
{
    // Only where the server is: a password is never kept here.
    auto params = ConnParams::parse(conninfo);
    if (!params)
        return fail(params.error());
    return setState(SyncKeys::server, params->withoutPassword());
}

void SyncService::recordFailure(const Error &e, bool unreachable)
{
    const SyncStatus::Failure kind = unreachable                        ? SyncStatus::Failure::Unreachable
                                     : e.code == ErrorCode::AuthFailed ? SyncStatus::Failure::Password
                                     : e.code == ErrorCode::Network    ? SyncStatus::Failure::ConnectionLost
                                                                       : SyncStatus::Failure::Other;
    (void)setState(SyncKeys::lastFailure, QString::number(int(kind)));
    (void)setState(SyncKeys::lastReason, QString::number(int(centralFailure(e))));
    (void)setState(SyncKeys::lastError, e.message);
    (void)setState(SyncKeys::lastErrorAt, Iso::utc(m_ws.clock().now()));
}

Result<SyncStatus> SyncService::status() const
{
    SyncStatus s;
    s.server = state(SyncKeys::server);
    auto pending = OutboxStore(m_ws.db()).unsentCount();
    if (!pending)
        return fail(pending.error());
    s.pending = int(*pending);
    auto open = m_ws.stores().conflictRecords().unresolvedCount();
    if (!open)
        return fail(open.error());
    s.openConflicts = *open;
    auto quarantined = m_ws.stores().quarantine().count();
    if (!quarantined)
        return fail(quarantined.error());
    s.quarantined = *quarantined;
    if (const auto *session = m_ws.session()) {
        auto plan = PushPlanner(m_ws.db(), session->name(), mayPublish(session->role())).plan();
        if (!plan)
            return fail(plan.error());
        s.waitingForOthers = plan->otherAccounts;
        s.heldForOthers = plan->heldBehind;
        s.waitingForPublish = plan->forPublisher;
    }
    s.revision = state(SyncKeys::revision).toLongLong();
    s.lastSync = Iso::parse(state(SyncKeys::lastSync));
    s.lastError = state(SyncKeys::lastError);
    if (!s.lastError.isEmpty()) {
        s.failure = SyncStatus::Failure(state(SyncKeys::lastFailure).toInt());
        s.reason = centralFailure(
            Error{ErrorCode::Network, {}, {}, 0, state(SyncKeys::lastReason).toInt()});
    }
    s.lastErrorAt = Iso::parse(state(SyncKeys::lastErrorAt));
    return s;
}

Result<SyncReport> SyncService::syncAs(const QString &conninfo, const QString &user, const QString &password,
                                       const SyncOptions &options)
{
    auto connection = CentralConnection::open(conninfo, user, password);
    if (!connection) {
        Error e = connection.error();
        if (e.code == ErrorCode::AuthFailed)
            e.message = QStringLiteral("the central store refused the password for '%1' (nothing here was changed)").arg(user);
        else if (e.code == ErrorCode::Network || e.code == ErrorCode::Sql)
            e.message = QStringLiteral("cannot reach the central store (%1); work goes on offline and is sent at the "
                                       "next sync")
                            .arg(e.message);
        recordFailure(e, e.code != ErrorCode::AuthFailed);
        return fail(e);
    }
    SyncReport report;
    const auto *session = m_ws.session();
    if (!session || session->name() != user) {
        auto known = m_ws.accounts().find(user);
        if (!known) {
            if (known.error().code != ErrorCode::NotFound)
                return fail(known.error());
            if (auto ok = enrol(**connection, user, password, report); !ok) {
                recordFailure(ok.error());
                return fail(ok.error());
            }
        }
        auto signedIn = m_ws.signIn(user, password);
        if (!signedIn)
            return fail(signedIn.error());
    }
    if (auto ok = setServer(conninfo); !ok)
        return fail(ok.error());
    auto result = run(**connection, options);
    if (!result)
        return fail(result.error());
    result->enrolled = report.enrolled;
    return result;
}

Status SyncService::enrol(CentralConnection &c, const QString &name, const QString &password, SyncReport &report)
{
    CentralStore central(c);
    auto me = central.staffRecord();
    if (!me)
        return fail(me.error());
    if (!me->next())
        return fail(withFailure(
            Error{ErrorCode::PermissionDenied,
                  QStringLiteral(
                      "'%1' signs in to the central store but is not a VisitMap account there")
                      .arg(name),
                  {},
                  0},
            CentralFailure::NotStaff));
    Security::NewAccount account;
    account.name = name;
    account.displayName = me->value(0).toString();
    account.role = roleFromCode(me->value(1).toString()).value_or(Role::Caseworker);
    account.password = password;
    const Security::WrappedKeyPair serverKeys{me->value(2).toByteArray(), me->value(3).toByteArray(),
                                              me->value(4).toByteArray()};
    auto grants = central.grantedAreas();
    if (!grants)
        return fail(grants.error());
    account.grants = *grants;
    auto created = m_ws.accounts().create(account, QStringLiteral("central store"));
    if (!created)
        return fail(created.error().code,
                    QStringLiteral("could not create the local account '%1': %2").arg(name, created.error().message));
    // The account's key pair from the central store (made on another workstation) opens the
    // office keys already sealed to it; adopt it when the password opens it.
    if (!serverKeys.publicKey.isEmpty()) {
        if (auto secret = Security::AccountKeys::unwrap(serverKeys, password); secret) {
            if (auto ok = m_ws.accounts().setPassword(name, created->passwordHash, serverKeys,
                                                      QStringLiteral("central store"));
                !ok)
                return ok;
        } else {
            report.notices << QStringLiteral("the account's key pair on the central store does not open with this "
                                             "password: a new one was made and colleagues seal the office keys to "
                                             "it again at their next sync");
            if (auto ok = setState(SyncKeys::replaceAccountKeys, QStringLiteral("1")); !ok)
                return ok;
        }
    }
    report.enrolled = true;
    return {};
}

Status SyncService::adoptGrants(const QStringList &areas)
{
    const auto *session = m_ws.session();
    QStringList local = session->account.grants;
    QStringList server = areas;
    local.sort();
    server.sort();
    if (local == server || session->role() == Role::Admin)
        return {};
    // The central store decides what an account may see; the local account follows it.
    if (auto ok = m_ws.accounts().setGrants(session->name(), server, QStringLiteral("central store")); !ok)
        return ok;
    return m_ws.reloadKeys();
}

Result<SyncReport> SyncService::run(CentralConnection &c, const SyncOptions &o)
{
    if (!m_ws.session())
        return fail(ErrorCode::AuthFailed, QStringLiteral("sign in before syncing"));
    SyncReport report;
    auto step = [&]() -> Status {
        auto grants = CentralStore(c).grantedAreas();
        if (!grants)
            return fail(grants.error());
        const QStringList areas = *grants;
        if (areas.isEmpty() && m_ws.session()->role() != Role::Admin)
            return fail(ErrorCode::PermissionDenied,
                        QStringLiteral("the central store grants '%1' no office").arg(m_ws.session()->name()));
        QStringList refused;
        if (auto ok = exchangeKeys(c, areas, report, refused); !ok)
            return ok;
        QElapsedTimer timer;
        timer.start();
        if (auto ok = Publisher(m_ws).run(areas, refused, report); !ok)
            return ok;
        if (auto ok = Pusher(m_ws, c).run(areas, o, report); !ok)
            return ok;
        Puller puller(m_ws, c);
        if (auto ok = puller.fetchConflicts(); !ok)
            return ok;
        report.pushMs = timer.restart();
        if (auto ok = puller.run(o, report); !ok)
            return ok;
        report.pullMs = timer.elapsed();
        if (auto ok = AuditAnchor(m_ws).send(c, report.notices); !ok)
            return ok;
        return adoptGrants(areas);
    };
    if (auto ok = step(); !ok) {
        recordFailure(ok.error());
        return fail(ok.error());
    }
    (void)setState(SyncKeys::lastSync, Iso::utc(m_ws.clock().now()));
    (void)setState(SyncKeys::lastError, QString());
    report.revision = state(SyncKeys::revision).toLongLong();
    return report;
}

Status SyncService::exchangeKeys(CentralConnection &c, const QStringList &areas, SyncReport &report,
                                 QStringList &refusedOffices)
{
    const bool replace = state(SyncKeys::replaceAccountKeys) == QLatin1String("1");
    auto out = KeyExchange(m_ws, c).run(areas, replace, report);
    if (!out)
        return fail(out.error());
    if (replace && out->pairStored)
        (void)setState(SyncKeys::replaceAccountKeys, QString());
    refusedOffices = out->refusedOffices;
    return {};
}

} // namespace VisitMap::Sync
