-- SPDX-License-Identifier: GPL-3.0-or-later
-- The access log under a key. A plain SHA-256 chain can be recomputed by anyone who edits the
-- file, so each entry also carries mac = HMAC-SHA-256(audit key, hash), and a keyed head names
-- the newest entry under the key, how many entries it covers and what authorised purges removed.
-- The audit key is 32 random bytes per store, boxed to each account from the account that
-- granted it (audit_keys); it is opened at sign-in. Entries written while no key is open (a
-- failed sign-in, work before anyone signed in) have mac NULL and are put under the key, after
-- their hash chain is checked, at the next sign-in of an account that holds it.
ALTER TABLE audit_log ADD COLUMN mac TEXT;

CREATE TABLE audit_keys (
    staff_id   TEXT PRIMARY KEY REFERENCES staff(id),
    public_key BLOB NOT NULL, -- the recipient's public key it was boxed to
    granted_by TEXT NOT NULL,  -- the staff id whose secret key boxed it
    boxed_key  BLOB NOT NULL,  -- crypto_box(audit key, nonce, recipient public key, granter secret key)
    granted_at TEXT NOT NULL
);

CREATE TABLE audit_head (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    anchor_seq  INTEGER NOT NULL, -- the last entry an authorised purge removed (0: none)
    anchor_hash TEXT NOT NULL,    -- its hash: the chain goes on from it
    purged      INTEGER NOT NULL, -- entries authorised purges removed, in all
    sealed_seq  INTEGER NOT NULL, -- the newest entry under the key
    sealed_mac  TEXT NOT NULL,    -- its mac
    entries     INTEGER NOT NULL, -- entries under the key still held
    mac         TEXT NOT NULL     -- HMAC of the fields above under the audit key
);

CREATE TRIGGER audit_log_mac_once BEFORE UPDATE OF mac ON audit_log WHEN OLD.mac IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an access-log entry is put under the key once'); END;
