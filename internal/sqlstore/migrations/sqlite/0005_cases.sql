-- Cases: submitted applications, their answers, files, history, internal
-- notes, mailbox, drafts, and the counters of reference numbers.
-- Hashes are lower-case hex ("" for none); answers are JSON text.

-- service_id has no foreign key: a case is a record the city must keep
-- whatever happens to the catalogue entry, and Case.ServiceID is not
-- nullable, so SET NULL would lose it and RESTRICT would tie catalogue
-- maintenance to case retention. The number stays as the catalogue's id.
CREATE TABLE cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL UNIQUE,
    service_id INTEGER NOT NULL,
    form_version INTEGER NOT NULL DEFAULT 0,
    org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    channel TEXT NOT NULL,
    state TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    applicant_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    -- lower-cased reference and name, for the queues' search
    search TEXT NOT NULL DEFAULT '',
    assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    fee_cents BIGINT NOT NULL DEFAULT 0,
    paid_cents BIGINT NOT NULL DEFAULT 0,
    deadline TIMESTAMP,
    submitted_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP,
    access_hash TEXT NOT NULL DEFAULT '',
    -- who submitted ("u:<account id>" or "e:<lower-cased e-mail>") and the
    -- key they chose: a second submission with both returns the first case
    idempotency_scope TEXT NOT NULL DEFAULT '',
    idempotency_key TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX cases_access_hash ON cases (access_hash) WHERE access_hash <> '';
CREATE UNIQUE INDEX cases_idempotency ON cases (idempotency_scope, idempotency_key) WHERE idempotency_key <> '';
CREATE INDEX cases_org_state ON cases (org_id, state);
CREATE INDEX cases_assignee ON cases (assignee_id);
CREATE INDEX cases_applicant ON cases (applicant_id);
CREATE INDEX cases_deadline ON cases (deadline);

CREATE TABLE case_answers (
    case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    answers TEXT NOT NULL
);

CREATE TABLE case_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    from_staff INTEGER NOT NULL DEFAULT 0,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX case_messages_case ON case_messages (case_id, at);

-- A file store key belongs to one file row.
CREATE TABLE case_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    message_id INTEGER REFERENCES case_messages (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    question TEXT NOT NULL DEFAULT '',
    file_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX case_files_case ON case_files (case_id);
CREATE INDEX case_files_message ON case_files (message_id);

CREATE TABLE case_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL DEFAULT '',
    to_state TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX case_history_case ON case_history (case_id, at);

-- author_id is NULL once the author's account is deleted.
CREATE TABLE case_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id, at);

CREATE TABLE case_drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
    access_hash TEXT NOT NULL DEFAULT '',
    service_id INTEGER NOT NULL,
    form_version INTEGER NOT NULL DEFAULT 0,
    answers TEXT NOT NULL,
    page_id TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX case_drafts_access_hash ON case_drafts (access_hash) WHERE access_hash <> '';
CREATE INDEX case_drafts_user ON case_drafts (user_id);
CREATE INDEX case_drafts_expires ON case_drafts (expires_at);

-- The last reference number used per prefix and year. CreateCase bumps it
-- inside its transaction (the row lock on PostgreSQL, the write lock on
-- SQLite), so no two cases share a number and a rolled-back submission
-- gives its number back.
CREATE TABLE case_sequences (
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number BIGINT NOT NULL,
    PRIMARY KEY (prefix, year)
);
