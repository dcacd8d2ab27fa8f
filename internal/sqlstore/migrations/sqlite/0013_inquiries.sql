-- Messages to the city ("Anliegen"), staff replies, and staff's routing
-- corrections (training data of the router). A message keeps only what is
-- needed to answer it: text, optional name and address or the account.
-- Closed messages are deleted after the retention period by a daily job
-- (replies go with them); corrections keep only the text with the final
-- unit and category, never the contact, and stay as training data.
-- Reference numbers count per year in inquiry_sequences, bumped inside
-- the creating transaction like case_sequences.

CREATE TABLE inquiries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    lang TEXT NOT NULL,
    source TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    service_ids TEXT NOT NULL DEFAULT '[]',
    suggested_org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    suggested_category TEXT NOT NULL DEFAULT '',
    confidence REAL NOT NULL DEFAULT 0,
    because TEXT NOT NULL DEFAULT '',
    org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    category TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP
);
CREATE INDEX inquiries_queue ON inquiries (status, created_at);
CREATE INDEX inquiries_org_queue ON inquiries (org_id, status, created_at);
CREATE INDEX inquiries_closed ON inquiries (closed_at) WHERE status = 'closed';
CREATE INDEX inquiries_user ON inquiries (user_id);

CREATE TABLE inquiry_replies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    inquiry_id INTEGER NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    role TEXT NOT NULL DEFAULT '',
    at TIMESTAMP NOT NULL
);
CREATE INDEX inquiry_replies_inquiry ON inquiry_replies (inquiry_id, at);

CREATE TABLE inquiry_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    text TEXT NOT NULL,
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    category TEXT NOT NULL DEFAULT '',
    at TIMESTAMP NOT NULL
);

CREATE TABLE inquiry_sequences (
    year INTEGER PRIMARY KEY,
    last_number BIGINT NOT NULL
);
