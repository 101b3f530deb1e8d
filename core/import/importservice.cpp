// SPDX-License-Identifier: GPL-3.0-or-later
#include "importservice.h"

#include "boundaryimporter.h"
#include "facilityimporter.h"
#include "geo/boundarycatalog.h"
#include "geo/crs.h"
#include "geo/donglocator.h"
#include "householdimporter.h"
#include "importfile.h"
#include "security/accountstore.h"
#include "storage/database.h"
#include "storage/facilitystore.h"
#include "storage/householdstore.h"
#include "storage/journal.h"
#include "storage/officestore.h"
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
    r.addError(e.file, e.line, {}, e.message);
    return r;
}

} // namespace

Result<ImportReport> ImportService::run(ImportKind kind, const QString &path, const ImportOptions &options)
{
    switch (kind) {
    case ImportKind::Households:
        return households(path, options);
    case ImportKind::Boundaries:
        return boundaries(path);
    case ImportKind::Facilities:
        return facilities(path);
    }
    return fail(ErrorCode::Usage, QStringLiteral("unknown import kind"));
}

Result<ImportReport> ImportService::households(const QString &path, const ImportOptions &options)
{
    if (auto ok = m_ws.require(Security::Permission::ImportData); !ok)
        return fail(ok.error());
    if (m_ws.isDemo())
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("this is a synthetic demo store; import real households into a "
                                   "store made by `visitmap-cli init`"));
    std::optional<Geo::CrsTransform> crs;
    if (!Geo::CrsTransform::isWgs84(options.crs)) {
        auto t = Geo::CrsTransform::toWgs84(options.crs);
        if (!t)
            return fail(t.error());
        crs.emplace(std::move(*t));
    }
    auto table = ImportFile::readCsv(path);
    if (!table)
        return reportFor(table.error());
    auto storeOffices = Storage::OfficeStore(m_ws.db()).all();
    if (!storeOffices)
        return fail(storeOffices.error());
    const QList<Office> offices = Geo::BoundaryCatalog::bundled().around(*storeOffices);
    const Geo::DongLocator locator(offices);
    const Security::Session *session = m_ws.session();
    Storage::HouseholdStore store(m_ws.db());

    HouseholdImporter::Context ctx;
    ctx.locator = &locator;
    ctx.crs = crs ? &*crs : nullptr;
    ctx.today = m_ws.clock().today();
    ctx.now = m_ws.clock().now();
    ctx.cycle = m_ws.visitCycle();
    ctx.actor = session->name();
    ctx.covers = [session](const QString &code) { return session->covers(code); };
    ctx.idExists = [&store](const QString &id) {
        auto e = store.exists(id);
        return e && *e;
    };
    // The worker is an account of this store that may hold households of that 행정동, as when
    // a team lead assigns one by hand.
    ctx.workerProblem = [this](const QString &worker, const QString &officeCode) -> QString {
        auto account = m_ws.accounts().find(worker);
        if (!account)
            return QStringLiteral("'%1' is not an account of this store (give the worker's login "
                                  "name, or leave it empty)")
                .arg(worker);
        if (!account->active || account->role == Role::Admin)
            return QStringLiteral("'%1' cannot be assigned households").arg(worker);
        if (!officeCode.isEmpty() && !account->covers(officeCode))
            return QStringLiteral("'%1' does not work in the 행정동 %2").arg(worker, officeCode);
        return {};
    };
    auto parsed = HouseholdImporter::parse(*table, path, ctx);
    if (!parsed.report.ok())
        return parsed.report;

    QSet<QString> have;
    for (const Office &o : *storeOffices)
        have.insert(o.code);
    QList<Office> added;
    for (const QString &code : parsed.officeCodes) {
        if (!have.contains(code)) {
            if (const Office *o = Geo::BoundaryCatalog::bundled().find(code))
                added.append(*o);
        }
    }
    auto ok = m_ws.db().transaction([&]() -> Status {
        if (!added.isEmpty()) {
            if (auto r = Storage::OfficeStore(m_ws.db()).upsert(added, m_ws.journal()); !r)
                return r;
            if (auto r = m_ws.refreshOffices(); !r)
                return r;
        }
        return store.add(parsed.records, m_ws.journal(), m_ws.session()->keyring,
                         QStringLiteral("import %1").arg(QFileInfo(path).fileName()));
    });
    if (!ok) {
        (void)m_ws.refreshOffices();
        if (ok.error().code == ErrorCode::KeyUnavailable)
            return fail(ErrorCode::KeyUnavailable,
                        QStringLiteral("%1; the file holds 주민등록번호 that cannot be encrypted until "
                                       "a key holder of that office signs in or you sync")
                            .arg(ok.error().message));
        return fail(ok.error());
    }
    parsed.report.imported = int(parsed.records.size());
    if (!added.isEmpty())
        parsed.report.notes << QStringLiteral("%1 행정동 boundaries were added from the bundled data")
                                   .arg(added.size());
    return parsed.report;
}

Result<ImportReport> ImportService::boundaries(const QString &path)
{
    if (!m_ws.session() || (!m_ws.session()->can(Security::Permission::ImportData)
                            && !m_ws.session()->can(Security::Permission::ManageSettings)))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("importing boundaries needs a team lead, caseworker or admin "
                                   "account"));
    auto bytes = ImportFile::read(path);
    if (!bytes)
        return reportFor(bytes.error());
    auto parsed = BoundaryImporter::parse(*bytes, path);
    if (!parsed.report.ok())
        return parsed.report;
    auto ok = m_ws.db().transaction([&]() -> Status {
        if (auto r = Storage::OfficeStore(m_ws.db()).upsert(parsed.offices, m_ws.journal()); !r)
            return r;
        return m_ws.refreshOffices();
    });
    if (!ok)
        return fail(ok.error());
    parsed.report.imported = int(parsed.offices.size());
    return parsed.report;
}

Result<ImportReport> ImportService::facilities(const QString &path)
{
    if (!m_ws.session() || (!m_ws.session()->can(Security::Permission::ImportData)
                            && !m_ws.session()->can(Security::Permission::ManageSettings)))
        return fail(ErrorCode::PermissionDenied,
                    QStringLiteral("importing facilities needs a team lead, caseworker or admin "
                                   "account"));
    auto table = ImportFile::readCsv(path);
    if (!table)
        return reportFor(table.error());
    auto storeOffices = Storage::OfficeStore(m_ws.db()).all();
    if (!storeOffices)
        return fail(storeOffices.error());
    const Geo::DongLocator locator(*storeOffices);
    auto parsed = FacilityImporter::parse(*table, path, locator);
    if (!parsed.report.ok())
        return parsed.report;
    Storage::FacilityStore store(m_ws.db());
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
    auto added = store.add(fresh, m_ws.journal());
    if (!added)
        return fail(added.error());
    parsed.report.imported = *added;
    if (parsed.report.skipped > 0)
        parsed.report.notes << QStringLiteral("%1 facilities were already in the store and were "
                                              "left as they are")
                                   .arg(parsed.report.skipped);
    return parsed.report;
}

Result<ImportReport> ImportService::visits(const QString &path)
{
    if (auto ok = m_ws.require(Security::Permission::EditHouseholds); !ok)
        return fail(ok.error());
    auto table = ImportFile::readCsv(path);
    if (!table)
        return reportFor(table.error());
    Storage::HouseholdStore households(m_ws.db());
    const Security::Session *session = m_ws.session();
    auto parsed
        = VisitImporter::parse(*table, path, m_ws.clock().now(), [&](const QString &id) -> QString {
              if (id.isEmpty())
                  return QStringLiteral("no household id");
              auto h = households.get(id);
              if (!h)
                  return QStringLiteral("no household with id %1").arg(id);
              if (!session->covers(h->officeCode))
                  return QStringLiteral("the household is outside your offices");
              return {};
          });
    if (!parsed.report.ok())
        return parsed.report;
    Storage::VisitStore store(m_ws.db());
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
        if (auto ok = CaseWork(m_ws).logVisits(fresh); !ok)
            return fail(ok.error());
    }
    parsed.report.imported = int(fresh.size());
    return parsed.report;
}

} // namespace VisitMap::Import
