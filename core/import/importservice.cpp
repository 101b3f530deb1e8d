// SPDX-License-Identifier: GPL-3.0-or-later
#include "importservice.h"
#include "security/auditdetail.h"

#include "boundaryimporter.h"
#include "facilityimporter.h"
#include "geo/boundarycatalog.h"
#include "geo/crs.h"
#include "geo/donglocator.h"
#include "householdimporter.h"
#include "importfile.h"
#include "intake/intakeimport.h"
#include "storage/accountstore.h"
#include "storage/database.h"
#include "storage/facilitystore.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/stores.h"
#include "storage/visitstore.h"
#include "util/clock.h"
#include "visitimporter.h"
#include "workflow/casework.h"
#include "workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace VisitMap::Import {

namespace {

ImportReport reportFor(const Error &e)
{
    ImportReport r;
    r.addError(e.file, e.line, {}, RowProblem::FileUnreadable, {}, e.message);
    return r;
}

} // namespace

ImportRefusal ImportService::refusal(ImportKind kind) const
{
    const Security::Session *session = m_ws.session();
    if (!session)
        return ImportRefusal::NotSignedIn;
    switch (kind) {
    case ImportKind::Households:
        if (!session->can(Security::Permission::ImportData))
            return ImportRefusal::NoRight;
        return m_ws.isDemo() ? ImportRefusal::DemoStore : ImportRefusal::None;
    case ImportKind::Boundaries:
    case ImportKind::Facilities:
        return session->can(Security::Permission::ImportData)
                       || session->can(Security::Permission::ManageSettings)
                   ? ImportRefusal::None
                   : ImportRefusal::NoRight;
    case ImportKind::Visits:
        return session->can(Security::Permission::EditHouseholds) ? ImportRefusal::None
                                                                  : ImportRefusal::NoRight;
    case ImportKind::Reports:
    case ImportKind::Signals:
        return session->can(Security::Permission::ImportData) ? ImportRefusal::None
                                                              : ImportRefusal::NoRight;
    }
    return ImportRefusal::NoRight;
}

Status ImportService::refuse(ImportKind kind) const
{
    switch (refusal(kind)) {
    case ImportRefusal::None:
        return {};
    case ImportRefusal::NotSignedIn:
        return fail(ErrorCode::PermissionDenied, QStringLiteral("sign in to import"));
    case ImportRefusal::DemoStore:
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("this is a synthetic demo store; import real households into a "
                                   "store made by `visitmap-cli init`"));
    case ImportRefusal::NoRight:
        break;
    }
    switch (kind) {
    case ImportKind::Households:
    case ImportKind::Reports:
    case ImportKind::Signals:
        return m_ws.require(Security::Permission::ImportData);
    case ImportKind::Visits:
        return m_ws.require(Security::Permission::EditHouseholds);
    case ImportKind::Boundaries:
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("importing boundaries needs a team lead, caseworker or admin "
                                   "account"));
    case ImportKind::Facilities:
        break;
    }
    return fail(ErrorCode::PermissionDenied,
                QStringLiteral("importing facilities needs a team lead, caseworker or admin "
                               "account"));
}

Result<ImportReport> ImportService::run(ImportKind kind, const QString &path, const ImportOptions &options)
{
    switch (kind) {
    case ImportKind::Households:
        return households(path, options);
    case ImportKind::Boundaries:
        return boundaries(path);
    case ImportKind::Facilities:
        return facilities(path);
    case ImportKind::Visits:
        return visits(path);
    case ImportKind::Reports:
        return reports(path);
    case ImportKind::Signals:
        return signalRounds(path);
    }
    return fail(ErrorCode::Usage, QStringLiteral("unknown import kind"));
}

QList<Office> ImportService::districtFill(const QStringList &codes, const QSet<QString> &have) const
{
    QList<Office> out;
    QSet<QString> districts, taken = have;
    for (const QString &code : codes) {
        const QString sgg = code.left(5);
        if (code.size() != 10 || districts.contains(sgg))
            continue;
        districts.insert(sgg);
        for (const Office &o : Geo::BoundaryCatalog::bundled().district(sgg)) {
            if (!taken.contains(o.code)) {
                taken.insert(o.code);
                out.append(o);
            }
        }
    }
    return out;
}

Result<ImportReport> ImportService::households(const QString &path, const ImportOptions &options)
{
    if (auto ok = refuse(ImportKind::Households); !ok)
        return fail(ok.error());
    std::optional<Geo::CrsTransform> crs;
    if (!Geo::CrsTransform::isWgs84(options.crs)) {
        auto t = Geo::CrsTransform::toWgs84(options.crs);
        if (!t)
            return fail(t.error());
        crs.emplace(std::move(*t));
    }
    m_control.report(ImportStage::Reading, 0, 0);
    auto table = ImportFile::readCsv(path);
    if (!table)
        return reportFor(table.error());
    if (m_control.cancelled())
        return fail(ImportControl::cancelledError());
    auto storeOffices = m_ws.stores().offices().all();
    if (!storeOffices)
        return fail(storeOffices.error());
    const QList<Office> offices = Geo::BoundaryCatalog::bundled().around(*storeOffices);
    const Geo::DongLocator locator(offices);
    const Security::Session *session = m_ws.session();
    Storage::HouseholdStore &store = m_ws.stores().households();

    HouseholdImporter::Context ctx;
    ctx.locator = &locator;
    ctx.crs = crs ? &*crs : nullptr;
    ctx.today = m_ws.clock().today();
    ctx.now = m_ws.clock().now();
    ctx.cycle = m_ws.visitCycle();
    ctx.actor = session->name();
    ctx.control = &m_control;
    ctx.covers = [session](const QString &code) { return session->covers(code); };
    ctx.idExists = [&store](const QString &id) {
        auto e = store.exists(id);
        return e && *e;
    };
    // The worker is an account of this store that may hold households of that 행정동, as when
    // a team lead assigns one by hand.
    ctx.workerProblem = [this](const QString &worker, const QString &officeCode) -> RowReason {
        auto account = m_ws.accounts().find(worker);
        if (!account)
            return {RowProblem::WorkerUnknown,
                    {worker},
                    QStringLiteral("'%1' is not an account of this store (give the worker's login "
                                   "name, or leave it empty)")
                        .arg(worker)};
        if (!account->active || account->role == Role::Admin)
            return {RowProblem::WorkerCannotHold,
                    {worker},
                    QStringLiteral("'%1' cannot be assigned households").arg(worker)};
        if (!officeCode.isEmpty() && !account->covers(officeCode))
            return {RowProblem::WorkerNotInOffice,
                    {worker, officeCode},
                    QStringLiteral("'%1' does not work in the 행정동 %2").arg(worker, officeCode)};
        return {};
    };
    auto parsed = HouseholdImporter::parse(*table, path, ctx);
    if (parsed.cancelled)
        return fail(ImportControl::cancelledError());
    if (!parsed.report.ok())
        return parsed.report;

    QSet<QString> have;
    for (const Office &o : *storeOffices)
        have.insert(o.code);
    QList<Office> added;
    for (const QString &code : parsed.officeCodes) {
        if (!have.contains(code)) {
            if (const Office *o = Geo::BoundaryCatalog::bundled().find(code)) {
                added.append(*o);
                have.insert(code);
            }
        }
    }
    const int named = int(added.size());
    added += districtFill(parsed.officeCodes, have);
    const qint64 total = parsed.records.size();
    auto ok = m_ws.db().transaction([&]() -> Status {
        if (!added.isEmpty()) {
            if (auto r = m_ws.stores().offices().upsert(added, m_ws.journal()); !r)
                return r;
            if (auto r = m_ws.refreshOffices(); !r)
                return r;
        }
        const QString detail = Security::AuditDetail(Security::AuditDetailCode::HouseholdImport)
                                   .with(u"file", QFileInfo(path).fileName())
                                   .encode();
        for (qint64 from = 0; from < total; from += writeBatch) {
            if (m_control.cancelled())
                return fail(ImportControl::cancelledError());
            m_control.report(ImportStage::Writing, from, total);
            QList<Storage::HouseholdRecord> batch = parsed.records.mid(from, writeBatch);
            if (auto r = store.add(batch, m_ws.journal(), m_ws.session()->keyring, detail); !r)
                return r;
        }
        if (m_control.cancelled())
            return fail(ImportControl::cancelledError());
        m_control.report(ImportStage::Writing, total, total);
        return {};
    });
    if (!ok) {
        // Keys made for the 행정동 the rollback took away are gone from the store: the session
        // opens its keys anew so it does not hold (and later hand out) keys of no office.
        (void)m_ws.reloadKeys();
        if (ok.error().code == ErrorCode::KeyUnavailable)
            return fail(ErrorCode::KeyUnavailable,
                        QStringLiteral("%1; the file holds 주민등록번호 that cannot be encrypted until "
                                       "a key holder of that office signs in or you sync")
                            .arg(ok.error().message));
        return fail(ok.error());
    }
    parsed.report.imported = int(parsed.records.size());
    if (named > 0)
        parsed.report.notes
            << QStringLiteral("%1 행정동 boundaries were added from the bundled data").arg(named);
    if (added.size() > named)
        parsed.report.notes
            << QStringLiteral("%1 more 행정동 of the same 시군구 were added from the bundled data, "
                              "so the map shows the whole district")
                   .arg(added.size() - named);
    return parsed.report;
}

Result<ImportReport> ImportService::boundaries(const QString &path)
{
    if (auto ok = refuse(ImportKind::Boundaries); !ok)
        return fail(ok.error());
    m_control.report(ImportStage::Reading, 0, 0);
    auto bytes = ImportFile::read(path);
    if (!bytes)
        return reportFor(bytes.error());
    m_control.report(ImportStage::Checking, 0, 0);
    auto parsed = BoundaryImporter::parse(*bytes, path);
    if (m_control.cancelled())
        return fail(ImportControl::cancelledError());
    if (!parsed.report.ok())
        return parsed.report;
    auto storeOffices = m_ws.stores().offices().all();
    if (!storeOffices)
        return fail(storeOffices.error());
    QSet<QString> have;
    QStringList codes;
    for (const Office &o : *storeOffices)
        have.insert(o.code);
    for (const Office &o : parsed.offices) {
        have.insert(o.code);
        codes << o.code;
    }
    const QList<Office> fill = districtFill(codes, have);
    auto ok = m_ws.db().transaction([&]() -> Status {
        m_control.report(ImportStage::Writing, 0, 1);
        if (auto r = m_ws.stores().offices().upsert(parsed.offices + fill, m_ws.journal()); !r)
            return r;
        if (m_control.cancelled())
            return fail(ImportControl::cancelledError());
        m_control.report(ImportStage::Writing, 1, 1);
        return m_ws.refreshOffices();
    });
    if (!ok) {
        // Keys made for the 행정동 the rollback took away are gone from the store: the session
        // opens its keys anew so it does not hold (and later hand out) keys of no office.
        (void)m_ws.reloadKeys();
        return fail(ok.error());
    }
    parsed.report.imported = int(parsed.offices.size());
    if (!fill.isEmpty())
        parsed.report.notes
            << QStringLiteral("%1 more 행정동 of the same 시군구 were added from the bundled data, "
                              "so the map shows the whole district")
                   .arg(fill.size());
    return parsed.report;
}

Result<ImportReport> ImportService::facilities(const QString &path)
{
    if (auto ok = refuse(ImportKind::Facilities); !ok)
        return fail(ok.error());
    m_control.report(ImportStage::Reading, 0, 0);
    auto table = ImportFile::readCsv(path);
    if (!table)
        return reportFor(table.error());
    auto storeOffices = m_ws.stores().offices().all();
    if (!storeOffices)
        return fail(storeOffices.error());
    const Geo::DongLocator locator(*storeOffices);
    auto parsed = FacilityImporter::parse(*table, path, locator, &m_control);
    if (parsed.cancelled)
        return fail(ImportControl::cancelledError());
    if (!parsed.report.ok())
        return parsed.report;
    Storage::FacilityStore &store = m_ws.stores().facilities();
    auto existing = store.existingCodes(QFileInfo(path).fileName());
    if (!existing)
        return fail(existing.error());
    const QSet<QString> have(existing->begin(), existing->end());
    QList<Facility> fresh;
    for (const Facility &f : parsed.facilities) {
        if (!f.code.isEmpty() && have.contains(f.code))
            ++parsed.report.skipped;
        else
            fresh.append(f);
    }
    int added = 0;
    auto ok = m_ws.db().transaction([&]() -> Status {
        m_control.report(ImportStage::Writing, 0, 1);
        auto n = store.add(fresh, m_ws.journal());
        if (!n)
            return fail(n.error());
        added = *n;
        if (m_control.cancelled())
            return fail(ImportControl::cancelledError());
        m_control.report(ImportStage::Writing, 1, 1);
        return {};
    });
    if (!ok)
        return fail(ok.error());
    parsed.report.imported = added;
    if (parsed.report.skipped > 0)
        parsed.report.notes << QStringLiteral("%1 facilities were already in the store and were "
                                              "left as they are")
                                   .arg(parsed.report.skipped);
    return parsed.report;
}

Result<ImportReport> ImportService::visits(const QString &path)
{
    if (auto ok = refuse(ImportKind::Visits); !ok)
        return fail(ok.error());
    m_control.report(ImportStage::Reading, 0, 0);
    auto table = ImportFile::readCsv(path);
    if (!table)
        return reportFor(table.error());
    Storage::HouseholdStore &households = m_ws.stores().households();
    const Security::Session *session = m_ws.session();
    auto parsed = VisitImporter::parse(
        *table, path, m_ws.clock().now(),
        [&](const QString &id) -> RowReason {
            if (id.isEmpty())
                return {RowProblem::NoHousehold, {}, QStringLiteral("no household id")};
            auto h = households.get(id);
            if (!h)
                return {RowProblem::UnknownHousehold,
                        {id},
                        QStringLiteral("no household with id %1").arg(id)};
            if (!session->covers(h->officeCode))
                return {RowProblem::HouseholdNotYours,
                        {},
                        QStringLiteral("the household is outside your offices")};
            return {};
        },
        &m_control);
    if (parsed.cancelled)
        return fail(ImportControl::cancelledError());
    if (!parsed.report.ok())
        return parsed.report;
    Storage::VisitStore &store = m_ws.stores().visits();
    QHash<QString, int> inFile; // household|at|kind|outcome -> its first line
    QList<Visit> fresh;
    for (qsizetype i = 0; i < parsed.visits.size(); ++i) {
        const Visit &v = parsed.visits[i];
        const int line = parsed.lines.value(i);
        const QString key = v.householdId + u'|' + Iso::utc(v.at) + u'|' + toCode(v.kind) + u'|'
                            + toCode(v.outcome);
        if (const int first = inFile.value(key); first > 0) {
            ++parsed.report.skipped;
            parsed.report.notes << QStringLiteral("%1:%2: the same visit as line %3; skipped")
                                       .arg(path)
                                       .arg(line)
                                       .arg(first);
            continue;
        }
        inFile.insert(key, line);
        auto logged = store.isLogged(v);
        if (!logged)
            return fail(logged.error());
        if (*logged) {
            ++parsed.report.skipped;
            parsed.report.notes
                << QStringLiteral(
                       "%1:%2: this visit (household, time, kind and outcome) is already "
                       "in the store; skipped")
                       .arg(path)
                       .arg(line);
            continue;
        }
        fresh << v;
    }
    if (!fresh.isEmpty()) {
        auto ok = m_ws.db().transaction([&]() -> Status {
            m_control.report(ImportStage::Writing, 0, 1);
            if (auto r = CaseWork(m_ws).logVisits(fresh); !r)
                return r;
            if (m_control.cancelled())
                return fail(ImportControl::cancelledError());
            m_control.report(ImportStage::Writing, 1, 1);
            return {};
        });
        if (!ok)
            return fail(ok.error());
    }
    parsed.report.imported = int(fresh.size());
    return parsed.report;
}

Result<ImportReport> ImportService::reports(const QString &path)
{
    return intake(ImportKind::Reports, path);
}

Result<ImportReport> ImportService::signalRounds(const QString &path)
{
    return intake(ImportKind::Signals, path);
}

Result<ImportReport> ImportService::intake(ImportKind kind, const QString &path)
{
    if (auto ok = refuse(kind); !ok)
        return fail(ok.error());
    m_control.report(ImportStage::Reading, 0, 0);
    Result<ImportReport> out;
    auto ok = m_ws.db().transaction([&]() -> Status {
        Intake::IntakeImport intake(m_ws, &m_control);
        out = kind == ImportKind::Reports ? intake.reports(path) : intake.rounds(path);
        if (!out && out.error().code == ErrorCode::Cancelled)
            return fail(out.error());
        if (m_control.cancelled())
            return fail(ImportControl::cancelledError());
        return {};
    });
    if (!ok)
        return fail(ok.error());
    return out;
}

} // namespace VisitMap::Import
