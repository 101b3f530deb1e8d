// SPDX-License-Identifier: GPL-3.0-or-later
#include "intake/roundintake.h"
#include "intake/signalparser.h"
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/timeline.h"
#include "support/testsupport.h"
#include "workflow/casework.h"
#include "workspace.h"

#include <QFile>
#include <catch2/catch.hpp>

using namespace VisitMap;

namespace {

struct Listed
{
    QString householdId, name, address;
    QDate birth;
};

// Heads of demo households whose name and birth date no one else shares.
QList<Listed> uniqueHeads(Workspace &ws, int n)
{
    QList<Listed> out;
    auto q = ws.db().execute(QStringLiteral(
        "SELECT h.id, p.name, p.birth_date, h.road_address FROM households h JOIN persons p ON p.household_id = h.id "
        "AND p.is_head = 1 WHERE (SELECT count(*) FROM persons x WHERE x.name = p.name AND x.birth_date = p.birth_date) = 1 "
        "AND h.flagged_new_at IS NULL ORDER BY h.id LIMIT ?"),
        {n});
    REQUIRE(q);
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(3).toString(),
                    QDate::fromString(q->value(2).toString(), Qt::ISODate)});
    REQUIRE(out.size() == n);
    return out;
}

Import::ImportReport importText(Intake::RoundIntake &intake, const QString &text)
{
    auto table = CsvReader::parse(text, QStringLiteral("round.csv"));
    if (!table) {
        Import::ImportReport r;
        r.addError(table.error().file, table.error().line, {}, table.error().message);
        return r;
    }
    auto r = intake.importSignals(*table, QStringLiteral("round.csv"));
    REQUIRE(r);
    return *r;
}

double score(Workspace &ws, const QString &id)
{
    return ws.db().scalar(QStringLiteral("SELECT risk_score FROM households WHERE id = ?"), {id})->toDouble();
}

const QString header = QStringLiteral("회차,성명,생년월일,주민등록번호,주소,가구ID,위기정보코드,금액,개월수\n");

} // namespace

TEST_CASE("Broken 발굴 round files are refused with line and column, and change nothing", "[intake][signals][import]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::RoundIntake roundIntake(*ws);
    const qint64 before = Test::count(*ws, QStringLiteral("SELECT count(*) FROM crisis_signals"));
    const QString good = QStringLiteral("2026-6,김철수,1950-01-01,,,,E01,,\n");
    const auto attempt = [&](const QString &rows) {
        const Import::ImportReport r = importText(roundIntake, header + good + rows);
        CHECK_FALSE(r.ok());
        CHECK(r.imported == 0);
        CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM crisis_signals")) == before);
        return r.errors;
    };
    const auto only = [](const QList<Import::RowError> &e, int line, const QString &column, const QString &words) {
        REQUIRE(e.size() == 1);
        CHECK(e[0].line == line);
        CHECK(e[0].field == column);
        CHECK(e[0].reason.contains(words));
    };
    SECTION("a round that is not a round")
    {
        only(attempt(QStringLiteral("2026-7,김영희,1950-01-01,,,,E01,,\n")), 3, QStringLiteral("회차"), QStringLiteral("round"));
    }
    SECTION("an item code the versioned table does not have")
    {
        only(attempt(QStringLiteral("2026-6,김영희,1950-01-01,,,,E99,,\n")), 3, QStringLiteral("위기정보코드"),
             QStringLiteral("2024-11"));
    }
    SECTION("a months item without months, and months that are not a number")
    {
        const auto e = attempt(QStringLiteral("2026-6,김영희,1950-01-01,,,,F01,,\n2026-6,김영희,1950-01-01,,,,H01,,넉달\n"));
        REQUIRE(e.size() == 2);
        CHECK(e[0].line == 3);
        CHECK(e[0].field == QStringLiteral("개월수"));
        CHECK(e[1].line == 4);
        CHECK(e[1].reason.contains(QStringLiteral("not a number")));
    }
    SECTION("an amount that is not money")
    {
        only(attempt(QStringLiteral("2026-6,김영희,1950-01-01,,,,F03,12만,\n")), 3, QStringLiteral("금액"), QStringLiteral("won"));
    }
    SECTION("a name with nothing to match it by, and nobody at all")
    {
        const auto e = attempt(QStringLiteral("2026-6,김영희,,,,,E01,,\n2026-6,,,,,,E01,,\n"));
        REQUIRE(e.size() == 2);
        CHECK(e[0].field == QStringLiteral("생년월일"));
        CHECK(e[1].field == QStringLiteral("성명"));
    }
    SECTION("a 주민등록번호 that disagrees with the birth date, or is masked")
    {
        const auto e = attempt(QStringLiteral("2026-6,김영희,1951-01-01,500101-2123456,,,E01,,\n"
                                              "2026-6,김영희,1950-01-01,500101-2******,,,E01,,\n"));
        REQUIRE(e.size() == 2);
        CHECK(e[0].reason.contains(QStringLiteral("does not agree")));
        CHECK(e[1].reason.contains(QStringLiteral("masked")));
    }
    SECTION("a household id that is not an id, and a row repeated")
    {
        const auto e = attempt(QStringLiteral("2026-6,,,,,42,E01,,\n") + good);
        REQUIRE(e.size() == 2);
        CHECK(e[0].field == QStringLiteral("가구ID"));
        CHECK(e[1].line == 4);
        CHECK(e[1].reason.contains(QStringLiteral("repeats line 2")));
    }
    SECTION("a comma in an unquoted value, and an unclosed quote")
    {
        only(attempt(QStringLiteral("2026-6,김영희,1950-01-01,,서대문구 충정로 5, 2층,,E01,,\n")), 3, QString(),
             QStringLiteral("fields"));
        only(attempt(QStringLiteral("2026-6,\"김영희,1950-01-01,,,,E01,,\n")), 3, QString(), QStringLiteral("quote"));
    }
    SECTION("a file without the columns")
    {
        const Import::ImportReport r
            = importText(roundIntake, QStringLiteral("이름,금액\n김영희,3\n"));
        CHECK(r.errors.size() == 2); // no round, no item (성명 says who)
        CHECK(r.errors[0].line == 1);
    }
    SECTION("a huge file is refused before it is read")
    {
        const QString path = dir.path(QStringLiteral("huge.csv"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(header.toUtf8());
        REQUIRE(f.resize(Intake::SignalParser::maxFileBytes + 1024));
        f.close();
        auto r = roundIntake.importSignals(path);
        REQUIRE(r);
        REQUIRE(r->errors.size() == 1);
        CHECK(r->errors[0].reason.contains(QStringLiteral("MB")));
        CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM crisis_signals")) == before);
    }
}

TEST_CASE("A 발굴 round matches listed persons to households, raises their score and marks them new", "[intake][signals]")
{
    Test::TempDir dir;
    const QString path = Test::demoStoreCopy(dir);
    auto ws = Test::openStore(path);
    REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-lead")));
    Intake::RoundIntake roundIntake(*ws);
    const QList<Listed> heads = uniqueHeads(*ws, 2);
    const Listed &byName = heads[0], &byId = heads[1];
    const double nameBefore = score(*ws, byName.householdId), idBefore = score(*ws, byId.householdId);
    // Two namesakes born the same day in different households: the round cannot tell them apart.
    auto twin = ws->db().execute(QStringLiteral("UPDATE persons SET name = ?, birth_date = ? WHERE id = (SELECT id FROM persons "
                                                "WHERE household_id <> ? AND household_id <> ? AND is_head = 1 LIMIT 1)"),
                                 {byName.name, byName.birth.toString(Qt::ISODate), byName.householdId, byId.householdId});
    REQUIRE(twin);
    const QString unknownRrn = QStringLiteral("480302-2123456");
    const QString csv = header
        + QStringLiteral("2026-6,%1,%2,,,,E01,,\n").arg(byName.name, byName.birth.toString(Qt::ISODate))
        + QStringLiteral("2026-6,,,,,%1,F03,\"5,400,000\",\n").arg(byId.householdId)
        + QStringLiteral("2026-6차,홍길순,,%1,서울특별시 서대문구 없는로 1,,E02,,\n").arg(unknownRrn)
        + QStringLiteral("2026-6,홍길순,1948-03-02,,서울특별시 서대문구 없는로 1,,H01,,4\n");
    Import::ImportReport r = importText(roundIntake, csv);
    REQUIRE(r.ok());
    CHECK(r.imported == 4);
    // The namesakes: the listed person now exists twice, so the round entry waits for a person.
    CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM crisis_signals WHERE match_status = 'unmatched'")) == 3);
    CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM crisis_signals WHERE household_id = '%1' AND round_id = '2026-6'")
                               .arg(byId.householdId)) == 1);
    CHECK(score(*ws, byId.householdId) > idBefore);
    CHECK_FALSE(ws->db().scalar(QStringLiteral("SELECT flagged_new_at FROM households WHERE id = ?"), {byId.householdId})->isNull());
    CHECK(score(*ws, byName.householdId) == nameBefore);

    // The queue: the namesakes' entry with both households as candidates, and the unknown person
    // with both items under one entry.
    auto queue = roundIntake.signalQueue();
    REQUIRE(queue);
    REQUIRE(queue->size() == 2);
    const auto entryOf = [&](const QString &name) {
        for (const auto &e : *queue) {
            if (e.listing.subjectName == name)
                return e;
        }
        FAIL("no queue entry for " << name.toStdString());
        return Intake::RoundIntake::Entry{};
    };
    const auto twins = entryOf(byName.name);
    REQUIRE(twins.candidates.size() >= 2);
    CHECK(twins.candidates[0].reasons.contains(
        Intake::MatchReason{Intake::MatchReason::Kind::NameAndBirth, {}, {}}));
    CHECK(twins.candidates[1].reasons.contains(
        Intake::MatchReason{Intake::MatchReason::Kind::NameAndBirth, {}, {}}));
    const auto stranger = entryOf(QStringLiteral("홍길순"));
    CHECK(stranger.items.size() == 2);
    CHECK(stranger.listing.subjectBirth == QDate(1948, 3, 2)); // from the 주민등록번호
    CHECK(stranger.listing.subjectSex == QLatin1String("F"));

    // The caseworker settles the namesakes: the score rises, the household shows new, and the
    // timeline shows the item as new.
    REQUIRE_OK(roundIntake.linkSignal(twins.id, byName.householdId));
    CHECK(score(*ws, byName.householdId) > nameBefore);
    auto view = CaseWork(*ws).open(byName.householdId);
    REQUIRE(view);
    bool shown = false;
    for (const auto &e : view->timeline) {
        const auto *signal = e.as<Storage::TimelineFacts::Signal>();
        if (signal && signal->item.contains(QStringLiteral("단전"))) {
            shown = true;
            CHECK(e.isNew);
            CHECK(signal->round.contains(QStringLiteral("2026-6")));
        }
    }
    CHECK(shown);
    CHECK_FALSE(roundIntake.linkSignal(twins.id, byId.householdId)); // already decided

    // The unknown person becomes a household with a case at 발굴, carrying the listed 주민등록번호.
    const qint64 households = Test::count(*ws, QStringLiteral("SELECT count(*) FROM households"));
    auto opened
        = roundIntake.openSignalHousehold(stranger.items.last().id); // any item names the entry
    if (!opened)
        FAIL(opened.error().toString().toStdString());
    CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM households")) == households + 1);
    CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM cases WHERE stage = 'discovery' AND household_id = '%1'").arg(*opened)) == 1);
    CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM crisis_signals WHERE household_id = '%1' AND match_status = 'new_household'")
                               .arg(*opened)) == 2);
    auto members = Storage::HouseholdStore(ws->db()).members(*opened, &ws->session()->keyring);
    REQUIRE(members);
    REQUIRE(members->size() == 1);
    CHECK(members->first().rrn == unknownRrn);
    CHECK(members->first().birthDate == QDate(1948, 3, 2));
    CHECK(roundIntake.signalQueue()->isEmpty());

    // The same round again: nothing doubled.
    r = importText(roundIntake, csv);
    REQUIRE(r.ok());
    CHECK(r.imported == 0);
    CHECK(r.skipped == 4);
    CHECK(Test::count(*ws, QStringLiteral("SELECT count(*) FROM crisis_signals WHERE round_id = '2026-6'")) >= 4);

    // The listed 주민등록번호 is never in the store file in the clear.
    ws.reset();
    for (const QString &f : {path, path + QStringLiteral("-wal")}) {
        if (QFile::exists(f))
            CHECK_FALSE(Test::readAll(f).contains("480302-2123456"));
    }
}

TEST_CASE("Round ids are read the ways offices write them", "[intake][signals]")
{
    using Intake::SignalParser;
    CHECK(SignalParser::normaliseRound(QStringLiteral("2026-6")) == QLatin1String("2026-6"));
    CHECK(SignalParser::normaliseRound(QStringLiteral("2026-6차")) == QLatin1String("2026-6"));
    CHECK(SignalParser::normaliseRound(QStringLiteral("2026년 3차")) == QLatin1String("2026-3"));
    CHECK(SignalParser::normaliseRound(QStringLiteral("2026 제1회차")) == QLatin1String("2026-1"));
    CHECK(SignalParser::normaliseRound(QStringLiteral("2026-0")).isEmpty());
    CHECK(SignalParser::normaliseRound(QStringLiteral("2026-12")).isEmpty());
    CHECK(SignalParser::normaliseRound(QStringLiteral("1999-1")).isEmpty());
    CHECK(SignalParser::normaliseRound(QStringLiteral("six")).isEmpty());
}
