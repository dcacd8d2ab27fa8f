-- Feedback: "Was this page helpful?" per service page, and one
-- satisfaction answer per subject (an application, an appointment, a
-- report). No names, accounts or addresses: page answers keep only a keyed
-- hash of the client address, for the rate limit and for one answer per
-- client, service and day (the partial unique index). service_id has no
-- foreign key, as with cases: it names a catalogue entry. Both tables are
-- emptied of rows past the retention period by a daily job.

CREATE TABLE feedback_helpful (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id INTEGER NOT NULL,
    helpful BOOLEAN NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    client_hash TEXT NOT NULL DEFAULT '',
    day TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX feedback_helpful_once ON feedback_helpful (service_id, client_hash, day) WHERE client_hash <> '';
CREATE INDEX feedback_helpful_client ON feedback_helpful (client_hash, at);
CREATE INDEX feedback_helpful_service ON feedback_helpful (service_id, at);

CREATE TABLE feedback_satisfaction (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    service_id INTEGER NOT NULL DEFAULT 0,
    org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (kind, subject_id)
);
CREATE INDEX feedback_satisfaction_service ON feedback_satisfaction (service_id, updated_at);
