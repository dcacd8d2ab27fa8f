-- Catalogue: services with their revisions, offices, life situations, the
-- catalogue version that search indexes poll, and searches that found nothing.
-- Service content is stored as JSON text (not JSONB) so both engines read it alike.
CREATE TABLE services (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL DEFAULT '',
    external_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    content TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- Services written here have no external id; only imported ones are unique.
CREATE UNIQUE INDEX services_external ON services (source, external_id) WHERE external_id <> '';
CREATE INDEX services_status ON services (status, name);

CREATE TABLE service_revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    content TEXT NOT NULL,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    origin TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    reviewer_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    review_note TEXT NOT NULL DEFAULT '',
    reviewed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (service_id, number)
);
-- At most one published revision per service.
CREATE UNIQUE INDEX service_revisions_published ON service_revisions (service_id) WHERE state = 'published';
CREATE INDEX service_revisions_state ON service_revisions (state, id);

CREATE TABLE offices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL DEFAULT '',
    external_id TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    authority TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    house_number TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    address_hint TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    hours TEXT NOT NULL DEFAULT '{}',
    accessibility TEXT NOT NULL DEFAULT '{}',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX offices_external ON offices (source, external_id) WHERE external_id <> '';

-- The offices named by each service's current content (for a published
-- service its published content), so "services at this office" is a join.
CREATE TABLE service_offices (
    service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    office_id INTEGER NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    PRIMARY KEY (service_id, office_id)
);
CREATE INDEX service_offices_office ON service_offices (office_id);

CREATE TABLE life_situations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);

-- One row; version grows with every write the public can see.
CREATE TABLE catalog_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO catalog_state (id, version) VALUES (1, 0);

CREATE TABLE search_misses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX search_misses_created ON search_misses (created_at);
