// SPDX-License-Identifier: GPL-3.0-or-later
// The stores of the casework records, each on its own: needs assessments, counselling notes,
// photos, 발굴 crisis signals, the void log, and the bulk writer that fills new stores.
#include "security/keyring.h"
#include "storage/assessmentstore.h"
#include "storage/attachmentstore.h"
#include "storage/counselingstore.h"
#include "storage/crisisstore.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/sqlitebulkwriter.h"
#include "storage/voidlog.h"
#include "support/storefiles.h"
#include "support/testsupport.h"

#include <QCryptographicHash>

using namespace VisitMap;
using namespace VisitMap::Storage;

namespace {

// A demo store signed in as its caseworker (who holds every office key), and one household.
struct Signed
{
    Test::TempDir dir;
    std::unique_ptr<Workspace> ws;
    QString household;
    QString office;

    Signed()
    {
        ws = Test::openStore(Test::demoStoreCopy(dir));
        REQUIRE_OK(ws->signInDemo(QStringLiteral("demo-caseworker")));
        household = ws->db().scalar(QStringLiteral("SELECT id FROM households ORDER BY rowid LIMIT 1"))->toString();
        office = ws->db().scalar(QStringLiteral("SELECT office_code FROM households WHERE id = ?"), {household})->toString();
        REQUIRE_FALSE(household.isEmpty());
    }
    const Security::Keyring &keys() const { return ws->session()->keyring; }
    qint64 count(const QString &sql) { return Test::count(*ws, sql); }
    qint64 outbox(const QString &entity)
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = '%1'").arg(entity));
    }
};

} // namespace

TEST_CASE("A needs assessment keeps its ratings and notes, refuses bad ones and is never edited", "[core][storage]")
{
    Signed s;
    AssessmentStore store(s.ws->db());
    const qint64 before = s.count(QStringLiteral("SELECT COUNT(*) FROM need_assessments"));
    NeedAssessment bad;
    bad.householdId = s.household;
    CHECK_FALSE(store.add(bad, s.ws->journal(), s.keys())); // nothing rated
    bad.items = {{QStringLiteral("1000000"), 4, {}}};
    CHECK_FALSE(store.add(bad, s.ws->journal(), s.keys())); // levels are 0 to 3
    bad.items = {{QStringLiteral("1000000"), 1, {}}, {QStringLiteral("1000000"), 2, {}}};
    CHECK_FALSE(store.add(bad, s.ws->journal(), s.keys())); // a domain twice
    bad.items = {{QStringLiteral("XYZ"), 1, {}}};
    CHECK_FALSE(store.add(bad, s.ws->journal(), s.keys()));
    CHECK(s.count(QStringLiteral("SELECT COUNT(*) FROM need_assessments")) == before);

    NeedAssessment a;
    a.householdId = s.household;
    a.items = {{QStringLiteral("8000000"), 3, QStringLiteral("보일러 고장")}, {QStringLiteral("5000000"), 0, {}}};
    const qint64 outbox = s.outbox(QStringLiteral("assessment"));
    REQUIRE_OK(store.add(a, s.ws->journal(), s.keys()));
    CHECK_FALSE(a.id.isEmpty());
    CHECK(a.officeCode == s.office);
    CHECK(s.outbox(QStringLiteral("assessment")) == outbox + 1); // queued for the sync with it
    auto list = store.forHousehold(s.household, &s.keys());
    REQUIRE(list);
    const NeedAssessment *stored = nullptr;
    for (const NeedAssessment &x : *list)
        if (x.id == a.id)
            stored = &x;
    REQUIRE(stored);
    REQUIRE(stored->items.size() == 2);
    QHash<QString, std::pair<int, QString>> items;
    for (const NeedItem &i : stored->items)
        items.insert(i.domain, {i.level, i.note});
    CHECK(items.value(QStringLiteral("8000000")) == std::pair<int, QString>(3, QStringLiteral("보일러 고장")));
    CHECK(items.value(QStringLiteral("5000000")).first == 0);
    CHECK_FALSE(s.ws->db().exec(QStringLiteral("UPDATE need_assessments SET assessed_at = '2020-01-01T00:00:00Z'")));
    // A household that does not exist gets nothing written.
    NeedAssessment stray = a;
    stray.id.clear();
    stray.householdId = QStringLiteral("no-such-household");
    CHECK(store.add(stray, s.ws->journal(), s.keys()).error().code == ErrorCode::NotFound);
}

TEST_CASE("A counselling note rests encrypted, opens only with the office key and is never edited", "[core][storage]")
{
    Signed s;
    CounselingStore store(s.ws->db());
    CounselingNote empty;
    empty.householdId = s.household;
    empty.body = QStringLiteral("   ");
    CHECK_FALSE(store.add(empty, s.ws->journal(), s.keys()));

    CounselingNote n;
    n.householdId = s.household;
    n.topic = QStringLiteral("경제");
    n.body = QStringLiteral("카드 연체 3개월, 채무조정 상담 원함 — 상담본문 41fa");
    // Without the office key nothing is written, rather than the body in the clear.
    const qint64 before = s.count(QStringLiteral("SELECT COUNT(*) FROM counseling_notes"));
    CounselingNote keyless = n;
    CHECK_FALSE(store.add(keyless, s.ws->journal(), Security::Keyring()));
    CHECK(s.count(QStringLiteral("SELECT COUNT(*) FROM counseling_notes")) == before);

    REQUIRE_OK(store.add(n, s.ws->journal(), s.keys()));
    const QByteArray body = QStringLiteral("상담본문 41fa").toUtf8();
    const QByteArray onDisk = Test::storeFilesBytes(s.ws->path());
    CHECK(onDisk.contains(n.id.toUtf8())); // the scan sees the note's row (its id is in the clear)
    CHECK_FALSE(onDisk.contains(body));
    auto cipher = s.ws->db().scalar(QStringLiteral("SELECT body_cipher FROM counseling_notes WHERE id = ?"), {n.id});
    REQUIRE(cipher);
    CHECK_FALSE(cipher->toByteArray().contains(body));
    CHECK_FALSE(s.ws->db().scalar(QStringLiteral("SELECT payload FROM outbox WHERE entity_id = ?"), {n.id})
                    ->toString().toUtf8().contains(body));

    auto withKey = store.forHousehold(s.household, &s.keys());
    REQUIRE(withKey);
    auto withoutKey = store.forHousehold(s.household, nullptr);
    REQUIRE(withoutKey);
    auto find = [&](const QList<CounselingNote> &list) -> const CounselingNote * {
        for (const CounselingNote &x : list)
            if (x.id == n.id)
                return &x;
        return nullptr;
    };
    REQUIRE(find(*withKey));
    CHECK(find(*withKey)->body == n.body);
    CHECK(find(*withKey)->topic == QStringLiteral("경제"));
    REQUIRE(find(*withoutKey));
    CHECK(find(*withoutKey)->body.isEmpty());
    CHECK_FALSE(s.ws->db().exec(QStringLiteral("UPDATE counseling_notes SET topic = 'x'")));
}

TEST_CASE("A photo is kept only with consent, encrypted, with a keyed digest, and opens as it was with a logged view", "[core][storage]")
{
    Signed s;
    AttachmentStore store(s.ws->db());
    const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray("photo-body-c07e");
    CHECK_FALSE(store.add(s.household, QStringLiteral("a.png"), png, false, {}, s.ws->journal(), s.keys()));
    CHECK_FALSE(store.add(s.household, QStringLiteral("a.png"), {}, true, {}, s.ws->journal(), s.keys()));
    CHECK_FALSE(store.add(s.household, QStringLiteral("a.png"), QByteArray(AttachmentStore::maxBytes + 1, 'x'), true, {},
                          s.ws->journal(), s.keys()));
    CHECK(store.add(s.household, QStringLiteral("a.png"), png, true, {}, s.ws->journal(), Security::Keyring())
              .error().code == ErrorCode::KeyUnavailable);
    CHECK(s.count(QStringLiteral("SELECT COUNT(*) FROM attachments")) == 0);

    auto a = store.add(s.household, QStringLiteral("/tmp/x/../현관 사진.png"), png, true, {}, s.ws->journal(), s.keys());
    REQUIRE(a);
    CHECK(a->fileName == QStringLiteral("현관 사진.png")); // no folders kept
    CHECK(a->mime == QStringLiteral("image/png"));
    CHECK(a->size == png.size());
    // The digest is keyed from the office key: the plain SHA-256 of the bytes (a guessing oracle)
    // is never kept.
    const QString plain = QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
    CHECK(a->sha256.startsWith(QStringLiteral("b2k1:")));
    CHECK_FALSE(a->sha256.contains(plain));
    CHECK_FALSE(Test::storeFilesBytes(s.ws->path()).contains(plain.toLatin1()));
    CHECK_FALSE(Test::storeFilesBytes(s.ws->path()).contains("photo-body-c07e"));
    auto listed = store.forHousehold(s.household);
    REQUIRE(listed);
    REQUIRE(listed->size() == 1);
    CHECK(listed->first().id == a->id);

    const auto views = [&] {
        return s.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'reveal' AND detail LIKE '%%1%'").arg(a->id));
    };
    const qint64 seen = views();
    auto bytes = store.read(a->id, s.ws->journal(), s.keys());
    REQUIRE(bytes);
    CHECK(*bytes == png);
    CHECK(views() == seen + 1);
    CHECK(store.read(a->id, s.ws->journal(), Security::Keyring()).error().code == ErrorCode::KeyUnavailable);
    // A stored photo whose bytes were swapped for another's does not open.
    REQUIRE_OK(s.ws->db().exec(QStringLiteral("UPDATE attachments SET sha256 = '%1'").arg(QString(64, u'0'))));
    CHECK(store.read(a->id, s.ws->journal(), s.keys()).error().code == ErrorCode::Crypto);
}

TEST_CASE("발굴 entries keep their item version, encrypt the listed 주민등록번호 and are matched to a household",
          "[core][storage]")
{
    Signed s;
    CrisisStore store(s.ws->db());
    auto version = store.currentVersion();
    REQUIRE(version);
    CHECK(*version == QStringLiteral("2024-11"));
    auto items = store.items(*version);
    REQUIRE(items);
    CHECK(items->size() == 47);
    const QString code = items->first().code;

    CrisisSignal e;
    e.officeCode = s.office;
    e.roundId = QStringLiteral("2026-9");
    e.itemVersion = *version;
    e.itemCode = code;
    e.amount = 250000;
    e.receivedDate = QDate(2026, 11, 20);
    e.subjectName = QStringLiteral("홍길순");
    e.subjectBirth = QDate(1951, 2, 3);
    e.subjectSex = QStringLiteral("F");
    e.matchStatus = MatchStatus::Unmatched;
    QList<CrisisSignal> entries{e};
    REQUIRE_OK(s.ws->db().transaction(
        [&] { return store.add(entries, {QStringLiteral("510203-2000008")}, s.ws->journal(), s.keys()); }));
    const CrisisSignal stored = entries.first();
    CHECK_FALSE(stored.id.isEmpty());
    CHECK_FALSE(Test::storeFilesBytes(s.ws->path()).contains("510203-2000008"));
    auto got = store.get(stored.id);
    REQUIRE(got);
    CHECK(got->itemVersion == *version);
    CHECK(got->itemCode == code);
    CHECK(got->amount == 250000);
    CHECK(got->subjectName == QStringLiteral("홍길순"));
    CHECK(got->subjectBirth == QDate(1951, 2, 3));
    CHECK(got->subjectSex == QStringLiteral("F"));
    auto keys = store.existingKeys({QStringLiteral("2026-9")});
    REQUIRE(keys);
    CHECK(keys->contains(signalRepeatKey(QStringLiteral("2026-9"), QStringLiteral("홍길순"), QStringLiteral("1951-02-03"), {},
                                         *version, code)));
    auto waiting = store.unmatched({s.office});
    REQUIRE(waiting);
    bool listed = false;
    for (const CrisisSignal &w : *waiting)
        listed = listed || w.id == stored.id;
    CHECK(listed);
    auto none = store.unmatched({QStringLiteral("0000000000")});
    REQUIRE(none);
    CHECK(none->isEmpty()); // another office's queue does not show it

    // The listed number opens with the key, and reading it is logged.
    const qint64 audit = s.count(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    auto rrn = store.listedRrn(*got, s.ws->journal(), s.keys());
    REQUIRE(rrn);
    CHECK(*rrn == QStringLiteral("510203-2000008"));
    CHECK(s.count(QStringLiteral("SELECT COUNT(*) FROM audit_log")) == audit + 1);

    REQUIRE_OK(store.match({*got}, s.household, {}, MatchStatus::Matched, s.ws->journal()));
    auto forHousehold = store.signalsFor(s.household);
    REQUIRE(forHousehold);
    bool matched = false;
    for (const CrisisSignal &x : *forHousehold)
        matched = matched || (x.id == stored.id && x.matchStatus == MatchStatus::Matched);
    CHECK(matched);
    waiting = store.unmatched({s.office});
    REQUIRE(waiting);
    for (const CrisisSignal &w : *waiting)
        CHECK(w.id != stored.id);
}

TEST_CASE("Taking an entry back needs a reason, happens once, and goes to the sync with the entry kept", "[core][storage]")
{
    Signed s;
    const QString visit = s.ws->db().scalar(QStringLiteral("SELECT id FROM visits WHERE household_id = ? LIMIT 1"), {s.household})->toString();
    REQUIRE_FALSE(visit.isEmpty());
    Database &db = s.ws->db();
    CHECK_FALSE(VoidLog::add(db, s.ws->journal(), QStringLiteral("visit"), visit, s.household, s.office, QStringLiteral("  ")));
    CHECK_FALSE(*VoidLog::isVoided(db, QStringLiteral("visit"), visit));
    const qint64 outbox = s.outbox(QStringLiteral("void"));
    REQUIRE_OK(VoidLog::add(db, s.ws->journal(), QStringLiteral("visit"), visit, s.household, s.office, QStringLiteral("중복 입력")));
    CHECK(*VoidLog::isVoided(db, QStringLiteral("visit"), visit));
    CHECK(VoidLog::voidedIds(db, QStringLiteral("visit"))->contains(visit));
    CHECK_FALSE(VoidLog::voidedIds(db, QStringLiteral("assessment"))->contains(visit));
    CHECK(s.outbox(QStringLiteral("void")) == outbox + 1);
    CHECK(s.count(QStringLiteral("SELECT COUNT(*) FROM visits WHERE id = '%1'").arg(visit)) == 1); // the entry stays
    CHECK(s.count(QStringLiteral("SELECT COUNT(*) FROM voids WHERE entity_id = '%1' AND reason = '중복 입력'").arg(visit)) == 1);
    CHECK_FALSE(VoidLog::add(db, s.ws->journal(), QStringLiteral("visit"), visit, s.household, s.office, QStringLiteral("또")));
    CHECK(s.count(QStringLiteral("SELECT COUNT(*) FROM voids WHERE entity_id = '%1'").arg(visit)) == 1);
    CHECK_FALSE(db.exec(QStringLiteral("UPDATE voids SET reason = 'x'")));
}

TEST_CASE("The bulk writer stores every kind of value exactly and restores what it suspended", "[core][storage]")
{
    Test::TempDir dir;
    const QString path = dir.path(QStringLiteral("bulk.visitmap"));
    {
        auto db = Database::open(path);
        REQUIRE(db);
        REQUIRE_OK((*db)->exec(QStringLiteral("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")));
        REQUIRE_OK((*db)->exec(QStringLiteral("CREATE INDEX t_s ON t(s)")));
        REQUIRE_OK((*db)->exec(QStringLiteral("CREATE TABLE log (n INTEGER)")));
        REQUIRE_OK((*db)->exec(QStringLiteral("CREATE TRIGGER t_log AFTER INSERT ON t BEGIN INSERT INTO log VALUES (1); END")));
    }
    const QByteArray name = QStringLiteral("김영자 — 통일로").toUtf8();
    const QByteArray blob("\x00\x01\xff zero", 8);
    {
        auto w = SqliteBulkWriter::open(path.toStdString());
        REQUIRE(w);
        auto t = (*w)->prepare("t", {"i", "r", "s", "b", "n"});
        REQUIRE(t);
        CHECK_FALSE((*w)->prepare("no_such_table", {"x"}));
        REQUIRE_OK((*w)->suspendIndexes({"t_s"}));
        REQUIRE_OK((*w)->suspendTriggers({"t"}));
        REQUIRE_OK((*w)->begin());
        BulkRows rows(5);
        for (int k = 0; k < 1000; ++k) {
            rows.addInt(std::int64_t(1) << 40 | k);
            rows.addReal(126.956161 + k * 1e-6);
            rows.addText(std::string_view(name.constData(), std::size_t(name.size())));
            rows.addBlob(std::string_view(blob.constData(), std::size_t(blob.size())));
            rows.addNull();
        }
        CHECK(rows.rows() == 1000);
        REQUIRE_OK((*w)->insert(*t, rows));
        REQUIRE_OK((*w)->commit());
        REQUIRE_OK((*w)->restoreIndexes());
        REQUIRE_OK((*w)->restoreTriggers());
    }
    auto db = Database::open(path);
    REQUIRE(db);
    CHECK((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM t"))->toInt() == 1000);
    auto q = (*db)->execute(QStringLiteral("SELECT i, r, s, b, n, typeof(n) FROM t ORDER BY i LIMIT 1 OFFSET 7"));
    REQUIRE(q);
    REQUIRE(q->next());
    CHECK(q->value(0).toLongLong() == ((qint64(1) << 40) | 7));
    CHECK(q->value(1).toDouble() == Approx(126.956168).margin(1e-9));
    CHECK(q->value(2).toString() == QString::fromUtf8(name));
    CHECK(q->value(3).toByteArray() == blob);
    CHECK(q->value(5).toString() == QStringLiteral("null"));
    // The suspended index and trigger are back as they were (and the load did not fire the trigger).
    CHECK((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 't_s' AND type = 'index'"))->toInt() == 1);
    CHECK((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 't_log' AND type = 'trigger'"))->toInt() == 1);
    CHECK((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM log"))->toInt() == 0);
    CHECK((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM t INDEXED BY t_s WHERE s = ?"), {QString::fromUtf8(name)})->toInt() == 1000);
    REQUIRE_OK((*db)->exec(QStringLiteral("INSERT INTO t (i) VALUES (1)")));
    CHECK((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM log"))->toInt() == 1);
    CHECK((*db)->scalar(QStringLiteral("PRAGMA integrity_check"))->toString() == QStringLiteral("ok"));
}
