-- SPDX-License-Identifier: GPL-3.0-or-later
-- Household search: FTS5 over search_keys, a column the program fills with the head's name and
-- given name, their 초성 (ㄱㅁㅅ for 김민수), the road part of the address and the phone's digits.
-- Tokens are matched by prefix, so 민수, 김민, ㄱㅁㅅ, 연희로 and 4567 all find 김민수 of 연희로 … 4567.
-- detail=none keeps the index small (no phrase queries are needed); prefix indexes make one- and
-- two-character prefixes instant.
ALTER TABLE households ADD COLUMN search_keys TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE household_fts USING fts5(
    search_keys,
    content = 'households',
    content_rowid = 'rowid',
    prefix = '1 2',
    detail = none,
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER household_fts_insert AFTER INSERT ON households
BEGIN
    INSERT INTO household_fts (rowid, search_keys) VALUES (new.rowid, new.search_keys);
END;
CREATE TRIGGER household_fts_delete AFTER DELETE ON households
BEGIN
    INSERT INTO household_fts (household_fts, rowid, search_keys)
    VALUES ('delete', old.rowid, old.search_keys);
END;
CREATE TRIGGER household_fts_update AFTER UPDATE OF search_keys ON households
BEGIN
    INSERT INTO household_fts (household_fts, rowid, search_keys)
    VALUES ('delete', old.rowid, old.search_keys);
    INSERT INTO household_fts (rowid, search_keys) VALUES (new.rowid, new.search_keys);
END;

-- Stores made before this migration get their keys from the program on first open.
INSERT INTO store_meta (key, value) VALUES ('search_keys_pending', '1');
