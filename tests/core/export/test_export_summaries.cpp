// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exportservice.h"
#include "export/exportsummaries.h"
#include "import/importservice.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/officestore.h"
#include "support/testsupport.h"
#include "util/clock.h"
#include "util/csv.h"
#include "workspace.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>

using namespace VisitMap;

namespace {

Export::ExportOptions options(Export::ExportKind kind, const QString &out, bool unmasked = false)
{
    Export::ExportOptions o;
    o.kind = kind;
    o.outPath = out;
    o.reason = QStringLiteral("구청 보고");
    o.unmasked = unmasked;
    return o;
}

CsvTable readTable(const QString &path)
{
    auto t = CsvReader::readFile(path);
    REQUIRE(t);
    return *t;
}

qint64 count(Workspace &ws, const QString &where)
{
    return Test::count(ws, QStringLiteral("SELECT COUNT(*) FROM households WHERE ") + where);
}

const QString effectiveTier = QStringLiteral("COALESCE(risk_override, risk_tier)");

// Everything a summary must never hold: household ids, head names, addresses, phone numbers.
void checkNoPersonalData(Workspace &ws, const QByteArray &bytes)
{
    auto q = ws.db().execute(QStringLiteral(
        "SELECT h.id, h.road_address, h.phone, COALESCE(p.name, '') FROM households h "
        "LEFT JOIN persons p ON p.household_id = h.id AND p.is_head = 1"));
    REQUIRE(q);
    const QString text = QString::fromUtf8(bytes);
    int checked = 0;
    while (q->next()) {
        for (int c = 0; c < 4; ++c) {
            const QString v = q->value(c).toString();
            if (v.size() >= 3)
                CHECK_FALSE(text.contains(v));
        }
        ++checked;
    }
    CHECK(checked == Test::demoHouseholds);
}

} // namespace

TEST_CASE("The 동 by 위험도 summary counts each 행정동's households per tier with totals and no "
          "personal data",
          "[core][export][summary]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    const QString out = dir.path(QStringLiteral("dong.csv"));
    auto r = Export::ExportService(*ws).run(options(Export::ExportKind::DongTierSummary, out));
    REQUIRE(r);
    const CsvTable t = readTable(out);
    CHECK(t.header
          == QStringList{QStringLiteral("행정동코드"), QStringLiteral("행정동"),
                         QStringLiteral("고위험"), QStringLiteral("중위험"),
                         QStringLiteral("저위험"), QStringLiteral("합계")});
    auto offices = Storage::OfficeStore(ws->db()).all();
    REQUIRE(offices);
    QHash<QString, QString> names;
    for (const Office &o : *offices)
        names.insert(o.code, o.name);
    REQUIRE(t.rows.size() >= 2);
    int dongs = 0;
    for (const CsvRecord &row : t.rows.first(t.rows.size() - 1)) {
        const QString code = row.fields.at(0);
        INFO(code.toStdString());
        CHECK(row.fields.at(1) == names.value(code));
        const QString in = QStringLiteral("office_code = '%1' AND ").arg(code);
        CHECK(row.fields.at(2).toInt()
              == count(*ws, in + effectiveTier + QStringLiteral(" = 'high'")));
        CHECK(row.fields.at(3).toInt()
              == count(*ws, in + effectiveTier + QStringLiteral(" = 'medium'")));
        CHECK(row.fields.at(4).toInt()
              == count(*ws, in + effectiveTier + QStringLiteral(" = 'low'")));
        CHECK(row.fields.at(5).toInt()
              == count(*ws, QStringLiteral("office_code = '%1'").arg(code)));
        dongs += count(*ws, QStringLiteral("office_code = '%1'").arg(code)) > 0 ? 1 : 0;
    }
    CHECK(dongs >= 2);
    const QStringList total = t.rows.last().fields;
    CHECK(total.at(1) == QStringLiteral("합계"));
    CHECK(total.at(2).toInt() == count(*ws, effectiveTier + QStringLiteral(" = 'high'")));
    CHECK(total.at(5).toInt() == Test::demoHouseholds);
    checkNoPersonalData(*ws, Test::readAll(out));
    // Logged as the download it is, with its reason.
    auto entries = ws->auditLog().list({{}, {}, {}, QStringLiteral("download"), {}, 0});
    REQUIRE(entries);
    REQUIRE(entries->size() == 1);
    CHECK(entries->first().reason == QStringLiteral("구청 보고"));
}

TEST_CASE("The 가구유형 summary counts households per type and tier with totals",
          "[core][export][summary]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    const QString out = dir.path(QStringLiteral("type.csv"));
    REQUIRE(Export::ExportService(*ws).run(options(Export::ExportKind::TypeTierSummary, out)));
    const CsvTable t = readTable(out);
    CHECK(t.header.first() == QStringLiteral("가구유형"));
    CHECK(t.header.mid(1)
          == QStringList{QStringLiteral("고위험"), QStringLiteral("중위험"),
                         QStringLiteral("저위험"), QStringLiteral("합계")});
    const qint64 types
        = Test::count(*ws, QStringLiteral("SELECT COUNT(DISTINCT household_type) FROM households"));
    REQUIRE(types >= 3);
    CHECK(t.rows.size() == types + 1); // and the 합계 row
    int sum = 0;
    for (const CsvRecord &row : t.rows.first(t.rows.size() - 1)) {
        const QString in = QStringLiteral("household_type = '%1'").arg(row.fields.at(0));
        INFO(in.toStdString());
        CHECK(row.fields.at(1).toInt()
              == count(*ws,
                       in + QStringLiteral(" AND ") + effectiveTier + QStringLiteral(" = 'high'")));
        CHECK(row.fields.at(3).toInt()
              == count(*ws,
                       in + QStringLiteral(" AND ") + effectiveTier + QStringLiteral(" = 'low'")));
        CHECK(row.fields.at(4).toInt() == count(*ws, in));
        sum += row.fields.at(4).toInt();
    }
    CHECK(sum == Test::demoHouseholds);
    CHECK(t.rows.last().fields.at(0) == QStringLiteral("합계"));
    CHECK(t.rows.last().fields.at(4).toInt() == Test::demoHouseholds);
    checkNoPersonalData(*ws, Test::readAll(out));
}

TEST_CASE("The overdue by worker summary gives each worker's households, overdue count and "
          "oldest delay in days",
          "[core][export][summary]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    const QString today = Iso::date(ws->clock().today());
    const QString overdue
        = QStringLiteral(
              "status = 'active' AND next_visit_due IS NOT NULL AND next_visit_due < '%1'")
              .arg(today);
    REQUIRE(count(*ws, overdue) > 0);
    const QString out = dir.path(QStringLiteral("overdue.csv"));
    REQUIRE(Export::ExportService(*ws).run(options(Export::ExportKind::OverdueByWorker, out)));
    const CsvTable t = readTable(out);
    CHECK(t.header
          == QStringList{QStringLiteral("담당자"), QStringLiteral("담당 가구"),
                         QStringLiteral("방문 지연 가구"), QStringLiteral("가장 오래 지연(일)")});
    int workers = 0;
    for (const CsvRecord &row : t.rows.first(t.rows.size() - 1)) {
        const QString worker = row.fields.at(0);
        INFO(worker.toStdString());
        const QString who = worker == QStringLiteral("(담당자 없음)")
                                ? QStringLiteral("COALESCE(assigned_worker, '') = ''")
                                : QStringLiteral("assigned_worker = '%1'").arg(worker);
        CHECK(row.fields.at(1).toInt() == count(*ws, who));
        CHECK(row.fields.at(2).toInt() == count(*ws, who + QStringLiteral(" AND ") + overdue));
        const QString oldest
            = Test::count(*ws, QStringLiteral("SELECT COUNT(*) FROM households WHERE ") + who
                                   + QStringLiteral(" AND ") + overdue)
                      > 0
                  ? QString::number(
                      Test::count(*ws, QStringLiteral("SELECT CAST(julianday('%1') - "
                                                      "julianday(MIN(next_visit_due)) AS INTEGER) "
                                                      "FROM households WHERE ")
                                               .arg(today)
                                           + who + QStringLiteral(" AND ") + overdue))
                  : QString();
        CHECK(row.fields.at(3) == oldest);
        workers += worker.startsWith(u'(') ? 0 : 1;
    }
    CHECK(workers >= 1);
    CHECK(t.rows.last().fields.at(0) == QStringLiteral("합계"));
    CHECK(t.rows.last().fields.at(1).toInt() == Test::demoHouseholds);
    CHECK(t.rows.last().fields.at(2).toInt() == count(*ws, overdue));
}

TEST_CASE("A households export has Korean headers, tier and status words and dates as 2026.12.02",
          "[core][export]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    REQUIRE(ws->db().execute(QStringLiteral("UPDATE households SET status = 'moved' WHERE rowid = "
                                            "(SELECT MIN(rowid) FROM households)")));
    const QString out = dir.path(QStringLiteral("hh.csv"));
    REQUIRE(Export::ExportService(*ws).run(options(Export::ExportKind::Households, out, true)));
    const CsvTable t = readTable(out);
    for (const char *h : {"가구번호", "행정동", "주소", "위험도", "상태", "담당자", "최근 방문",
                          "다음 방문 예정", "세대주", "성별"})
        CHECK(t.column({QString::fromUtf8(h)}) >= 0);
    for (const char *english : {"id", "adm_cd", "risk", "status", "lon"})
        CHECK(t.column({QString::fromLatin1(english)}) < 0);
    const int cRisk = t.column({u"위험도"}), cStatus = t.column({u"상태"}),
              cDue = t.column({u"다음 방문 예정"}), cLast = t.column({u"최근 방문"}),
              cSex = t.column({u"성별"});
    static const QRegularExpression dotted(QStringLiteral("^\\d{4}\\.\\d{2}\\.\\d{2}$"));
    QSet<QString> tiers, statuses, sexes;
    int dates = 0;
    for (const CsvRecord &row : t.rows) {
        tiers.insert(row.fields.at(cRisk));
        statuses.insert(row.fields.at(cStatus));
        sexes.insert(row.fields.at(cSex));
        for (int c : {cDue, cLast})
            if (!row.fields.at(c).isEmpty()) {
                CHECK(dotted.match(row.fields.at(c)).hasMatch());
                ++dates;
            }
    }
    CHECK(tiers
          == QSet<QString>{QStringLiteral("고위험"), QStringLiteral("중위험"),
                           QStringLiteral("저위험")});
    CHECK(statuses == QSet<QString>{QStringLiteral("관리중"), QStringLiteral("전출")});
    sexes.remove(QString());
    CHECK(sexes == QSet<QString>{QStringLiteral("남"), QStringLiteral("여")});
    CHECK(dates > Test::demoHouseholds);

    // The machine columns on request: the command line's contract.
    const QString machine = dir.path(QStringLiteral("machine.csv"));
    auto o = options(Export::ExportKind::Households, machine, true);
    o.englishHeaders = true;
    REQUIRE(Export::ExportService(*ws).run(o));
    const CsvTable m = readTable(machine);
    for (const char *col : {"id", "adm_cd", "lon", "lat", "risk"})
        CHECK(m.column({QString::fromLatin1(col)}) >= 0);
    CHECK(m.rows.first()
              .fields.at(m.column({u"risk"}))
              .contains(QRegularExpression(QStringLiteral("^(high|medium|low)$"))));
    CHECK(m.rows.first().fields.at(m.column({u"status"})) == QStringLiteral("moved"));
}

TEST_CASE("A visits export has Korean headers and kind and outcome words", "[core][export]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    const QString out = dir.path(QStringLiteral("v.csv"));
    REQUIRE(Export::ExportService(*ws).run(options(Export::ExportKind::Visits, out)));
    const CsvTable t = readTable(out);
    const int cKind = t.column({u"방문 종류"}), cOutcome = t.column({u"결과"});
    REQUIRE(cKind >= 0);
    REQUIRE(cOutcome >= 0);
    REQUIRE_FALSE(t.rows.isEmpty());
    const QStringList kinds{QStringLiteral("방문"), QStringLiteral("전화"), QStringLiteral("내방"),
                            QStringLiteral("안부확인")};
    const QStringList outcomes{QStringLiteral("만남"), QStringLiteral("부재"),
                               QStringLiteral("거부"), QStringLiteral("이사")};
    for (const CsvRecord &row : t.rows) {
        CHECK(kinds.contains(row.fields.at(cKind)));
        CHECK(outcomes.contains(row.fields.at(cOutcome)));
    }
}

TEST_CASE("An export of the list's filter or of chosen households holds those households only",
          "[core][export][scope]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Storage::HouseholdQuery filter;
    filter.tier = RiskTier::High;
    const qint64 high = count(*ws, effectiveTier + QStringLiteral(" = 'high'"));
    REQUIRE(high > 0);
    REQUIRE(high < Test::demoHouseholds);
    Export::ExportService service(*ws);
    CHECK(service.householdCount(Export::ExportScope::matching(filter)).value_or(-1) == high);
    CHECK(service.householdCount(Export::ExportScope::all()).value_or(-1) == Test::demoHouseholds);

    const QString out = dir.path(QStringLiteral("high.csv"));
    auto o = options(Export::ExportKind::Households, out, true);
    o.scope = Export::ExportScope::matching(filter);
    auto r = service.run(o);
    REQUIRE(r);
    CHECK(r->rows == high);
    const CsvTable t = readTable(out);
    for (const CsvRecord &row : t.rows)
        CHECK(row.fields.at(t.column({u"위험도"})) == QStringLiteral("고위험"));

    // The summaries count the same households.
    const QString dong = dir.path(QStringLiteral("dong.csv"));
    auto s = options(Export::ExportKind::DongTierSummary, dong);
    s.scope = o.scope;
    REQUIRE(service.run(s));
    const CsvTable d = readTable(dong);
    CHECK(d.rows.last().fields.at(2).toInt() == high);
    CHECK(d.rows.last().fields.at(5).toInt() == high);

    // Chosen households, and a filter naming a 행정동 outside the account gives nothing of it.
    QStringList chosen;
    auto q
        = ws->db().execute(QStringLiteral("SELECT id FROM households ORDER BY rowid DESC LIMIT 4"));
    REQUIRE(q);
    while (q->next())
        chosen << q->value(0).toString();
    const QString picked = dir.path(QStringLiteral("picked.csv"));
    auto p = options(Export::ExportKind::Households, picked, true);
    p.scope = Export::ExportScope::households(chosen);
    REQUIRE(service.run(p));
    QSet<QString> ids;
    for (const CsvRecord &row : readTable(picked).rows)
        ids.insert(row.fields.at(0));
    CHECK(ids == QSet<QString>(chosen.cbegin(), chosen.cend()));
    Storage::HouseholdQuery elsewhere;
    elsewhere.offices = {QStringLiteral("1168064000")}; // a 강남구 행정동: not this account's
    CHECK(service.householdCount(Export::ExportScope::matching(elsewhere)).value_or(-1) == 0);
    CHECK(Export::ExportScope::narrows(filter, ws->session()->offices));
    CHECK_FALSE(Export::ExportScope::narrows(Storage::HouseholdQuery{}, ws->session()->offices));
}

TEST_CASE("A workbook export is an xlsx file with the Korean header and counts as numbers",
          "[core][export][xlsx]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    const QString out = dir.path(QStringLiteral("동별 위험도.xlsx"));
    auto o = options(Export::ExportKind::DongTierSummary, out);
    o.format = Export::ExportFormat::Xlsx;
    REQUIRE(Export::ExportService(*ws).run(o));
    CHECK(Test::readAll(out).startsWith("PK\x03\x04"));
    CHECK(QDir(dir.path(QString()))
              .entryList(QDir::Files | QDir::Hidden)
              .filter(QStringLiteral(".동별"))
              .isEmpty());
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"),
                {QStringLiteral("-p"), out, QStringLiteral("xl/worksheets/sheet1.xml")});
    REQUIRE(unzip.waitForFinished(10000));
    const QString sheet = QString::fromUtf8(unzip.readAllStandardOutput());
    CHECK(sheet.contains(QStringLiteral("행정동코드")));
    CHECK(sheet.contains(QStringLiteral("고위험")));
    CHECK(sheet.contains(
        QStringLiteral("<v>%1</v>").arg(Test::demoHouseholds))); // the 합계, a number

    // A households workbook keeps the masking of the CSV.
    const QString hh = dir.path(QStringLiteral("가구목록.xlsx"));
    auto h = options(Export::ExportKind::Households, hh);
    h.format = Export::ExportFormat::Xlsx;
    REQUIRE(Export::ExportService(*ws).run(h));
    unzip.start(QStringLiteral("unzip"),
                {QStringLiteral("-p"), hh, QStringLiteral("xl/worksheets/sheet1.xml")});
    REQUIRE(unzip.waitForFinished(10000));
    const QString rows = QString::fromUtf8(unzip.readAllStandardOutput());
    CHECK(rows.contains(QStringLiteral("주민등록번호")));
    const QString firstName
        = ws->db()
              .scalar(QStringLiteral("SELECT name FROM persons WHERE is_head = 1 LIMIT 1"))
              ->toString();
    REQUIRE(firstName.size() >= 2);
    CHECK_FALSE(rows.contains(firstName));
}

TEST_CASE("An export to a folder that does not exist fails naming the file and leaves nothing",
          "[core][export]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    for (const auto format : {Export::ExportFormat::Csv, Export::ExportFormat::Xlsx}) {
        const QString out = dir.path(QStringLiteral("missing/out.file"));
        auto o = options(Export::ExportKind::TypeTierSummary, out);
        o.format = format;
        auto r = Export::ExportService(*ws).run(o);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Io);
        CHECK(r.error().file == out);
        CHECK_FALSE(QFileInfo::exists(out));
    }
    // Nothing left the workstation, so nothing is logged as a download.
    auto entries = ws->auditLog().list({{}, {}, {}, QStringLiteral("download"), {}, 0});
    REQUIRE(entries);
    CHECK(entries->isEmpty());
}

TEST_CASE("A Korean households export imports back with its status words", "[core][export][import]")
{
    Test::TempDir dir;
    auto demo = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(demo->signInDemo(QStringLiteral("demo-lead")));
    REQUIRE(demo->db().execute(
        QStringLiteral("UPDATE households SET status = 'closed' WHERE rowid % 7 = 0")));
    const qint64 closed = count(*demo, QStringLiteral("status = 'closed'"));
    REQUIRE(closed > 0);
    const QString out = dir.path(QStringLiteral("이관.csv"));
    REQUIRE(Export::ExportService(*demo).run(options(Export::ExportKind::Households, out, true)));
    CHECK(Test::readAll(out).contains("종결"));

    auto real = Test::openStore(Test::realStoreCopy(dir));
    Test::addDemoWorkerAccounts(*real);
    REQUIRE_OK(real->signIn(QStringLiteral("lead1"), Test::leadPassword()));
    auto report = Import::ImportService(*real).households(out);
    REQUIRE(report);
    INFO((report->errors.isEmpty() ? QString() : report->errors.first().toString()).toStdString());
    REQUIRE(report->ok());
    CHECK(count(*real, QStringLiteral("status = 'closed'")) == closed);
}
