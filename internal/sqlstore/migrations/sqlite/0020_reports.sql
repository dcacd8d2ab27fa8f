-- Citizens' defect reports ("Mängelmelder"): categories per organisation
-- (the Open311 services; keywords and attributes as JSON), area rules
-- (category x area -> unit), the reports with plain lat/lon columns (a
-- bounding-box prefilter, distances computed in Go), photos, public and
-- internal notes, staff's corrections, supports ("me too"). The reporter's
-- e-mail, name, phone, account and device are personal data: never public,
-- cleared after the retention period once the report is closed.

CREATE TABLE report_categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES report_categories (id) ON DELETE SET NULL,
    unit_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    code TEXT NOT NULL,
    name_de TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '[]',
    grp TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    position INTEGER NOT NULL DEFAULT 0,
    attributes TEXT NOT NULL DEFAULT '[]',
    UNIQUE (org_id, code)
);

CREATE TABLE report_area_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES report_categories (id) ON DELETE CASCADE,
    area_id TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    UNIQUE (category_id, area_id)
);

CREATE TABLE report_sequences (
    year INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL UNIQUE,
    org_id INTEGER NOT NULL REFERENCES orgs (id),
    category_id INTEGER NOT NULL REFERENCES report_categories (id),
    lat REAL,
    lon REAL,
    address TEXT NOT NULL DEFAULT '',
    address_id TEXT NOT NULL DEFAULT '',
    zipcode TEXT NOT NULL DEFAULT '',
    area_id TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    answers TEXT NOT NULL DEFAULT '{}',
    email TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    account_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    device_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    forwarded_to TEXT NOT NULL DEFAULT '',
    unit_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    duplicate_of INTEGER REFERENCES reports (id) ON DELETE SET NULL,
    supporters INTEGER NOT NULL DEFAULT 0,
    personal_hidden BOOLEAN NOT NULL DEFAULT FALSE,
    suggested_code TEXT NOT NULL DEFAULT '',
    suggested_confidence REAL NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT 'web',
    client_id TEXT NOT NULL DEFAULT '',
    token TEXT NOT NULL DEFAULT '',
    search TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    requested_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    expected_at TIMESTAMP,
    first_answer_at TIMESTAMP,
    closed_at TIMESTAMP
);
CREATE INDEX reports_org_status ON reports (org_id, status, requested_at);
CREATE INDEX reports_unit_status ON reports (unit_id, status);
CREATE INDEX reports_category ON reports (category_id, status, requested_at);
CREATE INDEX reports_lat_lon ON reports (lat, lon);
CREATE INDEX reports_updated ON reports (updated_at);
CREATE INDEX reports_closed ON reports (closed_at);
CREATE UNIQUE INDEX reports_token ON reports (token) WHERE token <> '';

CREATE TABLE report_photos (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    file_key TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL DEFAULT 0,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    public BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX report_photos_report ON report_photos (report_id);

CREATE TABLE report_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    public BOOLEAN NOT NULL,
    status TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX report_notes_report ON report_notes (report_id, at);

CREATE TABLE report_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    from_value TEXT NOT NULL DEFAULT '',
    to_value TEXT NOT NULL,
    staff_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX report_corrections_report ON report_corrections (report_id);

CREATE TABLE report_supports (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    supporter TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    PRIMARY KEY (report_id, supporter)
);
