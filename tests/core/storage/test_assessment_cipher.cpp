// SPDX-License-Identifier: GPL-3.0-or-later
// Needs-assessment notes are 민감정보 (DESIGN §7): they rest encrypted under the office key in the
// store, its WAL and the outbox, an older store's plaintext notes are encrypted at the next
// sign-in, and a colleague of the same office opens them after a sync.
#include "support/syncfixture.h"
#include "support/testsupport.h"

#include "security/keyring.h"
#include "storage/assessmentstore.h"
#include "storage/database.h"
#include "storage/entitymap.h"
#include "storage/journal.h"
#include "sync/syncservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

using namespace VisitMap;

namespace {

const QString health = QStringLiteral("1000000"); // 건강

// Which of the store file, its -wal and its -shm hold these bytes (read from disk as they are).
QStringList filesHolding(const QString &store, const QString &text)
{
    const QByteArray needle = text.toUtf8();
    QStringList out;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile f(store + suffix);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            out << (suffix.isEmpty() ? QStringLiteral("store") : suffix);
    }
    return out;
}

// A household of an office whose key the signed-in account holds.
QString householdWithKey(Workspace &ws)
{
    const QStringList offices = ws.session()->keyring.offices();
    REQUIRE_FALSE(offices.isEmpty());
    auto id = ws.db().scalar(
        QStringLiteral("SELECT id FROM households WHERE office_code = ? ORDER BY id LIMIT 1"),
        {offices.first()});
    REQUIRE(id);
    REQUIRE_FALSE(id->isNull());
    return id->toString();
}

NeedAssessment healthAssessment(const QString &household, const QString &note)
{
    NeedAssessment a;
    a.householdId = household;
    a.items = {{health, 3, note}, {QStringLiteral("2000000"), 1, {}}};
    return a;
}

const NeedItem *
itemOf(const QList<NeedAssessment> &all, const QString &assessmentId, const QString &domain)
{
    for (const NeedAssessment &a : all) {
        for (const NeedItem &i : a.items) {
            if (a.id == assessmentId && i.domain == domain)
                return &i;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("A needs-assessment note rests encrypted in the store, its WAL and shm, and reads back "
          "for its author",
          "[assessment][crypto]")
{
    Test::TempDir dir;
    const QString path = Test::demoStoreCopy(dir);
    auto ws = Test::openStore(path);
    REQUIRE_OK(ws->signInDemo());
    const QString household = householdWithKey(*ws);
    const QString note
        = QStringLiteral("당뇨 관리 안 됨 %1").arg(QUuid::createUuid().toString(QUuid::Id128));

    NeedAssessment a = healthAssessment(household, note);
    REQUIRE_OK(Storage::AssessmentStore(ws->db()).add(a, ws->journal(), ws->session()->keyring));

    // The scan can fail: the assessment's id, written in the clear in the same transaction, is
    // found.
    CHECK_FALSE(filesHolding(path, a.id).isEmpty());
    CHECK(filesHolding(path, note) == QStringList());
    CHECK(Test::count(*ws,
                      QStringLiteral("SELECT COUNT(*) FROM need_assessment_items WHERE note <> ''"))
          == 0);
    CHECK(Test::count(
              *ws, QStringLiteral(
                       "SELECT COUNT(*) FROM need_assessment_items WHERE note_cipher IS NOT NULL "
                       "AND assessment_id = '%1'")
                       .arg(a.id))
          == 1);
    auto payload = ws->db().scalar(
        QStringLiteral("SELECT payload FROM outbox WHERE entity = 'assessment' AND entity_id = ?"),
        {a.id});
    REQUIRE(payload);
    CHECK(payload->toString().contains(QLatin1String("note_cipher")));

    // The author reads it back; without the key it shows as locked, never as ciphertext.
    auto withKey
        = Storage::AssessmentStore(ws->db()).forHousehold(household, &ws->session()->keyring);
    REQUIRE(withKey);
    const NeedItem *item = itemOf(*withKey, a.id, health);
    REQUIRE(item);
    CHECK(item->note == note);
    CHECK_FALSE(item->noteLocked);
    auto locked = Storage::AssessmentStore(ws->db()).forHousehold(household, nullptr);
    REQUIRE(locked);
    item = itemOf(*locked, a.id, health);
    REQUIRE(item);
    CHECK(item->note.isEmpty());
    CHECK(item->noteLocked);
    const NeedItem *empty = itemOf(*locked, a.id, QStringLiteral("2000000"));
    REQUIRE(empty);
    CHECK_FALSE(empty->noteLocked); // an empty note has nothing to lock

    // The ciphertext is bound to its row: moved to another domain it does not open.
    REQUIRE(ws->db().execute(
        QStringLiteral("UPDATE need_assessment_items SET note_cipher = (SELECT note_cipher FROM "
                       "need_assessment_items WHERE assessment_id = ? AND domain = ?) "
                       "WHERE assessment_id = ? AND domain = '2000000'"),
        {a.id, health, a.id}));
    auto moved
        = Storage::AssessmentStore(ws->db()).forHousehold(household, &ws->session()->keyring);
    REQUIRE(moved);
    item = itemOf(*moved, a.id, QStringLiteral("2000000"));
    REQUIRE(item);
    CHECK(item->noteLocked);
    CHECK(item->note.isEmpty());
}

TEST_CASE("An older store's plaintext needs-assessment note is encrypted at the next sign-in and "
          "leaves the files",
          "[assessment][crypto]")
{
    Test::TempDir dir;
    const QString path = Test::demoStoreCopy(dir);
    auto ws = Test::openStore(path);
    REQUIRE_OK(ws->signInDemo());
    const QString household = householdWithKey(*ws);
    const QString office
        = ws->db()
              .scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"),
                      {household})
              ->toString();
    const QString note
        = QStringLiteral("당뇨 관리 안 됨 %1").arg(QUuid::createUuid().toString(QUuid::Id128));
    const QString id = ws->journal().newId();

    // What an older version wrote: the note in the plaintext column and in the outbox payload.
    REQUIRE(ws->db().execute(
        QStringLiteral("INSERT INTO need_assessments (id, household_id, office_code, assessed_at, "
                       "created_at, created_by) VALUES (?, ?, ?, '2026-11-20T01:00:00Z', "
                       "'2026-11-20T01:00:00Z', 'demo-caseworker')"),
        {id, household, office}));
    REQUIRE(ws->db().execute(
        QStringLiteral("INSERT INTO need_assessment_items (assessment_id, domain, level, note) "
                       "VALUES (?, ?, 3, ?)"),
        {id, health, note}));
    // A long note spills into overflow pages, which SQLite frees without zeroing unless told to.
    const QString tail = QUuid::createUuid().toString(QUuid::Id128);
    const QString longNote = QStringLiteral("경제 사정 ") + QString(1800, QChar(0xAC00)) + tail;
    REQUIRE(ws->db().execute(
        QStringLiteral("INSERT INTO need_assessment_items (assessment_id, domain, level, note) "
                       "VALUES (?, '2000000', 2, ?)"),
        {id, longNote}));
    const QString payload
        = QStringLiteral(
              R"({"id":"%1","household_id":"%2","items":[{"domain":"%3","level":3,"note":"%4"}]})")
              .arg(id, household, health, note);
    REQUIRE(ws->db().execute(
        QStringLiteral(
            "INSERT INTO outbox (change_id, entity, entity_id, op, office_code, payload, "
            "created_at, created_by) VALUES (?, 'assessment', ?, 'append', ?, ?, "
            "'2026-11-20T01:00:00Z', 'demo-caseworker')"),
        {ws->journal().newId(), id, office, payload}));
    // The scan can fail: the plaintext is found where the older version left it.
    CHECK_FALSE(filesHolding(path, note).isEmpty());
    CHECK_FALSE(filesHolding(path, tail).isEmpty());

    ws->signOut();
    REQUIRE_OK(ws->signInDemo());

    CHECK(filesHolding(path, note) == QStringList());
    CHECK_FALSE(filesHolding(path, id).isEmpty()); // the same record, still there in the clear
    CHECK(filesHolding(path, tail) == QStringList());
    CHECK(Test::count(*ws,
                      QStringLiteral("SELECT COUNT(*) FROM need_assessment_items WHERE note <> ''"))
          == 0);
    auto sent = ws->db().scalar(
        QStringLiteral("SELECT payload FROM outbox WHERE entity = 'assessment' AND entity_id = ?"),
        {id});
    REQUIRE(sent);
    CHECK(sent->toString().contains(QLatin1String("note_cipher")));
    auto read = Storage::AssessmentStore(ws->db()).forHousehold(household, &ws->session()->keyring);
    REQUIRE(read);
    const NeedItem *item = itemOf(*read, id, health);
    REQUIRE(item);
    CHECK(item->note == note);
    const NeedItem *longItem = itemOf(*read, id, QStringLiteral("2000000"));
    REQUIRE(longItem);
    CHECK(longItem->note == longNote);

    // A second sign-in finds nothing left to do.
    auto again = Storage::AssessmentStore(ws->db()).encryptPlaintextNotes(ws->session()->keyring);
    REQUIRE(again);
    CHECK(again->encrypted == 0);
}

TEST_CASE("A colleague of the same office opens a needs-assessment note after a sync, the central "
          "store holds ciphertext",
          "[assessment][crypto][sync]")
{
    Test::District d;
    d.syncLead();
    d.central.user(QStringLiteral("kim"), QStringLiteral("caseworker"), {d.officeA});
    auto kim = d.fresh(QStringLiteral("kim"));
    d.syncLead(); // seals the office key to kim
    const auto syncKim = [&] {
        auto r = Sync::SyncService(*kim).syncAs(d.central.conninfo, QStringLiteral("kim"),
                                                QString::fromLatin1(Test::Central::staffPassword));
        if (!r)
            FAIL(r.error().toString().toStdString());
        return *r;
    };
    CHECK(syncKim().keysReceived == 1);
    REQUIRE(kim->session()->keyring.has(d.officeA));

    auto household = d.lead->db().scalar(
        QStringLiteral("SELECT id FROM households WHERE office_code = ? ORDER BY id LIMIT 1"),
        {d.officeA});
    REQUIRE(household);
    const QString note
        = QStringLiteral("당뇨 관리 안 됨 %1").arg(QUuid::createUuid().toString(QUuid::Id128));
    NeedAssessment a = healthAssessment(household->toString(), note);
    REQUIRE_OK(Storage::AssessmentStore(d.lead->db())
                   .add(a, d.lead->journal(), d.lead->session()->keyring));
    CHECK(d.syncLead().pushed >= 1);
    syncKim();

    // The central store has the assessment, and its note only as ciphertext.
    CHECK(d.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.entities WHERE entity_id = '%1'")
                  .arg(a.id))
          == 1);
    const QString marker = note.section(u' ', -1);
    CHECK(d.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE entity_id = '%1'")
                  .arg(a.id))
          == 1);
    CHECK(d.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.entities WHERE data::text LIKE '%%1%'")
                  .arg(marker))
          == 0);
    CHECK(
        d.central.count(
            QStringLiteral("SELECT COUNT(*) FROM visitmap.changes WHERE payload::text LIKE '%%1%'")
                .arg(marker))
        == 0);
    CHECK(d.central.count(
              QStringLiteral("SELECT COUNT(*) FROM visitmap.entities WHERE entity_id = '%1' "
                             "AND data::text LIKE '%note_cipher%'")
                  .arg(a.id))
          == 1);

    auto read = Storage::AssessmentStore(kim->db()).forHousehold(household->toString(),
                                                                 &kim->session()->keyring);
    REQUIRE(read);
    const NeedItem *item = itemOf(*read, a.id, health);
    REQUIRE(item);
    CHECK_FALSE(item->noteLocked);
    CHECK(item->note == note);
    CHECK(Test::count(*kim,
                      QStringLiteral("SELECT COUNT(*) FROM need_assessment_items WHERE note <> ''"))
          == 0);
}

TEST_CASE(
    "A pulled copy with a plaintext note never replaces a needs-assessment note held as ciphertext",
    "[assessment][crypto]")
{
    Test::TempDir dir;
    auto ws = Test::openStore(Test::demoStoreCopy(dir));
    REQUIRE_OK(ws->signInDemo());
    const QString household = householdWithKey(*ws);
    const QString note
        = QStringLiteral("당뇨 관리 안 됨 %1").arg(QUuid::createUuid().toString(QUuid::Id128));
    NeedAssessment a = healthAssessment(household, note);
    REQUIRE_OK(Storage::AssessmentStore(ws->db()).add(a, ws->journal(), ws->session()->keyring));

    // What an older workstation pushed for the same record: the note in the clear.
    const QJsonObject older{{QStringLiteral("id"), a.id},
                            {QStringLiteral("household_id"), household},
                            {QStringLiteral("office_code"), a.officeCode},
        {QStringLiteral("assessed_at"), QStringLiteral("2026-11-20T01:00:00Z")},
        {QStringLiteral("created_at"), QStringLiteral("2026-11-20T01:00:00Z")},
        {QStringLiteral("created_by"), QStringLiteral("demo-caseworker")},
                            {QStringLiteral("items"),
                             QJsonArray{QJsonObject{{QStringLiteral("domain"), health},
                                                    {QStringLiteral("level"), 3},
                                                    {QStringLiteral("note"),
                                                     QStringLiteral("옛 사본 %1").arg(note)}}}}};
    Sync::RowCodec codec(ws->db());
    REQUIRE_OK(codec.upsert(*Sync::entitySpec(QStringLiteral("assessment")), a.id, older));

    CHECK(Test::count(*ws,
                      QStringLiteral("SELECT COUNT(*) FROM need_assessment_items WHERE note <> ''"))
          == 0);
    auto read = Storage::AssessmentStore(ws->db()).forHousehold(household, &ws->session()->keyring);
    REQUIRE(read);
    const NeedItem *item = itemOf(*read, a.id, health);
    REQUIRE(item);
    CHECK(item->note == note);
}
