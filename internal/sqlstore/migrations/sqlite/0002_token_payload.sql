-- A mailed token can carry data, e.g. the new address of an e-mail change.
ALTER TABLE one_time_tokens ADD COLUMN payload TEXT NOT NULL DEFAULT '';
