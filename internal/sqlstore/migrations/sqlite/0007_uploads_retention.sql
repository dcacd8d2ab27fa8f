-- Uploads not yet part of a case: the key and when it was stored, so
-- that files nobody submitted are deleted on schedule.
CREATE TABLE uploads (
    file_key TEXT PRIMARY KEY,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX uploads_created ON uploads (created_at);
CREATE INDEX cases_closed ON cases (closed_at);
