-- SPDX-License-Identifier: GPL-3.0-or-later
-- The history of a household's risk: every computed change and every caseworker override (with
-- its reason), append-only, so the timeline can say why a household is red and since when.
CREATE TABLE risk_changes (
    id           TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    office_code  TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind = 'computed' OR kind = 'override' OR kind = 'cleared'),
    from_tier    TEXT,
    to_tier      TEXT NOT NULL,
    score        REAL,
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE INDEX risk_changes_household ON risk_changes(household_id, created_at);
CREATE TRIGGER risk_changes_no_update BEFORE UPDATE ON risk_changes
BEGIN SELECT RAISE(ABORT, 'risk history is append-only'); END;

-- Photos and documents: the file name of a check-in's expected end, and service links' history.
CREATE INDEX service_links_status ON service_links(office_code, status);

-- A starter directory of public services by the 복지로 taxonomy (생애주기 / 가구상황 / 관심주제);
-- offices add their own private resources.
INSERT INTO resources (id, kind, name, provider, life_cycle, household_situation, themes, description, contact, created_at, updated_at, created_by) VALUES
('00000000-0000-7000-8000-000000000001', 'public', '긴급복지 생계지원', '보건복지부', '중장년,노년', '저소득', '생활지원,안전·위기', '주소득자 사망·질병·실직 등 위기 시 생계비 지원 (현장확인 후 선지원)', '보건복지상담센터 129', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000002', 'public', '긴급복지 의료지원', '보건복지부', '', '저소득', '신체건강,안전·위기', '위기 상황의 중한 질병·부상 치료비 지원', '보건복지상담센터 129', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000003', 'public', '기초생활보장 생계급여', '보건복지부', '', '저소득', '생활지원', '기준중위소득 32% 이하 가구 생계급여', '주민센터', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000004', 'public', '주거급여', '국토교통부', '', '저소득', '주거', '기준중위소득 48% 이하 가구 임차료·수선 지원', '주민센터', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000005', 'public', '노인맞춤돌봄서비스', '보건복지부', '노년', '', '보호·돌봄', '65세 이상 독거·취약 노인 안부확인, 생활교육, 가사지원', '주민센터', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000006', 'public', '에너지바우처', '산업통상자원부', '', '저소득', '생활지원', '난방·냉방비 바우처', '주민센터', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000007', 'public', '장애인활동지원', '보건복지부', '', '장애인', '보호·돌봄', '활동지원사의 신체·가사·이동 지원', '국민연금공단 1355', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000008', 'public', '한부모가족 아동양육비', '여성가족부', '아동,청소년', '한부모·조손', '생활지원,보육', '저소득 한부모가족 자녀 양육비 지원', '주민센터', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000009', 'public', '정신건강복지센터 사례관리', '보건복지부', '', '', '정신건강', '자살 고위험군·우울 상담과 사례관리', '정신건강위기상담 1577-0199', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000010', 'public', '방문건강관리', '보건소', '노년', '', '신체건강', '방문간호사의 건강평가·만성질환 관리', '보건소', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000011', 'public', '국민취업지원제도', '고용노동부', '청년,중장년', '저소득', '일자리', '취업지원서비스와 구직촉진수당', '고용센터 1350', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000012', 'public', '채무조정(신용회복위원회)', '금융위원회', '', '', '서민금융,법률', '연체 채무 조정과 상담', '1600-5500', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000013', 'private', '푸드뱅크 식품 지원', '지역 푸드뱅크', '', '저소득', '생활지원', '기부 식품·생필품 지원', '지역 푸드뱅크', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system'),
('00000000-0000-7000-8000-000000000014', 'private', '지역사회보장협의체 긴급 후원금', '지역사회보장협의체', '', '', '안전·위기', '공적 지원 사각지대 긴급 후원', '주민센터', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'system');
