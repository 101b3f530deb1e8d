// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/account.h"
#include "util/result.h"

#include <QStringList>
#include <functional>
#include <memory>

namespace VisitMap {

class Workspace;

// A new office's store: the file, the 시군구's bundled 행정동 boundaries, the office it serves
// (kept in the store's settings), its first admin and its team lead. Everything is checked before
// the file is written; a store that fails half-way is removed with its sidecars.
class StoreSetup
{
public:
    // Why a plan is refused (Error::reason of an ErrorCode::Validation), for the UI's words.
    enum class Problem {
        None = 0,
        UnknownDistrict,     // the 시군구 is not in the bundled boundaries
        NoDong,              // no 행정동 chosen
        DongOutsideDistrict, // a chosen 행정동 is not of the 시군구
        BadAdminName,        // not a valid account name
        BadLeadName,
        SameAccountName,  // the lead's name is the admin's
        BadAdminPassword, // refused by the password rule (PasswordPolicy)
        BadLeadPassword,
        FileExists,       // the store file (or one of its sidecars) is already there
        StoreHasAccounts, // setUp() of a store someone already set up
    };

    struct Plan
    {
        QString sggCode;       // the 5-digit 시군구
        QStringList dongCodes; // the 행정동 the office serves, of that 시군구
        Security::NewAccount admin;
        Security::NewAccount lead;
    };

    enum class Step { Checking, CreatingFile, Admin, Boundaries, Lead, Done };
    static constexpr int stepCount = 6;
    // Called before each step; false cancels (the store made so far is removed).
    using Progress = std::function<bool(Step)>;

    // Every check that needs no file: the district and its 행정동, the account names, passwords.
    static Status validate(const Plan &plan);
    // The lead's grants: the whole 시군구 when every bundled 행정동 of it is served, else the
    // chosen 행정동 one by one.
    static QStringList leadGrants(const Plan &plan);

    // Creates the store at path (its folder made if missing; an existing file is refused and
    // left untouched) and sets it up. Returns it open with nobody signed in.
    static Result<std::unique_ptr<Workspace>>
    create(const QString &path, const Plan &plan, const Progress &progress = {});
    // Sets up an open store that has no account yet (made by `visitmap-cli init`), in one
    // transaction: on failure the store is as it was. Leaves nobody signed in.
    static Status setUp(Workspace &ws, const Plan &plan, const Progress &progress = {});

    // The files a store at path consists of (the store, -wal, -shm, -journal and its lock).
    static QStringList storeFiles(const QString &path);

    // The settings keys the office is kept under.
    static QString officeDistrictKey() { return QStringLiteral("office_sgg_code"); }
    static QString officeDongsKey() { return QStringLiteral("office_dong_codes"); }
};

} // namespace VisitMap
