// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/clock.h"
#include "util/result.h"
#include "workspace.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <memory>

#include <catch2/catch.hpp>

namespace VisitMap::Test {

// Where the repository's tests/data and data/ folders are.
QString dataPath(const QString &name);     // tests/data/<name>
QString productDataPath(const QString &name); // data/<name>
QString benchDataPath(const QString &name);   // bench/data/<name> (TSPLIB, Solomon)

// A temporary folder for one test.
class TempDir
{
public:
    TempDir();
    QString path(const QString &name) const;

private:
    QTemporaryDir m_dir;
};

// A small synthetic demo store (seodaemun, 300 households, seed 7, 2026-11-23), generated once per
// test run and copied for each test that asks, so tests can change it freely.
QString demoStoreCopy(const TempDir &dir, const QString &name = QStringLiteral("demo.visitmap"));
constexpr int demoHouseholds = 300;
inline QDate demoToday() { return QDate(2026, 11, 23); }

// A real (non-demo) store with an admin and a team lead over 서대문구 and a caseworker of
// 천연동, created once and copied. Passwords are below.
QString realStoreCopy(const TempDir &dir, const QString &name = QStringLiteral("real.visitmap"));
inline QString adminPassword() { return QStringLiteral("Admin-pass-1"); }
inline QString leadPassword() { return QStringLiteral("Lead-pass-12"); }
inline QString caseworkerPassword() { return QStringLiteral("Case-pass-12"); }

std::unique_ptr<Workspace> openStore(const QString &path, const Clock *clock = nullptr);
// Gives a real store (realStoreCopy) caseworker accounts for the workers the demo assigns
// households to, so a file exported from the demo store imports there (an import refuses a
// worker who is not an account of the store). Leaves nobody signed in.
void addDemoWorkerAccounts(Workspace &ws);

// A paper visit log for `visit import` (household,kind,outcome,at,note) of `rows` phone calls
// spread over the given households, each a different call (day, hour and minute apart, so
// none is skipped as a repeat), noted "종이 기록 N".
QByteArray paperVisitLog(const QStringList &households, int rows);

QByteArray readAll(const QString &path);
void writeFile(const QString &path, const QByteArray &bytes);

// A value of a store's single-value query, e.g. "SELECT COUNT(*) FROM households".
qint64 count(Workspace &ws, const QString &sql);

} // namespace VisitMap::Test

#define REQUIRE_OK(expr)                                                                           \
    do {                                                                                           \
        auto &&_r = (expr);                                                                        \
        if (!_r)                                                                                   \
            FAIL(_r.error().toString().toStdString());                                             \
    } while (false)
