-- SPDX-License-Identifier: GPL-3.0-or-later
-- The central store: what every workstation pushes and pulls, restricted by office.
-- Every row carries office_code (a 10-digit 행정동 code) so that the tables can be distributed by it.
-- Staff are login roles in the group visitmap_staff; they read through row-level security and
-- write only through the SECURITY DEFINER functions below (fixed search_path).

CREATE SCHEMA IF NOT EXISTS visitmap;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'visitmap_staff') THEN
        CREATE ROLE visitmap_staff NOLOGIN;
    END IF;
END
$$;

CREATE TABLE visitmap.staff (
    role_name    text PRIMARY KEY,
    display_name text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('caseworker', 'nurse', 'team_lead', 'admin')),
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- What each account may see: a 행정동 (10 digits) or a whole 시군구 (5 digits).
CREATE TABLE visitmap.grants (
    role_name text NOT NULL REFERENCES visitmap.staff ON DELETE CASCADE,
    area      text NOT NULL CHECK (area ~ '^[0-9]{5}$' OR area ~ '^[0-9]{10}$'),
    PRIMARY KEY (role_name, area)
);

CREATE SEQUENCE visitmap.revision;

-- The current state of every synced entity (households, persons, cases, visits …) as the
-- clients' payloads merged field by field; encrypted columns stay ciphertext.
CREATE TABLE visitmap.entities (
    entity      text NOT NULL,
    entity_id   text NOT NULL,
    office_code text NOT NULL,
    data        jsonb NOT NULL,
    rev         bigint NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text NOT NULL,
    PRIMARY KEY (entity, entity_id)
);
CREATE INDEX entities_office ON visitmap.entities (office_code);

-- Every applied change, in revision order: what clients pull. change_id is the client's UUID,
-- so a retried push applies once.
CREATE TABLE visitmap.changes (
    rev          bigint PRIMARY KEY,
    change_id    uuid NOT NULL UNIQUE,
    entity       text NOT NULL,
    entity_id    text NOT NULL,
    office_code  text NOT NULL,
    op           text NOT NULL CHECK (op IN ('insert', 'update', 'append', 'void', 'delete')),
    payload      jsonb NOT NULL,
    author       text NOT NULL,
    committed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_office_rev ON visitmap.changes (office_code, rev);

-- A field two people changed from the same value: the server kept theirs, the client decides.
CREATE TABLE visitmap.conflicts (
    id           bigserial PRIMARY KEY,
    change_id    uuid NOT NULL,
    entity       text NOT NULL,
    entity_id    text NOT NULL,
    office_code  text NOT NULL,
    field        text NOT NULL,
    base_value   jsonb,
    mine_value   jsonb,
    theirs_value jsonb,
    theirs_rev   bigint NOT NULL,
    author       text NOT NULL,
    detected_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conflicts_office ON visitmap.conflicts (office_code);

-- Whether the signed-in account may see an office's rows.
CREATE FUNCTION visitmap.visible(office text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
    SELECT EXISTS (SELECT 1 FROM visitmap.grants g
                   WHERE g.role_name = session_user
                     AND (g.area = office OR (length(g.area) = 5 AND left(office, 5) = g.area)));
$$;

ALTER TABLE visitmap.staff ENABLE ROW LEVEL SECURITY;
ALTER TABLE visitmap.grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE visitmap.entities ENABLE ROW LEVEL SECURITY;
ALTER TABLE visitmap.changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE visitmap.conflicts ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_account ON visitmap.staff FOR SELECT TO visitmap_staff USING (role_name = session_user);
CREATE POLICY own_grants ON visitmap.grants FOR SELECT TO visitmap_staff USING (role_name = session_user);
CREATE POLICY granted_offices ON visitmap.entities FOR SELECT TO visitmap_staff USING (visitmap.visible(office_code));
CREATE POLICY granted_offices ON visitmap.changes FOR SELECT TO visitmap_staff USING (visitmap.visible(office_code));
CREATE POLICY own_conflicts ON visitmap.conflicts FOR SELECT TO visitmap_staff
    USING (visitmap.visible(office_code) AND author = session_user);

REVOKE ALL ON SCHEMA visitmap FROM PUBLIC;
GRANT USAGE ON SCHEMA visitmap TO visitmap_staff;
REVOKE ALL ON ALL TABLES IN SCHEMA visitmap FROM PUBLIC;
GRANT SELECT ON visitmap.staff, visitmap.grants, visitmap.entities, visitmap.changes, visitmap.conflicts TO visitmap_staff;

-- Applies a batch of changes from the signed-in account's outbox, once each. A mutable field
-- whose server value moved away from the value the client edited from is not overwritten: it
-- becomes a conflict. Revisions are taken under one lock held to commit, so they become visible
-- in order and a pull of "after revision N" never skips one.
CREATE FUNCTION visitmap.push(batch jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
DECLARE
    c jsonb;
    k text;
    v jsonb;
    cur jsonb;
    merged jsonb;
    kept jsonb;
    r bigint;
    applied int := 0;
    duplicates int := 0;
    conflicts int := 0;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM visitmap.staff WHERE role_name = session_user) THEN
        RAISE EXCEPTION 'the role % is not a VisitMap account', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF jsonb_typeof(batch) <> 'array' THEN
        RAISE EXCEPTION 'a push is a JSON array of changes' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('visitmap.revision'));
    FOR c IN SELECT value FROM jsonb_array_elements(batch) LOOP
        IF EXISTS (SELECT 1 FROM visitmap.changes WHERE change_id = (c->>'change_id')::uuid) THEN
            duplicates := duplicates + 1;
            CONTINUE;
        END IF;
        IF NOT visitmap.visible(c->>'office_code') THEN
            RAISE EXCEPTION 'office % is not granted to %', c->>'office_code', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        r := nextval('visitmap.revision');
        SELECT data INTO cur FROM visitmap.entities
         WHERE entity = c->>'entity' AND entity_id = c->>'entity_id' FOR UPDATE;
        merged := coalesce(cur, '{}'::jsonb);
        kept := '{}'::jsonb;
        FOR k, v IN SELECT key, value FROM jsonb_each(coalesce(c->'payload', '{}'::jsonb)) LOOP
            IF cur IS NOT NULL AND (c->'base') ? k AND cur ? k
               AND cur->k IS DISTINCT FROM c->'base'->k AND cur->k IS DISTINCT FROM v THEN
                INSERT INTO visitmap.conflicts (change_id, entity, entity_id, office_code, field, base_value,
                                                mine_value, theirs_value, theirs_rev, author)
                VALUES ((c->>'change_id')::uuid, c->>'entity', c->>'entity_id', c->>'office_code', k,
                        c->'base'->k, v, cur->k, (SELECT rev FROM visitmap.entities
                                                   WHERE entity = c->>'entity' AND entity_id = c->>'entity_id'),
                        session_user);
                conflicts := conflicts + 1;
            ELSE
                merged := merged || jsonb_build_object(k, v);
                kept := kept || jsonb_build_object(k, v);
            END IF;
        END LOOP;
        INSERT INTO visitmap.entities (entity, entity_id, office_code, data, rev, updated_at, updated_by)
        VALUES (c->>'entity', c->>'entity_id', c->>'office_code', merged, r, now(), session_user)
        ON CONFLICT (entity, entity_id) DO UPDATE
            SET data = EXCLUDED.data, rev = EXCLUDED.rev, updated_at = EXCLUDED.updated_at,
                updated_by = EXCLUDED.updated_by;
        INSERT INTO visitmap.changes (rev, change_id, entity, entity_id, office_code, op, payload, author)
        VALUES (r, (c->>'change_id')::uuid, c->>'entity', c->>'entity_id', c->>'office_code',
                coalesce(c->>'op', 'update'), kept, session_user);
        applied := applied + 1;
    END LOOP;
    RETURN jsonb_build_object('applied', applied, 'duplicates', duplicates, 'conflicts', conflicts,
                              'revision', (SELECT coalesce(max(rev), 0) FROM visitmap.changes));
END
$$;

REVOKE ALL ON FUNCTION visitmap.push(jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION visitmap.visible(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION visitmap.push(jsonb) TO visitmap_staff;
GRANT EXECUTE ON FUNCTION visitmap.visible(text) TO visitmap_staff;
