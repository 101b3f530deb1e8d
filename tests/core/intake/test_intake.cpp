// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exportservice.h"
#include "geo/boundarycatalog.h"
#include "geo/donglocator.h"
#include "intake/matcher.h"
#include "intake/reportintake.h"
#include "intake/reportparser.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/reportstore.h"
#include "support/testsupport.h"
#include "workflow/casework.h"
#include "workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <catch2/catch.hpp>
#include <cmath>

using namespace VisitMap;

namespace {

// A plain ray-casting even-odd test, independent of the locator's.
bool inRing(const Ring &ring, QPointF p)
{
    bool in = false;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const QPointF a = ring[i], b = ring[j];
        if ((a.y() > p.y()) != (b.y() > p.y())
            && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
            in = !in;
    }
    return in;
}

bool inPolygon(const PolygonRings &poly, QPointF p)
{
    bool in = false;
    for (const Ring &r : poly.rings)
        in ^= inRing(r, p);
    return in;
}

QJsonObject baseReport(const QString &id)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("received_at"), QStringLiteral("2026-11-20T09:15:00+09:00")},
                       {QStringLiteral("channel"), QStringLiteral("app")},
                       {QStringLiteral("reporter_type"), QStringLiteral("neighbour")},
                       {QStringLiteral("anonymous"), false},
                       {QStringLiteral("categories"), QJsonArray{QStringLiteral("isolation")}},
                       {QStringLiteral("address_text"), QStringLiteral("서울특별시 서대문구 충정로 5")},
                       {QStringLiteral("location"), QJsonObject{{QStringLiteral("lon"), 126.9578}, {QStringLiteral("lat"), 37.5698}}}};
}

QByteArray arrayOf(const QList<QJsonObject> &reports)
{
    QJsonArray a;
    for (const QJsonObject &o : reports)
        a.append(o);
    return QJsonDocument(a).toJson(QJsonDocument::Indented);
}

struct KnownHousehold
{
    QString id;
    double lon, lat;
    QString type, sex;
    QDate birth;
};

QList<KnownHousehold> demoHouseholds(Workspace &ws)
{
    QList<KnownHousehold> out;
    auto q = ws.db().execute(QStringLiteral("SELECT h.id, h.lon, h.lat, h.household_type, p.sex, p.birth_date FROM households h "
                                            "JOIN persons p ON p.household_id = h.id AND p.is_head = 1 ORDER BY h.id"));
    REQUIRE(q);
    while (q->next())
        out << KnownHousehold{q->value(0).toString(), q->value(1).toDouble(), q->value(2).toDouble(), q->value(3).toString(),
                         q->value(4).toString(), QDate::fromString(q->value(5).toString(), Qt::ISODate)};
    return out;
}

} // namespace

TEST_CASE("Broken report files are refused with file, line and field, and change nothing", "[intake][import]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::ReportIntake reportIntake(*ws);
    const auto attempt = [&](const QByteArray &json) {
        auto r = reportIntake.importReports(json, QStringLiteral("reports.json"), {});
        REQUIRE(r);
        CHECK_FALSE(r->ok());
        CHECK(r->imported == 0);
        CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM crisis_reports")) == 0);
        return r->errors;
    };

    SECTION("not JSON: the line of the syntax error")
    {
        const auto e = attempt("[\n  {\"id\": \"A\",\n   \"channel\": app}\n]");
        REQUIRE(e.size() == 1);
        CHECK(e[0].line == 3);
        CHECK(e[0].reason.contains(QStringLiteral("not valid JSON")));
    }
    SECTION("an object, not an array")
    {
        CHECK(attempt("{\"id\": \"A\"}")[0].reason.contains(QStringLiteral("array")));
    }
    SECTION("bad types, missing fields, bad values: each named with the report's line")
    {
        QJsonObject good = baseReport(QStringLiteral("G1"));
        QJsonObject noId = baseReport(QString());
        noId.remove(QStringLiteral("id"));
        QJsonObject badTime = baseReport(QStringLiteral("B2"));
        badTime[QStringLiteral("received_at")] = QStringLiteral("2026-11-20 09:15"); // no offset
        QJsonObject badType = baseReport(QStringLiteral("B3"));
        badType[QStringLiteral("anonymous")] = QStringLiteral("yes");
        badType[QStringLiteral("categories")] = QJsonArray{QStringLiteral("lonely")};
        QJsonObject swapped = baseReport(QStringLiteral("B4"));
        swapped[QStringLiteral("location")] = QJsonObject{{QStringLiteral("lon"), 37.57}, {QStringLiteral("lat"), 126.96}};
        QJsonObject offEarth = baseReport(QStringLiteral("B5"));
        offEarth[QStringLiteral("location")] = QJsonObject{{QStringLiteral("lon"), 500}, {QStringLiteral("lat"), 37.5}};
        QJsonObject nowhere = baseReport(QStringLiteral("B6"));
        nowhere.remove(QStringLiteral("location"));
        nowhere.remove(QStringLiteral("address_text"));
        const QByteArray json = arrayOf({good, noId, badTime, badType, swapped, offEarth, nowhere, baseReport(QStringLiteral("G1"))});
        const QList<int> lines = Intake::ReportParser::elementLines(json);
        REQUIRE(lines.size() == 8);
        const auto e = attempt(json);
        const auto has = [&](int element, const QString &field) {
            return std::any_of(e.begin(), e.end(), [&](const Import::RowError &x) {
                return x.line == lines[element] && x.field == field && x.file == QLatin1String("reports.json");
            });
        };
        CHECK(has(1, QStringLiteral("id")));
        CHECK(has(2, QStringLiteral("received_at")));
        CHECK(has(3, QStringLiteral("anonymous")));
        CHECK(has(3, QStringLiteral("categories")));
        CHECK(has(4, QStringLiteral("location")));
        CHECK(has(5, QStringLiteral("location")));
        CHECK(has(6, QStringLiteral("location")));
        CHECK(has(7, QStringLiteral("id"))); // G1 twice
        CHECK_FALSE(std::any_of(e.begin(), e.end(), [&](const Import::RowError &x) { return x.line == lines[0]; }));
    }
    SECTION("a huge file is refused before it is read into reports")
    {
        QByteArray huge("[");
        huge += QByteArray(Intake::ReportParser::maxFileBytes + 16, ' ');
        huge += "]";
        CHECK(attempt(huge)[0].reason.contains(QStringLiteral("MB")));
    }
}

TEST_CASE("Reports go to the dong that holds them, out of area is named, a re-import is not doubled", "[intake]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::ReportIntake reportIntake(*ws);
    QJsonObject inside = baseReport(QStringLiteral("IN-1")); // 천연동
    QJsonObject gangnam = baseReport(QStringLiteral("OUT-1"));
    gangnam[QStringLiteral("location")] = QJsonObject{{QStringLiteral("lon"), 127.0300}, {QStringLiteral("lat"), 37.5000}};
    const KnownHousehold known = demoHouseholds(*ws).first();
    const QString knownAddress = ws->db().scalar(QStringLiteral("SELECT road_address FROM households WHERE id = ?"), {known.id})->toString();
    const QString knownOffice = ws->db().scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {known.id})->toString();
    QJsonObject byAddress = baseReport(QStringLiteral("ADDR-1"));
    byAddress.remove(QStringLiteral("location"));
    byAddress[QStringLiteral("address_text")] = knownAddress;
    auto r = reportIntake.importReports(arrayOf({inside, gangnam, byAddress}),
                                        QStringLiteral("r.json"), {});
    REQUIRE(r);
    REQUIRE(r->ok());
    CHECK(r->imported == 3);

    Storage::ReportStore store(ws->db());
    auto in = store.byExternalId(QStringLiteral("IN-1"));
    REQUIRE(in);
    CHECK(in->officeCode == QLatin1String("1141052000")); // 천연동
    CHECK_FALSE(in->outOfArea);
    auto out = store.byExternalId(QStringLiteral("OUT-1"));
    REQUIRE(out);
    CHECK(out->outOfArea);
    CHECK(out->officeCode.startsWith(QLatin1String("11680"))); // 강남구
    auto addr = store.byExternalId(QStringLiteral("ADDR-1"));
    REQUIRE(addr);
    CHECK(addr->officeCode == knownOffice); // the dong of the household at that address

    auto again
        = reportIntake.importReports(arrayOf({inside, gangnam}), QStringLiteral("r.json"), {});
    REQUIRE(again);
    CHECK(again->imported == 0);
    CHECK(again->skipped == 2);
    CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM crisis_reports")) == 3);
}

TEST_CASE("Points near every dong border land in that dong", "[intake][geo]")
{
    // For Seoul's 425 행정동: points 3 m inside the middle of every third boundary edge. Which
    // side is inside is decided by the polygon itself; the locator (grid index + even-odd test)
    // must name that dong.
    const QList<Office> &all = Geo::BoundaryCatalog::bundled().all();
    QList<Office> seoul;
    for (const Office &o : all) {
        if (o.code.startsWith(QLatin1String("11")))
            seoul << o;
    }
    REQUIRE(seoul.size() > 400);
    const Geo::DongLocator locator(seoul);
    int checked = 0, wrong = 0;
    QStringList misses;
    for (const Office &o : seoul) {
        for (const PolygonRings &poly : o.boundary) {
            const Ring &outer = poly.rings.front();
            for (qsizetype i = 0; i + 1 < outer.size(); i += 3) {
                const QPointF a = outer[i], b = outer[i + 1];
                const double len = std::hypot((b.x() - a.x()) * 0.88, b.y() - a.y());
                if (len < 1e-4) // shorter than ~10 m: the 3 m offset would cross another edge
                    continue;
                const QPointF mid = (a + b) / 2;
                const double step = 3.0 / 111320.0; // ≈ 3 m in degrees
                const QPointF n(-(b.y() - a.y()) / len * step, (b.x() - a.x()) / len * step / 0.88);
                QPointF inside = mid + n;
                if (!inPolygon(poly, inside))
                    inside = mid - n;
                if (!inPolygon(poly, inside))
                    continue;
                ++checked;
                const QString got = locator.locate(inside.x(), inside.y());
                if (got != o.code) {
                    ++wrong;
                    if (misses.size() < 5)
                        misses << QStringLiteral("%1 at %2,%3 → %4").arg(o.name).arg(inside.x(), 0, 'f', 6).arg(inside.y(), 0, 'f', 6).arg(got);
                }
            }
        }
    }
    INFO(misses.join(QStringLiteral("; ")).toStdString());
    CHECK(checked > 5000);
    CHECK(wrong == 0);
}

TEST_CASE("A report placed at a known household with its sex, age band and type ranks it first", "[intake][matching]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::ReportIntake reportIntake(*ws);
    const QList<KnownHousehold> households = demoHouseholds(*ws);
    REQUIRE(households.size() == Test::demoHouseholds);
    QRandomGenerator rng(11);
    int tried = 0, first = 0;
    for (const KnownHousehold &h : households) {
        if (h.sex.isEmpty() || !h.birth.isValid())
            continue;
        // 5–30 m from the door in a random direction, with what a neighbour would say.
        CrisisReport r;
        const double angle = rng.generateDouble() * 2 * M_PI, metres = 5 + rng.generateDouble() * 25;
        r.lon = h.lon + metres * std::cos(angle) / (111320.0 * std::cos(h.lat * M_PI / 180));
        r.lat = h.lat + metres * std::sin(angle) / 111320.0;
        r.sex = h.sex;
        r.householdType = h.type;
        Person head;
        head.birthDate = h.birth;
        r.ageBand = QStringLiteral("%1대").arg(std::min(head.ageOn(Test::demoToday()) / 10 * 10, 90));
        auto c = reportIntake.candidates(r, 5);
        REQUIRE(c);
        ++tried;
        REQUIRE_FALSE(c->isEmpty());
        if (c->first().householdId == h.id)
            ++first;
        else
            FAIL_CHECK("household "
                       << h.id.toStdString() << " ranked below "
                       << c->first().householdId.toStdString() << " ("
                       << Intake::words(c->first().reasons).join(QStringLiteral(", ")).toStdString()
                       << ")");
        if (tried == 200)
            break;
    }
    CHECK(tried == 200);
    CHECK(first == tried);
}

TEST_CASE("An anonymous reporter never reaches the case, the panel or an export", "[intake][privacy]")
{
    Test::TempDir dir;
    const QString path = Test::demoStoreCopy(dir);
    const QString contact = QStringLiteral("010-9876-5432");
    QString householdId;
    {
        auto ws = Test::openStore(path);
        REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
        QJsonObject r = baseReport(QStringLiteral("ANON-1"));
        const KnownHousehold near = demoHouseholds(*ws).first();
        r[QStringLiteral("location")] = QJsonObject{{QStringLiteral("lon"), near.lon + 0.0001}, {QStringLiteral("lat"), near.lat}};
        r[QStringLiteral("anonymous")] = true;
        r[QStringLiteral("reporter_contact")] = contact;
        r[QStringLiteral("name")] = QStringLiteral("홍길동");
        auto imported
            = Intake::ReportIntake(*ws).importReports(arrayOf({r}), QStringLiteral("r.json"), {});
        REQUIRE(imported);
        REQUIRE(imported->ok());
        // The team lead (intake role) can read it; the reading is logged.
        auto seen = Intake::ReportIntake(*ws).reporterContact(QStringLiteral("ANON-1"));
        REQUIRE(seen);
        CHECK(*seen == contact);
        CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'reveal' AND subject_kind = 'report'")) == 1);
    }
    auto ws = Test::openStore(path);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-caseworker")));
    Intake::ReportIntake reportIntake(*ws);
    auto denied = reportIntake.reporterContact(QStringLiteral("ANON-1"));
    REQUIRE_FALSE(denied);
    CHECK(denied.error().code == ErrorCode::PermissionDenied);

    auto queue = reportIntake.queue();
    REQUIRE(queue);
    REQUIRE(queue->size() == 1);
    REQUIRE_FALSE(queue->first().candidates.isEmpty());
    householdId = queue->first().candidates.first().householdId;
    const double before = ws->db().scalar(QStringLiteral("SELECT risk_score FROM households WHERE id = ?"), {householdId})->toDouble();
    REQUIRE_OK(reportIntake.link(QStringLiteral("ANON-1"), householdId));
    // Linked: the report's situations raise the score and the household shows as new.
    CHECK(ws->db().scalar(QStringLiteral("SELECT risk_score FROM households WHERE id = ?"), {householdId})->toDouble() > before);
    CHECK_FALSE(ws->db().scalar(QStringLiteral("SELECT flagged_new_at FROM households WHERE id = ?"), {householdId})->isNull());
    CHECK(reportIntake.queue()->isEmpty());

    // The household panel: the report is in the timeline as an anonymous neighbour's, no more.
    auto view = CaseWork(*ws).open(householdId);
    REQUIRE(view);
    bool reportShown = false;
    for (const auto &e : view->timeline) {
        QString all = e.by;
        if (const auto *report = e.as<Storage::TimelineFacts::Report>()) {
            reportShown = true;
            all += report->description + report->categories.join(u' ');
            CHECK(report->reporter == Storage::TimelineFacts::Report::Reporter::AnonymousNeighbour);
            CHECK(e.by.isEmpty());
        }
        CHECK_FALSE(all.contains(contact));
        CHECK_FALSE(all.contains(QStringLiteral("9876")));
    }
    CHECK(reportShown);

    // Exports and the store file hold no trace of the contact in the clear.
    for (auto kind : {Export::ExportKind::Households, Export::ExportKind::Visits}) {
        Export::ExportOptions o;
        o.kind = kind;
        o.outPath = dir.path(kind == Export::ExportKind::Households ? QStringLiteral("h.csv") : QStringLiteral("v.csv"));
        o.reason = QStringLiteral("월간 보고");
        REQUIRE(Export::ExportService(*ws).run(o));
        CHECK_FALSE(Test::readAll(o.outPath).contains("9876-5432"));
    }
    ws.reset();
    for (const QString &f : {path, path + QStringLiteral("-wal")}) {
        if (QFile::exists(f))
            CHECK_FALSE(Test::readAll(f).contains(contact.toUtf8()));
    }
}

TEST_CASE("Opening a household from a report starts a case at 발굴, and a duplicate points at the first", "[intake]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::ReportIntake reportIntake(*ws);
    QJsonObject a = baseReport(QStringLiteral("NEW-1"));
    a[QStringLiteral("name")] = QStringLiteral("박미상");
    a[QStringLiteral("household_type")] = QStringLiteral("1인");
    a[QStringLiteral("categories")] = QJsonArray{QStringLiteral("violence")};
    QJsonObject b = baseReport(QStringLiteral("NEW-2"));
    REQUIRE(reportIntake.importReports(arrayOf({a, b}), QStringLiteral("r.json"), {})->ok());
    const qint64 households = Test::count(*ws, QStringLiteral("SELECT count(*) FROM households"));
    auto opened = reportIntake.openHousehold(QStringLiteral("NEW-1"));
    if (!opened)
        FAIL(opened.error().toString().toStdString());
    CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM households")) == households + 1);
    CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM cases WHERE stage = 'discovery' AND household_id = '%1'").arg(*opened)) == 1);
    auto h = Storage::HouseholdStore(ws->db()).get(*opened);
    REQUIRE(h);
    CHECK(h->headName == QStringLiteral("박미상"));
    CHECK(h->officeCode == QLatin1String("1141052000"));
    CHECK(h->riskScore >= 20); // a report of violence counts in the score
    REQUIRE_OK(reportIntake.markDuplicate(QStringLiteral("NEW-2"), QStringLiteral("NEW-1")));
    auto dup = Storage::ReportStore(ws->db()).byExternalId(QStringLiteral("NEW-2"));
    REQUIRE(dup);
    CHECK(dup->status == QLatin1String("duplicate"));
    CHECK(dup->householdId == *opened);
    // Decided reports are not decided twice.
    CHECK_FALSE(reportIntake.link(QStringLiteral("NEW-1"), *opened));
}
