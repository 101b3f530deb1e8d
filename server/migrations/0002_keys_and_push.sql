-- SPDX-License-Identifier: GPL-3.0-or-later
-- Office data keys, held by the server only sealed per account, and a stricter push.
--
-- Each account's X25519 key pair travels wrapped under a key derived from the account's password
-- (Argon2id, the same wrapping the local store uses), so a fresh workstation can open the office
-- keys sealed to the account. The server never sees a password, an account's secret key or an
-- office key in the clear: office_keys holds only a check value; key_grants holds each office key
-- sealed to one account's public key. A workstation that holds an office key seals it for the
-- colleagues who lack it (visitmap.keyless lists them).

ALTER TABLE visitmap.staff ADD COLUMN public_key bytea;
ALTER TABLE visitmap.staff ADD COLUMN wrapped_secret_key bytea;
ALTER TABLE visitmap.staff ADD COLUMN kdf_salt bytea;

-- One key per 행정동: the first workstation to publish it decides; check proves an opened key.
CREATE TABLE visitmap.office_keys (
    office_code text PRIMARY KEY,
    key_check   bytea NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE visitmap.key_grants (
    office_code text NOT NULL REFERENCES visitmap.office_keys ON DELETE CASCADE,
    role_name   text NOT NULL REFERENCES visitmap.staff ON DELETE CASCADE,
    sealed_key  bytea NOT NULL,
    granted_by  text NOT NULL,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (office_code, role_name)
);

ALTER TABLE visitmap.office_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE visitmap.key_grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY granted_offices ON visitmap.office_keys FOR SELECT TO visitmap_staff USING (visitmap.visible(office_code));
CREATE POLICY own_keys ON visitmap.key_grants FOR SELECT TO visitmap_staff USING (role_name = session_user);
REVOKE ALL ON visitmap.office_keys, visitmap.key_grants FROM PUBLIC;
GRANT SELECT ON visitmap.office_keys, visitmap.key_grants TO visitmap_staff;

-- Whether an account's grants cover an office (for sealing keys to colleagues).
CREATE FUNCTION visitmap.covers(account text, office text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
    SELECT EXISTS (SELECT 1 FROM visitmap.grants g
                   WHERE g.role_name = account
                     AND (g.area = office OR (length(g.area) = 5 AND left(office, 5) = g.area)));
$$;

-- Stores the signed-in account's key pair, wrapped. The same public key may be re-wrapped (a
-- changed password); a different one only with replace, which withdraws the keys sealed to the
-- old one (colleagues seal them again). Returns whether the server now holds this pair.
CREATE FUNCTION visitmap.set_account_keys(pk bytea, wrapped bytea, salt bytea, replace boolean)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
DECLARE
    current bytea;
BEGIN
    SELECT public_key INTO current FROM visitmap.staff WHERE role_name = session_user FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the role % is not a VisitMap account', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF current IS NOT NULL AND current <> pk AND NOT replace THEN
        RETURN false;
    END IF;
    IF current IS NOT NULL AND current <> pk THEN
        DELETE FROM visitmap.key_grants WHERE role_name = session_user;
    END IF;
    UPDATE visitmap.staff SET public_key = pk, wrapped_secret_key = wrapped, kdf_salt = salt
     WHERE role_name = session_user;
    RETURN true;
END
$$;

-- Publishes an office key's check value (the first publisher's key becomes the office's) and
-- stores keys sealed to accounts whose grants cover the office. grants: a JSON array of
-- {"office_code", "role_name", "sealed_key" (base64)}. Refuses a check that differs from the
-- office's: that workstation holds another key and must take the office's instead.
CREATE FUNCTION visitmap.put_keys(office text, key_check bytea, grants jsonb) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
DECLARE
    existing bytea;
    g jsonb;
    n int := 0;
BEGIN
    IF NOT visitmap.visible(office) THEN
        RAISE EXCEPTION 'office % is not granted to %', office, session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO visitmap.office_keys (office_code, key_check, created_by)
    VALUES (office, key_check, session_user) ON CONFLICT (office_code) DO NOTHING;
    SELECT k.key_check INTO existing FROM visitmap.office_keys k WHERE k.office_code = office;
    IF existing <> key_check THEN
        RAISE EXCEPTION 'office % already has another data key on the server', office
            USING ERRCODE = 'unique_violation';
    END IF;
    FOR g IN SELECT value FROM jsonb_array_elements(coalesce(grants, '[]'::jsonb)) LOOP
        IF NOT visitmap.covers(g->>'role_name', office) THEN
            RAISE EXCEPTION 'office % is not granted to %', office, g->>'role_name'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO visitmap.key_grants (office_code, role_name, sealed_key, granted_by)
        VALUES (office, g->>'role_name', decode(g->>'sealed_key', 'base64'), session_user)
        ON CONFLICT (office_code, role_name) DO NOTHING;
        IF FOUND THEN
            n := n + 1;
        END IF;
    END LOOP;
    RETURN n;
END
$$;

-- The colleagues (their public keys) who hold no key yet for the offices given that the
-- signed-in account can see. Administrators hold no office keys.
CREATE FUNCTION visitmap.keyless(offices text[])
RETURNS TABLE (office_code text, role_name text, public_key bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
    SELECT o.code, s.role_name, s.public_key
      FROM unnest(offices) AS o(code)
      JOIN visitmap.staff s ON s.public_key IS NOT NULL AND s.kind <> 'admin'
     WHERE visitmap.visible(o.code)
       AND visitmap.covers(s.role_name, o.code)
       AND NOT EXISTS (SELECT 1 FROM visitmap.key_grants k
                       WHERE k.office_code = o.code AND k.role_name = s.role_name);
$$;

-- '' and null are the same "no value" to the clients (an empty text field).
CREATE FUNCTION visitmap.norm(v jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
    SELECT CASE WHEN v IS NULL OR v = '""'::jsonb THEN 'null'::jsonb ELSE v END;
$$;

-- As in 0001, and: an entity kept under an office the pusher cannot see is refused (no moving a
-- record out of another office by claiming one's own), and empty text equals null when fields
-- are compared with the value they were edited from.
CREATE OR REPLACE FUNCTION visitmap.push(batch jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
DECLARE
    c jsonb;
    k text;
    v jsonb;
    cur jsonb;
    cur_office text;
    cur_rev bigint;
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
        SELECT data, office_code, rev INTO cur, cur_office, cur_rev FROM visitmap.entities
         WHERE entity = c->>'entity' AND entity_id = c->>'entity_id' FOR UPDATE;
        IF cur_office IS NOT NULL AND NOT visitmap.visible(cur_office) THEN
            RAISE EXCEPTION '% % belongs to office %, which is not granted to %', c->>'entity', c->>'entity_id',
                cur_office, session_user USING ERRCODE = 'insufficient_privilege';
        END IF;
        r := nextval('visitmap.revision');
        merged := coalesce(cur, '{}'::jsonb);
        kept := '{}'::jsonb;
        FOR k, v IN SELECT key, value FROM jsonb_each(coalesce(c->'payload', '{}'::jsonb)) LOOP
            IF cur IS NOT NULL AND (c->'base') ? k
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
        INSERT INTO visitmap.entities (entity, entity_id, office_code, data, rev, updated_at, updated_by)
        VALUES (c->>'entity', c->>'entity_id', c->>'office_code', merged, r, now(), session_user)
        ON CONFLICT (entity, entity_id) DO UPDATE
            SET data = EXCLUDED.data, rev = EXCLUDED.rev, updated_at = EXCLUDED.updated_at,
                updated_by = EXCLUDED.updated_by, office_code = EXCLUDED.office_code;
        INSERT INTO visitmap.changes (rev, change_id, entity, entity_id, office_code, op, payload, author)
        VALUES (r, (c->>'change_id')::uuid, c->>'entity', c->>'entity_id', c->>'office_code',
                coalesce(c->>'op', 'update'), kept, session_user);
        applied := applied + 1;
    END LOOP;
    RETURN jsonb_build_object('applied', applied, 'duplicates', duplicates, 'conflicts', conflicts,
                              'revision', (SELECT coalesce(max(rev), 0) FROM visitmap.changes));
END
$$;

REVOKE ALL ON FUNCTION visitmap.covers(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION visitmap.set_account_keys(bytea, bytea, bytea, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION visitmap.put_keys(text, bytea, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION visitmap.keyless(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION visitmap.covers(text, text) TO visitmap_staff;
GRANT EXECUTE ON FUNCTION visitmap.set_account_keys(bytea, bytea, bytea, boolean) TO visitmap_staff;
GRANT EXECUTE ON FUNCTION visitmap.put_keys(text, bytea, jsonb) TO visitmap_staff;
GRANT EXECUTE ON FUNCTION visitmap.keyless(text[]) TO visitmap_staff;
GRANT EXECUTE ON FUNCTION visitmap.norm(jsonb) TO visitmap_staff;
