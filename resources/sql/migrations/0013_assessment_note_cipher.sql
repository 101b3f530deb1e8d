-- Notes of a needs assessment (e.g. a 건강 note) are 민감정보: they rest AES-256-GCM encrypted
-- under the office key, bound to "need_assessment_items.note:<assessment id>/<domain>". The old
-- plaintext column stays (SQLite keeps it for older rows) and is emptied by the store the first
-- time an account holding the office key signs in.
ALTER TABLE need_assessment_items ADD COLUMN note_cipher BLOB;
