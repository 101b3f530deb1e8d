// SPDX-License-Identifier: GPL-3.0-or-later
// Stores made by earlier versions of the program, holding data, migrated to the latest schema:
// every record survives, unchanged, and the program reads it. The old stores are built here from
// the real migration files (up to version N) and rows written with SQL of that version.
#include "storage/database.h"
#include "storage/householdstore.h"
#include "storage/migrator.h"
#include "storage/searchkeys.h"
#include "support/pgserver.h"
#include "support/testsupport.h"
#include "sync/centralstore.h"
#include "sync/syncservice.h"

#include <QDirIterator>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace VisitMap;
using namespace VisitMap::Storage;

namespace {

const QString householdId = QStringLiteral("0192f000-0000-7000-8000-000000000010");

// One row in every table of schema version 1, as a version-1 program would have written them.
const char *const version1Rows[] = {
    "INSERT INTO store_meta (key, value) VALUES ('made_by', 'visitmap 0.1')",
    "INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('idle_lock_minutes', '7', "
    "'2026-01-02T00:00:00Z', 'admin1')",
    "INSERT INTO offices (code, name, full_name, sgg_code, sgg_name, sido_name, boundary, min_lon, "
    "min_lat, max_lon, max_lat, centroid_lon, centroid_lat, office_lon, office_lat, office_address, "
    "created_at, updated_at) VALUES ('1141052000', '천연동', '서울특별시 서대문구 천연동', '11410', "
    "'서대문구', '서울특별시', NULL, 126.95, 37.56, 126.97, 37.58, 126.96, 37.57, 126.961, 37.571, "
    "'서울특별시 서대문구 통일로 1', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')",
    "INSERT INTO staff (id, name, display_name, role, pw_hash, public_key, wrapped_secret_key, "
    "kdf_salt, failed_logins, locked_at, password_changed_at, active, created_at, updated_at, "
    "created_by) VALUES ('0192f000-0000-7000-8000-000000000001', 'case1', '이복지', 'caseworker', "
    "'$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA', x'0102', x'0304', x'0506', 1, NULL, "
    "'2026-01-02T00:00:00Z', 1, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z', 'admin1')",
    "INSERT INTO staff_grants (staff_id, scope, granted_at, granted_by) VALUES "
    "('0192f000-0000-7000-8000-000000000001', '1141052000', '2026-01-02T00:00:00Z', 'admin1')",
    "INSERT INTO rights_log (at, actor, account, change, detail) VALUES ('2026-01-02T00:00:00Z', "
    "'admin1', 'case1', 'create', '천연동')",
    "INSERT INTO data_keys (office_code, key_check, created_at, created_by) VALUES ('1141052000', "
    "x'0a0b0c', '2026-01-02T00:00:00Z', 'case1')",
    "INSERT INTO key_grants (office_code, staff_id, sealed_key, granted_at, granted_by) VALUES "
    "('1141052000', '0192f000-0000-7000-8000-000000000001', x'0d0e0f', '2026-01-02T00:00:00Z', "
    "'case1')",
    "INSERT INTO teams (id, office_code, name, created_at, created_by) VALUES "
    "('0192f000-0000-7000-8000-000000000002', '1141052000', '1팀', '2026-01-02T00:00:00Z', 'admin1')",
    "INSERT INTO team_members (team_id, staff_id) VALUES ('0192f000-0000-7000-8000-000000000002', "
    "'0192f000-0000-7000-8000-000000000001')",
    "INSERT INTO households (id, office_code, legal_dong_code, road_address, address_detail, tong, "
    "ban, lon, lat, household_type, housing, phone, head_name, member_count, assigned_worker, "
    "risk_score, risk_tier, risk_override, risk_override_reason, visit_cycle_days, last_visit_at, "
    "next_visit_due, status, flagged_new_at, source, published, revision, created_at, updated_at, "
    "created_by) VALUES ('0192f000-0000-7000-8000-000000000010', '1141052000', '1141010100', "
    "'서울특별시 서대문구 통일로 101', '101동 202호', 3, 2, 126.956161, 37.571953, '노인단독', "
    "'공공임대', '010-0123-4567', '김영자', 1, 'case1', 0.82, 'high', 'medium', '아들 동거 시작', "
    "14, '2026-01-03T01:00:00Z', '2026-01-17', 'active', NULL, 'import', 1, 5, "
    "'2026-01-02T00:00:00Z', '2026-01-03T01:00:00Z', 'case1')",
    "INSERT INTO persons (id, household_id, office_code, name, birth_date, sex, rrn_cipher, "
    "relationship, is_head, disability, nationality, health_cipher, created_at, updated_at, "
    "created_by) VALUES ('0192f000-0000-7000-8000-000000000011', "
    "'0192f000-0000-7000-8000-000000000010', '1141052000', '김영자', '1945-03-11', 'F', x'a1a2a3', "
    "'self', 1, '', 'KR', x'b1b2', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z', 'case1')",
    "INSERT INTO cases (id, household_id, office_code, case_type, stage, stage_since, "
    "discovered_at, intake_at, assessed_at, planned_at, closed_at, worker, created_at, updated_at, "
    "created_by) VALUES ('0192f000-0000-7000-8000-000000000012', "
    "'0192f000-0000-7000-8000-000000000010', '1141052000', 'intensive', 'assessment', "
    "'2026-01-03T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z', NULL, NULL, NULL, "
    "'case1', '2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', 'case1')",
    "INSERT INTO case_stage_changes (id, case_id, office_code, from_stage, to_stage, at, note, "
    "created_at, created_by) VALUES ('0192f000-0000-7000-8000-000000000013', "
    "'0192f000-0000-7000-8000-000000000012', '1141052000', 'intake', 'assessment', "
    "'2026-01-03T00:00:00Z', '초기상담 완료', '2026-01-03T00:00:00Z', 'case1')",
    "INSERT INTO crisis_item_codes (version, code, name, category, unit, weight, since) VALUES "
    "('2023-01', 'OLD01', '단전', '공과금', 'flag', 2.5, '2023-01-01')",
    "INSERT INTO crisis_signals (id, office_code, household_id, person_id, round_id, item_version, "
    "item_code, amount, months, received_date, subject_name, subject_birth, subject_rrn_cipher, "
    "subject_address, match_status, created_at, created_by) VALUES "
    "('0192f000-0000-7000-8000-000000000014', '1141052000', "
    "'0192f000-0000-7000-8000-000000000010', '0192f000-0000-7000-8000-000000000011', '2026-1', "
    "'2023-01', 'OLD01', 120000, 3, '2026-01-02', '김영자', '1945-03-11', x'c1c2', "
    "'서울특별시 서대문구 통일로 101', 'matched', '2026-01-02T00:00:00Z', 'case1')",
    "INSERT INTO crisis_reports (id, external_id, office_code, out_of_area, channel, received_at, "
    "reporter_type, anonymous, categories, household_type, sex, age_band, subject_name, "
    "address_text, lon, lat, description, status, household_id, duplicate_of, resolved_at, "
    "resolved_by, created_at, created_by) VALUES ('0192f000-0000-7000-8000-000000000015', "
    "'R-2026-0001', '1141052000', 0, 'app', '2026-01-02T00:00:00Z', 'neighbour', 1, '[\"단전\"]', "
    "'노인단독', 'F', '80대', '김영자', '통일로 101', 126.956, 37.572, '며칠째 인기척 없음', 'linked', "
    "'0192f000-0000-7000-8000-000000000010', NULL, '2026-01-03T00:00:00Z', 'case1', "
    "'2026-01-02T00:00:00Z', 'case1')",
    "INSERT INTO crisis_report_contacts (report_id, office_code, contact_cipher) VALUES "
    "('0192f000-0000-7000-8000-000000000015', '1141052000', x'd1d2')",
    "INSERT INTO visits (id, household_id, office_code, kind, at, staff_present, met_whom, outcome, "
    "notes, lon, lat, created_at, created_by) VALUES ('0192f000-0000-7000-8000-000000000016', "
    "'0192f000-0000-7000-8000-000000000010', '1141052000', 'visit', '2026-01-03T01:00:00Z', "
    "'case1', '본인', 'met', '난방 확인', 126.956, 37.572, '2026-01-03T01:00:00Z', 'case1')",
    "INSERT INTO visit_checkins (id, household_id, office_code, staff, checked_in_at, "
    "expected_minutes, checked_out_at, visit_id, created_at, created_by) VALUES "
    "('0192f000-0000-7000-8000-000000000017', '0192f000-0000-7000-8000-000000000010', "
    "'1141052000', 'case1', '2026-01-03T00:30:00Z', 45, '2026-01-03T01:10:00Z', "
    "'0192f000-0000-7000-8000-000000000016', '2026-01-03T00:30:00Z', 'case1')",
    "INSERT INTO need_assessments (id, household_id, office_code, visit_id, assessed_at, "
    "created_at, created_by) VALUES ('0192f000-0000-7000-8000-000000000018', "
    "'0192f000-0000-7000-8000-000000000010', '1141052000', "
    "'0192f000-0000-7000-8000-000000000016', '2026-01-03T01:00:00Z', '2026-01-03T01:00:00Z', "
    "'case1')",
    "INSERT INTO need_assessment_items (assessment_id, domain, level, note) VALUES "
    "('0192f000-0000-7000-8000-000000000018', '8000000', 3, '난방 고장')",
    "INSERT INTO counseling_notes (id, household_id, office_code, visit_id, at, topic, "
    "body_cipher, created_at, created_by) VALUES ('0192f000-0000-7000-8000-000000000019', "
    "'0192f000-0000-7000-8000-000000000010', '1141052000', "
    "'0192f000-0000-7000-8000-000000000016', '2026-01-03T01:00:00Z', '생활', x'e1e2e3', "
    "'2026-01-03T01:00:00Z', 'case1')",
    "INSERT INTO voids (id, entity, entity_id, office_code, reason, created_at, created_by) VALUES "
    "('0192f000-0000-7000-8000-00000000001a', 'visit', '0192f000-0000-7000-8000-000000000016', "
    "'1141052000', '다른 가구에 기록함', '2026-01-04T00:00:00Z', 'case1')",
    "INSERT INTO resources (id, kind, name, provider, life_cycle, household_situation, themes, "
    "description, contact, office_code, facility_id, created_at, updated_at, created_by) VALUES "
    "('0192f000-0000-7000-8000-00000000001b', 'private', '천연동 반찬 나눔', '천연동 협의체', '노년', "
    "'', '생활지원', '주 1회 반찬', '02-000-0000', '1141052000', NULL, '2026-01-02T00:00:00Z', "
    "'2026-01-02T00:00:00Z', 'case1')",
    "INSERT INTO service_links (id, household_id, office_code, resource_id, status, requested_at, "
    "provided_at, ended_at, note, created_at, updated_at, created_by) VALUES "
    "('0192f000-0000-7000-8000-00000000001c', '0192f000-0000-7000-8000-000000000010', "
    "'1141052000', '0192f000-0000-7000-8000-00000000001b', 'provided', '2026-01-03T00:00:00Z', "
    "'2026-01-05T00:00:00Z', NULL, '주 1회', '2026-01-03T00:00:00Z', '2026-01-05T00:00:00Z', "
    "'case1')",
    "INSERT INTO facilities (id, code, name, category, category_detail, sgg_code, address, phone, "
    "lon, lat, office_code, placed_by, source, created_at, updated_at, created_by) VALUES "
    "('0192f000-0000-7000-8000-00000000001d', 'F-1', '천연경로당', '노인여가복지시설', '경로당', "
    "'11410', '서울특별시 서대문구 통일로 5', '02-111-1111', 126.95, 37.57, '1141052000', 'source', "
    "'seoul-open-data', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z', 'admin1')",
    "INSERT INTO attachments (id, household_id, report_id, visit_id, office_code, file_name, mime, "
    "sha256, size, consent, data_cipher, created_at, created_by) VALUES "
    "('0192f000-0000-7000-8000-00000000001e', '0192f000-0000-7000-8000-000000000010', NULL, "
    "'0192f000-0000-7000-8000-000000000016', '1141052000', '보일러.jpg', 'image/jpeg', 'abc123', "
    "3, 1, x'f1f2f3', '2026-01-03T01:00:00Z', 'case1')",
    "INSERT INTO audit_log (id, at, account, machine, action, subject_kind, subject, office_code, "
    "detail, reason, prev_hash, hash, published) VALUES ('0192f000-0000-7000-8000-00000000001f', "
    "'2026-01-03T01:00:00Z', 'case1', '10.0.0.5', 'view', 'household', "
    "'0192f000-0000-7000-8000-000000000010', '1141052000', '', '', '00', 'ff', 0)",
    "INSERT INTO outbox (change_id, entity, entity_id, op, office_code, payload, base, created_at, "
    "created_by, attempts, sent_at) VALUES ('0192f000-0000-7000-8000-000000000020', 'visit', "
    "'0192f000-0000-7000-8000-000000000016', 'append', '1141052000', '{\"id\":\"x\"}', '{}', "
    "'2026-01-03T01:00:00Z', 'case1', 2, NULL)",
    "INSERT INTO sync_state (key, value) VALUES ('revision', '41')",
    "INSERT INTO conflicts (id, entity, entity_id, office_code, field, base_value, mine_value, "
    "theirs_value, theirs_by, detected_at, resolved_at, resolved_by, resolution, resolved_value) "
    "VALUES ('0192f000-0000-7000-8000-000000000021', 'household', "
    "'0192f000-0000-7000-8000-000000000010', '1141052000', 'phone', '\"010-0123-4567\"', "
    "'\"010-1111-2222\"', '\"010-3333-4444\"', 'lee', '2026-01-04T00:00:00Z', NULL, NULL, NULL, NULL)",
};

// Rows of tables that later versions added, written once the store has that version.
struct LaterRow
{
    int since;
    const char *sql;
};
const LaterRow laterRows[] = {
    {4, "INSERT INTO risk_changes (id, household_id, office_code, kind, from_tier, to_tier, score, "
        "reason, created_at, created_by) VALUES ('0192f000-0000-7000-8000-000000000030', "
        "'0192f000-0000-7000-8000-000000000010', '1141052000', 'override', 'high', 'medium', 0.82, "
        "'아들 동거 시작', '2026-01-03T02:00:00Z', 'case1')"},
    {7, "UPDATE crisis_signals SET subject_sex = 'F'"},
    {8, "INSERT INTO route_plans (id, office_code, plan_date, teams, plan_json, created_at, "
        "created_by) VALUES ('0192f000-0000-7000-8000-000000000031', '1141052000', '2026-01-05', 1, "
        "'{\"teams\":[[\"0192f000-0000-7000-8000-000000000010\"]]}', '2026-01-04T00:00:00Z', "
        "'case1')"},
    // A program of version 12 on keeps a keyed digest beside an attachment.
    {12, "UPDATE attachments SET sha256 = 'b2k1:abc123'"},
    {10, "INSERT INTO sync_quarantine (direction, change_id, entity, entity_id, office_code, revision, "
         "reason, data, at) VALUES ('pull', '0192f000-0000-7000-8000-000000000032', 'visit', "
         "'0192f000-0000-7000-8000-000000000033', '1141052000', 42, 'FOREIGN KEY constraint failed', "
         "'{\"id\":\"0192f000-0000-7000-8000-000000000033\"}', '2026-01-05T00:00:00Z')"},
    {11, "INSERT INTO audit_keys (staff_id, public_key, granted_by, boxed_key, granted_at) VALUES "
         "('0192f000-0000-7000-8000-000000000001', x'0102', '0192f000-0000-7000-8000-000000000001', "
         "x'a1a2a3', '2026-01-05T00:00:00Z')"},
    {11, "INSERT INTO audit_head (id, anchor_seq, anchor_hash, purged, sealed_seq, sealed_mac, entries, "
         "mac) VALUES (1, 0, '', 0, 1, 'b1b2', 1, 'c1c2')"},
};

// Every row of every table (but the search index's own tables), as text, by table.
using Dump = QMap<QString, QStringList>;

Dump dump(Database &db)
{
    Dump out;
    auto tables = db.strings(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                            "LIKE 'sqlite_%' AND name NOT LIKE 'household_fts%' ORDER BY name"));
    REQUIRE(tables);
    for (const QString &table : *tables) {
        auto q = db.execute(QStringLiteral("SELECT * FROM %1").arg(table));
        REQUIRE(q);
        QStringList rows;
        while (q->next()) {
            const QSqlRecord r = q->record();
            QStringList fields;
            for (int i = 0; i < r.count(); ++i) {
                const QVariant v = r.value(i);
                const QString text = v.isNull() ? QStringLiteral("NULL")
                                     : v.typeId() == QMetaType::QByteArray
                                         ? QStringLiteral("x'%1'").arg(QString::fromLatin1(v.toByteArray().toHex()))
                                         : v.toString();
                fields << r.fieldName(i) + u'=' + text;
            }
            rows << fields.join(u'|');
        }
        out.insert(table, rows);
    }
    return out;
}

// The row as it reads in the later store, limited to the columns the earlier one had.
QString projected(const QString &laterRow, const QString &earlierRow)
{
    QStringList columns;
    for (const QString &f : earlierRow.split(u'|'))
        columns << f.section(u'=', 0, 0);
    QStringList kept;
    for (const QString &f : laterRow.split(u'|')) {
        if (columns.contains(f.section(u'=', 0, 0)))
            kept << f;
    }
    return kept.join(u'|');
}

std::unique_ptr<Database> storeAtVersion(const QString &path, int version)
{
    auto db = Database::open(path);
    REQUIRE(db);
    for (const Migration &m : Migrator::bundled()) {
        if (m.number <= version)
            REQUIRE_OK(Migrator(**db).apply(m));
    }
    REQUIRE((*db)->userVersion() == version);
    for (const char *sql : version1Rows)
        REQUIRE_OK((*db)->exec(QString::fromUtf8(sql)));
    for (const LaterRow &r : laterRows) {
        if (r.since <= version)
            REQUIRE_OK((*db)->exec(QString::fromUtf8(r.sql)));
    }
    if (version >= 3) {
        // Programs with the search index filled the keys as they wrote the household.
        const QString keys = SearchKeys::forHousehold(QStringLiteral("김영자"), QStringLiteral("서울특별시 서대문구 통일로 101"),
                                                      QStringLiteral("010-0123-4567"));
        REQUIRE((*db)->execute(QStringLiteral("UPDATE households SET search_keys = ?"), {keys}));
        // and had taken the one-time marker of migration 3 away when they first opened the store.
        REQUIRE_OK((*db)->exec(QStringLiteral("DELETE FROM store_meta WHERE key = 'search_keys_pending'")));
    }
    return std::move(*db);
}

} // namespace

TEST_CASE("A store with data from every earlier version migrates to the latest with every record intact",
          "[core][storage][migration]")
{
    const int latest = Migrator::latestVersion();
    REQUIRE(latest >= 2);
    const int from = GENERATE_COPY(range(1, latest));
    INFO("a store of schema version " << from << " migrated to " << latest);
    // The migrator takes gaps in the numbers (numbers are handed out before the work lands): no
    // store was ever at a version no migration brings it to.
    const auto bundled = Migrator::bundled();
    if (std::none_of(bundled.cbegin(), bundled.cend(),
                     [from](const Migration &m) { return m.number == from; }))
        return;
    Test::TempDir dir;
    const QString path = dir.path(QStringLiteral("old.visitmap"));
    Dump before;
    {
        auto db = storeAtVersion(path, from);
        before = dump(*db);
    }
    // Every table of that version holds a row: none is left out of the check.
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        INFO(it.key().toStdString());
        CHECK_FALSE(it.value().isEmpty());
    }

    // Opened as the program opens it (the migrations, then the data steps after them).
    auto ws = Test::openStore(path);
    CHECK(ws->db().userVersion() == latest);
    CHECK(ws->db().scalar(QStringLiteral("PRAGMA integrity_check"))->toString() == QStringLiteral("ok"));
    auto orphans = ws->db().execute(QStringLiteral("PRAGMA foreign_key_check"));
    REQUIRE(orphans);
    CHECK_FALSE(orphans->next());

    // Every record of every table is still there with every value it had, but for the one value a
    // migration is meant to remove: 0012 drops the plain SHA-256 kept beside an attachment (anyone
    // with the file could confirm a guessed photo by it).
    const Dump after = dump(ws->db());
    Dump expected = before;
    for (QString &row : expected[QStringLiteral("attachments")])
        row.replace(QStringLiteral("|sha256=abc123|"), QStringLiteral("|sha256=|"));
    CHECK_FALSE(after.value(QStringLiteral("attachments")).join(u'\n').contains(QStringLiteral("|sha256=abc123|")));
    // A store from before reports and round entries kept an urgency (0014) has them classified
    // when it is opened: the one change made to those rows, and its marker is gone after.
    for (const char *table : {"crisis_reports", "crisis_signals"}) {
        for (QString &row : expected[QString::fromLatin1(table)])
            row.remove(QStringLiteral("|urgency=NULL|response_due=NULL"));
        for (const QString &row : after.value(QString::fromLatin1(table))) {
            INFO("classified on opening: " << row.toStdString());
            CHECK_FALSE(row.contains(QStringLiteral("|urgency=NULL")));
        }
    }
    expected[QStringLiteral("store_meta")].removeAll(QStringLiteral("key=urgency_pending|value=1"));
    CHECK_FALSE(after.value(QStringLiteral("store_meta")).contains(QStringLiteral("key=urgency_pending|value=1")));
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        INFO("table " << it.key().toStdString());
        REQUIRE(after.contains(it.key()));
        const QStringList now = after.value(it.key());
        for (const QString &row : it.value()) {
            INFO("row " << row.toStdString());
            bool found = false;
            for (const QString &r : now)
                found = found || projected(r, row) == row;
            CHECK(found);
        }
    }

    // And the program reads it: the household, its members, and a search by name and by 초성.
    HouseholdStore households(ws->db());
    auto h = households.get(householdId);
    REQUIRE(h);
    CHECK(h->headName == QStringLiteral("김영자"));
    CHECK(h->roadAddress == QStringLiteral("서울특별시 서대문구 통일로 101"));
    CHECK(h->tier() == RiskTier::Medium);
    for (const char *words : {"김영자", "ㄱㅇㅈ", "통일로", "4567"}) {
        INFO("search " << words);
        HouseholdQuery q;
        q.text = QString::fromUtf8(words);
        auto found = households.list(q);
        REQUIRE(found);
        REQUIRE(found->size() == 1);
        CHECK(found->first().id == householdId);
    }
    auto listed = households.list({});
    REQUIRE(listed);
    CHECK(listed->size() == 1);
}

// ---------------------------------------------------------------------------------------------
// The central store: a store of migration 0001 (and of 0002) holding data, migrated to the latest.

namespace {

void runSql(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        FAIL("central SQL failed: " << q.lastError().text().toStdString() << "\n" << sql.left(300).toStdString());
}

// Applies one central migration file as the program does (one transaction, then recorded).
void applyCentral(QSqlDatabase &db, int version)
{
    QDirIterator it(QStringLiteral(":/server/migrations"));
    QString path;
    while (it.hasNext()) {
        const QString p = it.next();
        if (p.section(u'/', -1).left(4).toInt() == version)
            path = p;
    }
    REQUIRE_FALSE(path.isEmpty());
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    REQUIRE(db.transaction());
    runSql(db, QString::fromUtf8(f.readAll()));
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("INSERT INTO public.visitmap_migrations (version, name) VALUES (?, ?)"));
    mark.addBindValue(version);
    mark.addBindValue(path.section(u'/', -1));
    REQUIRE(mark.exec());
    REQUIRE(db.commit());
}

const QString centralOffice = QStringLiteral("1141052000");
const QString centralHousehold = QStringLiteral("0192f000-0000-7000-8000-000000000110");

QString officeData()
{
    return QStringLiteral(R"({"code":"1141052000","name":"천연동","full_name":"서울특별시 서대문구 천연동",)"
                          R"("sgg_code":"11410","sgg_name":"서대문구","sido_name":"서울특별시","boundary":null,)"
                          R"("min_lon":126.95,"min_lat":37.56,"max_lon":126.97,"max_lat":37.58,"centroid_lon":126.96,)"
                          R"("centroid_lat":37.57,"office_lon":126.961,"office_lat":37.571,"office_address":"",)"
                          R"("created_at":"2026-01-02T00:00:00Z","updated_at":"2026-01-02T00:00:00Z"})");
}

QString householdData()
{
    return QStringLiteral(R"({"id":"%1","office_code":"1141052000","legal_dong_code":null,)"
                          R"("road_address":"서울특별시 서대문구 통일로 101","address_detail":"101동 202호","tong":3,"ban":2,)"
                          R"("lon":126.956161,"lat":37.571953,"household_type":"노인단독","housing":"공공임대",)"
                          R"("phone":"010-0123-4567","head_name":"김영자","member_count":1,"assigned_worker":"kim",)"
                          R"("risk_score":0.82,"risk_tier":"high","risk_override":null,"risk_override_reason":null,)"
                          R"("visit_cycle_days":null,"last_visit_at":null,"next_visit_due":"2026-01-17",)"
                          R"("status":"active","flagged_new_at":null,"source":"import","created_at":"2026-01-02T00:00:00Z",)"
                          R"("updated_at":"2026-01-02T00:00:00Z","created_by":"lead"})")
        .arg(centralHousehold);
}

// Rows of the 0001 schema: the entities and changes a workstation pushed, and a conflict.
void centralVersion1Rows(QSqlDatabase &db)
{
    runSql(db, QStringLiteral("INSERT INTO visitmap.entities (entity, entity_id, office_code, data, rev, updated_at, updated_by) "
                              "VALUES ('office', '1141052000', '1141052000', '%1'::jsonb, 1, '2026-01-02T00:00:00Z', 'lead'), "
                              "('household', '%2', '1141052000', '%3'::jsonb, 2, '2026-01-02T00:00:00Z', 'lead')")
                   .arg(officeData(), centralHousehold, householdData()));
    runSql(db, QStringLiteral("INSERT INTO visitmap.changes (rev, change_id, entity, entity_id, office_code, op, payload, author, "
                              "committed_at) VALUES "
                              "(1, '0192f000-0000-7000-8000-0000000001a1', 'office', '1141052000', '1141052000', 'insert', "
                              "'%1'::jsonb, 'lead', '2026-01-02T00:00:00Z'), "
                              "(2, '0192f000-0000-7000-8000-0000000001a2', 'household', '%2', '1141052000', 'insert', "
                              "'%3'::jsonb, 'lead', '2026-01-02T00:00:00Z')")
                   .arg(officeData(), centralHousehold, householdData()));
    runSql(db, QStringLiteral("SELECT setval('visitmap.revision', 2)"));
    runSql(db, QStringLiteral("INSERT INTO visitmap.conflicts (change_id, entity, entity_id, office_code, field, base_value, "
                              "mine_value, theirs_value, theirs_rev, author, detected_at) VALUES "
                              "('0192f000-0000-7000-8000-0000000001a3', 'household', '%1', '1141052000', 'phone', "
                              "'\"010-0123-4567\"', '\"010-1111-2222\"', '\"010-0123-4567\"', 2, 'kim', '2026-01-03T00:00:00Z')")
                   .arg(centralHousehold));
}

// Every row of every table of the visitmap schema and the migration record, as JSON, by table.
QMap<QString, QStringList> centralDump(QSqlDatabase &db)
{
    QMap<QString, QStringList> out;
    QSqlQuery tables(db);
    REQUIRE(tables.exec(QStringLiteral("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                                       "WHERE (table_schema = 'visitmap' AND table_type = 'BASE TABLE') "
                                       "OR (table_schema = 'public' AND table_name = 'visitmap_migrations') ORDER BY 1")));
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        QSqlQuery rows(db);
        REQUIRE(rows.exec(QStringLiteral("SELECT to_jsonb(t)::text FROM %1 t").arg(table)));
        QStringList list;
        while (rows.next())
            list << rows.value(0).toString();
        out.insert(table, list);
    }
    return out;
}

} // namespace

TEST_CASE("A central store with data from each earlier migration migrates to the latest with every record intact",
          "[sync][migration]")
{
    const int from = GENERATE(1, 2);
    INFO("a central store of migration " << from << " migrated to " << Sync::ServerAdmin::latestVersion());
    REQUIRE(Sync::ServerAdmin::latestVersion() >= from);
    Test::PgServer &pg = Test::PgServer::shared();
    if (!pg.available())
        FAIL("no PostgreSQL for the central migration test: " << pg.why().toStdString());
    auto admin = Sync::CentralConnection::open(pg.adminConninfo());
    REQUIRE(admin);
    QSqlDatabase &db = (*admin)->db();
    // An empty server (it lives for the whole run), then the store as an older program left it.
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("DROP SCHEMA IF EXISTS visitmap CASCADE"));
        q.exec(QStringLiteral("DROP TABLE IF EXISTS public.visitmap_migrations"));
        QStringList roles;
        if (q.exec(QStringLiteral("SELECT r.rolname FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
                                  "JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = 'visitmap_staff'")))
            while (q.next())
                roles << q.value(0).toString();
        for (const QString &r : roles)
            QSqlQuery(db).exec(QStringLiteral("DROP ROLE \"%1\"").arg(r));
    }
    runSql(db, QStringLiteral("CREATE TABLE public.visitmap_migrations (version integer PRIMARY KEY, name text NOT NULL, "
                              "applied_at timestamptz NOT NULL DEFAULT now())"));
    applyCentral(db, 1);
    const QString password = QStringLiteral("Casework-2026!");
    REQUIRE_OK(Sync::ServerAdmin(**admin).createUser(QStringLiteral("kim"), QStringLiteral("김복지"),
                                                      QStringLiteral("caseworker"), {centralOffice}, password));
    centralVersion1Rows(db);
    if (from >= 2) {
        applyCentral(db, 2);
        // What a 0002 program added: an office key and its grant to the lead.
        REQUIRE_OK(Sync::ServerAdmin(**admin).createUser(QStringLiteral("lead"), QStringLiteral("김팀장"),
                                                          QStringLiteral("team_lead"), {QStringLiteral("11410")}, password));
        runSql(db, QStringLiteral("UPDATE visitmap.staff SET public_key = '\\x0102', wrapped_secret_key = '\\x0304', "
                                  "kdf_salt = '\\x0506' WHERE role_name = 'lead'"));
        runSql(db, QStringLiteral("INSERT INTO visitmap.office_keys (office_code, key_check, created_by) "
                                  "VALUES ('1141052000', '\\x0a0b', 'lead')"));
        runSql(db, QStringLiteral("INSERT INTO visitmap.key_grants (office_code, role_name, sealed_key, granted_by) "
                                  "VALUES ('1141052000', 'lead', '\\x0c0d', 'lead')"));
    }
    const auto before = centralDump(db);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        INFO(it.key().toStdString());
        CHECK_FALSE(it.value().isEmpty()); // every table holds a row: none is left out
    }

    // The program's own migration takes it the rest of the way.
    auto applied = Sync::ServerAdmin(**admin).migrate();
    REQUIRE(applied);
    CHECK(applied->size() == Sync::ServerAdmin::latestVersion() - from);

    // Every row is still there with every value it had (later columns may be added beside them).
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        for (const QString &row : it.value()) {
            INFO(it.key().toStdString() << ": " << row.toStdString());
            QSqlQuery q(db);
            REQUIRE(q.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 t WHERE to_jsonb(t) @> ?::jsonb").arg(it.key())));
            q.addBindValue(row);
            REQUIRE(q.exec());
            REQUIRE(q.next());
            CHECK(q.value(0).toInt() == 1);
        }
    }

    // And a caseworker made under the old schema syncs a new workstation from it: the household
    // of the old store arrives, with its values.
    Test::TempDir dir;
    auto ws = Test::openStore(dir.path(QStringLiteral("kim.visitmap")));
    auto report = Sync::SyncService(*ws).syncAs(pg.conninfo(), QStringLiteral("kim"), password);
    if (!report)
        FAIL(report.error().toString().toStdString());
    CHECK(report->enrolled);
    auto h = HouseholdStore(ws->db()).get(centralHousehold);
    REQUIRE(h);
    CHECK(h->headName == QStringLiteral("김영자"));
    CHECK(h->roadAddress == QStringLiteral("서울특별시 서대문구 통일로 101"));
    CHECK(h->officeCode == centralOffice);
}
