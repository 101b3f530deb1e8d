// SPDX-License-Identifier: GPL-3.0-or-later
#include "storesetup.h"

#include "access/accountadmin.h"
#include "geo/boundarycatalog.h"
#include "security/passwordpolicy.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/officestore.h"
#include "storage/storelock.h"
#include "storage/stores.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace VisitMap {

namespace {

std::unexpected<Error> refuse(StoreSetup::Problem problem, const QString &message)
{
    return std::unexpected(Error{ErrorCode::Validation, message, {}, 0, int(problem)});
}

bool proceed(const StoreSetup::Progress &progress, StoreSetup::Step step)
{
    return !progress || progress(step);
}

std::unexpected<Error> cancelled()
{
    return fail(ErrorCode::Cancelled, QStringLiteral("the new store was cancelled"));
}

} // namespace

Status StoreSetup::validate(const Plan &plan)
{
    const QList<Office> district = Geo::BoundaryCatalog::bundled().district(plan.sggCode);
    if (district.isEmpty())
        return refuse(
            Problem::UnknownDistrict,
            QStringLiteral("no bundled 행정동 boundaries for 시군구 %1").arg(plan.sggCode));
    if (plan.dongCodes.isEmpty())
        return refuse(Problem::NoDong,
                      QStringLiteral("choose at least one 행정동 the office serves"));
    QSet<QString> known;
    for (const Office &o : district)
        known.insert(o.code);
    for (const QString &code : plan.dongCodes) {
        if (!known.contains(code))
            return refuse(Problem::DongOutsideDistrict,
                          QStringLiteral("행정동 %1 is not of 시군구 %2").arg(code, plan.sggCode));
    }
    if (!Security::isValidAccountName(plan.admin.name))
        return refuse(Problem::BadAdminName,
                      QStringLiteral("'%1' is not a valid account name").arg(plan.admin.name));
    if (!Security::isValidAccountName(plan.lead.name))
        return refuse(Problem::BadLeadName,
                      QStringLiteral("'%1' is not a valid account name").arg(plan.lead.name));
    if (plan.admin.name.compare(plan.lead.name, Qt::CaseInsensitive) == 0)
        return refuse(
            Problem::SameAccountName,
            QStringLiteral("the team lead needs an account of their own, not the admin's"));
    if (auto p = Security::PasswordPolicy::check(plan.admin.password, plan.admin.name);
        p != Security::PasswordProblem::None)
        return refuse(Problem::BadAdminPassword,
                      QStringLiteral("admin: ") + Security::PasswordPolicy::englishText(p));
    if (auto p = Security::PasswordPolicy::check(plan.lead.password, plan.lead.name);
        p != Security::PasswordProblem::None)
        return refuse(Problem::BadLeadPassword,
                      QStringLiteral("team lead: ") + Security::PasswordPolicy::englishText(p));
    return {};
}

QStringList StoreSetup::leadGrants(const Plan &plan)
{
    const QList<Office> district = Geo::BoundaryCatalog::bundled().district(plan.sggCode);
    const QSet<QString> chosen(plan.dongCodes.cbegin(), plan.dongCodes.cend());
    bool all = !district.isEmpty();
    for (const Office &o : district)
        all = all && chosen.contains(o.code);
    if (all)
        return {plan.sggCode};
    QStringList grants = plan.dongCodes;
    grants.sort();
    grants.removeDuplicates();
    return grants;
}

QStringList StoreSetup::storeFiles(const QString &path)
{
    return {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm"),
            path + QStringLiteral("-journal"), Storage::StoreLock::lockPath(path)};
}

Result<std::unique_ptr<Workspace>>
StoreSetup::create(const QString &path, const Plan &plan, const Progress &progress)
{
    if (!proceed(progress, Step::Checking))
        return cancelled();
    if (auto ok = validate(plan); !ok)
        return fail(ok.error());
    for (const QString &f : storeFiles(path)) {
        if (QFileInfo::exists(f)) {
            Error e{ErrorCode::AlreadyExists,
                    QStringLiteral("%1 already exists; a new store never overwrites a file").arg(f),
                    path, 0, int(Problem::FileExists)};
            return fail(e);
        }
    }
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return failAt(ErrorCode::Io, folder, 0, QStringLiteral("cannot create the folder"));
    if (!proceed(progress, Step::CreatingFile))
        return cancelled();
    Result<std::unique_ptr<Workspace>> ws
        = Workspace::open(path, Workspace::OpenMode::CreateOrMigrate);
    Status done = ws ? setUp(**ws, plan, progress) : Status(fail(ws.error()));
    if (done)
        return ws;
    // Half-made: nothing of it stays. The workspace closes (and drops its lock) first.
    if (ws)
        ws->reset();
    for (const QString &f : storeFiles(path))
        QFile::remove(f);
    return fail(done.error());
}

Status StoreSetup::setUp(Workspace &ws, const Plan &plan, const Progress &progress)
{
    if (auto ok = validate(plan); !ok)
        return ok;
    Security::AccountAdmin admin(ws);
    auto has = admin.storeHasAccounts();
    if (!has)
        return fail(has.error());
    if (*has)
        return refuse(Problem::StoreHasAccounts,
                      QStringLiteral("the store has accounts already: sign in instead"));
    auto ok = ws.db().transaction([&]() -> Status {
        if (!proceed(progress, Step::Admin))
            return cancelled();
        Security::NewAccount first = plan.admin;
        first.role = Role::Admin;
        first.grants.clear();
        if (auto made = admin.createFirstAdmin(first); !made)
            return fail(made.error());
        if (auto in = ws.signIn(first.name, first.password); !in)
            return fail(in.error());
        if (!proceed(progress, Step::Boundaries))
            return cancelled();
        // The whole 시군구 is drawn (a place just across the served 행정동 is still named).
        const QList<Office> district = Geo::BoundaryCatalog::bundled().district(plan.sggCode);
        if (auto r = ws.stores().offices().upsert(district, ws.journal()); !r)
            return r;
        if (auto r = ws.setSetting(officeDistrictKey(), plan.sggCode); !r)
            return r;
        QStringList dongs = plan.dongCodes;
        dongs.sort();
        dongs.removeDuplicates();
        if (auto r = ws.setSetting(officeDongsKey(), dongs.join(u',')); !r)
            return r;
        if (!proceed(progress, Step::Lead))
            return cancelled();
        Security::NewAccount lead = plan.lead;
        lead.role = Role::TeamLead;
        lead.grants = leadGrants(plan);
        if (auto made = admin.create(lead); !made)
            return fail(made.error());
        return {};
    });
    ws.signOut();
    if (!ok)
        return ok;
    (void)proceed(progress, Step::Done);
    return {};
}

} // namespace VisitMap
