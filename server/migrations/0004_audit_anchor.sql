-- SPDX-License-Identifier: GPL-3.0-or-later
-- The access logs of the workstations, anchored. Each sync sends the keyed head of the store's
-- access log (the newest entry under the store's audit key, its MAC, how many entries the key
-- covers, how many authorised purges removed) and, for the head anchored last time, the MAC
-- that entry has now. The server cannot check a MAC (it never holds an audit key), but it holds
-- what it was told: a head that goes backwards (fewer entries ever written, a lower sequence, a
-- purge count that shrinks) or an anchored entry whose MAC changed means the log was cut or
-- rewritten on the workstation. Such a head is not taken; it is kept in audit_anchor_flags for
-- the administrator, and the sync is told.

CREATE TABLE visitmap.audit_anchors (
    store_id    text PRIMARY KEY,
    seq         bigint NOT NULL,
    mac         text NOT NULL,
    entries     bigint NOT NULL,
    purged      bigint NOT NULL,
    anchored_by text NOT NULL,
    anchored_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE visitmap.audit_anchor_flags (
    id          bigserial PRIMARY KEY,
    store_id    text NOT NULL,
    problem     text NOT NULL,
    sent        jsonb NOT NULL,
    sent_by     text NOT NULL,
    sent_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE visitmap.audit_anchors ENABLE ROW LEVEL SECURITY;
ALTER TABLE visitmap.audit_anchor_flags ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON visitmap.audit_anchors, visitmap.audit_anchor_flags FROM PUBLIC;

-- The anchored head of a store: (seq, entries, purged) or no row. A workstation asks it first,
-- to send the MAC its entry has now.
CREATE FUNCTION visitmap.audit_anchor(store text) RETURNS TABLE (seq bigint, entries bigint, purged bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
    SELECT a.seq, a.entries, a.purged FROM visitmap.audit_anchors a
     WHERE a.store_id = store
       AND EXISTS (SELECT 1 FROM visitmap.staff s WHERE s.role_name = session_user);
$$;

-- Anchors a store's head. prior_mac: the MAC the entry at the anchored seq has now ('' when an
-- authorised purge removed it: then the purge count must cover it). Returns '' when taken (or
-- unchanged), else the problem (also flagged).
CREATE FUNCTION visitmap.anchor_audit(store text, head_seq bigint, head_mac text, head_entries bigint,
                                      head_purged bigint, prior_mac text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, visitmap AS $$
DECLARE
    a visitmap.audit_anchors;
    problem text := '';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM visitmap.staff WHERE role_name = session_user) THEN
        RAISE EXCEPTION 'the role % is not a VisitMap account', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF store IS NULL OR store = '' OR head_seq < 0 OR head_entries < 0 OR head_purged < 0
       OR head_entries + head_purged > head_seq THEN
        RAISE EXCEPTION 'not an access-log head: store %, entry %, % entries, % purged',
            store, head_seq, head_entries, head_purged USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO a FROM visitmap.audit_anchors WHERE store_id = store FOR UPDATE;
    IF FOUND THEN
        IF head_seq < a.seq THEN
            problem := format('the access log went back from entry %s to entry %s (entries removed at the end)',
                              a.seq, head_seq);
        ELSIF head_purged < a.purged THEN
            problem := format('the purge count went back from %s to %s', a.purged, head_purged);
        ELSIF head_seq = a.seq AND head_mac <> a.mac THEN
            problem := format('entry %s was rewritten since it was anchored (its MAC changed)', a.seq);
        ELSIF head_seq > a.seq AND prior_mac = '' AND head_purged - a.purged < 1 THEN
            problem := format('entry %s, anchored before, is gone and no purge removed it', a.seq);
        ELSIF head_seq > a.seq AND prior_mac <> '' AND prior_mac <> a.mac THEN
            problem := format('entry %s was rewritten since it was anchored (its MAC changed)', a.seq);
        ELSIF head_entries + head_purged < a.entries + a.purged THEN
            problem := format('the access log holds fewer entries than were anchored (%s, was %s)',
                              head_entries + head_purged, a.entries + a.purged);
        END IF;
    END IF;
    IF problem <> '' THEN
        INSERT INTO visitmap.audit_anchor_flags (store_id, problem, sent, sent_by)
        VALUES (store, problem, jsonb_build_object('seq', head_seq, 'mac', head_mac, 'entries', head_entries,
                                                   'purged', head_purged, 'prior_mac', prior_mac), session_user);
        RETURN problem;
    END IF;
    INSERT INTO visitmap.audit_anchors (store_id, seq, mac, entries, purged, anchored_by)
    VALUES (store, head_seq, head_mac, head_entries, head_purged, session_user)
    ON CONFLICT (store_id) DO UPDATE SET seq = EXCLUDED.seq, mac = EXCLUDED.mac, entries = EXCLUDED.entries,
        purged = EXCLUDED.purged, anchored_by = EXCLUDED.anchored_by, anchored_at = now();
    RETURN '';
END
$$;

REVOKE ALL ON FUNCTION visitmap.audit_anchor(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION visitmap.anchor_audit(text, bigint, text, bigint, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION visitmap.audit_anchor(text) TO visitmap_staff;
GRANT EXECUTE ON FUNCTION visitmap.anchor_audit(text, bigint, text, bigint, bigint, text) TO visitmap_staff;
