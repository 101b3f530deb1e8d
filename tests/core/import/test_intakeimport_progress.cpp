// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importservice.h"
#include "storage/database.h"
#include "support/testsupport.h"
#include "util/clock.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <atomic>
#include <catch2/catch.hpp>

using namespace VisitMap;
using Import::ImportStage;

namespace {

constexpr int rows = 5000;

// 2026-11-23 10:00 in Seoul: the demo store's today.
QDateTime demoMorning()
{
    return QDateTime(Test::demoToday(), QTime(10, 0), Clock::seoul());
}

// `n` anonymous 복지위기 알림 reports placed in 충정로 (서대문구).
QString reportsFile(const Test::TempDir &dir, int n)
{
    QJsonArray all;
    for (int i = 0; i < n; ++i)
        all.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("BULK-%1").arg(i)},
            {QStringLiteral("received_at"), QStringLiteral("2026-11-20T09:15:00+09:00")},
            {QStringLiteral("channel"), QStringLiteral("app")},
            {QStringLiteral("reporter_type"), QStringLiteral("neighbour")},
            {QStringLiteral("anonymous"), true},
            {QStringLiteral("categories"), QJsonArray{QStringLiteral("economic")}},
            {QStringLiteral("description"), QStringLiteral("관리비가 석 달째 밀렸다고 함")},
            {QStringLiteral("address_text"), QStringLiteral("서울특별시 서대문구 충정로 5")},
            {QStringLiteral("location"),
             QJsonObject{{QStringLiteral("lon"), 126.9578}, {QStringLiteral("lat"), 37.5698}}}});
    const QString path = dir.path(QStringLiteral("reports.json"));
    Test::writeFile(path, QJsonDocument(all).toJson(QJsonDocument::Compact));
    return path;
}

// A 발굴 round of `n` entries: the first listings name demo households (one at suicide risk, so
// the writing also re-scores and escalates), the rest people no household holds.
QString roundFile(Workspace &ws, const Test::TempDir &dir, int n)
{
    QStringList households;
    auto q = ws.db().execute(QStringLiteral(
        "SELECT id FROM households WHERE flagged_new_at IS NULL ORDER BY id LIMIT 20"));
    REQUIRE(q);
    while (q->next())
        households << q->value(0).toString();
    REQUIRE(households.size() == 20);
    QByteArray csv("회차,성명,생년월일,주민등록번호,주소,가구ID,위기정보코드,금액,개월수\n");
    for (int i = 0; i < n; ++i) {
        if (i < households.size())
            csv += QStringLiteral("2026-6,,,,,%1,%2,,\n")
                       .arg(households[i], i == 0 ? QStringLiteral("S02") : QStringLiteral("E01"))
                       .toUtf8();
        else
            csv += QStringLiteral("2026-6,대상자%1,1950-01-01,,,,E01,,\n").arg(i).toUtf8();
    }
    const QString path = dir.path(QStringLiteral("round.csv"));
    Test::writeFile(path, csv);
    return path;
}

// Every row of the table, every column (rows sorted: some tables have no rowid): equal digests,
// equal tables.
QByteArray digest(Workspace &ws, const QString &table)
{
    auto q = ws.db().execute(QStringLiteral("SELECT * FROM %1").arg(table));
    if (!q)
        FAIL(q.error().toString().toStdString());
    QList<QByteArray> lines;
    while (q->next()) {
        QByteArray line;
        for (int i = 0; i < q->record().count(); ++i) {
            const QVariant v = q->value(i);
            line += v.isNull() ? QByteArrayLiteral("\x01null")
                               : QByteArray("\x02") + v.toString().toUtf8();
        }
        lines << line;
    }
    std::sort(lines.begin(), lines.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray &line : lines)
        hash.addData(line + '\n');
    return QByteArray::number(lines.size()) + ':' + hash.result().toHex();
}

// The tables an intake import writes, and how many entries the access log holds.
QStringList snapshot(Workspace &ws)
{
    QStringList out;
    for (const QString &t :
         {QStringLiteral("crisis_reports"), QStringLiteral("crisis_report_contacts"),
          QStringLiteral("attachments"), QStringLiteral("crisis_signals"),
          QStringLiteral("households"), QStringLiteral("persons"), QStringLiteral("risk_changes"),
          QStringLiteral("outbox")})
        out << t + u'=' + QString::fromLatin1(digest(ws, t));
    out << QStringLiteral("audit_log=%1")
               .arg(Test::count(ws, QStringLiteral("SELECT COUNT(*) FROM audit_log")));
    return out;
}

struct Seen
{
    ImportStage stage;
    qint64 done, total;
};

// Stages in order, and within Checking and Writing one total and rows done never going back.
void checkMonotonic(const QList<Seen> &seen)
{
    for (qsizetype i = 1; i < seen.size(); ++i) {
        const Seen &a = seen[i - 1], &b = seen[i];
        INFO("report " << i << ": stage " << int(b.stage) << ' ' << b.done << '/' << b.total);
        REQUIRE(int(a.stage) <= int(b.stage));
        if (a.stage == b.stage && b.stage != ImportStage::Reading) {
            CHECK(a.total == b.total);
            CHECK(a.done <= b.done);
        }
    }
}

bool reached(const QList<Seen> &seen, ImportStage stage, qint64 total)
{
    return std::any_of(seen.begin(), seen.end(), [&](const Seen &s) {
        return s.stage == stage && s.total == total && s.done == total;
    });
}

} // namespace

TEST_CASE("A 5000-report file and a 5000-entry 발굴 round report rows placed and written up to "
          "their totals and never go back",
          "[core][import][intake][progress]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    const bool reports = GENERATE(true, false);
    const QString file = reports ? reportsFile(dir, rows) : roundFile(*ws, dir, rows);
    const QString stored = reports ? QStringLiteral("SELECT COUNT(*) FROM crisis_reports")
                                   : QStringLiteral("SELECT COUNT(*) FROM crisis_signals");
    const qint64 before = Test::count(*ws, stored);
    QList<Seen> seen;
    Import::ImportControl control(
        [&](ImportStage stage, qint64 done, qint64 total) {
            seen.append({stage, done, total});
        },
        nullptr);
    Import::ImportService service(*ws, control);
    auto r = reports ? service.reports(file) : service.signalRounds(file);
    REQUIRE_OK(r);
    REQUIRE(r->ok());
    CHECK(r->imported == rows);
    CHECK(Test::count(*ws, stored) == before + rows);
    checkMonotonic(seen);
    CHECK(reached(seen, ImportStage::Checking, rows));
    // Written: every entry, and for a round each matched household re-scored and the urgent one
    // escalated.
    const qint64 written = reports ? rows : rows + 20 + 1;
    CHECK(reached(seen, ImportStage::Writing, written));
    // The bar moves: a few hundred reports per stage, not one per row.
    const auto count = [&](ImportStage stage) {
        return std::count_if(seen.begin(), seen.end(),
                             [&](const Seen &s) { return s.stage == stage; });
    };
    CHECK(count(ImportStage::Checking) > 100);
    CHECK(count(ImportStage::Checking) < 1000);
    CHECK(count(ImportStage::Writing) > 100);
    CHECK(count(ImportStage::Writing) < 1000);
}

TEST_CASE("Cancelling a 5000-row report or 발굴 import after its first progress stops at the next "
          "row and leaves the store as it was",
          "[core][import][intake][progress]")
{
    Test::TempDir dir;
    FixedClock clock(demoMorning());
    auto ws = Test::openStore(Test::demoStoreCopy(dir), &clock);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    const bool reports = GENERATE(true, false);
    const ImportStage stage = GENERATE(ImportStage::Checking, ImportStage::Writing);
    const QString file = reports ? reportsFile(dir, rows) : roundFile(*ws, dir, rows);
    const QStringList before = snapshot(*ws);

    std::atomic_bool cancel{false};
    qint64 cancelledAt = -1;
    int afterCancel = 0;
    Import::ImportControl control(
        [&](ImportStage s, qint64 done, qint64) {
            if (cancel) {
                ++afterCancel;
                return;
            }
            // After the first rows of the stage (while writing: some rows are in the store).
            if (s == stage && done > 0) {
                cancel = true;
                cancelledAt = done;
            }
        },
        &cancel);
    Import::ImportService service(*ws, control);
    auto r = reports ? service.reports(file) : service.signalRounds(file);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Cancelled);
    CHECK(cancelledAt > 0);
    CHECK(cancelledAt < rows);
    // Seen between rows: nothing went on after the cancel.
    CHECK(afterCancel == 0);
    CHECK(snapshot(*ws) == before);

    // The same file goes in whole afterwards.
    auto again = reports ? Import::ImportService(*ws).reports(file)
                         : Import::ImportService(*ws).signalRounds(file);
    REQUIRE_OK(again);
    CHECK(again->imported == rows);
}
