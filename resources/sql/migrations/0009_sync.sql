-- SPDX-License-Identifier: GPL-3.0-or-later
-- Sync: finding an entity's pending changes (publishing, and keeping unsent edits when a pull
-- brings the same record) without reading the whole outbox.
CREATE INDEX outbox_entity ON outbox(entity, entity_id);
