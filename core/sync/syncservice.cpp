// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncservice.h"

#include "auditanchor.h"
#include "centralstore.h"
#include "keyexchange.h"
#include "pullapplier.h"
#include "security/crypto.h"
#include "security/permissions.h"
#include "storage/accountstore.h"
#include "storage/conflictrecords.h"
#include "storage/database.h"
#include "storage/entitymap.h"
#include "storage/journal.h"
#include "storage/outboxstore.h"
#include "storage/publishstore.h"
#include "storage/pushplanner.h"
#include "storage/quarantinestore.h"
#include "storage/syncstatestore.h"
#include "util/clock.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace VisitMap::Sync {

namespace {

const QString kRevision = QStringLiteral("last_revision");
const QString kLastSync = QStringLiteral("last_sync_at");
const QString kLastError = QStringLiteral("last_error");
const QString kLastErrorAt = QStringLiteral("last_error_at");
const QString kLastFailure = QStringLiteral("last_failure");
const QString kLastReason = QStringLiteral("last_failure_reason");
const QString kConflictCursor = QStringLiteral("last_conflict_id");
const QString kPublishedOffices = QStringLiteral("published_offices");
const QString kServer = QStringLiteral("server");

QJsonObject parseObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

// Tables whose rows hang off a household, in the order they are offered.
const QStringList &householdChildEntities()
{
    static const QStringList e = {QStringLiteral("person"), QStringLiteral("crisis_report"), QStringLiteral("case"),
                                  QStringLiteral("signal"), QStringLiteral("visit"), QStringLiteral("service_link"),
                                  QStringLiteral("checkin"), QStringLiteral("assessment"),
                                  QStringLiteral("counseling"), QStringLiteral("attachment")};
    return e;
}

// A team lead or administrator publishes the store's own records (made before it had accounts).
bool mayPublish(Role role)
{
    return role == Role::TeamLead || role == Role::Admin;
}

} // namespace

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
    return SyncStateStore(m_ws.db()).value(key);
}

Status SyncService::setState(const QString &key, const QString &value)
{
    return SyncStateStore(m_ws.db()).set(key, value);
}

QString SyncService::server() const
{
    return state(kServer);
}

Status SyncService::setServer(const QString &conninfo)
{
    // Only where the server is: a password is never kept here.
    auto params = ConnParams::parse(conninfo);
    if (!params)
        return fail(params.error());
    return setState(kServer, params->withoutPassword());
}

void SyncService::recordFailure(const Error &e, bool unreachable)
{
    const SyncStatus::Failure kind = unreachable                        ? SyncStatus::Failure::Unreachable
                                     : e.code == ErrorCode::AuthFailed ? SyncStatus::Failure::Password
                                     : e.code == ErrorCode::Network    ? SyncStatus::Failure::ConnectionLost
                                                                       : SyncStatus::Failure::Other;
    (void)setState(kLastFailure, QString::number(int(kind)));
    (void)setState(kLastReason, QString::number(int(centralFailure(e))));
    (void)setState(kLastError, e.message);
    (void)setState(kLastErrorAt, Iso::utc(m_ws.clock().now()));
}

Result<SyncStatus> SyncService::status() const
{
    SyncStatus s;
    s.server = state(kServer);
    auto pending = OutboxStore(m_ws.db()).unsentCount();
    if (!pending)
        return fail(pending.error());
    s.pending = int(*pending);
    auto open = ConflictRecords(m_ws.db()).unresolvedCount();
    if (!open)
        return fail(open.error());
    s.openConflicts = *open;
    auto quarantined = QuarantineStore(m_ws.db()).count();
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
    s.revision = state(kRevision).toLongLong();
    s.lastSync = Iso::parse(state(kLastSync));
    s.lastError = state(kLastError);
    if (!s.lastError.isEmpty()) {
        s.failure = SyncStatus::Failure(state(kLastFailure).toInt());
        s.reason = centralFailure(Error{ErrorCode::Network, {}, {}, 0, state(kLastReason).toInt()});
    }
    s.lastErrorAt = Iso::parse(state(kLastErrorAt));
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
            if (auto ok = setState(QStringLiteral("replace_account_keys"), QStringLiteral("1")); !ok)
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
        if (auto ok = publish(areas, refused, report); !ok)
            return ok;
        if (auto ok = push(c, areas, o, report); !ok)
            return ok;
        if (auto ok = fetchConflicts(c, report); !ok)
            return ok;
        report.pushMs = timer.restart();
        if (auto ok = pull(c, o, report); !ok)
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
    (void)setState(kLastSync, Iso::utc(m_ws.clock().now()));
    (void)setState(kLastError, QString());
    report.revision = state(kRevision).toLongLong();
    return report;
}

Status SyncService::exchangeKeys(CentralConnection &c, const QStringList &areas, SyncReport &report,
                                 QStringList &refusedOffices)
{
    const QString replaceKey = QStringLiteral("replace_account_keys");
    const bool replace = state(replaceKey) == QLatin1String("1");
    auto out = KeyExchange(m_ws, c).run(areas, replace, report);
    if (!out)
        return fail(out.error());
    if (replace && out->pairStored)
        (void)setState(replaceKey, QString());
    refusedOffices = out->refusedOffices;
    return {};
}

Status SyncService::publish(const QStringList &areas, const QStringList &refusedOffices, SyncReport &report)
{
    const auto *session = m_ws.session();
    if (session->role() != Role::TeamLead && session->role() != Role::Admin)
        return {};
    Storage::Database &db = m_ws.db();
    QStringList published = state(kPublishedOffices).split(u',', Qt::SkipEmptyParts);
    auto offices = PublishStore(db).officeCodes();
    if (!offices)
        return fail(offices.error());
    Storage::Journal &journal = m_ws.journal();
    for (const QString &office : *offices) {
        if (!areasCover(areas, office) || refusedOffices.contains(office))
            continue;
        const bool firstTime = !published.contains(office);
        PublishStore store(db);
        OutboxStore outbox(db);
        auto waiting = store.unpublishedHouseholds(office);
        if (!waiting)
            return fail(waiting.error());
        if (!firstTime && *waiting == 0)
            continue;
        auto ok = db.transaction([&]() -> Status {
            auto before = outbox.lastSeq();
            if (!before)
                return fail(before.error());
            auto offer = [&](const QString &entity, bool withLoose = false) -> Status {
                const EntitySpec *spec = entitySpec(entity);
                auto ids = store.unoffered(entity, office, withLoose);
                if (!ids)
                    return fail(ids.error());
                for (const QString &id : *ids) {
                    // The row itself is read when it is pushed.
                    if (auto r = journal.recordChange(entity, id, spec->appendOnly ? Storage::ChangeOp::Append
                                                                           : Storage::ChangeOp::Insert,
                                                      office, {});
                        !r)
                        return r;
                    ++report.published;
                }
                return {};
            };
            if (auto r = store.stageHouseholds(office); !r)
                return r;
            if (firstTime) {
                if (auto r = offer(QStringLiteral("office")); !r)
                    return r;
            }
            if (auto r = offer(QStringLiteral("household")); !r)
                return r;
            for (const QString &entity : householdChildEntities()) {
                const bool withLoose = firstTime
                                       && (entity == QLatin1String("crisis_report")
                                           || entity == QLatin1String("signal"));
                if (auto r = offer(entity, withLoose); !r)
                    return r;
                if (entity == QLatin1String("case")) {
                    if (auto r = offer(QStringLiteral("stage_change")); !r)
                        return r;
                }
            }
            if (auto r = offer(QStringLiteral("void")); !r)
                return r;
            if (auto r = store.markStagedPublished(); !r)
                return r;
            // Edits made before publishing go after the records they edit.
            if (auto r = outbox.moveBehindNewest(*before); !r)
                return r;
            if (firstTime) {
                published << office;
                return setState(kPublishedOffices, published.join(u','));
            }
            return {};
        });
        if (!ok)
            return ok;
    }
    return {};
}

Status SyncService::push(CentralConnection &c, const QStringList &areas, const SyncOptions &o, SyncReport &report)
{
    Storage::Database &db = m_ws.db();
    RowCodec codec(db);
    // Only what this account may send: other local accounts' changes wait for their own sync.
    const auto *session = m_ws.session();
    auto plan = PushPlanner(db, session->name(), mayPublish(session->role())).plan();
    if (!plan)
        return fail(plan.error());
    report.waitingForOthers = plan->otherAccounts;
    report.heldForOthers = plan->heldBehind;
    report.waitingForPublish = plan->forPublisher;
    OutboxStore outbox(db);
    auto pending = outbox.unsentCount();
    if (!pending)
        return fail(pending.error());
    const qint64 total = *pending - plan->waiting.size();
    qint64 cursor = 0;
    qint64 done = 0;
    int batchIndex = 0;
    const int perCall = std::clamp(o.pushBatch, 1, 1000);
    for (;;) {
        auto unsent = outbox.unsentAfter(cursor, perCall);
        if (!unsent)
            return fail(unsent.error());
        QJsonArray batch;
        QStringList seqs;
        QStringList households;
        QHash<QString, QJsonObject> sent; // by change id, for what the server refuses
        qint64 bytes = 0;
        int rows = 0;
        // A batch ends at perCall rows or once it passes pushBytes (a single change larger than
        // that goes alone).
        for (const OutboxRow &row : *unsent) {
            if (bytes >= o.pushBytes)
                break;
            ++rows;
            cursor = row.seq;
            const QString &entity = row.entity;
            const QString &id = row.entityId;
            const QString &op = row.op;
            const QString &office = row.officeCode;
            if (plan->waiting.contains(cursor))
                continue;
            const EntitySpec *spec = entitySpec(entity);
            if (!spec || !areasCover(areas, office)) {
                ++report.heldBack;
                continue;
            }
            QJsonObject payload = row.payload;
            if (op == QLatin1String("insert") || op == QLatin1String("append")) {
                auto current = codec.snapshot(*spec, id);
                if (!current)
                    return fail(current.error());
                if (*current)
                    payload = **current;
            }
            const QJsonObject change{{QStringLiteral("change_id"), row.changeId},
                                     {QStringLiteral("entity"), entity},
                                     {QStringLiteral("entity_id"), id},
                                     {QStringLiteral("office_code"), office},
                                     {QStringLiteral("op"), op},
                                     {QStringLiteral("payload"), payload},
                                     {QStringLiteral("base"), row.base}};
            bytes += QJsonDocument(change).toJson(QJsonDocument::Compact).size();
            batch.append(change);
            sent.insert(row.changeId.toLower(), change);
            seqs << QString::number(row.seq);
            if (entity == QLatin1String("household"))
                households << id;
        }
        if (rows == 0)
            break;
        if (batch.isEmpty())
            continue;
        auto r = CentralStore(c).push(
            QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact)));
        if (!r)
            return fail(r.error());
        QJsonObject result;
        if (r->next())
            result = parseObject(r->value(0));
        if (o.afterPushCommitted) {
            if (auto ok = o.afterPushCommitted(batchIndex); !ok)
                return ok;
        }
        ++batchIndex;
        report.pushed += result.value(QStringLiteral("applied")).toInt();
        report.duplicates += result.value(QStringLiteral("duplicates")).toInt();
        report.conflicts += result.value(QStringLiteral("conflicts")).toInt();
        const QJsonArray refused = result.value(QStringLiteral("refused")).toArray();
        auto marked = db.transaction([&]() -> Status {
            // A change the server refused is not sent again: it is set aside with the server's
            // reason.
            QuarantineStore quarantine(db);
            for (const QJsonValue &r : refused) {
                const QJsonObject why = r.toObject();
                const QJsonObject change
                    = sent.value(why.value(QStringLiteral("change_id")).toString().toLower());
                QuarantinedChange qc;
                qc.direction = QuarantinedChange::Direction::Push;
                qc.changeId = why.value(QStringLiteral("change_id")).toString();
                qc.entity = why.value(QStringLiteral("entity")).toString();
                qc.entityId = why.value(QStringLiteral("entity_id")).toString();
                qc.officeCode = change.value(QStringLiteral("office_code")).toString();
                qc.reason = why.value(QStringLiteral("reason")).toString();
                qc.data = change.value(QStringLiteral("payload")).toObject();
                qc.at = m_ws.clock().now();
                if (auto ok = quarantine.add(qc); !ok)
                    return ok;
                ++report.quarantined;
                if (qc.entity == QLatin1String("household"))
                    households.removeAll(qc.entityId);
                if (report.quarantined <= 20)
                    report.notices << QStringLiteral("the central store refused %1 %2: %3")
                                          .arg(qc.entity, qc.entityId, qc.reason);
            }
            const QString now = Iso::utc(m_ws.clock().now());
            if (auto ok = outbox.markSent(seqs, now); !ok)
                return ok;
            PublishStore published(db);
            for (const QString &h : households) {
                if (auto ok = published.markPublished(h); !ok)
                    return ok;
            }
            return {};
        });
        if (!marked)
            return marked;
        done += seqs.size();
        if (o.progress && !o.progress(QStringLiteral("push"), done, total))
            return fail(ErrorCode::Cancelled, QStringLiteral("the sync was stopped"));
    }
    return {};
}

Status SyncService::fetchConflicts(CentralConnection &c, SyncReport &)
{
    auto q = CentralStore(c).conflictsAfter(state(kConflictCursor).toLongLong());
    if (!q)
        return fail(q.error());
    Storage::Database &db = m_ws.db();
    return db.transaction([&]() -> Status {
        qint64 last = state(kConflictCursor).toLongLong();
        ConflictRecords records(db);
        while (q->next()) {
            last = q->value(0).toLongLong();
            const CentralConflict conflict{last,
                                           q->value(1).toString(),
                                           q->value(2).toString(),
                                           q->value(3).toString(),
                                           q->value(4).toString(),
                                           q->value(5),
                                           q->value(6),
                                           q->value(7),
                                           q->value(8),
                                           q->value(9).toDateTime()};
            if (auto ok = records.add(conflict); !ok)
                return ok;
        }
        return setState(kConflictCursor, QString::number(last));
    });
}

Status SyncService::pull(CentralConnection &c, const SyncOptions &o, SyncReport &report)
{
    Storage::Database &db = m_ws.db();
    CentralStore central(c);
    auto total = central.changesAfterCount(state(kRevision).toLongLong());
    if (!total)
        return fail(total.error());
    const qint64 expected = *total;
    OutboxStore outbox(db);
    qint64 done = 0;
    for (;;) {
        const qint64 from = state(kRevision).toLongLong();
        // The entity's state as it stands (merged by the server) for every change after from.
        auto q = central.changesAfter(from, o.pullBatch);
        if (!q)
            return fail(q.error());
        QList<PulledChange> items;
        QSet<QString> seen;
        qint64 last = from;
        int rows = 0;
        int received = 0;
        while (q->next()) {
            ++rows;
            last = q->value(0).toLongLong();
            const EntitySpec *spec = entitySpec(q->value(1).toString());
            const QString key = q->value(1).toString() + u'/' + q->value(2).toString();
            // This store's own changes are here already (a field the server kept instead arrives
            // with the change that set it).
            auto mine = outbox.holds(q->value(5).toString());
            if (!mine)
                return fail(mine.error());
            if (*mine)
                continue;
            ++received;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            items.append({spec, q->value(1).toString(), q->value(2).toString(),
                          parseObject(q->value(3)), q->value(4).toLongLong(),
                          q->value(5).toString()});
        }
        if (rows == 0)
            break;
        auto applied = db.transaction([&]() -> Status {
            auto outcome = PullApplier(m_ws).apply(items);
            if (!outcome)
                return fail(outcome.error());
            report.quarantined += outcome->quarantined;
            report.notices += outcome->notices;
            return setState(kRevision, QString::number(last));
        });
        if (!applied)
            return applied;
        report.pulled += received;
        done += rows;
        if (o.progress && !o.progress(QStringLiteral("pull"), done, std::max(done, expected)))
            return fail(ErrorCode::Cancelled, QStringLiteral("the sync was stopped"));
    }
    // What earlier pulls set aside may apply now that more has arrived.
    auto retried = db.transaction([&]() -> Status {
        auto n = PullApplier(m_ws).retryQuarantined();
        if (!n)
            return fail(n.error());
        report.quarantineCleared = *n;
        return {};
    });
    if (!retried)
        return retried;
    if (report.pulled > 0) {
        // Offices that arrived are covered by the session now.
        return m_ws.refreshOffices();
    }
    return {};
}

} // namespace VisitMap::Sync
