-- Attachments are kept with a keyed digest (BLAKE2b under a key derived from the office key,
-- written 'b2k1:<hex>'). Rows written before kept a plain SHA-256 of the photo in the clear, which
-- lets anyone holding the store file confirm a guessed photo. The office key is not available to
-- SQL, so those digests are not re-keyed but removed: the AES-GCM tag of data_cipher still proves
-- the bytes, and its associated data binds them to the row. The copy in the outbox goes too.
UPDATE attachments SET sha256 = '' WHERE sha256 NOT LIKE 'b2k1:%';
UPDATE outbox SET payload = json_remove(payload, '$.sha256')
    WHERE entity = 'attachment' AND json_valid(payload)
      AND json_extract(payload, '$.sha256') NOT LIKE 'b2k1:%';
