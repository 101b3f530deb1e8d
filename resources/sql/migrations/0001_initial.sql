-- SPDX-License-Identifier: GPL-3.0-or-later
-- VisitMap local store, schema 1: the whole data model of DESIGN §3.
-- CHECK constraints list allowed values as OR chains, not IN (...): SQLite 3.40 evaluates an
-- IN list in a CHECK through an ephemeral table per row, which made inserts 2.5x slower.
-- Conventions: ids are UUID v7 text made where the record is created; times are ISO-8601 UTC
-- ('2026-11-23T01:02:03Z'); dates are 'YYYY-MM-DD'; office_code is the 10-digit 행정기관코드 of
-- the 행정동; created_by / updated_by hold the staff account name.

CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Store-wide settings an admin sets (visit cycles, idle lock); user preferences live in QSettings.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
) WITHOUT ROWID;

-- 행정동 and its 행정복지센터.
CREATE TABLE offices (
    code           TEXT PRIMARY KEY CHECK (length(code) = 10),
    name           TEXT NOT NULL,             -- 천연동
    full_name      TEXT NOT NULL,             -- 서울특별시 서대문구 천연동
    sgg_code       TEXT NOT NULL CHECK (length(sgg_code) = 5),
    sgg_name       TEXT NOT NULL,
    sido_name      TEXT NOT NULL,
    boundary       TEXT,                      -- GeoJSON geometry, WGS84 lon/lat
    min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL,
    centroid_lon   REAL,
    centroid_lat   REAL,
    office_lon     REAL,                      -- the dong office; the centroid until set
    office_lat     REAL,
    office_address TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX offices_sgg ON offices(sgg_code);

-- Accounts: one per person. Password one-way (Argon2id); an X25519 key pair whose secret half is
-- wrapped by a key derived from the password.
CREATE TABLE staff (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL UNIQUE,  -- the account (login) name
    display_name        TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role = 'caseworker' OR role = 'nurse' OR role = 'team_lead' OR role = 'admin'),
    pw_hash             TEXT,
    public_key          BLOB,
    wrapped_secret_key  BLOB,
    kdf_salt            BLOB,
    failed_logins       INTEGER NOT NULL DEFAULT 0,
    locked_at           TEXT,
    password_changed_at TEXT,
    active              INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL
);

-- What each account may see: a 10-digit 행정동 or a 5-digit 시군구.
CREATE TABLE staff_grants (
    staff_id   TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    scope      TEXT NOT NULL CHECK (length(scope) = 5 OR length(scope) = 10),
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    PRIMARY KEY (staff_id, scope)
) WITHOUT ROWID;

-- 권한 부여·변경·말소 기록 (안전성 확보조치 기준 제5조): kept 3 years, append-only.
CREATE TABLE rights_log (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    account TEXT NOT NULL,
    change  TEXT NOT NULL CHECK (change = 'create' OR change = 'grant' OR change = 'revoke' OR change = 'role' OR change = 'lock' OR change = 'unlock' OR change = 'password' OR change = 'remove' OR change = 'key'),
    detail  TEXT NOT NULL DEFAULT ''
);

-- Office data keys never rest in the clear: key_check lets a holder verify an opened key; each
-- grant is the key sealed to one account's public key.
CREATE TABLE data_keys (
    office_code TEXT PRIMARY KEY,
    key_check   BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE TABLE key_grants (
    office_code TEXT NOT NULL REFERENCES data_keys(office_code) ON DELETE CASCADE,
    staff_id    TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    sealed_key  BLOB NOT NULL,
    granted_at  TEXT NOT NULL,
    granted_by  TEXT NOT NULL,
    PRIMARY KEY (office_code, staff_id)
) WITHOUT ROWID;

CREATE TABLE teams (
    id          TEXT PRIMARY KEY,
    office_code TEXT NOT NULL,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE TABLE team_members (
    team_id  TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, staff_id)
) WITHOUT ROWID;

CREATE TABLE households (
    id                   TEXT PRIMARY KEY,
    office_code          TEXT NOT NULL REFERENCES offices(code),
    legal_dong_code      TEXT,                 -- 법정동코드 (10 digits) when known
    road_address         TEXT NOT NULL,        -- 도로명주소
    address_detail       TEXT NOT NULL DEFAULT '', -- 동·호
    tong                 INTEGER,
    ban                  INTEGER,
    lon                  REAL NOT NULL CHECK (lon BETWEEN 124 AND 132),
    lat                  REAL NOT NULL CHECK (lat BETWEEN 33 AND 39),
    household_type       TEXT NOT NULL,
    housing              TEXT NOT NULL DEFAULT '',
    phone                TEXT NOT NULL DEFAULT '',
    head_name            TEXT NOT NULL DEFAULT '',
    member_count         INTEGER NOT NULL DEFAULT 1,
    assigned_worker      TEXT,
    risk_score           REAL NOT NULL DEFAULT 0,
    risk_tier            TEXT NOT NULL CHECK (risk_tier = 'high' OR risk_tier = 'medium' OR risk_tier = 'low'),
    risk_override        TEXT CHECK (risk_override = 'high' OR risk_override = 'medium' OR risk_override = 'low'),
    risk_override_reason TEXT,
    visit_cycle_days     INTEGER,              -- NULL: the tier's default cycle
    last_visit_at        TEXT,                 -- last completed (met) contact
    next_visit_due       TEXT,                 -- YYYY-MM-DD
    status               TEXT NOT NULL DEFAULT 'active'
                         CHECK (status = 'active' OR status = 'closed' OR status = 'moved' OR status = 'deceased'),
    flagged_new_at       TEXT,                 -- a discovery not yet followed by a visit
    source               TEXT NOT NULL DEFAULT 'manual',
    published            INTEGER NOT NULL DEFAULT 0, -- pushed to the central store
    revision             INTEGER NOT NULL DEFAULT 0, -- central revision last seen
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    created_by           TEXT NOT NULL
);
CREATE INDEX households_office_tier ON households(office_code, risk_tier);
CREATE INDEX households_due ON households(next_visit_due);
CREATE INDEX households_worker ON households(assigned_worker);

CREATE TABLE persons (
    id            TEXT PRIMARY KEY,
    household_id  TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    office_code   TEXT NOT NULL,
    name          TEXT NOT NULL,
    birth_date    TEXT,
    sex           TEXT CHECK (sex = 'M' OR sex = 'F'),
    rrn_cipher    BLOB,                 -- 주민등록번호: AES-256-GCM under the office data key
    relationship  TEXT NOT NULL DEFAULT 'self',
    is_head       INTEGER NOT NULL DEFAULT 0,
    disability    TEXT NOT NULL DEFAULT '',
    nationality   TEXT NOT NULL DEFAULT 'KR',
    health_cipher BLOB,                 -- 민감정보 (health notes): encrypted
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX persons_household ON persons(household_id);

-- 통합사례관리
CREATE TABLE cases (
    id            TEXT PRIMARY KEY,
    household_id  TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    office_code   TEXT NOT NULL,
    case_type     TEXT NOT NULL DEFAULT 'general'
                  CHECK (case_type = 'general' OR case_type = 'intensive' OR case_type = 'linkage'),
    stage         TEXT NOT NULL CHECK (stage = 'discovery' OR stage = 'initial_counsel' OR stage = 'intake' OR stage = 'assessment' OR stage = 'case_conference' OR stage = 'selection' OR stage = 'service_plan' OR stage = 'provision' OR stage = 'closure' OR stage = 'follow_up'),
    stage_since   TEXT NOT NULL,
    discovered_at TEXT,
    intake_at     TEXT,                 -- 접수: starts the legal deadlines
    assessed_at   TEXT,
    planned_at    TEXT,
    closed_at     TEXT,
    worker        TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
);
CREATE INDEX cases_household ON cases(household_id);
CREATE INDEX cases_stage ON cases(office_code, stage);

CREATE TABLE case_stage_changes (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    office_code TEXT NOT NULL,
    from_stage  TEXT,
    to_stage    TEXT NOT NULL,
    at          TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX case_stage_changes_case ON case_stage_changes(case_id, at);

-- 발굴 crisis items: a versioned code table, never an enum (the list changes every year).
CREATE TABLE crisis_item_codes (
    version  TEXT NOT NULL,
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    category TEXT NOT NULL,
    unit     TEXT NOT NULL CHECK (unit = 'flag' OR unit = 'amount' OR unit = 'months' OR unit = 'count'),
    weight   REAL NOT NULL,
    since    TEXT,
    PRIMARY KEY (version, code)
) WITHOUT ROWID;

CREATE TABLE crisis_signals (
    id                 TEXT PRIMARY KEY,
    office_code        TEXT NOT NULL,
    household_id       TEXT REFERENCES households(id) ON DELETE CASCADE,
    person_id          TEXT REFERENCES persons(id) ON DELETE SET NULL,
    round_id           TEXT NOT NULL,       -- e.g. 2026-6
    item_version       TEXT NOT NULL,
    item_code          TEXT NOT NULL,
    amount             INTEGER,             -- 원
    months             INTEGER,
    received_date      TEXT NOT NULL,
    subject_name       TEXT,                -- as listed, for entries not yet matched
    subject_birth      TEXT,
    subject_rrn_cipher BLOB,
    subject_address    TEXT,
    match_status       TEXT NOT NULL DEFAULT 'matched'
                       CHECK (match_status = 'matched' OR match_status = 'unmatched' OR match_status = 'new_household'),
    created_at         TEXT NOT NULL,
    created_by         TEXT NOT NULL,
    FOREIGN KEY (item_version, item_code) REFERENCES crisis_item_codes(version, code)
) WITHOUT ROWID;
CREATE INDEX crisis_signals_household ON crisis_signals(household_id, received_date);
-- The intake queue reads the round entries not yet matched to a household.
CREATE INDEX crisis_signals_unmatched ON crisis_signals(round_id) WHERE match_status <> 'matched';

-- 복지위기 알림 reports. The reporter's contact is kept apart (crisis_report_contacts).
CREATE TABLE crisis_reports (
    id             TEXT PRIMARY KEY,
    external_id    TEXT NOT NULL UNIQUE,
    office_code    TEXT,                    -- NULL: outside every known 행정동
    out_of_area    INTEGER NOT NULL DEFAULT 0,
    channel        TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    reporter_type  TEXT NOT NULL CHECK (reporter_type = 'self' OR reporter_type = 'neighbour'),
    anonymous      INTEGER NOT NULL DEFAULT 0,
    categories     TEXT NOT NULL,           -- JSON array
    household_type TEXT,
    sex            TEXT,
    age_band       TEXT,
    subject_name   TEXT,
    address_text   TEXT,
    lon            REAL,
    lat            REAL,
    description    TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'new'
                   CHECK (status = 'new' OR status = 'linked' OR status = 'opened' OR status = 'duplicate' OR status = 'dismissed'),
    household_id   TEXT REFERENCES households(id) ON DELETE SET NULL,
    duplicate_of   TEXT,
    resolved_at    TEXT,
    resolved_by    TEXT,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL
);
CREATE INDEX crisis_reports_status ON crisis_reports(status, office_code);

CREATE TABLE crisis_report_contacts (
    report_id      TEXT PRIMARY KEY REFERENCES crisis_reports(id) ON DELETE CASCADE,
    office_code    TEXT,
    contact_cipher BLOB NOT NULL
);

-- Append-only logs. A mistaken entry is voided (voids), never edited or deleted.
CREATE TABLE visits (
    id               TEXT PRIMARY KEY,
    household_id     TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    office_code      TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind = 'visit' OR kind = 'phone' OR kind = 'office' OR kind = 'check'),
    at               TEXT NOT NULL,
    staff_present    TEXT NOT NULL DEFAULT '',
    met_whom         TEXT NOT NULL DEFAULT '',
    outcome          TEXT NOT NULL CHECK (outcome = 'met' OR outcome = 'absent' OR outcome = 'refused' OR outcome = 'moved'),
    notes            TEXT NOT NULL DEFAULT '',
    lon              REAL,
    lat              REAL,
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX visits_household ON visits(household_id, at);
CREATE INDEX visits_at ON visits(at);

-- Safety check-in / check-out for home visits.
CREATE TABLE visit_checkins (
    id               TEXT PRIMARY KEY,
    household_id     TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    office_code      TEXT NOT NULL,
    staff            TEXT NOT NULL,
    checked_in_at    TEXT NOT NULL,
    expected_minutes INTEGER NOT NULL,
    checked_out_at   TEXT,
    visit_id         TEXT REFERENCES visits(id),
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL
);
CREATE INDEX visit_checkins_open ON visit_checkins(checked_out_at);

CREATE TABLE need_domains (
    code TEXT PRIMARY KEY,   -- 복지로 desireArray code
    name TEXT NOT NULL,
    sort INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE need_assessments (
    id           TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    office_code  TEXT NOT NULL,
    visit_id     TEXT REFERENCES visits(id),
    assessed_at  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE INDEX need_assessments_household ON need_assessments(household_id, assessed_at);

CREATE TABLE need_assessment_items (
    assessment_id TEXT NOT NULL REFERENCES need_assessments(id) ON DELETE CASCADE,
    domain        TEXT NOT NULL REFERENCES need_domains(code),
    level         INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, domain)
) WITHOUT ROWID;

CREATE TABLE counseling_notes (
    id           TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    office_code  TEXT NOT NULL,
    visit_id     TEXT REFERENCES visits(id),
    at           TEXT NOT NULL,
    topic        TEXT NOT NULL DEFAULT '',
    body_cipher  BLOB NOT NULL,            -- 민감정보: encrypted
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE INDEX counseling_notes_household ON counseling_notes(household_id, at);

CREATE TABLE voids (
    id          TEXT PRIMARY KEY,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    office_code TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE INDEX voids_entity ON voids(entity, entity_id);

-- Public services (복지로 taxonomy) and private local resources.
CREATE TABLE resources (
    id                  TEXT PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind = 'public' OR kind = 'private' OR kind = 'facility'),
    name                TEXT NOT NULL,
    provider            TEXT NOT NULL DEFAULT '',
    life_cycle          TEXT NOT NULL DEFAULT '',   -- 생애주기, comma separated
    household_situation TEXT NOT NULL DEFAULT '',   -- 가구상황
    themes              TEXT NOT NULL DEFAULT '',   -- 관심주제
    description         TEXT NOT NULL DEFAULT '',
    contact             TEXT NOT NULL DEFAULT '',
    office_code         TEXT,                       -- NULL: national / district-wide
    facility_id         TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL
);

CREATE TABLE service_links (
    id           TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    office_code  TEXT NOT NULL,
    resource_id  TEXT NOT NULL REFERENCES resources(id),
    status       TEXT NOT NULL CHECK (status = 'requested' OR status = 'provided' OR status = 'declined' OR status = 'ended'),
    requested_at TEXT NOT NULL,
    provided_at  TEXT,
    ended_at     TEXT,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE INDEX service_links_household ON service_links(household_id);

CREATE TABLE facilities (
    id              TEXT PRIMARY KEY,
    code            TEXT,                  -- the publisher's facility code
    name            TEXT NOT NULL,
    category        TEXT NOT NULL DEFAULT '',
    category_detail TEXT NOT NULL DEFAULT '',
    sgg_code        TEXT,
    address         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    lon             REAL,                  -- NULL until placed
    lat             REAL,
    office_code     TEXT,                  -- the 행정동 holding the point
    placed_by       TEXT CHECK (placed_by = 'source' OR placed_by = 'user' OR placed_by = 'address'),
    source          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE UNIQUE INDEX facilities_source_code ON facilities(source, code) WHERE code IS NOT NULL;

CREATE TABLE attachments (
    id           TEXT PRIMARY KEY,
    household_id TEXT REFERENCES households(id) ON DELETE CASCADE,
    report_id    TEXT REFERENCES crisis_reports(id) ON DELETE CASCADE,
    visit_id     TEXT REFERENCES visits(id),
    office_code  TEXT,
    file_name    TEXT NOT NULL,
    mime         TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    size         INTEGER NOT NULL,
    consent      INTEGER NOT NULL CHECK (consent = 0 OR consent = 1),
    data_cipher  BLOB NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE INDEX attachments_household ON attachments(household_id);

-- 접속기록: append-only hash chain. hash = SHA-256(prev_hash | fields); purge keeps an anchor.
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    at           TEXT NOT NULL,
    account      TEXT NOT NULL,
    machine      TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject_kind TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL DEFAULT '',
    office_code  TEXT NOT NULL DEFAULT '',
    detail       TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT '',
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL,
    published    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_subject ON audit_log(subject);

-- Pending changes for the central store, written in the same transaction as the change.
CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id   TEXT NOT NULL UNIQUE,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    op          TEXT NOT NULL CHECK (op = 'insert' OR op = 'update' OR op = 'append' OR op = 'void' OR op = 'delete'),
    office_code TEXT NOT NULL,
    payload     TEXT NOT NULL,          -- JSON: the new values
    base        TEXT NOT NULL DEFAULT '{}', -- JSON: the values they were edited from
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    sent_at     TEXT
);
CREATE INDEX outbox_pending ON outbox(sent_at, seq);

CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE conflicts (
    id             TEXT PRIMARY KEY,
    entity         TEXT NOT NULL,
    entity_id      TEXT NOT NULL,
    office_code    TEXT NOT NULL,
    field          TEXT NOT NULL,
    base_value     TEXT,
    mine_value     TEXT,
    theirs_value   TEXT,
    theirs_by      TEXT,
    detected_at    TEXT NOT NULL,
    resolved_at    TEXT,
    resolved_by    TEXT,
    resolution     TEXT CHECK (resolution = 'mine' OR resolution = 'theirs' OR resolution = 'other'),
    resolved_value TEXT
);
CREATE INDEX conflicts_open ON conflicts(resolved_at);

-- Every foreign-key child column is indexed: SQLite looks children up by these on every parent
-- delete (and on parent inserts while deferred constraints are outstanding).
CREATE INDEX key_grants_staff ON key_grants(staff_id);
CREATE INDEX team_members_staff ON team_members(staff_id);
CREATE INDEX crisis_signals_person ON crisis_signals(person_id);
CREATE INDEX crisis_reports_household ON crisis_reports(household_id);
CREATE INDEX visit_checkins_household ON visit_checkins(household_id);
CREATE INDEX visit_checkins_visit ON visit_checkins(visit_id);
CREATE INDEX need_assessments_visit ON need_assessments(visit_id);
CREATE INDEX need_assessment_items_domain ON need_assessment_items(domain);
CREATE INDEX counseling_notes_visit ON counseling_notes(visit_id);
CREATE INDEX service_links_resource ON service_links(resource_id);
CREATE INDEX attachments_visit ON attachments(visit_id);
CREATE INDEX attachments_report ON attachments(report_id);

-- Append-only guards: the logs cannot be edited or deleted row by row.
CREATE TRIGGER visits_no_update BEFORE UPDATE ON visits
BEGIN SELECT RAISE(ABORT, 'visits are append-only: void the entry instead'); END;
CREATE TRIGGER visits_no_delete BEFORE DELETE ON visits
WHEN (SELECT value FROM store_meta WHERE key = 'cascade_delete') IS NOT '1'
BEGIN SELECT RAISE(ABORT, 'visits are append-only: void the entry instead'); END;
CREATE TRIGGER need_assessments_no_update BEFORE UPDATE ON need_assessments
BEGIN SELECT RAISE(ABORT, 'need assessments are append-only'); END;
CREATE TRIGGER counseling_notes_no_update BEFORE UPDATE ON counseling_notes
BEGIN SELECT RAISE(ABORT, 'counselling notes are append-only'); END;
CREATE TRIGGER case_stage_changes_no_update BEFORE UPDATE ON case_stage_changes
BEGIN SELECT RAISE(ABORT, 'stage history is append-only'); END;
CREATE TRIGGER voids_no_update BEFORE UPDATE ON voids
BEGIN SELECT RAISE(ABORT, 'voids are append-only'); END;
CREATE TRIGGER rights_log_no_update BEFORE UPDATE ON rights_log
BEGIN SELECT RAISE(ABORT, 'the rights log is append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF seq, id, at, account, machine, action,
    subject_kind, subject, office_code, detail, reason, prev_hash, hash ON audit_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN (SELECT value FROM store_meta WHERE key = 'audit_purge') IS NOT '1'
BEGIN SELECT RAISE(ABORT, 'the access log is append-only; use the retention purge'); END;

INSERT INTO need_domains (code, name, sort) VALUES
    ('0000000', '안전', 1),
    ('1000000', '건강', 2),
    ('2000000', '일상생활유지', 3),
    ('3000000', '가족관계', 4),
    ('4000000', '사회적 관계', 5),
    ('5000000', '경제', 6),
    ('6000000', '교육', 7),
    ('7000000', '고용', 8),
    ('8000000', '생활환경', 9),
    ('9000000', '법률 및 권익보장', 10),
    ('A000000', '기타', 11);
