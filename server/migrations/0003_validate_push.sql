-- SPDX-License-Identifier: GPL-3.0-or-later
-- A push is checked against what each kind of record is and who sends it, before anything of it
-- is written; the office key exchange takes sealed keys only from holders, in the right shape;
-- covers() answers only for the caller.
--
-- Every change of a batch is checked on its own: a refused change is reported back with its
-- reason (and kept in visitmap.refused_changes for the administrator) and nothing of it is
-- written; the others apply. A batch that is not a JSON array, has more than 1,000 changes or more
-- than 32 MB is refused whole. The revision lock is taken only for the final append of the
-- accepted changes to visitmap.changes.

-- What each kind of synced record allows. ops: the operations a client may send for it;
-- updatable: for an update, the only fields it may set (NULL: any field but the fixed ones);
-- refs: payload field -> the kind of record it names, which must exist in the same office;
-- movable: its office may change (a facility placed elsewhere); office_optional: the payload's
-- office_code may be empty (a report outside every 행정동, a facility not placed yet).
CREATE TABLE visitmap.entity_kinds (
    entity          text PRIMARY KEY,
    ops             text[] NOT NULL,
    updatable       text[],
    refs            jsonb NOT NULL DEFAULT '{}',
    movable         boolean NOT NULL DEFAULT false,
    office_optional boolean NOT NULL DEFAULT false
);
INSERT INTO visitmap.entity_kinds (entity, ops, updatable, refs, movable, office_optional) VALUES
    ('office',        '{insert,update}',        NULL, '{}', false, false),
    ('household',     '{insert,update}',        NULL, '{"office_code": "office"}', false, false),
    ('person',        '{insert,update}',        NULL, '{"household_id": "household"}', false, false),
    ('crisis_report', '{insert,update}',        NULL, '{"household_id": "household"}', false, true),
    ('case',          '{insert,update}',        NULL, '{"household_id": "household"}', false, false),
    -- A signal from a 발굴 round is never edited; only its match to a household is.
    ('signal',        '{insert,append,update}', '{household_id,person_id,match_status}',
                      '{"household_id": "household", "person_id": "person"}', false, false),
    ('visit',         '{append}',               NULL, '{"household_id": "household"}', false, false),
    ('service_link',  '{insert,update}',        NULL, '{"household_id": "household"}', false, false),
    ('facility',      '{insert,update}',        NULL, '{}', true, true),
    ('stage_change',  '{append}',               NULL, '{"case_id": "case"}', false, false),
    ('checkin',       '{insert,update}',        NULL, '{"household_id": "household", "visit_id": "visit"}', false, false),
    ('assessment',    '{append}',               NULL, '{"household_id": "household", "visit_id": "visit"}', false, false),
    ('counseling',    '{append}',               NULL, '{"household_id": "household", "visit_id": "visit"}', false, false),
    ('attachment',    '{append}',               NULL,
                      '{"household_id": "household", "report_id": "crisis_report", "visit_id": "visit"}', false, true),
    -- A correction: strikes out the record named by its entity and entity_id.
    ('void',          '{append}',               NULL, '{}', false, false);

-- Changes a push refused, with the reason: for the administrator (not readable by staff).
CREATE TABLE visitmap.refused_changes (
    id          bigserial PRIMARY KEY,
    change_id   text,
    entity      text,
    entity_id   text,
    office_code text,
    op          text,
    reason      text NOT NULL,
    author      text NOT NULL,
    refused_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE visitmap.entity_kinds ENABLE ROW LEVEL SECURITY;
ALTER TABLE visitmap.refused_changes ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON visitmap.entity_kinds, visitmap.refused_changes FROM PUBLIC;

-- Whether an account's grants cover an office: for the functions below only.
CREATE FUNCTION visitmap.grants_cover(account text, office text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
    SELECT EXISTS (SELECT 1 FROM visitmap.grants g
                   WHERE g.role_name = account
                     AND (g.area = office OR (length(g.area) = 5 AND left(office, 5) = g.area)));
$$;
REVOKE ALL ON FUNCTION visitmap.grants_cover(text, text) FROM PUBLIC;

-- As in 0002, but only for the signed-in account: nobody learns a colleague's grants through it.
CREATE OR REPLACE FUNCTION visitmap.covers(account text, office text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
BEGIN
    IF account IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'covers() answers only for the signed-in account (%)', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN visitmap.grants_cover(account, office);
END
$$;

-- Whether the signed-in account holds an office's key (one was sealed to it, or it made it).
CREATE FUNCTION visitmap.holds_key(office text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
    SELECT EXISTS (SELECT 1 FROM visitmap.key_grants WHERE office_code = office AND role_name = session_user)
        OR EXISTS (SELECT 1 FROM visitmap.office_keys WHERE office_code = office AND created_by = session_user);
$$;
REVOKE ALL ON FUNCTION visitmap.holds_key(text) FROM PUBLIC;

-- The colleagues who lack a key, listed only to an account that can give it to them: one that
-- holds the office's key, or any granted account while the office has no key yet (its first).
CREATE OR REPLACE FUNCTION visitmap.keyless(offices text[])
RETURNS TABLE (office_code text, role_name text, public_key bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
    SELECT o.code, s.role_name, s.public_key
      FROM unnest(offices) AS o(code)
      JOIN visitmap.staff s ON s.public_key IS NOT NULL AND s.kind <> 'admin'
     WHERE visitmap.visible(o.code)
       AND (visitmap.holds_key(o.code)
            OR NOT EXISTS (SELECT 1 FROM visitmap.office_keys k WHERE k.office_code = o.code))
       AND visitmap.grants_cover(s.role_name, o.code)
       AND NOT EXISTS (SELECT 1 FROM visitmap.key_grants k
                       WHERE k.office_code = o.code AND k.role_name = s.role_name);
$$;

-- As in 0002, and: only an account that holds the office's key (or has just made it the office's)
-- seals it for others; each sealed key is a libsodium sealed box of a 32-byte key (48 + 32 bytes)
-- for an account that has a public key, is not an administrator, and whose grants cover the office.
CREATE OR REPLACE FUNCTION visitmap.put_keys(office text, key_check bytea, grants jsonb) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
DECLARE
    sealed_bytes constant int := 48 + 32; -- crypto_box_SEALBYTES + the office key
    existing bytea;
    made boolean;
    g jsonb;
    sealed bytea;
    recipient visitmap.staff%ROWTYPE;
    n int := 0;
BEGIN
    IF NOT visitmap.visible(office) THEN
        RAISE EXCEPTION 'office % is not granted to %', office, session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF grants IS NOT NULL AND jsonb_typeof(grants) <> 'array' THEN
        RAISE EXCEPTION 'the sealed keys are a JSON array' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO visitmap.office_keys (office_code, key_check, created_by)
    VALUES (office, key_check, session_user) ON CONFLICT (office_code) DO NOTHING;
    made := FOUND;
    SELECT k.key_check INTO existing FROM visitmap.office_keys k WHERE k.office_code = office;
    IF existing <> key_check THEN
        RAISE EXCEPTION 'office % already has another data key on the server', office
            USING ERRCODE = 'unique_violation';
    END IF;
    IF NOT made AND jsonb_array_length(coalesce(grants, '[]'::jsonb)) > 0 AND NOT visitmap.holds_key(office) THEN
        RAISE EXCEPTION 'only an account that holds the key of office % may seal it for others; % does not',
            office, session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    FOR g IN SELECT value FROM jsonb_array_elements(coalesce(grants, '[]'::jsonb)) LOOP
        SELECT * INTO recipient FROM visitmap.staff WHERE role_name = g->>'role_name';
        IF NOT FOUND OR NOT visitmap.grants_cover(recipient.role_name, office) THEN
            RAISE EXCEPTION 'office % is not granted to %', office, g->>'role_name'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF recipient.kind = 'admin' OR recipient.public_key IS NULL THEN
            RAISE EXCEPTION '% holds no office keys (an administrator, or no key pair yet)', recipient.role_name
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        BEGIN
            sealed := decode(g->>'sealed_key', 'base64');
        EXCEPTION WHEN others THEN
            sealed := NULL;
        END;
        IF sealed IS NULL OR length(sealed) <> sealed_bytes THEN
            RAISE EXCEPTION 'the key sealed for % is not a sealed office key (% bytes, not %)', recipient.role_name,
                coalesce(length(sealed), 0), sealed_bytes USING ERRCODE = 'invalid_parameter_value';
        END IF;
        INSERT INTO visitmap.key_grants (office_code, role_name, sealed_key, granted_by)
        VALUES (office, recipient.role_name, sealed, session_user)
        ON CONFLICT (office_code, role_name) DO NOTHING;
        IF FOUND THEN
            n := n + 1;
        END IF;
    END LOOP;
    RETURN n;
END
$$;

-- The signed-in account could not open the key sealed to it for an office (not sealed to its
-- key pair, or not the office's key): the grant goes, so a colleague who holds the key seals it
-- again at the next sync. Returns whether there was one.
CREATE FUNCTION visitmap.return_key(office text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
BEGIN
    DELETE FROM visitmap.key_grants WHERE office_code = office AND role_name = session_user;
    RETURN FOUND;
END
$$;

-- Why a change may not be applied as it stands, or NULL. seen: the records earlier changes of
-- the same batch create ("entity/id" -> office).
CREATE FUNCTION visitmap.change_problem(c jsonb, me visitmap.staff, seen jsonb) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
DECLARE
    kind visitmap.entity_kinds%ROWTYPE;
    op text := c->>'op';
    ent text := c->>'entity';
    id text := c->>'entity_id';
    office text := c->>'office_code';
    payload jsonb := c->'payload';
    cur_office text;
    cur_author text;
    cur_data jsonb;
    exists_now boolean;
    field text;
    target_kind text;
    target text;
    target_office text;
BEGIN
    IF jsonb_typeof(c) <> 'object' THEN
        RETURN 'a change is a JSON object';
    END IF;
    IF coalesce(c->>'change_id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN 'the change has no change_id (a UUID)';
    END IF;
    IF coalesce(id, '') = '' OR length(id) > 200 THEN
        RETURN 'the change names no entity_id';
    END IF;
    SELECT * INTO kind FROM visitmap.entity_kinds k WHERE k.entity = ent;
    IF NOT FOUND THEN
        RETURN format('%s is not a kind of record the central store keeps', coalesce(ent, '(none)'));
    END IF;
    IF op IS NULL OR NOT op = ANY (kind.ops) THEN
        RETURN format('a %s allows %s, not %s%s', ent, array_to_string(kind.ops, ', '), coalesce(op, '(none)'),
                      CASE WHEN kind.ops = '{append}' THEN ' (it is append-only: a correction is a void and a new record)'
                           ELSE '' END);
    END IF;
    IF payload IS NULL OR jsonb_typeof(payload) <> 'object' THEN
        RETURN 'the change has no payload object';
    END IF;
    IF c ? 'base' AND jsonb_typeof(c->'base') NOT IN ('object', 'null') THEN
        RETURN 'the change''s base is not an object';
    END IF;
    IF coalesce(office, '') = '' OR NOT visitmap.visible(office) THEN
        RETURN format('office %s is not granted to %s', coalesce(office, '(none)'), me.role_name);
    END IF;
    -- The record is the one named, in the office named.
    IF payload ? (CASE WHEN ent = 'office' THEN 'code' ELSE 'id' END)
       AND payload->>(CASE WHEN ent = 'office' THEN 'code' ELSE 'id' END) IS DISTINCT FROM id THEN
        RETURN format('the payload names another record than %s %s', ent, id);
    END IF;
    IF ent = 'office' AND id <> office THEN
        RETURN format('office %s is filed under office %s', id, office);
    END IF;
    IF payload ? 'office_code' AND payload->>'office_code' IS DISTINCT FROM office
       AND NOT (kind.office_optional AND coalesce(payload->>'office_code', '') = '') THEN
        RETURN format('the payload''s office_code %s differs from the change''s office %s',
                      coalesce(payload->>'office_code', 'null'), office);
    END IF;
    SELECT e.office_code, e.data->>'created_by', e.data INTO cur_office, cur_author, cur_data
      FROM visitmap.entities e WHERE e.entity = ent AND e.entity_id = id;
    exists_now := FOUND;
    IF NOT exists_now AND seen ? (ent || '/' || id) THEN
        exists_now := true;
        cur_office := seen->>(ent || '/' || id);
        cur_author := NULL;
    END IF;
    IF exists_now AND cur_office IS DISTINCT FROM office THEN
        IF NOT kind.movable THEN
            RETURN format('%s %s belongs to office %s, not %s', ent, id, cur_office, office);
        ELSIF NOT visitmap.visible(cur_office) THEN
            RETURN format('%s %s belongs to office %s, which is not granted to %s', ent, id, cur_office, me.role_name);
        END IF;
    END IF;
    IF op = 'append' AND exists_now THEN
        RETURN format('%s %s exists: it is append-only (a correction is a void and a new record)', ent, id);
    END IF;
    IF op = 'update' AND NOT exists_now THEN
        RETURN format('an update of %s %s, which the central store does not hold', ent, id);
    END IF;
    -- Who made a record is the account that sent it; only a team lead publishing the records of its
    -- own store (made there before there was a central store) names their makers.
    IF payload ? 'created_by' THEN
        IF cur_author IS NOT NULL THEN
            IF payload->>'created_by' IS DISTINCT FROM cur_author THEN
                RETURN format('created_by of %s %s is %s and does not change', ent, id, cur_author);
            END IF;
        ELSIF payload->>'created_by' IS DISTINCT FROM me.role_name
              AND (me.kind NOT IN ('team_lead', 'admin') OR op = 'update') THEN
            RETURN format('created_by names %s, but the change comes from %s', coalesce(payload->>'created_by', 'null'),
                          me.role_name);
        END IF;
    END IF;
    -- A change of a record that exists (an update, or an insert of one already there) changes
    -- only what may change; a field it repeats unchanged is no change.
    IF op = 'update' OR exists_now THEN
        FOR field IN SELECT jsonb_object_keys(payload) LOOP
            IF cur_data ? field AND visitmap.norm(cur_data->field) IS NOT DISTINCT FROM visitmap.norm(payload->field) THEN
                CONTINUE;
            END IF;
            IF field IN ('id', 'created_at') OR (ent = 'office' AND field = 'code')
               OR (kind.updatable IS NOT NULL AND NOT field = ANY (kind.updatable)) THEN
                RETURN format('a change of a %s that exists may not set %s', ent, field);
            END IF;
        END LOOP;
    END IF;
    -- What it refers to exists, in the same office.
    FOR field, target_kind IN SELECT key, value #>> '{}' FROM jsonb_each(kind.refs) LOOP
        target := payload->>field;
        IF coalesce(target, '') = '' THEN
            CONTINUE;
        END IF;
        SELECT e.office_code INTO target_office FROM visitmap.entities e
         WHERE e.entity = target_kind AND e.entity_id = target;
        IF NOT FOUND THEN
            target_office := seen->>(target_kind || '/' || target);
            IF target_office IS NULL THEN
                RETURN format('%s %s refers to %s %s, which the central store does not hold', ent, id, target_kind, target);
            END IF;
        END IF;
        IF target_office IS DISTINCT FROM office THEN
            RETURN format('%s %s of office %s refers to %s %s of office %s', ent, id, office, target_kind, target,
                          target_office);
        END IF;
    END LOOP;
    IF ent = 'void' THEN
        target_kind := payload->>'entity';
        target := payload->>'entity_id';
        IF NOT exists_now AND (target_kind IS NULL OR target IS NULL) THEN
            RETURN format('void %s names no record', id);
        END IF;
        IF target_kind IS NOT NULL THEN
            SELECT e.office_code INTO target_office FROM visitmap.entities e
             WHERE e.entity = target_kind AND e.entity_id = target;
            IF NOT FOUND THEN
                target_office := seen->>(target_kind || '/' || target);
            END IF;
            IF target_office IS NULL THEN
                RETURN format('void %s strikes out %s %s, which the central store does not hold', id, target_kind, target);
            ELSIF target_office <> office THEN
                RETURN format('void %s of office %s strikes out %s %s of office %s', id, office, target_kind, target,
                              target_office);
            END IF;
        END IF;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION visitmap.change_problem(jsonb, visitmap.staff, jsonb) FROM PUBLIC;

-- As in 0002, and: every change is checked first (visitmap.change_problem); a refused one is
-- reported in "refused" with its reason and not written; the author of every change is the
-- caller, and a new record's created_by is filled in with it when the client left it out. The
-- entities are merged under their row locks; the revision lock is held only while the accepted
-- changes get their revisions and are appended, so revisions become visible in order and a pull of
-- "after revision N" never skips one.
CREATE OR REPLACE FUNCTION visitmap.push(batch jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
DECLARE
    max_changes constant int := 1000;
    max_bytes constant bigint := 32 * 1024 * 1024;
    uuid_form constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    me visitmap.staff%ROWTYPE;
    c jsonb;
    problem text;
    seen jsonb := '{}'::jsonb;
    ids text[] := '{}';
    accepted jsonb[] := '{}';
    appended jsonb[] := '{}';
    refused jsonb := '[]'::jsonb;
    k text;
    v jsonb;
    cur jsonb;
    cur_rev bigint;
    merged jsonb;
    kept jsonb;
    payload jsonb;
    r bigint;
    duplicates int := 0;
    conflicts int := 0;
BEGIN
    SELECT * INTO me FROM visitmap.staff WHERE role_name = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the role % is not a VisitMap account', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF batch IS NULL OR jsonb_typeof(batch) <> 'array' THEN
        RAISE EXCEPTION 'a push is a JSON array of changes' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF jsonb_array_length(batch) > max_changes THEN
        RAISE EXCEPTION 'a push holds at most % changes, not %: send them in batches', max_changes,
            jsonb_array_length(batch) USING ERRCODE = 'program_limit_exceeded';
    END IF;
    IF octet_length(batch::text) > max_bytes THEN
        RAISE EXCEPTION 'a push holds at most % MB: send the changes in smaller batches', max_bytes / 1024 / 1024
            USING ERRCODE = 'program_limit_exceeded';
    END IF;

    -- 1. Check every change, without any lock.
    FOR c IN SELECT value FROM jsonb_array_elements(batch) LOOP
        -- A change applied before is a duplicate, however it reads against what is there now.
        IF jsonb_typeof(c) = 'object' AND coalesce(c->>'change_id', '') ~* uuid_form THEN
            IF lower(c->>'change_id') = ANY (ids)
               OR EXISTS (SELECT 1 FROM visitmap.changes WHERE change_id = (c->>'change_id')::uuid) THEN
                duplicates := duplicates + 1;
                CONTINUE;
            END IF;
        END IF;
        problem := visitmap.change_problem(c, me, seen);
        IF problem IS NOT NULL THEN
            refused := refused || jsonb_build_object('change_id', c->'change_id', 'entity', c->'entity',
                                                     'entity_id', c->'entity_id', 'reason', problem);
            INSERT INTO visitmap.refused_changes (change_id, entity, entity_id, office_code, op, reason, author)
            VALUES (left(c->>'change_id', 100), left(c->>'entity', 100), left(c->>'entity_id', 200),
                    left(c->>'office_code', 20), left(c->>'op', 20), problem, session_user);
            CONTINUE;
        END IF;
        ids := ids || lower(c->>'change_id');
        seen := seen || jsonb_build_object((c->>'entity') || '/' || (c->>'entity_id'), c->>'office_code');
        accepted := accepted || c;
    END LOOP;

    -- 2. Merge into the entities, under their row locks (taken in one order, so two pushes of the
    -- same records wait for each other instead of deadlocking).
    PERFORM 1 FROM visitmap.entities e
      JOIN (SELECT DISTINCT x->>'entity' AS entity, x->>'entity_id' AS entity_id FROM unnest(accepted) AS x) a
        ON a.entity = e.entity AND a.entity_id = e.entity_id
     ORDER BY e.entity, e.entity_id FOR UPDATE OF e;
    FOREACH c IN ARRAY accepted LOOP
        payload := c->'payload';
        SELECT data, rev INTO cur, cur_rev FROM visitmap.entities
         WHERE entity = c->>'entity' AND entity_id = c->>'entity_id';
        IF cur IS NULL AND NOT payload ? 'created_by' THEN
            payload := payload || jsonb_build_object('created_by', session_user);
        END IF;
        IF cur IS NOT NULL AND c->>'op' = 'append' THEN
            -- Made by a push that committed since this one was checked.
            refused := refused || jsonb_build_object('change_id', c->'change_id', 'entity', c->'entity',
                'entity_id', c->'entity_id',
                'reason', format('%s %s exists: it is append-only', c->>'entity', c->>'entity_id'));
            CONTINUE;
        END IF;
        merged := coalesce(cur, '{}'::jsonb);
        kept := '{}'::jsonb;
        FOR k, v IN SELECT key, value FROM jsonb_each(payload) LOOP
            IF cur IS NOT NULL AND jsonb_typeof(c->'base') = 'object' AND (c->'base') ? k
               AND visitmap.norm(cur->k) IS DISTINCT FROM visitmap.norm(c->'base'->k)
               AND visitmap.norm(cur->k) IS DISTINCT FROM visitmap.norm(v) THEN
                INSERT INTO visitmap.conflicts (change_id, entity, entity_id, office_code, field, base_value,
                                                mine_value, theirs_value, theirs_rev, author)
                VALUES ((c->>'change_id')::uuid, c->>'entity', c->>'entity_id', c->>'office_code', k,
                        c->'base'->k, v, cur->k, cur_rev, session_user);
                conflicts := conflicts + 1;
            ELSE
                merged := merged || jsonb_build_object(k, v);
                kept := kept || jsonb_build_object(k, v);
            END IF;
        END LOOP;
        -- rev 0 until the change has its revision (step 3, same transaction).
        INSERT INTO visitmap.entities (entity, entity_id, office_code, data, rev, updated_at, updated_by)
        VALUES (c->>'entity', c->>'entity_id', c->>'office_code', merged, 0, now(), session_user)
        ON CONFLICT (entity, entity_id) DO UPDATE
            SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by,
                office_code = EXCLUDED.office_code;
        appended := appended || (c || jsonb_build_object('payload', kept));
    END LOOP;

    -- 3. The final append, under the revision lock.
    IF cardinality(appended) > 0 THEN
        PERFORM pg_advisory_xact_lock(hashtext('visitmap.revision'));
        FOREACH c IN ARRAY appended LOOP
            r := nextval('visitmap.revision');
            INSERT INTO visitmap.changes (rev, change_id, entity, entity_id, office_code, op, payload, author)
            VALUES (r, (c->>'change_id')::uuid, c->>'entity', c->>'entity_id', c->>'office_code', c->>'op',
                    c->'payload', session_user);
        END LOOP;
        UPDATE visitmap.entities e SET rev = ch.rev
          FROM (SELECT entity, entity_id, max(rev) AS rev FROM visitmap.changes
                 WHERE change_id = ANY (SELECT (x->>'change_id')::uuid FROM unnest(appended) AS x)
                 GROUP BY entity, entity_id) ch
         WHERE e.entity = ch.entity AND e.entity_id = ch.entity_id;
    END IF;
    RETURN jsonb_build_object('applied', cardinality(appended), 'duplicates', duplicates, 'conflicts', conflicts,
                              'refused', refused,
                              'revision', (SELECT coalesce(max(rev), 0) FROM visitmap.changes));
END
$$;

REVOKE ALL ON FUNCTION visitmap.return_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION visitmap.return_key(text) TO visitmap_staff;
