// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exportservice.h"
#include "import/importservice.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "support/storefiles.h"
#include "support/testsupport.h"
#include "workflow/casework.h"

#include <QList>

using namespace VisitMap;
using Storage::ChangeSet;
using Storage::HouseholdAspect;

namespace {

// Every announcement of a workspace's notifier, and whether it came while the store still held
// a transaction open (it never should).
struct Heard
{
    QList<ChangeSet> sets;
    bool duringTransaction = false;
    QMetaObject::Connection connection;

    explicit Heard(Workspace &ws)
    {
        Storage::Database *db = &ws.db();
        connection = QObject::connect(
            &ws.notifier(), &Storage::ChangeNotifier::changed, [this, db](const ChangeSet &s) {
                duringTransaction = duringTransaction || db->inTransaction();
                sets.append(s);
            });
    }
    ~Heard() { QObject::disconnect(connection); }
};

struct Signed
{
    Test::TempDir dir;
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC)};
    std::unique_ptr<Workspace> ws;
    QString household;
    QString other;

    Signed()
    {
        ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
        REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-caseworker")));
        const QStringList two = *ws->db().strings(QStringLiteral(
            "SELECT id FROM households WHERE risk_override IS NULL ORDER BY rowid LIMIT 2"));
        REQUIRE(two.size() == 2);
        household = two.at(0);
        other = two.at(1);
    }
    Visit visit() const
    {
        Visit v;
        v.householdId = household;
        v.kind = VisitKind::Visit;
        v.outcome = VisitOutcome::Met;
        v.at = clock.now().addSecs(-1800);
        return v;
    }
};

} // namespace

TEST_CASE("A logged visit announces its household and visit once, after the commit",
          "[core][storage]")
{
    Signed s;
    Heard heard(*s.ws);
    auto logged = CaseWork(*s.ws).logVisit(s.visit());
    REQUIRE_OK(logged);
    REQUIRE(heard.sets.size() == 1);
    CHECK_FALSE(heard.duringTransaction);
    const ChangeSet &c = heard.sets.first();
    CHECK(c.visitsLogged == QSet<QString>{logged->id});
    CHECK(c.householdsChanged.keys() == QList<QString>{s.household});
    CHECK(c.householdsChanged.value(s.household).testFlag(HouseholdAspect::VisitDue));
    CHECK(c.householdsAdded.isEmpty());
    CHECK(c.householdsRemoved.isEmpty());
    CHECK(c.changesOnlyInPlace());
}

TEST_CASE("A risk override announces exactly that household, as a risk change", "[core][storage]")
{
    Signed s;
    Heard heard(*s.ws);
    REQUIRE_OK(
        CaseWork(*s.ws).setRiskOverride(s.other, RiskTier::High, QStringLiteral("보호자 입원")));
    REQUIRE(heard.sets.size() == 1);
    CHECK_FALSE(heard.duringTransaction);
    const ChangeSet &c = heard.sets.first();
    CHECK(c.householdsChanged.keys() == QList<QString>{s.other});
    CHECK(c.householdsChanged.value(s.other).testFlag(HouseholdAspect::Risk));
    CHECK(c.visitsLogged.isEmpty());
}

TEST_CASE("A rolled-back transaction announces nothing, a rolled-back savepoint only its own part",
          "[core][storage]")
{
    Signed s;
    Heard heard(*s.ws);
    CaseWork work(*s.ws);
    const Status failed = s.ws->db().transaction([&]() -> Status {
        if (auto v = work.logVisit(s.visit()); !v)
            return fail(v.error());
        REQUIRE(heard.sets.isEmpty()); // nothing before the outermost commit
        return fail(ErrorCode::Validation, QStringLiteral("given up"));
    });
    REQUIRE_FALSE(failed);
    CHECK(heard.sets.isEmpty());
    CHECK(Test::count(*s.ws, QStringLiteral("SELECT COUNT(*) FROM visits WHERE household_id = '%1' "
                                            "AND at = '%2'")
                                 .arg(s.household, Iso::utc(s.visit().at)))
          == 0);

    // The inner savepoint rolls back (the override), the outer transaction commits (the visit).
    const Status kept = s.ws->db().transaction([&]() -> Status {
        if (auto v = work.logVisit(s.visit()); !v)
            return fail(v.error());
        (void)s.ws->db().transaction([&]() -> Status {
            if (auto ok
                = work.setRiskOverride(s.other, RiskTier::High, QStringLiteral("보호자 입원"));
                !ok)
                return ok;
            return fail(ErrorCode::Validation, QStringLiteral("given up"));
        });
        return {};
    });
    REQUIRE_OK(kept);
    REQUIRE(heard.sets.size() == 1);
    CHECK(heard.sets.first().householdsChanged.keys() == QList<QString>{s.household});
    CHECK(heard.sets.first().visitsLogged.size() == 1);
}

TEST_CASE("An import announces exactly the households it added", "[core][storage][import]")
{
    Test::TempDir dir;
    auto demo = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(demo->signInDemo(QStringLiteral("demo-lead")));
    const QString out = dir.path(QStringLiteral("all.csv"));
    REQUIRE(Export::ExportService(*demo).run(
        {Export::ExportKind::Households, out, QStringLiteral("이관"), true}));

    auto real = Test::openStore(Test::realStoreCopy(dir));
    Test::addDemoWorkerAccounts(*real);
    REQUIRE_OK(real->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    Heard heard(*real);
    auto report = Import::ImportService(*real).households(out);
    REQUIRE(report);
    REQUIRE(report->ok());
    CHECK_FALSE(heard.duringTransaction);
    ChangeSet all;
    for (const ChangeSet &c : heard.sets)
        all.merge(c);
    const QStringList ids = *real->db().strings(QStringLiteral("SELECT id FROM households"));
    CHECK(all.householdsAdded.size() == Test::demoHouseholds);
    CHECK(all.householdsAdded == QSet<QString>(ids.begin(), ids.end()));
    CHECK(all.householdsChanged.isEmpty());
    CHECK(all.householdsRemoved.isEmpty());
}
