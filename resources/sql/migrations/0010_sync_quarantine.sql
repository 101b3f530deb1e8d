-- SPDX-License-Identifier: GPL-3.0-or-later
-- Sync: changes set aside with the reason instead of stopping the sync. A pulled change that does
-- not apply here (a record it needs is missing, a constraint refuses it, a kind this version does
-- not know) waits here while the rest of the pull goes on; a pushed change the central store
-- refused is kept here with the server's reason.
CREATE TABLE sync_quarantine (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    direction   TEXT NOT NULL CHECK (direction IN ('pull', 'push')),
    change_id   TEXT NOT NULL DEFAULT '',
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    office_code TEXT NOT NULL DEFAULT '',
    revision    INTEGER,
    reason      TEXT NOT NULL,
    data        TEXT,
    at          TEXT NOT NULL
);
CREATE INDEX sync_quarantine_entity ON sync_quarantine(entity, entity_id);
